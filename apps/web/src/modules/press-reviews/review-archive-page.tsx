import { DownloadOutlined } from '@ant-design/icons';
import {
  REVIEW_KIND_LABELS,
  REVIEW_STATUS_LABELS,
  REVIEW_STATUSES,
  type TReviewKind,
  type TReviewStatus,
  type TReviewSummary,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { CompileButton } from './compile-button';
import { EditionUnitSelect } from './edition-unit-select';
import { APP_BASE, exportReviews, listReviews, reviewKeys, type ReviewFilters } from './press-reviews.api';
import { DeliverySummary, ReviewStatusTag } from './review-labels';
import { REVIEW_EDITOR_ROLES } from './review-roles';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateParam = (value: string | null) => (value && DATE.test(value) ? value : undefined);
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);

/** Điểm báo: the archive of daily press reviews. */
export function ReviewsArchivePage() {
  return <ReviewArchive kind="review" />;
}

/** Bản tin 24 giờ: the archive of 24-hour bulletins. */
export function BulletinsArchivePage() {
  return <ReviewArchive kind="bulletin" />;
}

/** The archive of one kind of edition: searchable, filtered, sorted and paged on the server; drafts for editors. */
function ReviewArchive({ kind }: { kind: TReviewKind }) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const canCompile = hasAnyRole(user, REVIEW_EDITOR_ROLES);

  const filters: ReviewFilters = {
    q: params.get('q') ?? undefined,
    status: pick(params.get('status'), REVIEW_STATUSES),
    orgUnitId: params.get('orgUnitId') ?? undefined,
    from: dateParam(params.get('from')),
    to: dateParam(params.get('to')),
    sort: params.get('sort') ?? undefined,
  };
  const reviews = useQuery({
    queryKey: reviewKeys.list(kind, filters, page, pageSize),
    queryFn: () => listReviews(kind, filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const exportList = useDownload(() => exportReviews(kind, filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TReviewSummary> = [
    {
      title: t('reviews.field.editionDate'),
      dataIndex: 'editionDate',
      ...sortable('editionDate'),
      width: 120,
      render: (value: string) => formatDate(value),
    },
    {
      title: t('reviews.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      width: 300,
      render: (title: string, review) => <Link to={`${APP_BASE[kind]}/${encodeURIComponent(review.id)}`}>{title}</Link>,
    },
    { title: t('reviews.field.unit'), ...sortable('orgUnit'), width: 220, render: (_, review) => review.orgUnit.name },
    {
      title: t('common.status'),
      dataIndex: 'status',
      ...sortable('status'),
      width: 150,
      render: (status: TReviewStatus) => <ReviewStatusTag status={status} />,
    },
    {
      title: t('reviews.field.entryCount'),
      dataIndex: 'entryCount',
      width: 120,
      render: (count: number, review) => (
        <>
          {count}
          {review.riskCount > 0 && (
            <Typography.Text type="danger"> · {t('reviews.riskCount', { count: review.riskCount })}</Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('reviews.field.delivery'),
      width: 240,
      render: (_, review) => <DeliverySummary summary={review.delivery} />,
    },
    {
      title: t('reviews.field.approved'),
      dataIndex: 'approvedAt',
      ...sortable('approvedAt'),
      width: 200,
      render: (_, review) =>
        review.approvedAt ? `${formatDateTime(review.approvedAt)} · ${review.approvedBy ?? ''}` : t('common.none'),
    },
  ];

  return (
    <>
      <PageHeader
        title={REVIEW_KIND_LABELS[kind][locale]}
        subtitle={t(`reviews.archive.subtitle.${kind}`)}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {canCompile && <CompileButton kind={kind} />}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('reviews.archive.searchLabel')}
          placeholder={t('reviews.archive.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select<TReviewStatus>
          allowClear
          aria-label={t('common.status')}
          placeholder={t('common.status')}
          value={filters.status}
          onChange={(value?: TReviewStatus) => update({ status: value })}
          options={REVIEW_STATUSES.map((s) => ({ value: s, label: REVIEW_STATUS_LABELS[s][locale] }))}
          style={{ width: 180 }}
        />
        <EditionUnitSelect
          aria-label={t('reviews.field.unit')}
          placeholder={t('reviews.field.unit')}
          value={filters.orgUnitId}
          onChange={(value) => update({ orgUnitId: value })}
          style={{ width: 280 }}
        />
        <DatePicker.RangePicker
          aria-label={t('reviews.archive.period')}
          format="DD/MM/YYYY"
          allowEmpty={[true, true]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
          placeholder={[t('reviews.archive.from'), t('reviews.archive.to')]}
        />
      </Flex>
      <Table<TReviewSummary>
        rowKey="id"
        size="small"
        aria-label={t('reviews.archive.tableLabel')}
        columns={columns}
        dataSource={reviews.data?.items ?? []}
        loading={reviews.isFetching}
        locale={{ emptyText: reviews.isError ? errorText(reviews.error, t) : t('reviews.archive.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: reviews.data?.total ?? 0 }, (nextPage, nextSize) =>
          update({ page: nextPage, pageSize: nextSize }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1200 }}
      />
    </>
  );
}
