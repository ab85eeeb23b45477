import { ShareAltOutlined } from '@ant-design/icons';
import type { TShare, TShareableProduct } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { useCurrentUser } from '../auth/session';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useUrlListState } from '../../shared/use-url-list-state';
import { LeaderboardPanel } from './leaderboard-panel';
import { ShareFormDrawer } from './share-form-drawer';
import { SharesTable } from './shares-table';
import { listMyShares, listShareableProducts, sharingKeys } from './sharing.api';

const TABS = ['mine', 'shareable', 'leaderboard'] as const;
type Tab = (typeof TABS)[number];

/** Staff sharing (route /sharing): my shares, the published products to share, and the leaderboard. */
export function SharingPage() {
  const { t } = useI18n();
  const { params, update } = useUrlListState();
  const tab: Tab = TABS.find((name) => name === params.get('tab')) ?? 'mine';

  return (
    <>
      <PageHeader title={t('sharing.title')} subtitle={t('sharing.subtitle')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => update({ tab: key, q: undefined })}
        items={[
          { key: 'mine', label: t('sharing.tab.mine'), children: tab === 'mine' && <MyShares /> },
          { key: 'shareable', label: t('sharing.tab.shareable'), children: tab === 'shareable' && <Shareable /> },
          {
            key: 'leaderboard',
            label: t('sharing.tab.leaderboard'),
            children: tab === 'leaderboard' && <LeaderboardPanel />,
          },
        ]}
      />
    </>
  );
}

function SearchBox() {
  const { t } = useI18n();
  const { params, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  return (
    <Input.Search
      allowClear
      aria-label={t('sharing.searchLabel')}
      placeholder={t('sharing.searchPlaceholder')}
      value={search}
      onChange={(event) => {
        setSearch(event.target.value);
        updateLater({ q: event.target.value.trim() });
      }}
      style={{ width: 360, marginBottom: 12 }}
    />
  );
}

function MyShares() {
  const { t } = useI18n();
  const { params, page, pageSize, update } = useUrlListState();
  const q = params.get('q') ?? '';
  const [editing, setEditing] = useState<TShare | null>(null);
  const shares = useQuery({
    queryKey: sharingKeys.mine(q, page, pageSize),
    queryFn: () => listMyShares(q, page, pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <SearchBox />
      {shares.isError && <Alert type="error" showIcon title={errorText(shares.error, t)} />}
      <SharesTable
        shares={shares.data?.items ?? []}
        loading={shares.isFetching}
        show="product"
        onEdit={setEditing}
        emptyText={t('sharing.mineEmpty')}
        pagination={tablePagination(t, { page, pageSize, total: shares.data?.total ?? 0 }, (p, size) =>
          update({ page: p, pageSize: size }, true),
        )}
      />
      {editing && (
        <ShareFormDrawer
          product={{ ...editing.product, readyAt: null }}
          share={editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function Shareable() {
  const { t } = useI18n();
  const { params, page, pageSize, update } = useUrlListState();
  const q = params.get('q') ?? '';
  const [sharing, setSharing] = useState<TShareableProduct | null>(null);
  // Read-only accounts (viewers) record no shares; the server refuses them too.
  const canShare = useCurrentUser().roles.some((role) => role !== 'viewer');
  const products = useQuery({
    queryKey: sharingKeys.shareable(q, page, pageSize),
    queryFn: () => listShareableProducts(q, page, pageSize),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <SearchBox />
      {products.isError && <Alert type="error" showIcon title={errorText(products.error, t)} />}
      <Table<TShareableProduct>
        size="small"
        rowKey="id"
        loading={products.isFetching}
        dataSource={products.data?.items ?? []}
        locale={{ emptyText: t('sharing.shareableEmpty') }}
        pagination={tablePagination(t, { page, pageSize, total: products.data?.total ?? 0 }, (p, size) =>
          update({ page: p, pageSize: size }, true),
        )}
        columns={[
          {
            key: 'title',
            title: t('sharing.field.product'),
            render: (_, p) => (
              <Flex vertical>
                <Link to={`/products/${p.id}`}>{p.title}</Link>
                {p.sharedByMe && <Tag color="green">{t('sharing.sharedByMe')}</Tag>}
              </Flex>
            ),
          },
          { key: 'unit', title: t('sharing.field.unit'), render: (_, p) => p.ownerUnit.name },
          { key: 'readyAt', title: t('sharing.field.readyAt'), render: (_, p) => formatDate(p.readyAt) },
          { key: 'shareCount', title: t('sharing.field.shareCount'), align: 'right', render: (_, p) => p.shareCount },
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_, p) =>
              canShare && (
                <Button icon={<ShareAltOutlined />} onClick={() => setSharing(p)}>
                  {t('sharing.record')}
                </Button>
              ),
          },
        ]}
      />
      {sharing && <ShareFormDrawer product={sharing} onClose={() => setSharing(null)} />}
    </>
  );
}
