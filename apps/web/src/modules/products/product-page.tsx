import { ArrowLeftOutlined, EditOutlined, InboxOutlined } from '@ant-design/icons';
import { PRODUCT_LANGUAGE_LABELS, type TProductDetail } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Popconfirm, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { GuidanceCodeTags } from '../proposals/guidance-codes';
import { ProductAppraisals } from '../appraisals/product-appraisals';
import { ProductShares } from '../sharing/product-shares';
import { ProductFiles } from './product-files';
import { ProductPublications } from '../publications/product-publications';
import { ProductFormDrawer } from './product-form-drawer';
import { ProductStories } from './product-stories';
import { ProductStatusTag, ProductTypeLabel } from './product-labels';
import { ProductVersions } from './product-versions';
import { archiveProduct, getProduct, productKeys } from './products.api';

/** One product (route /products/:id): its fields, its files, and its versions with their comparison. */
export function ProductPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const product = useQuery({ queryKey: productKeys.detail(id), queryFn: () => getProduct(id), enabled: id !== '' });

  return (
    <>
      <Link to="/products">
        <ArrowLeftOutlined /> {t('products.back')}
      </Link>
      {product.isLoading && <Spin style={{ display: 'block', marginTop: 48 }} />}
      {product.isError && <Alert type="error" showIcon title={errorText(product.error, t)} style={{ marginTop: 16 }} />}
      {product.data && <ProductView product={product.data} />}
    </>
  );
}

function ProductView({ product }: { product: TProductDetail }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [searchParams] = useSearchParams();
  const none = t('common.none');

  const archive = useMutation({
    mutationFn: () => archiveProduct(product.id, product.version),
    onSuccess: async () => {
      message.success(t('products.archived'));
      await queryClient.invalidateQueries({ queryKey: productKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const codes = (segment: 'themes' | 'audiences' | 'channels', list: string[]) => (
    <GuidanceCodeTags year={product.guidanceYear} segment={segment} codes={list} />
  );
  const details = [
    {
      key: 'type',
      label: t('products.field.type'),
      children: <ProductTypeLabel year={product.guidanceYear} code={product.typeCode} />,
    },
    { key: 'status', label: t('products.field.status'), children: <ProductStatusTag status={product.status} /> },
    { key: 'version', label: t('products.field.version'), children: `v${product.currentVersion}` },
    { key: 'unit', label: t('products.field.ownerUnit'), children: product.ownerUnit.name },
    { key: 'authors', label: t('products.field.authors'), children: product.authors.join(', ') || none },
    { key: 'outlet', label: t('products.field.partnerOutlet'), children: product.partnerOutlet ?? none },
    {
      key: 'language',
      label: t('products.field.language'),
      children: PRODUCT_LANGUAGE_LABELS[product.language][locale],
    },
    { key: 'calendar', label: t('products.field.calendarItem'), children: product.calendarItem?.title ?? none },
    { key: 'year', label: t('products.field.guidanceYear'), children: product.guidanceYear },
    { key: 'updated', label: t('products.field.updatedAt'), children: formatDateTime(product.updatedAt) },
    { key: 'themes', label: t('products.field.themes'), span: 2, children: codes('themes', product.themeCodes) },
    {
      key: 'audiences',
      label: t('products.field.audiences'),
      span: 2,
      children: codes('audiences', product.audienceCodes),
    },
    {
      key: 'channels',
      label: t('products.field.channels'),
      span: 2,
      children: codes('channels', product.channelCodes),
    },
    { key: 'summary', label: t('products.field.summary'), span: 2, children: product.summary || none },
  ];

  return (
    <>
      <PageHeader
        title={product.title}
        actions={
          product.canEdit && (
            <>
              <Popconfirm
                title={t('products.archiveConfirm')}
                okText={t('products.archive')}
                cancelText={t('common.cancel')}
                onConfirm={() => archive.mutateAsync().catch(() => undefined)}
              >
                <Button icon={<InboxOutlined />} loading={archive.isPending}>
                  {t('products.archive')}
                </Button>
              </Popconfirm>
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            </>
          )
        }
      />
      <Tabs
        defaultActiveKey={searchParams.get('tab') ?? undefined}
        items={[
          {
            key: 'content',
            label: t('products.tab.content'),
            children: (
              <>
                <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={details} />
                <Typography.Title level={2} style={{ fontSize: 16, marginTop: 16 }}>
                  {t('products.field.body')}
                </Typography.Title>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                  {product.body || t('products.noBody')}
                </Typography.Paragraph>
                <ProductStories product={product} />
              </>
            ),
          },
          { key: 'files', label: t('products.tab.files'), children: <ProductFiles product={product} /> },
          {
            key: 'versions',
            label: t('products.tab.versions'),
            children: <ProductVersions key={product.currentVersion} product={product} />,
          },
          { key: 'appraisals', label: t('appraisals.tab'), children: <ProductAppraisals product={product} /> },
          { key: 'publications', label: t('publications.tab'), children: <ProductPublications product={product} /> },
          { key: 'sharing', label: t('sharing.productTab'), children: <ProductShares product={product} /> },
        ]}
      />
      {editing && (
        <ProductFormDrawer product={product} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
    </>
  );
}
