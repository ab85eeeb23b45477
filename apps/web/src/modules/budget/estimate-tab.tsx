import { SaveOutlined } from '@ant-design/icons';
import {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  FUNDING_SOURCES,
  FUNDING_SOURCE_LABELS,
  type TBudgetCategory,
  type TEstimate,
  type TEstimateLine,
  type TFundingSource,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { useUrlListState } from '../../shared/use-url-list-state';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { budgetKeys, getEstimate, putEstimate } from './budget.api';
import { Dong, DongInput, DongWords, YearSelect, amountColumn, useFiscalYears } from './budget-ui';

const UUID = /^[0-9a-f-]{36}$/i;
const cell = (category: TBudgetCategory, source: TFundingSource) => `${category}:${source}`;

/** Dự toán: a unit's estimate for a year, category × funding source, with its total in figures and in words. */
export function EstimateTab() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { params, update } = useUrlListState();
  const years = useFiscalYears(params.get('year'));
  const unitParam = params.get('unitId');
  const unitId = unitParam && UUID.test(unitParam) ? unitParam : user.orgUnit.id;
  const estimate = useQuery({
    queryKey: budgetKeys.estimate(years.year, unitId),
    queryFn: () => getEstimate(years.year, unitId),
    enabled: years.query.isSuccess,
  });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap>
        <YearSelect rows={years.rows} value={years.year} onChange={(year) => update({ year })} />
        <OrgUnitTreeSelect
          aria-label={t('budget.field.unit')}
          value={unitId}
          onChange={(value?: string) => update({ unitId: value === user.orgUnit.id ? undefined : value })}
          style={{ minWidth: 320 }}
        />
      </Flex>
      {estimate.isError && <Alert type="error" showIcon title={errorText(estimate.error, t)} />}
      {estimate.data && (
        <EstimateEditor
          key={`${estimate.data.unit.id}:${estimate.data.year}:${estimate.data.version}`}
          estimate={estimate.data}
        />
      )}
    </Flex>
  );
}

interface Row {
  category: TBudgetCategory;
}

function EstimateEditor({ estimate }: { estimate: TEstimate }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [amounts, setAmounts] = useState<Map<string, number>>(
    () => new Map(estimate.lines.map((l) => [cell(l.category, l.source), l.amount])),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const notes = new Map(estimate.lines.map((l) => [cell(l.category, l.source), l.note]));
  const amountOf = (c: TBudgetCategory, s: TFundingSource) => amounts.get(cell(c, s)) ?? 0;
  const rowTotal = (c: TBudgetCategory) => FUNDING_SOURCES.reduce((sum, s) => sum + amountOf(c, s), 0);
  const total = BUDGET_CATEGORIES.reduce((sum, c) => sum + rowTotal(c), 0);
  const dirty = BUDGET_CATEGORIES.some((c) =>
    FUNDING_SOURCES.some(
      (s) => amountOf(c, s) !== (estimate.lines.find((l) => l.category === c && l.source === s)?.amount ?? 0),
    ),
  );

  const save = useMutation({
    mutationFn: () => {
      const lines: TEstimateLine[] = [];
      for (const category of BUDGET_CATEGORIES) {
        for (const source of FUNDING_SOURCES) {
          const amount = amountOf(category, source);
          const note = notes.get(cell(category, source)) ?? null;
          if (amount > 0 || note) lines.push({ category, source, amount, note });
        }
      }
      return putEstimate(estimate.unit.id, estimate.year, { lines, version: estimate.version });
    },
    onSuccess: async () => {
      setFailure(null);
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: budgetKeys.all });
    },
    onError: (error) =>
      setFailure(
        error instanceof ApiError && error.status === 409 && error.code !== 'budget.year_closed'
          ? t('budget.estimate.conflict')
          : errorText(error, t),
      ),
  });

  const columns: TableColumnsType<Row> = [
    {
      title: t('budget.field.category'),
      dataIndex: 'category',
      render: (c: TBudgetCategory) => BUDGET_CATEGORY_LABELS[c][locale],
    },
    ...FUNDING_SOURCES.map((source) => ({
      title: FUNDING_SOURCE_LABELS[source][locale],
      key: source,
      ...amountColumn,
      render: (_: unknown, row: Row) =>
        estimate.canEdit ? (
          <DongInput
            hideWords
            aria-label={`${BUDGET_CATEGORY_LABELS[row.category][locale]} — ${FUNDING_SOURCE_LABELS[source][locale]}`}
            value={amountOf(row.category, source)}
            onChange={(value) => setAmounts((current) => new Map(current).set(cell(row.category, source), value ?? 0))}
            style={{ width: 190 }}
          />
        ) : (
          <Dong value={amountOf(row.category, source)} />
        ),
    })),
    {
      title: t('budget.estimate.rowTotal'),
      key: 'total',
      ...amountColumn,
      render: (_: unknown, row: Row) => <Dong value={rowTotal(row.category)} strong />,
    },
  ];

  return (
    <>
      {failure && <Alert type="error" showIcon title={failure} />}
      {!estimate.canEdit && <Alert type="info" showIcon title={t('budget.estimate.readOnly')} />}
      <Table<Row>
        rowKey="category"
        size="small"
        aria-label={t('budget.tab.estimate')}
        columns={columns}
        dataSource={BUDGET_CATEGORIES.map((category) => ({ category }))}
        pagination={false}
        scroll={{ x: 1000 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t('budget.estimate.total')}</Typography.Text>
            </Table.Summary.Cell>
            {FUNDING_SOURCES.map((source, index) => (
              <Table.Summary.Cell key={source} index={index + 1} align="right">
                <Dong value={BUDGET_CATEGORIES.reduce((sum, c) => sum + amountOf(c, source), 0)} />
              </Table.Summary.Cell>
            ))}
            <Table.Summary.Cell index={FUNDING_SOURCES.length + 1} align="right">
              <Dong value={total} strong />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        {t('budget.estimate.inWords')}: <DongWords value={total} />
      </Typography.Paragraph>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">
          {estimate.updatedBy
            ? t('budget.estimate.updated', { name: estimate.updatedBy.name, at: formatDateTime(estimate.updatedAt) })
            : t('budget.estimate.none')}
        </Typography.Text>
        {estimate.canEdit && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {t('common.save')}
          </Button>
        )}
      </Flex>
    </>
  );
}
