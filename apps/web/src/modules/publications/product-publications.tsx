import {
  DeleteOutlined,
  DownloadOutlined,
  EditOutlined,
  LineChartOutlined,
  PaperClipOutlined,
  PlusOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { PUBLICATION_CHANNEL_LABELS, type TProductDetail, type TPublication, type TReach } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Popconfirm, Row, Statistic, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { useDownload } from '../../shared/use-download';
import { MetricsImportModal } from './metrics-import-modal';
import { PublicationFormDrawer } from './publication-form-drawer';
import { PublicationMetricsModal } from './publication-metrics-modal';
import { PublicationProofsModal } from './publication-proofs-modal';
import { deletePublication, downloadMetricsTemplate, listPublications, publicationKeys } from './publications.api';

const MAX_SHOWN = 500;

/** The product's total reach: people reached (views + listeners), then the interactions, each from the latest figures. */
export function ReachSummary({ reach, count }: { reach: TReach; count: number }) {
  const { t, locale } = useI18n();
  const number = (value: number) => value.toLocaleString(locale);
  const stats = [
    ['reached', reach.reached],
    ['views', reach.views],
    ['listeners', reach.listeners],
    ['shares', reach.shares],
    ['comments', reach.comments],
    ['reactions', reach.reactions],
  ] as const;
  return (
    <Card size="small">
      <Row gutter={[16, 8]}>
        <Col xs={12} md={4}>
          <Statistic title={t('publications.reach.count')} value={count} />
        </Col>
        {stats.map(([key, value]) => (
          <Col key={key} xs={12} md={key === 'reached' ? 5 : 3}>
            <Statistic
              title={t(`publications.reach.${key}`)}
              value={value}
              formatter={(v) => number(Number(v))}
              styles={key === 'reached' ? { content: { fontWeight: 600 } } : undefined}
            />
          </Col>
        ))}
      </Row>
      <Typography.Text type="secondary">{t('publications.reach.reachedHint')}</Typography.Text>
    </Card>
  );
}

/** The product page's "Publications" tab: where and when it went out, proof, figures and total reach. */
export function ProductPublications({ product }: { product: TProductDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const filters = { productId: product.id, sort: '-publishedAt' };
  const list = useQuery({
    queryKey: publicationKeys.list(filters, 1, MAX_SHOWN),
    queryFn: () => listPublications(filters, 1, MAX_SHOWN),
  });
  const [editing, setEditing] = useState<TPublication | 'new' | null>(null);
  const [proofsOf, setProofsOf] = useState<string | null>(null);
  const [metricsOf, setMetricsOf] = useState<TPublication | null>(null);
  const [importFile, setImportFile] = useState<File | null>(null);
  const template = useDownload(downloadMetricsTemplate);
  const publishable = product.status === 'ready' || product.status === 'published';
  const canWrite = product.canEdit && publishable;

  const remove = useMutation({
    mutationFn: (p: TPublication) => deletePublication(p.id, p.version),
    onSuccess: async () => {
      message.success(t('publications.deleted'));
      await queryClient.invalidateQueries({ queryKey: publicationKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const items = list.data?.items ?? [];
  const proofsTarget = items.find((p) => p.id === proofsOf) ?? null;

  return (
    <Flex vertical gap={16}>
      {!publishable && <Alert type="info" showIcon title={t('publications.notReady')} />}
      {list.isError && <Alert type="error" showIcon title={errorText(list.error, t)} />}
      {list.data && <ReachSummary reach={list.data.reach} count={list.data.total} />}
      {canWrite && (
        <Flex gap={8} wrap>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('publications.add')}
          </Button>
          <Upload
            accept=".xlsx,.csv,text/csv"
            showUploadList={false}
            beforeUpload={(file) => {
              setImportFile(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{t('publications.metrics.importButton')}</Button>
          </Upload>
          <Button icon={<DownloadOutlined />} loading={template.running} onClick={() => void template.run()}>
            {t('publications.metrics.template')}
          </Button>
        </Flex>
      )}
      <Table<TPublication>
        size="small"
        aria-label={t('publications.tableLabel')}
        loading={list.isLoading}
        dataSource={items}
        rowKey="id"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('publications.empty') }}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('publications.field.channel'),
            dataIndex: 'channel',
            render: (_: unknown, p) => PUBLICATION_CHANNEL_LABELS[p.channel][locale],
          },
          { title: t('publications.field.outlet'), dataIndex: 'outlet' },
          {
            title: t('publications.field.url'),
            dataIndex: 'url',
            ellipsis: true,
            render: (url: string | null) =>
              url ? (
                <a href={url} target="_blank" rel="noopener noreferrer">
                  {url}
                </a>
              ) : (
                t('common.none')
              ),
          },
          {
            title: t('publications.field.publishedAt'),
            dataIndex: 'publishedAt',
            render: (value: string) => formatDateTime(value),
          },
          {
            title: t('publications.field.proofs'),
            key: 'proofs',
            render: (_: unknown, p) => (
              <Button size="small" icon={<PaperClipOutlined />} onClick={() => setProofsOf(p.id)}>
                {t('publications.proofs.count', { count: p.proofs.length })}
              </Button>
            ),
          },
          {
            title: t('publications.field.reach'),
            key: 'reach',
            align: 'right',
            render: (_: unknown, p) => (
              <Flex vertical align="end">
                <span>{p.reach.reached.toLocaleString(locale)}</span>
                {p.readOn && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('publications.reach.readOn', { date: formatDate(p.readOn) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, p) =>
              p.canEdit && (
                <Flex gap={4}>
                  <Button
                    size="small"
                    icon={<LineChartOutlined />}
                    onClick={() => setMetricsOf(p)}
                    aria-label={`${t('publications.metrics.record')} ${p.outlet}`}
                  >
                    {t('publications.metrics.record')}
                  </Button>
                  <Button
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setEditing(p)}
                    aria-label={`${t('common.edit')} ${p.outlet}`}
                  />
                  <Popconfirm
                    title={t('publications.deleteConfirm', { outlet: p.outlet })}
                    okText={t('common.delete')}
                    cancelText={t('common.cancel')}
                    okButtonProps={{ danger: true }}
                    onConfirm={() => remove.mutateAsync(p).catch(() => undefined)}
                  >
                    <Button
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${t('common.delete')} ${p.outlet}`}
                    />
                  </Popconfirm>
                </Flex>
              ),
          },
        ]}
      />
      {editing && (
        <PublicationFormDrawer
          product={product}
          publication={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {proofsTarget && <PublicationProofsModal publication={proofsTarget} onClose={() => setProofsOf(null)} />}
      {metricsOf && <PublicationMetricsModal publication={metricsOf} onClose={() => setMetricsOf(null)} />}
      {importFile && <MetricsImportModal file={importFile} onClose={() => setImportFile(null)} />}
    </Flex>
  );
}
