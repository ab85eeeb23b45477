import { ShareAltOutlined } from '@ant-design/icons';
import type { TProduct, TShare } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Statistic } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { ShareFormDrawer } from './share-form-drawer';
import { SharesTable } from './shares-table';
import { listProductShares, sharingKeys } from './sharing.api';

/** The "Sharing" tab of a product page: who shared it from their personal accounts, and the reach gained. */
export function ProductShares({ product }: { product: Pick<TProduct, 'id' | 'title' | 'readyAt' | 'status'> }) {
  const { t } = useI18n();
  const shares = useQuery({ queryKey: sharingKeys.product(product.id), queryFn: () => listProductShares(product.id) });
  const [editing, setEditing] = useState<TShare | 'new' | null>(null);

  if (shares.isError) return <Alert type="error" showIcon title={errorText(shares.error, t)} />;
  const totals = shares.data?.totals;

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Card size="small">
          <Statistic title={t('sharing.totals.shareCount')} value={totals?.shareCount ?? 0} />
        </Card>
        <Card size="small">
          <Statistic title={t('sharing.totals.sharerCount')} value={totals?.sharerCount ?? 0} />
        </Card>
        <Card size="small">
          <Statistic title={t('sharing.totals.reach')} value={totals?.reach ?? 0} groupSeparator="." />
        </Card>
        {shares.data?.shareable && (
          <Button type="primary" icon={<ShareAltOutlined />} onClick={() => setEditing('new')}>
            {t('sharing.record')}
          </Button>
        )}
      </Flex>
      {product.status !== 'published' && <Alert type="info" showIcon title={t('sharing.notShareable')} />}
      <SharesTable
        shares={shares.data?.items ?? []}
        loading={shares.isLoading}
        show="officer"
        onEdit={setEditing}
        emptyText={t('sharing.empty')}
      />
      {editing && (
        <ShareFormDrawer
          product={product}
          {...(editing === 'new' ? {} : { share: editing })}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
