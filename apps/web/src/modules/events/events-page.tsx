import { DownloadOutlined, PlusOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_STATUS_LABELS,
  EVENT_STATUSES,
  WORKING_ROLES,
  type TEvent,
  type TEventKind,
  type TEventStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { EventFormDrawer } from './event-form-drawer';
import { EventStatusTag, placeText } from './event-labels';
import { eventKeys, exportEvents, listEvents, type EventFilters } from './events.api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[0-9a-f-]{36}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Sự kiện truyền thông trực tiếp: the direct events of the user's scope, filtered in the URL. */
export function EventsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const canWrite = hasAnyRole(user, [...WORKING_ROLES, 'leader']);
  const day = (key: string) => (DAY.test(params.get(key) ?? '') ? params.get(key)! : undefined);

  const filters: EventFilters = {
    q: params.get('q') ?? undefined,
    kind: pick(params.get('kind'), EVENT_KINDS),
    status: pick(params.get('status'), EVENT_STATUSES),
    unitId: ID.test(params.get('unitId') ?? '') ? params.get('unitId')! : undefined,
    from: day('from'),
    to: day('to'),
    overridden: pick(params.get('overridden'), ['true', 'false'] as const),
    sort: params.get('sort') ?? undefined,
  };
  const events = useQuery({
    queryKey: eventKeys.list(filters, page, pageSize),
    queryFn: () => listEvents(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportEvents(filters));

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort ?? '-startsAt', key) });
  const columns: TableColumnsType<TEvent> = [
    {
      title: t('events.field.startsAt'),
      dataIndex: 'startsAt',
      ...sortable('startsAt'),
      render: (value: string) => formatDateTime(value),
    },
    {
      title: t('events.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (title: string, e) => (
        <>
          <Link to={`/events/${e.id}`} data-testid="event-link">
            {title}
          </Link>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {EVENT_KIND_LABELS[e.kind][locale]} · {placeText(e)}
          </Typography.Paragraph>
          {e.overrides.length > 0 && (
            <Tag color="red" icon={<SafetyCertificateOutlined />}>
              {t('events.overridden')}
            </Tag>
          )}
        </>
      ),
    },
    { title: t('events.field.orgUnit'), key: 'orgUnit', responsive: ['lg'], render: (_: unknown, e) => e.orgUnit.name },
    {
      title: t('events.filter.status'),
      dataIndex: 'status',
      ...sortable('status'),
      render: (status: TEventStatus) => <EventStatusTag status={status} />,
    },
    {
      title: t('events.field.attendance'),
      key: 'attendance',
      align: 'right',
      render: (_: unknown, e) => (e.status === 'planned' ? (e.plannedAttendance ?? '') : e.attendance.total),
    },
    {
      title: t('events.field.outcomes'),
      key: 'outcomes',
      align: 'right',
      render: (_: unknown, e) =>
        e.status === 'planned' ? '' : `${e.outcomes.voluntary} / ${e.outcomes.householdBhyt}`,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('events.title')}
        subtitle={t('events.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canWrite && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-event"
                onClick={() => setCreating(true)}
              >
                {t('events.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('events.searchLabel')}
          placeholder={t('events.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select
          allowClear
          aria-label={t('events.filter.kind')}
          placeholder={t('events.filter.kind')}
          value={filters.kind}
          onChange={(value?: TEventKind) => update({ kind: value })}
          options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k][locale] }))}
          style={{ width: 220 }}
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          aria-label={t('events.filter.status')}
          placeholder={t('events.filter.status')}
          value={filters.status}
          onChange={(value?: TEventStatus) => update({ status: value })}
          options={EVENT_STATUSES.map((s) => ({ value: s, label: EVENT_STATUS_LABELS[s][locale] }))}
          style={{ width: 180 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('events.filter.unit')}
          placeholder={t('events.filter.unit')}
          value={filters.unitId}
          onChange={(value?: string) => update({ unitId: value })}
          style={{ width: 220 }}
        />
        <DatePicker.RangePicker
          aria-label={t('events.filter.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
        <Select
          allowClear
          aria-label={t('events.filter.overridden')}
          placeholder={t('events.filter.overridden')}
          value={filters.overridden}
          onChange={(value?: 'true' | 'false') => update({ overridden: value })}
          options={[
            { value: 'true', label: t('events.filter.overridden.true') },
            { value: 'false', label: t('events.filter.overridden.false') },
          ]}
          style={{ width: 260 }}
        />
      </Flex>
      <Table<TEvent>
        rowKey="id"
        aria-label={t('events.tableLabel')}
        data-testid="events-table"
        columns={columns}
        dataSource={events.data?.items ?? []}
        loading={events.isFetching}
        locale={{ emptyText: events.isError ? errorText(events.error, t) : t('events.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: events.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 900 }}
      />
      {creating && <EventFormDrawer event={null} onClose={() => setCreating(false)} />}
    </>
  );
}
