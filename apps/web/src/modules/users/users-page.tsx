import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { ROLES, type TCreatedUser, type TRole, type TUser } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Flex, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { errorText } from '../../shared/errors';
import { OneTimeSecretModal } from '../../shared/ui/one-time-secret';
import { PageHeader } from '../../shared/ui/page-header';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { UserFormDrawer } from './user-form-drawer';
import { UsersTable } from './users-table';
import { exportUsers, listUsers, USER_STATUSES, userKeys, type UserFilters, type UserStatus } from './users.api';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Người dùng: search, filter, sort and page users on the server; create, edit, disable, unlock, reset. */
export function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [editing, setEditing] = useState<TUser | 'new' | null>(null);
  const [secret, setSecret] = useState<{ title: string; password: string } | null>(null);

  const filters: UserFilters = {
    q: params.get('q') ?? undefined,
    role: pick<TRole>(params.get('role'), ROLES),
    orgUnitId: params.get('orgUnitId') ?? undefined,
    status: pick<UserStatus>(params.get('status'), USER_STATUSES),
    sort: params.get('sort') ?? undefined,
  };

  // Search as the user types, once typing pauses; the URL keeps the query so the page can be shared.
  const onSearch = (text: string) => {
    setSearch(text);
    updateLater({ q: text.trim() });
  };

  const users = useQuery({
    queryKey: userKeys.list(filters, page, pageSize),
    queryFn: () => listUsers(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const exportList = useDownload(() => exportUsers(filters));

  const showCreated = (created: TCreatedUser) => {
    message.success(t('users.created', { name: created.user.fullName }));
    if (created.temporaryPassword) {
      setSecret({
        title: t('users.temporaryPasswordFor', { name: created.user.fullName, username: created.user.username }),
        password: created.temporaryPassword,
      });
    }
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        subtitle={t('users.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            <Button
              type="primary"
              icon={<UserAddOutlined />}
              data-testid="create-user"
              onClick={() => setEditing('new')}
            >
              {t('users.create')}
            </Button>
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('users.searchLabel')}
          placeholder={t('users.searchPlaceholder')}
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          style={{ width: 320 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('users.scopeFilter')}
          placeholder={t('users.scopeFilter')}
          value={filters.orgUnitId}
          onChange={(value) => update({ orgUnitId: value })}
          style={{ width: 320 }}
        />
      </Flex>
      <UsersTable
        items={users.data?.items ?? []}
        total={users.data?.total ?? 0}
        loading={users.isFetching}
        emptyText={users.isError ? errorText(users.error, t) : t('users.empty')}
        filters={filters}
        page={page}
        pageSize={pageSize}
        onFiltersChange={(changes) => update(changes)}
        onPageChange={(nextPage, nextSize) => update({ page: nextPage, pageSize: nextSize }, true)}
        onEdit={setEditing}
        onTemporaryPassword={(user, password) =>
          setSecret({
            title: t('users.temporaryPasswordFor', { name: user.fullName, username: user.username }),
            password,
          })
        }
      />
      {editing && (
        <UserFormDrawer
          user={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onCreated={showCreated}
        />
      )}
      <OneTimeSecretModal
        open={secret !== null}
        title={secret?.title ?? ''}
        warning={t('users.temporaryPasswordWarning')}
        secret={secret?.password ?? null}
        testId="temporary-password"
        onClose={() => setSecret(null)}
      />
    </>
  );
}
