import {
  TASK_PHASES,
  ZTaskStatusFilter,
  type TRegulationTask,
  type TTaskPhase,
  type TTaskStatus,
  type TTaskStatusFilter,
  WORKING_ROLES,
} from '@loa/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { useUrlListState } from '../../shared/use-url-list-state';
import { errorText } from '../../shared/errors';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { listMyTasks, regulationKeys, updateTask, type MyTaskFilters } from './regulations.api';
import { PhaseTag, TaskDue, TaskStatusSelect } from './task-labels';

const STATUS_FILTERS = ZTaskStatusFilter.options;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The status filter when the URL names none: what is still to be done. */
const DEFAULT_STATUS: TTaskStatusFilter = 'open';
const ALL = 'all';

/** Việc cần làm: tasks owned by the user's unit or assigned to them; late ones stand out; status changes in place. */
export function MyTasksPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const canWork = hasAnyRole(user, WORKING_ROLES);

  const statusParam = params.get('status');
  const status = statusParam === ALL ? undefined : (STATUS_FILTERS.find((s) => s === statusParam) ?? DEFAULT_STATUS);
  const dueBefore = params.get('dueBefore');
  const filters: MyTaskFilters = {
    q: params.get('q') ?? undefined,
    status,
    phase: TASK_PHASES.find((phase) => phase === params.get('phase')),
    dueBefore: dueBefore && DATE.test(dueBefore) ? dueBefore : undefined,
    sort: params.get('sort') ?? undefined,
  };

  const onSearch = (text: string) => {
    setSearch(text);
    updateLater({ q: text.trim() });
  };

  const tasks = useQuery({
    queryKey: regulationKeys.mine(filters, page, pageSize),
    queryFn: () => listMyTasks(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const changeStatus = useMutation({
    mutationFn: ({ task, next }: { task: TRegulationTask; next: TTaskStatus }) =>
      updateTask(task.id, { status: next, version: task.version }),
    onSuccess: async (task) => {
      message.success(
        t('regulations.task.statusChanged', { title: task.title, status: t(`regulations.status.${task.status}`) }),
      );
      await queryClient.invalidateQueries({ queryKey: regulationKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const columns: TableColumnsType<TRegulationTask> = [
    {
      title: t('regulations.task.title'),
      dataIndex: 'title',
      key: 'title',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'title'),
      render: (title: string, task) => (
        <Flex vertical>
          <Typography.Text strong={task.overdue}>{title}</Typography.Text>
          {task.assignee && <Typography.Text type="secondary">{task.assignee.fullName}</Typography.Text>}
        </Flex>
      ),
    },
    {
      title: t('regulations.task.regulation'),
      key: 'regulation',
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'regulation'),
      width: 260,
      render: (_, task) => (
        <Flex vertical>
          <Link to={`/regulations?id=${encodeURIComponent(task.regulationId)}`}>{task.regulationNumber}</Link>
          <Typography.Text type="secondary" ellipsis={{ tooltip: task.regulationSummary }} style={{ maxWidth: 240 }}>
            {task.regulationSummary}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('regulations.task.phase'),
      dataIndex: 'phase',
      key: 'phase',
      width: 100,
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'phase'),
      render: (phase: TTaskPhase) => <PhaseTag phase={phase} />,
    },
    { title: t('regulations.task.owner'), key: 'owner', width: 200, render: (_, task) => task.ownerUnit.name },
    {
      title: t('regulations.task.dueOn'),
      dataIndex: 'dueOn',
      key: 'dueOn',
      width: 170,
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'dueOn') ?? (filters.sort ? null : 'ascend'),
      render: (_, task) => <TaskDue task={task} />,
    },
    {
      title: t('regulations.task.status'),
      key: 'status',
      width: 160,
      render: (_, task) => (
        <TaskStatusSelect
          label={`${t('regulations.task.status')}: ${task.title}`}
          value={task.status}
          disabled={!canWork}
          loading={changeStatus.isPending && changeStatus.variables?.task.id === task.id}
          onChange={(next) => changeStatus.mutate({ task, next })}
        />
      ),
    },
  ];

  const onChange: TableProps<TRegulationTask>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action === 'paginate') return;
    update({ sort: sortParam(sorter) });
  };

  return (
    <>
      <PageHeader title={t('tasks.title')} subtitle={t('tasks.subtitle', { unit: user.orgUnit.name })} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('tasks.searchLabel')}
          placeholder={t('tasks.searchPlaceholder')}
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          style={{ width: 320 }}
        />
        <Select<string>
          aria-label={t('tasks.filter.status')}
          value={status ?? ALL}
          onChange={(value) => update({ status: value === DEFAULT_STATUS ? undefined : value })}
          options={[
            ...STATUS_FILTERS.map((value) => ({ value, label: t(`regulations.status.${value}`) })),
            { value: ALL, label: t('regulations.status.all') },
          ]}
          style={{ width: 180 }}
        />
        <Select<TTaskPhase>
          allowClear
          aria-label={t('tasks.filter.phase')}
          placeholder={t('tasks.filter.phase')}
          value={filters.phase}
          onChange={(value) => update({ phase: value })}
          options={TASK_PHASES.map((phase) => ({ value: phase, label: t(`regulations.phase.${phase}`) }))}
          style={{ width: 200 }}
        />
        <DatePicker
          aria-label={t('tasks.filter.dueBefore')}
          placeholder={t('tasks.filter.dueBefore')}
          format="DD/MM/YYYY"
          value={filters.dueBefore ? dayjs(filters.dueBefore) : null}
          onChange={(value) => update({ dueBefore: value ? value.format('YYYY-MM-DD') : undefined })}
        />
      </Flex>
      <div data-testid="my-tasks-table">
        <Table<TRegulationTask>
          size="small"
          rowKey="id"
          aria-label={t('tasks.tableLabel')}
          columns={columns}
          dataSource={tasks.data?.items ?? []}
          loading={tasks.isFetching}
          onChange={onChange}
          onRow={(task) => (task.overdue ? { style: { background: '#fff1f0' } } : {})}
          locale={{ emptyText: tasks.isError ? errorText(tasks.error, t) : t('tasks.empty') }}
          pagination={tablePagination(t, { page, pageSize, total: tasks.data?.total ?? 0 }, (nextPage, nextSize) =>
            update({ page: nextPage, pageSize: nextSize }, true),
          )}
          scroll={{ x: 1100 }}
        />
      </div>
    </>
  );
}
