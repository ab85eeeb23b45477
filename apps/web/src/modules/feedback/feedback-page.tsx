import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  FEEDBACK_STATUSES,
  FEEDBACK_STATUS_LABELS,
  type TFeedback,
  type TFeedbackCategory,
  type TFeedbackStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Flex, Input, Select, Table, Typography, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { exportFeedback, feedbackKeys, listCentralUnits, listFeedback, type FeedbackFilters } from './feedback.api';
import { FeedbackReportDrawer } from './feedback-report-drawer';
import { StatusTag } from './status-tag';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const dateParam = (value: string | null) => (value && DATE.test(value) ? value : undefined);

/** Vướng mắc: the difficulties the caller may see, filtered in the URL; provinces and districts report new ones. */
export function FeedbackPage() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [reporting, setReporting] = useState(false);
  const canReport =
    hasAnyRole(user, ['admin', 'province_officer', 'district_officer', 'comms_center', 'unit_officer']) &&
    (user.orgUnit.kind === 'province' || user.orgUnit.kind === 'district');

  const filters: FeedbackFilters = {
    q: params.get('q') ?? undefined,
    status: pick<TFeedbackStatus>(params.get('status'), FEEDBACK_STATUSES),
    category: pick<TFeedbackCategory>(params.get('category'), FEEDBACK_CATEGORIES),
    routedUnitId: params.get('routedUnitId') ?? undefined,
    overdue: pick(params.get('overdue'), ['true'] as const),
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: feedbackKeys.list(filters, page, pageSize),
    queryFn: () => listFeedback(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const units = useQuery({ queryKey: feedbackKeys.units, queryFn: listCentralUnits, staleTime: 600_000 });
  const exportList = useDownload(() => exportFeedback(filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableProps<TFeedback>['columns'] = [
    {
      title: t('feedback.field.createdAt'),
      dataIndex: 'createdAt',
      ...sortable('createdAt'),
      width: 110,
      render: (value: string) => formatDate(value),
    },
    {
      title: t('feedback.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      render: (title: string, item) => (
        <Typography.Link onClick={() => void navigate(`/feedback/${item.id}`)}>{title}</Typography.Link>
      ),
    },
    {
      title: t('feedback.field.category'),
      dataIndex: 'category',
      width: 200,
      render: (category: TFeedbackCategory) => FEEDBACK_CATEGORY_LABELS[category][locale],
    },
    {
      title: t('feedback.field.reporterUnit'),
      width: 200,
      render: (_, item) => item.reporterUnit.name,
    },
    {
      title: t('feedback.field.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 150,
      render: (_, item) => <StatusTag item={item} />,
    },
    {
      title: t('feedback.field.routedUnit'),
      width: 200,
      render: (_, item) => item.routedUnit?.name ?? t('common.none'),
    },
    {
      title: t('feedback.field.dueOn'),
      dataIndex: 'dueOn',
      ...sortable('dueOn'),
      width: 130,
      render: (value: string | null, item) =>
        value ? (
          <Typography.Text type={item.overdue ? 'danger' : undefined}>{formatDate(value)}</Typography.Text>
        ) : (
          t('common.none')
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('feedback.title')}
        subtitle={t('feedback.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canReport && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="report-feedback"
                onClick={() => setReporting(true)}
              >
                {t('feedback.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('feedback.searchLabel')}
          placeholder={t('feedback.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 300 }}
        />
        <Select<TFeedbackStatus>
          allowClear
          aria-label={t('feedback.filter.status')}
          placeholder={t('feedback.filter.status')}
          value={filters.status}
          onChange={(value) => update({ status: value })}
          options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: FEEDBACK_STATUS_LABELS[s][locale] }))}
          style={{ width: 170 }}
        />
        <Select<TFeedbackCategory>
          allowClear
          aria-label={t('feedback.filter.category')}
          placeholder={t('feedback.filter.category')}
          value={filters.category}
          onChange={(value) => update({ category: value })}
          options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: FEEDBACK_CATEGORY_LABELS[c][locale] }))}
          style={{ width: 240 }}
        />
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          aria-label={t('feedback.filter.unit')}
          placeholder={t('feedback.filter.unit')}
          value={filters.routedUnitId}
          onChange={(value) => update({ routedUnitId: value })}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          style={{ width: 240 }}
        />
        <DatePicker.RangePicker
          aria-label={t('feedback.filter.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('feedback.filter.from'), t('feedback.filter.to')]}
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(event) => update({ overdue: event.target.checked ? 'true' : undefined })}
          data-testid="feedback-overdue-filter"
        >
          {t('feedback.filter.overdue')}
        </Checkbox>
      </Flex>
      <div data-testid="feedback-table">
        <Table<TFeedback>
          size="small"
          rowKey="id"
          aria-label={t('feedback.tableLabel')}
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: list.isError ? errorText(list.error, t) : t('feedback.empty') }}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParam(sorter) });
          }}
          pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
            update({ page: p, pageSize: s }, true),
          )}
          scroll={{ x: 1100 }}
        />
      </div>
      {reporting && (
        <FeedbackReportDrawer
          onClose={() => setReporting(false)}
          onSaved={(saved) => {
            setReporting(false);
            void navigate(`/feedback/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
