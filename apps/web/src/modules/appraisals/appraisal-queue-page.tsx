import { DownloadOutlined } from '@ant-design/icons';
import { APPRAISAL_STATE_LABELS, APPRAISAL_STATES, type TAppraisalQueueItem } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { ProductStatusTag } from '../products/product-labels';
import { appraisalKeys, exportQueue, listQueue, type QueueFilters } from './appraisals.api';
import { AppraisalStateTag } from './product-appraisals';

const STATES = APPRAISAL_STATES.filter((s) => s !== 'withdrawn');

/** Hàng chờ thẩm định: the requests of other units awaiting the opinion of the user's unit, by due date. */
export function AppraisalQueuePage() {
  const { t, locale } = useI18n();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const filters: QueueFilters = {
    q: params.get('q') ?? undefined,
    state: STATES.find((s) => s === params.get('state')),
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    sort: params.get('sort') ?? undefined,
  };
  const queue = useQuery({
    queryKey: appraisalKeys.queue(filters, page, pageSize),
    queryFn: () => listQueue(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => exportQueue(filters));

  const columns: TableColumnsType<TAppraisalQueueItem> = [
    {
      title: t('appraisals.queue.product'),
      key: 'product',
      render: (_, item) => (
        <Flex vertical>
          <Link to={`/products/${encodeURIComponent(item.product.id)}?tab=appraisals`}>
            <Typography.Text strong={item.overdue}>{item.product.title}</Typography.Text>
          </Link>
          <Typography.Text type="secondary">
            v{item.product.currentVersion} · <ProductStatusTag status={item.product.status} />
          </Typography.Text>
        </Flex>
      ),
    },
    { title: t('appraisals.queue.owner'), key: 'owner', width: 220, render: (_, item) => item.product.ownerUnit.name },
    {
      title: t('appraisals.queue.state'),
      key: 'state',
      width: 220,
      render: (_, item) => <AppraisalStateTag state={item.state} />,
    },
    {
      title: t('appraisals.queue.requestedAt'),
      key: 'requestedAt',
      width: 140,
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'requestedAt'),
      render: (_, item) => formatDate(item.requestedAt),
    },
    {
      title: t('appraisals.dueOn'),
      key: 'dueOn',
      width: 160,
      sorter: true,
      sortOrder: sortOrderOf(filters.sort, 'dueOn') ?? (filters.sort ? null : 'ascend'),
      render: (_, item) => (
        <>
          <Typography.Text type={item.overdue ? 'danger' : undefined}>{formatDate(item.dueOn)}</Typography.Text>{' '}
          {item.overdue && <Tag color="red">{t('appraisals.overdue')}</Tag>}
        </>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('appraisals.queue.title')}
        subtitle={t('appraisals.queue.subtitle')}
        actions={
          <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
            {t('appraisals.queue.export')}
          </Button>
        }
      />
      <Flex gap={12} wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          aria-label={t('appraisals.queue.search')}
          placeholder={t('appraisals.queue.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 320 }}
        />
        <Select
          aria-label={t('appraisals.queue.state')}
          style={{ width: 260 }}
          value={filters.state ?? ''}
          onChange={(value) => update({ state: value })}
          options={[
            { value: '', label: t('appraisals.queue.awaiting') },
            ...STATES.map((state) => ({ value: state, label: APPRAISAL_STATE_LABELS[state][locale] })),
          ]}
        />
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(event) => update({ overdue: event.target.checked ? 'true' : undefined })}
        >
          {t('appraisals.queue.overdueOnly')}
        </Checkbox>
      </Flex>
      {queue.isError && <Alert type="error" showIcon title={errorText(queue.error, t)} style={{ marginBottom: 16 }} />}
      <Table<TAppraisalQueueItem>
        aria-label={t('appraisals.queue.tableLabel')}
        rowKey="id"
        columns={columns}
        dataSource={queue.data?.items ?? []}
        loading={queue.isFetching}
        locale={{ emptyText: t('appraisals.queue.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: queue.data?.total ?? 0 }, (next, size) =>
          update({ page: next, pageSize: size }, true),
        )}
        onChange={(_pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
      />
    </>
  );
}
