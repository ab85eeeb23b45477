import { FileTextOutlined, SyncOutlined } from '@ant-design/icons';
import type { TCalendarEntry } from '@loa/contracts';
import { Space, Table, Tag, Typography, type TableColumnsType, type TableProps } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { PhaseTag, TaskStatusTag } from '../regulations/task-labels';
import { formatDay } from './calendar-days';
import { CalendarStatusTag } from './calendar-labels';

interface Props {
  entries: TCalendarEntry[];
  total: number;
  loading: boolean;
  emptyText: string;
  sort: string | undefined;
  page: number;
  pageSize: number;
  onSortChange: (sort: string | undefined) => void;
  onPageChange: (page: number, pageSize: number) => void;
  onOpen: (entry: TCalendarEntry) => void;
}

const rowKey = (entry: TCalendarEntry) => `${entry.kind}-${entry.id}`;

/** The list view: entries of the period with paging and sorting on the server; the title opens the entry. */
export function CalendarTable(props: Props) {
  const { t } = useI18n();
  const none = t('common.none');
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(props.sort, key) });

  const columns: TableColumnsType<TCalendarEntry> = [
    {
      title: t('calendar.list.period'),
      ...sortable('startsOn'),
      width: 190,
      render: (_, entry) =>
        entry.endsOn ? `${formatDay(entry.startsOn)} – ${formatDay(entry.endsOn)}` : formatDay(entry.startsOn),
    },
    {
      title: t('calendar.field.title'),
      ...sortable('title'),
      width: 320,
      render: (_, entry) => (
        <Space size={6}>
          {entry.kind === 'task' ? <FileTextOutlined aria-hidden /> : entry.series && <SyncOutlined aria-hidden />}
          <Typography.Link
            onClick={() => props.onOpen(entry)}
            aria-label={t('calendar.list.open', { title: entry.title })}
          >
            {entry.title}
          </Typography.Link>
        </Space>
      ),
    },
    {
      title: t('calendar.field.status'),
      key: 'status',
      width: 190,
      render: (_, entry) =>
        entry.kind === 'item' ? (
          <CalendarStatusTag status={entry.status} />
        ) : (
          <Space size={2} wrap>
            <Tag color="purple">{t('calendar.kind.task')}</Tag>
            <PhaseTag phase={entry.phase} />
            <TaskStatusTag status={entry.status} />
          </Space>
        ),
    },
    {
      title: t('calendar.field.channel'),
      key: 'channel',
      width: 110,
      render: (_, entry) => (entry.kind === 'item' ? (entry.channelCode ?? none) : none),
    },
    {
      title: t('calendar.field.themes'),
      key: 'themes',
      width: 120,
      render: (_, entry) => (entry.kind === 'item' ? entry.themeCodes.join(', ') || none : none),
    },
    {
      title: t('calendar.field.regulation'),
      key: 'regulation',
      width: 130,
      render: (_, entry) => entry.regulation?.number ?? none,
    },
    { title: t('calendar.field.ownerUnit'), key: 'owner', width: 200, render: (_, entry) => entry.ownerUnit.name },
    {
      title: t('calendar.field.assignee'),
      key: 'assignee',
      width: 160,
      render: (_, entry) => entry.assignee?.fullName ?? none,
    },
  ];

  const onChange: TableProps<TCalendarEntry>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action === 'sort') props.onSortChange(sortParam(sorter));
  };

  return (
    <div data-testid="calendar-table">
      <Table<TCalendarEntry>
        size="small"
        rowKey={rowKey}
        aria-label={t('calendar.list.label')}
        columns={columns}
        dataSource={props.entries}
        loading={props.loading}
        onChange={onChange}
        locale={{ emptyText: props.emptyText }}
        pagination={tablePagination(
          t,
          { page: props.page, pageSize: props.pageSize, total: props.total },
          props.onPageChange,
        )}
        scroll={{ x: 1420 }}
      />
    </div>
  );
}
