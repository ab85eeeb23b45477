import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PRESS_REQUEST_STATUSES,
  PRESS_REQUEST_STATUS_LABELS,
  type TPressRequest,
  type TPressRequestStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { PressRequestDrawer } from './press-request-drawer';
import { exportPressRequests, listPressRequests, pressKeys, type PressRequestFilters } from './press-requests.api';
import { PressStatusTag } from './press-status-tag';
import { useRoutingUnits } from './use-routing-units';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const dateParam = (value: string | null) => (value && DATE.test(value) ? value : undefined);
const UUID = /^[0-9a-f-]{36}$/i;
const idParam = (value: string | null) => (value && UUID.test(value) ? value : undefined);

/** Yêu cầu báo chí: the requests the caller may see, filtered in the URL; receivers record new ones. */
export function PressRequestsPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [receiving, setReceiving] = useState(false);
  const canReceive =
    hasAnyRole(user, ['admin', 'comms_center', 'press_office', 'province_officer']) &&
    (user.orgUnit.kind === 'province' || user.orgUnit.kind === 'press_office' || user.orgUnit.code === 'TT');

  const filters: PressRequestFilters = {
    q: params.get('q') ?? undefined,
    status: pick<TPressRequestStatus>(params.get('status'), PRESS_REQUEST_STATUSES),
    unitId: params.get('unitId') ?? undefined,
    overdue: pick(params.get('overdue'), ['true'] as const),
    outletId: idParam(params.get('outletId')),
    contactId: idParam(params.get('contactId')),
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: pressKeys.list(filters, page, pageSize),
    queryFn: () => listPressRequests(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const units = useRoutingUnits();
  const exportList = useDownload(() => exportPressRequests(filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableProps<TPressRequest>['columns'] = [
    {
      title: t('press.field.receivedAt'),
      dataIndex: 'receivedAt',
      ...sortable('receivedAt'),
      width: 140,
      render: (value: string) => formatDateTime(value),
    },
    { title: t('press.field.outletName'), dataIndex: 'outletName', ...sortable('outletName'), width: 180 },
    {
      title: t('press.field.topic'),
      dataIndex: 'topic',
      ...sortable('topic'),
      render: (topic: string, item) => (
        <Typography.Link onClick={() => void navigate(`/press/requests/${item.id}`)}>{topic}</Typography.Link>
      ),
    },
    { title: t('press.field.journalistName'), dataIndex: 'journalistName', width: 160 },
    {
      title: t('press.field.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 150,
      render: (_, item) => <PressStatusTag item={item} />,
    },
    {
      title: t('press.field.owningUnit'),
      width: 180,
      render: (_, item) => item.owningUnit?.name ?? t('common.none'),
    },
    {
      title: t('press.field.spokesperson'),
      width: 160,
      render: (_, item) => item.spokesperson?.name ?? t('common.none'),
    },
    {
      title: t('press.field.deadline'),
      dataIndex: 'deadline',
      ...sortable('deadline'),
      width: 140,
      render: (value: string, item) => (
        <Typography.Text type={item.overdue ? 'danger' : undefined}>{formatDateTime(value)}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('press.title')}
        subtitle={t('press.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canReceive && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="receive-press-request"
                onClick={() => setReceiving(true)}
              >
                {t('press.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('press.searchLabel')}
          placeholder={t('press.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select<TPressRequestStatus>
          allowClear
          aria-label={t('press.filter.status')}
          placeholder={t('press.filter.status')}
          value={filters.status}
          onChange={(value) => update({ status: value })}
          options={PRESS_REQUEST_STATUSES.map((s) => ({ value: s, label: PRESS_REQUEST_STATUS_LABELS[s][locale] }))}
          style={{ width: 170 }}
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('press.filter.unit')}
          placeholder={t('press.filter.unit')}
          value={filters.unitId}
          onChange={(value) => update({ unitId: value })}
          options={units.options}
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('press.filter.from'), t('press.filter.to')]}
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(event) => update({ overdue: event.target.checked ? 'true' : undefined })}
        >
          {t('press.filter.overdue')}
        </Checkbox>
        {(filters.outletId ?? filters.contactId) && (
          <Tag closable onClose={() => update({ outletId: undefined, contactId: undefined })}>
            {t('press.filter.media')}
          </Tag>
        )}
      </Flex>
      <Table<TPressRequest>
        size="small"
        rowKey="id"
        aria-label={t('press.tableLabel')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('press.empty') }}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        scroll={{ x: 1200 }}
      />
      {receiving && (
        <PressRequestDrawer
          onClose={() => setReceiving(false)}
          onSaved={(saved) => {
            setReceiving(false);
            void navigate(`/press/requests/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
