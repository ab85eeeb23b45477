import type { TIncidentSeverity, TIncidentStatus, TIncidentSummary } from '@loa/contracts';
import { Table, type TableColumnsType, type TableProps } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { DueText, SeverityTag, StatusTag } from './incident-tags';

interface Props {
  items: TIncidentSummary[];
  total: number;
  loading: boolean;
  emptyText: string;
  sort: string | undefined;
  page: number;
  pageSize: number;
  onSortChange: (sort: string | undefined) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The list view: sorting and paging run on the server; the code opens the incident page. */
export function IncidentsTable(props: Props) {
  const { t } = useI18n();
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(props.sort, key) });

  const columns: TableColumnsType<TIncidentSummary> = [
    {
      title: t('incidents.field.code'),
      dataIndex: 'code',
      ...sortable('code'),
      width: 130,
      render: (code: string, incident) => (
        <Link to={`/incidents/${encodeURIComponent(incident.id)}`} style={{ whiteSpace: 'nowrap' }}>
          {code}
        </Link>
      ),
    },
    { title: t('incidents.field.title'), dataIndex: 'title', ...sortable('title'), width: 340 },
    {
      title: t('incidents.field.severity'),
      dataIndex: 'severity',
      ...sortable('severity'),
      width: 130,
      render: (severity: TIncidentSeverity) => <SeverityTag severity={severity} />,
    },
    {
      title: t('incidents.field.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 170,
      render: (status: TIncidentStatus) => <StatusTag status={status} />,
    },
    {
      title: t('incidents.field.owningUnit'),
      key: 'owningUnit',
      width: 220,
      render: (_, incident) => incident.owningUnit.name,
    },
    { title: t('incidents.field.itemCount'), dataIndex: 'itemCount', width: 90 },
    {
      title: t('incidents.field.nextDueAt'),
      dataIndex: 'nextDueAt',
      ...sortable('nextDueAt'),
      width: 220,
      render: (dueAt: string | null, incident) =>
        incident.status === 'closed' ? t('common.none') : <DueText dueAt={dueAt} overdue={incident.overdue} />,
    },
    {
      title: t('incidents.field.openedAt'),
      dataIndex: 'openedAt',
      ...sortable('openedAt'),
      width: 150,
      render: (value: string) => formatDateTime(value),
    },
  ];

  const onChange: TableProps<TIncidentSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') props.onSortChange(sortParam(sorter));
  };

  return (
    <Table<TIncidentSummary>
      size="small"
      rowKey="id"
      data-testid="incident-table"
      aria-label={t('incidents.tableLabel')}
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
  );
}
