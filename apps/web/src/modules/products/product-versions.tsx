import type { TFieldDiff, TProductDetail } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Checkbox, Descriptions, Empty, Flex, List, Select, Spin, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { diffVersions, listVersions, productKeys } from './products.api';

/** The label of each compared field of a version. */
const FIELD_LABELS: Record<string, MessageKey> = {
  title: 'products.field.title',
  typeCode: 'products.field.type',
  guidanceYear: 'products.field.guidanceYear',
  summary: 'products.field.summary',
  body: 'products.field.body',
  themeCodes: 'products.field.themes',
  audienceCodes: 'products.field.audiences',
  channelCodes: 'products.field.channels',
  ownerUnitName: 'products.field.ownerUnit',
  authors: 'products.field.authors',
  partnerOutlet: 'products.field.partnerOutlet',
  language: 'products.field.language',
  calendarItemTitle: 'products.field.calendarItem',
};

const INSERTED = { background: '#d9f7be', color: '#135200' };
const DELETED = { background: '#ffccc7', color: '#820014', textDecoration: 'line-through' };

/** The versions of a product, newest first; two of them picked are compared field by field. */
export function ProductVersions({ product }: { product: TProductDetail }) {
  const { t } = useI18n();
  const versions = useQuery({
    queryKey: [...productKeys.versions(product.id), product.currentVersion],
    queryFn: () => listVersions(product.id),
  });
  const latest = product.currentVersion;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [showUnchanged, setShowUnchanged] = useState(false);
  const comparable = from !== to;
  const diff = useQuery({
    queryKey: productKeys.diff(product.id, from, to),
    queryFn: () => diffVersions(product.id, from, to),
    enabled: comparable,
  });

  if (versions.isError) return <Alert type="error" showIcon title={errorText(versions.error, t)} />;
  if (!versions.data) return <Spin />;
  const options = versions.data.map((v) => ({
    value: v.number,
    label: t('products.versions.item', { number: v.number }),
  }));
  const fields = (diff.data?.fields ?? []).filter((field) => showUnchanged || field.changed);

  return (
    <Flex gap={24} wrap align="flex-start">
      <List
        size="small"
        bordered
        style={{ width: 300 }}
        header={t('products.versions.label')}
        dataSource={versions.data}
        rowKey={(v) => v.number}
        renderItem={(v) => (
          <List.Item>
            <List.Item.Meta
              title={t('products.versions.item', { number: v.number })}
              description={
                <>
                  {t('products.versions.by', {
                    name: v.createdBy ?? t('common.none'),
                    date: formatDateTime(v.createdAt),
                  })}
                  {v.note && <div>{v.note}</div>}
                </>
              }
            />
          </List.Item>
        )}
      />
      <Flex vertical gap={12} style={{ flex: 1, minWidth: 360 }}>
        <Flex gap={8} align="center" wrap>
          <span>{t('products.versions.from')}</span>
          <Select<number>
            aria-label={t('products.versions.from')}
            value={from}
            options={options}
            onChange={setFrom}
            style={{ width: 150 }}
          />
          <span>{t('products.versions.to')}</span>
          <Select<number>
            aria-label={t('products.versions.to')}
            value={to}
            options={options}
            onChange={setTo}
            style={{ width: 150 }}
          />
          <Checkbox checked={showUnchanged} onChange={(event) => setShowUnchanged(event.target.checked)}>
            {t('products.versions.showUnchanged')}
          </Checkbox>
        </Flex>
        {!comparable && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.versions.pickTwo')} />}
        {comparable && diff.isLoading && <Spin />}
        {comparable && diff.isError && <Alert type="error" showIcon title={errorText(diff.error, t)} />}
        {comparable && diff.data && fields.length === 0 && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('products.versions.noChange')} />
        )}
        {comparable && fields.length > 0 && (
          <Descriptions
            size="small"
            bordered
            column={1}
            data-testid="product-diff"
            items={fields.map((field) => ({
              key: field.field,
              label: t(FIELD_LABELS[field.field] ?? 'common.none'),
              children: <FieldDiff diff={field} />,
            }))}
          />
        )}
      </Flex>
    </Flex>
  );
}

/** One field's change: text with insertions green and deletions red-struck, list items added and removed. */
function FieldDiff({ diff }: { diff: TFieldDiff }) {
  const { t } = useI18n();
  const empty = t('products.diff.empty');
  if (!diff.changed && diff.kind !== 'text')
    return <Typography.Text type="secondary">{t('products.diff.unchanged')}</Typography.Text>;
  if (diff.kind === 'text') {
    if (diff.segments.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
    return (
      <div style={{ whiteSpace: 'pre-wrap' }}>
        {diff.segments.map((segment, index) =>
          segment.op === 'insert' ? (
            <ins key={index} style={INSERTED}>
              {segment.text}
            </ins>
          ) : segment.op === 'delete' ? (
            <del key={index} style={DELETED}>
              {segment.text}
            </del>
          ) : (
            <span key={index}>{segment.text}</span>
          ),
        )}
      </div>
    );
  }
  if (diff.kind === 'list') {
    const tags = (items: string[], color: string, label: string): ReactNode =>
      items.length > 0 && (
        <div>
          {label}:{' '}
          {items.map((item) => (
            <Tag key={item} color={color}>
              {item}
            </Tag>
          ))}
        </div>
      );
    return (
      <>
        {tags(diff.added, 'green', t('products.diff.added'))}
        {tags(diff.removed, 'red', t('products.diff.removed'))}
        {tags(diff.kept, 'default', t('products.diff.unchanged'))}
      </>
    );
  }
  return (
    <>
      <del style={DELETED}>{diff.from ?? empty}</del> → <ins style={INSERTED}>{diff.to ?? empty}</ins>
    </>
  );
}
