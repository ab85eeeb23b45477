import { DownloadOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  formatDong,
  type TBudgetCategory,
  type TExpenditure,
} from '@loa/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Flex, Input, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { sortOrderOf, sortParam } from '../../shared/table-sort';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { getEvent } from '../events/events.api';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import {
  budgetKeys,
  exportExpenditures,
  listExpenditures,
  reverseExpenditure,
  type ExpenditureFilters,
} from './budget.api';
import { BUDGET_WRITE_ROLES, Dong, YearSelect, amountColumn, categoryOptions, useFiscalYears } from './budget-ui';
import { ExpenditureDrawer } from './expenditure-drawer';
import { ReasonModal } from './reason-modal';

const UUID = /^[0-9a-f-]{36}$/i;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Chi tiêu: what the units in scope spent, with its vouchers, norms and exceptions; reversals correct mistakes. */
export function ExpendituresTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const { params, page, pageSize, update, updateLater } = useUrlListState();
  const years = useFiscalYears(params.get('year'));
  const [search, setSearch] = useState(params.get('q') ?? '');
  // `?eventId=…&new=1` comes from an event's page: its costs, and a new one for it.
  const [creating, setCreating] = useState(params.get('new') === '1');
  const [reversing, setReversing] = useState<TExpenditure | null>(null);
  const unitParam = params.get('unitId');
  const unitId = unitParam && UUID.test(unitParam) ? unitParam : undefined;
  const month = Number(params.get('month'));
  const eventParam = params.get('eventId');
  const eventId = eventParam && UUID.test(eventParam) ? eventParam : undefined;
  const event = useQuery({ queryKey: ['events', eventId], queryFn: () => getEvent(eventId!), enabled: !!eventId });
  const presetEvent = event.data && { id: event.data.id, title: event.data.title };
  const filters: ExpenditureFilters = {
    q: params.get('q') ?? undefined,
    year: years.year,
    unitId,
    subtree: unitId ? (params.get('subtree') === 'false' ? 'false' : 'true') : undefined,
    category: BUDGET_CATEGORIES.find((c) => c === params.get('category')),
    month: MONTHS.includes(month) ? month : undefined,
    eventId,
    sort: params.get('sort') ?? undefined,
  };
  const list = useQuery({
    queryKey: budgetKeys.expenditures(filters, page, pageSize),
    queryFn: () => listExpenditures(filters, page, pageSize),
    placeholderData: keepPreviousData,
    enabled: years.query.isSuccess,
  });
  const download = useDownload(() => exportExpenditures(filters));
  const sortable = (key: string) => ({ key, sorter: true, sortOrder: sortOrderOf(filters.sort, key) });

  const columns: TableColumnsType<TExpenditure> = [
    { title: t('budget.field.spentOn'), dataIndex: 'spentOn', ...sortable('spentOn'), render: formatDate },
    {
      title: t('budget.field.voucherNo'),
      dataIndex: 'voucherNo',
      ...sortable('voucherNo'),
      render: (no: string, e) => <Link to={`/budget/expenditures/${e.id}`}>{no}</Link>,
    },
    {
      title: t('budget.field.description'),
      dataIndex: 'description',
      render: (text: string, e) => (
        <>
          <Typography.Text>{text}</Typography.Text>
          <div>
            {e.reversesId && <Tag>{t('budget.entry.reversal')}</Tag>}
            {e.reversedById && <Tag color="orange">{t('budget.entry.reversed')}</Tag>}
            {e.norm && (
              <Tag color={e.exception ? 'gold' : 'blue'}>
                {e.exception ? t('budget.expenditure.withException', { code: e.norm.code }) : e.norm.code}
              </Tag>
            )}
          </div>
        </>
      ),
    },
    { title: t('budget.field.unit'), key: 'unit', render: (_: unknown, e) => e.unit.name },
    {
      title: t('budget.field.category'),
      dataIndex: 'category',
      ...sortable('category'),
      responsive: ['lg'],
      render: (c: TBudgetCategory) => BUDGET_CATEGORY_LABELS[c][locale],
    },
    {
      title: t('budget.field.amount'),
      dataIndex: 'amount',
      ...sortable('amount'),
      ...amountColumn,
      render: (amount: number) => <Dong value={amount} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, e) =>
        e.canReverse && (
          <Button
            size="small"
            danger
            icon={<RollbackOutlined />}
            aria-label={`${t('budget.reverse.action')} ${e.voucherNo}`}
            onClick={() => setReversing(e)}
          >
            {t('budget.reverse.action')}
          </Button>
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          aria-label={t('budget.expenditure.search')}
          placeholder={t('budget.expenditure.search')}
          value={search}
          onChange={(event) => {
            setSearch(event.target.value);
            updateLater({ q: event.target.value.trim() });
          }}
          style={{ width: 260 }}
        />
        <YearSelect rows={years.rows} value={years.year} onChange={(year) => update({ year })} />
        <Select<number>
          allowClear
          aria-label={t('budget.field.month')}
          placeholder={t('budget.field.month')}
          value={filters.month}
          onChange={(value?: number) => update({ month: value })}
          options={MONTHS.map((m) => ({ value: m, label: t('budget.month', { month: m }) }))}
          style={{ width: 130 }}
        />
        <Select
          allowClear
          aria-label={t('budget.field.category')}
          placeholder={t('budget.field.category')}
          value={filters.category}
          onChange={(value?: TBudgetCategory) => update({ category: value })}
          options={categoryOptions(locale)}
          style={{ width: 240 }}
        />
        <OrgUnitTreeSelect
          allowClear
          aria-label={t('budget.field.unit')}
          placeholder={t('budget.field.unit')}
          value={unitId}
          onChange={(value?: string) => update({ unitId: value, subtree: undefined })}
          style={{ width: 240 }}
        />
        {unitId && (
          <Checkbox
            checked={filters.subtree === 'true'}
            onChange={(event) => update({ subtree: event.target.checked ? undefined : 'false' })}
          >
            {t('budget.expenditure.subtree')}
          </Checkbox>
        )}
        {eventId && (
          <Tag closable onClose={() => update({ eventId: undefined, new: undefined })}>
            {t('budget.expenditure.eventFilter', { title: event.data?.title ?? '…' })}
          </Tag>
        )}
        <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
          {t('common.exportExcel')}
        </Button>
        {hasAnyRole(user, BUDGET_WRITE_ROLES) && (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setCreating(true)}
            data-testid="expenditure-new"
          >
            {t('budget.expenditure.create')}
          </Button>
        )}
      </Flex>
      <Table<TExpenditure>
        rowKey="id"
        aria-label={t('budget.tab.expenditures')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('budget.expenditure.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        onChange={(_p, _f, sorter, extra) => {
          if (extra.action === 'sort') update({ sort: sortParam(sorter) });
        }}
        scroll={{ x: 1000 }}
      />
      {creating && (!eventId || event.isFetched) && (
        <ExpenditureDrawer
          presetEvent={presetEvent}
          onClose={() => {
            setCreating(false);
            if (params.get('new')) update({ new: undefined });
          }}
        />
      )}
      {reversing && (
        <ReasonModal
          danger
          voucher
          title={t('budget.reverse.expenditureTitle', { no: reversing.voucherNo })}
          intro={t('budget.reverse.expenditureIntro', { amount: formatDong(reversing.amount) })}
          okText={t('budget.reverse.action')}
          submit={(values) => reverseExpenditure(reversing.id, values)}
          onDone={() => {
            message.success(t('budget.reverse.done'));
            setReversing(null);
            void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
          }}
          onClose={() => setReversing(null)}
        />
      )}
    </>
  );
}
