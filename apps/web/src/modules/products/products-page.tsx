import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import {
  PRODUCT_STATUS_LABELS,
  PRODUCT_STATUSES,
  WORKING_ROLES,
  type TProduct,
  type TProductStatus,
} from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Tag, Typography, type TableProps } from 'antd';
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
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { GuidanceCodeSelect, useGuidanceYears } from '../proposals/guidance-codes';
import { ProductFormDrawer } from './product-form-drawer';
import { ProductStatusTag, ProductTypeLabel } from './product-labels';
import { exportProducts, listProducts, productKeys, type ProductFilters } from './products.api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.find((item) => item === value);
const day = (value: string | null) => (value && DAY.test(value) ? value : undefined);

/** Sản phẩm truyền thông: the products of the user's subtree, filtered in the URL, with Excel export. */
export function ProductsPage() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [creating, setCreating] = useState(false);
  const years = useGuidanceYears();
  const year = years.data?.[0]?.year;

  const filters: ProductFilters = {
    q: params.get('q') ?? undefined,
    typeCode: params.get('typeCode') ?? undefined,
    themeCode: params.get('themeCode') ?? undefined,
    audienceCode: params.get('audienceCode') ?? undefined,
    channelCode: params.get('channelCode') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    status: pick<TProductStatus>(params.get('status'), PRODUCT_STATUSES),
    from: day(params.get('from')),
    to: day(params.get('to')),
    sort: params.get('sort') ?? undefined,
  };
  const products = useQuery({
    queryKey: productKeys.list(filters, page, pageSize),
    queryFn: () => listProducts(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const exportList = useDownload(() => exportProducts(filters));

  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });
  const codeFilter = (key: 'typeCode' | 'themeCode' | 'audienceCode' | 'channelCode') => ({
    value: filters[key],
    onChange: (value: string | string[] | undefined) =>
      update({ [key]: typeof value === 'string' ? value : undefined }),
  });
  const columns: TableProps<TProduct>['columns'] = [
    {
      title: t('products.field.title'),
      dataIndex: 'title',
      ...sortable('title'),
      minWidth: 280,
      render: (title: string, product) => (
        <Typography.Link
          href={`/products/${product.id}`}
          onClick={(event) => {
            event.preventDefault();
            void navigate(`/products/${product.id}`);
          }}
          aria-label={t('products.open', { title })}
        >
          {title}
        </Typography.Link>
      ),
    },
    {
      title: t('products.field.type'),
      ...sortable('typeCode'),
      width: 170,
      render: (_, product) => <ProductTypeLabel year={product.guidanceYear} code={product.typeCode} />,
    },
    {
      title: t('products.field.ownerUnit'),
      ...sortable('ownerUnit'),
      width: 210,
      render: (_, product) => product.ownerUnit.name,
    },
    {
      title: t('products.field.channels'),
      width: 150,
      render: (_, product) => product.channelCodes.map((code) => <Tag key={code}>{code}</Tag>),
    },
    {
      title: t('products.field.status'),
      ...sortable('status'),
      width: 150,
      render: (_, product) => <ProductStatusTag status={product.status} />,
    },
    { title: t('products.field.version'), width: 90, render: (_, product) => `v${product.currentVersion}` },
    {
      title: t('products.field.updatedAt'),
      ...sortable('updatedAt'),
      width: 110,
      render: (_, product) => formatDate(product.updatedAt),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('products.title')}
        subtitle={t('products.subtitle')}
        actions={
          <>
            <Button icon={<DownloadOutlined />} loading={exportList.running} onClick={() => void exportList.run()}>
              {t('common.exportExcel')}
            </Button>
            {hasAnyRole(user, WORKING_ROLES) && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                data-testid="create-product"
                onClick={() => setCreating(true)}
              >
                {t('products.create')}
              </Button>
            )}
          </>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('products.searchLabel')}
          placeholder={t('products.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 280 }}
        />
        <GuidanceCodeSelect
          aria-label={t('products.filter.type')}
          placeholder={t('products.filter.type')}
          year={year}
          segment="product-types"
          {...codeFilter('typeCode')}
          style={{ width: 190 }}
        />
        <GuidanceCodeSelect
          aria-label={t('products.filter.theme')}
          placeholder={t('products.filter.theme')}
          year={year}
          segment="themes"
          {...codeFilter('themeCode')}
          style={{ width: 190 }}
        />
        <GuidanceCodeSelect
          aria-label={t('products.filter.audience')}
          placeholder={t('products.filter.audience')}
          year={year}
          segment="audiences"
          {...codeFilter('audienceCode')}
          style={{ width: 190 }}
        />
        <GuidanceCodeSelect
          aria-label={t('products.filter.channel')}
          placeholder={t('products.filter.channel')}
          year={year}
          segment="channels"
          {...codeFilter('channelCode')}
          style={{ width: 170 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('products.filter.unit')}
          placeholder={t('products.filter.unit')}
          value={filters.unitId}
          onChange={(value: string | undefined) => update({ unitId: value })}
          style={{ width: 220 }}
        />
        <Select<TProductStatus>
          allowClear
          aria-label={t('products.filter.status')}
          placeholder={t('products.filter.status')}
          value={filters.status}
          onChange={(value) => update({ status: value })}
          options={PRODUCT_STATUSES.map((value) => ({ value, label: PRODUCT_STATUS_LABELS[value][locale] }))}
          style={{ width: 170 }}
        />
        <DatePicker.RangePicker
          format="DD/MM/YYYY"
          aria-label={t('products.filter.period')}
          placeholder={[t('products.filter.period'), '']}
          value={filters.from && filters.to ? [dayjs(filters.from), dayjs(filters.to)] : null}
          onChange={(range) => update({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        />
      </Flex>
      <div data-testid="products-table">
        <Table<TProduct>
          size="small"
          rowKey="id"
          aria-label={t('products.tableLabel')}
          columns={columns}
          dataSource={products.data?.items ?? []}
          loading={products.isFetching}
          onChange={(_pagination, _filters, sorter, extra) => {
            if (extra.action === 'sort') update({ sort: sortParam(sorter) });
          }}
          locale={{ emptyText: products.isError ? errorText(products.error, t) : t('products.empty') }}
          pagination={tablePagination(
            t,
            { page, pageSize, total: products.data?.total ?? 0, totalCapped: products.data?.totalCapped },
            (next, size) => update({ page: next, pageSize: size }, true),
          )}
          scroll={{ x: 1200 }}
        />
      </div>
      {creating && (
        <ProductFormDrawer
          product={null}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            void navigate(`/products/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
