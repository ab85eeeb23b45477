import { DownloadOutlined, EditOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORIES, NORM_UNIT_LABELS, type TBudgetCategory, type TNorm, type TNormUnit } from '@loa/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { budgetKeys, exportNorms, listNorms, type NormFilters } from './budget.api';
import { Dong, amountColumn, categoryLabel, categoryOptions } from './budget-ui';
import { NormDrawer } from './norm-drawer';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Định mức chi: the spending norms and their legal basis; administrators keep the catalogue. */
export function NormsTab() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [open, setOpen] = useState<TNorm | 'new' | null>(null);
  const validOn = params.get('validOn');
  const filters: NormFilters = {
    q: params.get('q') ?? undefined,
    category: BUDGET_CATEGORIES.find((c) => c === params.get('category')),
    validOn: validOn && DAY.test(validOn) ? validOn : undefined,
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: budgetKeys.norms(filters, page, pageSize),
    queryFn: () => listNorms(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });
  const download = useDownload(() => exportNorms(filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TNorm> = [
    {
      title: t('budget.field.code'),
      dataIndex: 'code',
      ...sortable('code'),
      render: (code: string) => <Typography.Text strong>{code}</Typography.Text>,
    },
    { title: t('budget.field.name'), dataIndex: 'name', ...sortable('name') },
    {
      title: t('budget.field.category'),
      dataIndex: 'category',
      responsive: ['lg'],
      render: (c: TBudgetCategory | null) => categoryLabel(c, locale, t('budget.norm.allCategories')),
    },
    {
      title: t('budget.field.maxAmount'),
      dataIndex: 'maxAmount',
      ...sortable('maxAmount'),
      ...amountColumn,
      render: (amount: number) => <Dong value={amount} />,
    },
    { title: t('budget.field.normUnit'), dataIndex: 'unit', render: (u: TNormUnit) => NORM_UNIT_LABELS[u][locale] },
    { title: t('budget.field.legalBasis'), dataIndex: 'legalBasis', responsive: ['lg'] },
    {
      title: t('budget.norm.validity'),
      key: 'valid',
      render: (_: unknown, n) =>
        n.validTo
          ? t('budget.norm.validRange', { from: formatDate(n.validFrom), to: formatDate(n.validTo) })
          : t('budget.norm.validSince', { from: formatDate(n.validFrom) }),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, n) => (
        <Button
          size="small"
          icon={n.canEdit ? <EditOutlined /> : <EyeOutlined />}
          aria-label={`${t(n.canEdit ? 'common.edit' : 'budget.open')} ${n.code}`}
          onClick={() => setOpen(n)}
        />
      ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('budget.norm.search')}
          placeholder={t('budget.norm.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 280 }}
        />
        <Select
          allowClear
          aria-label={t('budget.field.category')}
          placeholder={t('budget.field.category')}
          value={filters.category}
          onChange={(value?: TBudgetCategory) => update({ category: value })}
          options={categoryOptions(locale)}
          style={{ width: 260 }}
        />
        <DatePicker
          aria-label={t('budget.norm.validOn')}
          placeholder={t('budget.norm.validOn')}
          format="DD/MM/YYYY"
          value={filters.validOn ? dayjs(filters.validOn) : null}
          onChange={(day) => update({ validOn: day ? day.format('YYYY-MM-DD') : undefined })}
        />
        <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
          {t('common.exportExcel')}
        </Button>
        {hasAnyRole(user, ['admin']) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            {t('budget.norm.create')}
          </Button>
        )}
      </Flex>
      <Table<TNorm>
        rowKey="id"
        aria-label={t('budget.tab.norms')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('budget.norm.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1000 }}
      />
      {open !== null && <NormDrawer norm={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
    </>
  );
}
