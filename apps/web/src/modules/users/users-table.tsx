import { ROLES, type TRole, type TUser } from '@loa/contracts';
import { Table, Tag, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { RoleTags } from '../../shared/ui/labels';
import { tablePagination } from '../../shared/ui/table-pagination';
import { UserRowActions } from './user-row-actions';
import { USER_STATUSES, userStatus, type UserFilters, type UserStatus } from './users.api';

const STATUS_COLORS: Record<UserStatus, string> = { active: 'green', disabled: 'default', locked: 'orange' };

interface Props {
  items: TUser[];
  total: number;
  loading: boolean;
  emptyText: string;
  filters: UserFilters;
  page: number;
  pageSize: number;
  onFiltersChange: (changes: Partial<UserFilters>) => void;
  onPageChange: (page: number, pageSize: number) => void;
  onEdit: (user: TUser) => void;
  onTemporaryPassword: (user: TUser, password: string) => void;
}

/**
 * The users table: sorting and the role/status filters run on the server. Column titles differ from the
 * create form's labels ("Tài khoản", "Họ tên") so label-based selectors stay unambiguous.
 */
export function UsersTable(props: Props) {
  const { t } = useI18n();
  const { filters } = props;

  const columns: TableColumnsType<TUser> = [
    {
      title: t('users.column.username'),
      dataIndex: 'username',
      key: 'username',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'username'),
    },
    {
      title: t('users.column.fullName'),
      dataIndex: 'fullName',
      key: 'fullName',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'fullName'),
    },
    { title: t('users.field.email'), dataIndex: 'email', render: (v: string | null) => v ?? '' },
    { title: t('users.field.orgUnit'), key: 'orgUnit', render: (_, user) => user.orgUnit.name },
    {
      title: t('users.field.roles'),
      key: 'role',
      dataIndex: 'roles',
      filters: ROLES.map((role) => ({ text: t(`role.${role}`), value: role })),
      filterMultiple: false,
      filteredValue: filters.role ? [filters.role] : null,
      render: (roles: TRole[]) => <RoleTags roles={roles} />,
    },
    {
      title: t('common.status'),
      key: 'status',
      filters: USER_STATUSES.map((status) => ({ text: t(`users.status.${status}`), value: status })),
      filterMultiple: false,
      filteredValue: filters.status ? [filters.status] : null,
      render: (_, user) => {
        const status = userStatus(user);
        return <Tag color={STATUS_COLORS[status]}>{t(`users.status.${status}`)}</Tag>;
      },
    },
    {
      title: t('users.column.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'lastLoginAt'),
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.neverLoggedIn')),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'createdAt'),
      render: formatDateTime,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 300,
      render: (_, user) => (
        <UserRowActions user={user} onEdit={props.onEdit} onTemporaryPassword={props.onTemporaryPassword} />
      ),
    },
  ];

  const onChange: TableProps<TUser>['onChange'] = (_pagination, tableFilters, sorter, extra) => {
    if (extra.action === 'paginate') return;
    const role = tableFilters.role?.[0];
    const status = tableFilters.status?.[0];
    props.onFiltersChange({
      role: typeof role === 'string' ? (role as TRole) : undefined,
      status: typeof status === 'string' ? (status as UserStatus) : undefined,
      sort: sortParam(sorter),
    });
  };

  return (
    <div data-testid="users-table">
      <Table<TUser>
        size="small"
        rowKey="id"
        aria-label={t('users.tableLabel')}
        columns={columns}
        dataSource={props.items}
        loading={props.loading}
        onChange={onChange}
        locale={{ emptyText: props.emptyText }}
        pagination={tablePagination(
          t,
          { page: props.page, pageSize: props.pageSize, total: props.total },
          props.onPageChange,
        )}
        scroll={{ x: 1500 }}
      />
    </div>
  );
}
