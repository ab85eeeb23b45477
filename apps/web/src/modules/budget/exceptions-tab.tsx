import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  BUDGET_CATEGORY_LABELS,
  EXCEPTION_STATUSES,
  formatDong,
  type TExceptionStatus,
  type TNormException,
} from '@loa/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { tablePagination } from '../../shared/ui/table-pagination';
import { useUrlListState } from '../../shared/use-url-list-state';
import { budgetKeys, decideException, listExceptions, type ExceptionFilters } from './budget.api';
import { Dong, YearSelect, amountColumn, useFiscalYears } from './budget-ui';
import { ReasonModal } from './reason-modal';

const STATUS_COLORS: Record<TExceptionStatus, string> = { pending: 'gold', approved: 'green', rejected: 'red' };

/** Đề nghị chi vượt định mức: over-norm requests waiting for a leader, who approves or rejects with a reason. */
export function ExceptionsTab() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { params, page, pageSize, update } = useUrlListState();
  const years = useFiscalYears(params.get('year'));
  const [deciding, setDeciding] = useState<{ item: TNormException; decision: 'approve' | 'reject' } | null>(null);
  const statusParam = params.get('status');
  const status: TExceptionStatus | undefined =
    statusParam === 'all' ? undefined : (EXCEPTION_STATUSES.find((s) => s === statusParam) ?? 'pending');
  const filters: ExceptionFilters = { status, year: params.get('year') ? years.year : undefined };
  const list = useQuery({
    queryKey: budgetKeys.exceptions(filters, page, pageSize),
    queryFn: () => listExceptions(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<TNormException> = [
    { title: t('budget.exception.requestedAt'), dataIndex: 'requestedAt', render: formatDateTime },
    {
      title: t('budget.field.description'),
      key: 'what',
      render: (_: unknown, x) => (
        <>
          <Typography.Text strong>{x.request.description}</Typography.Text>
          <div>
            <Typography.Text type="secondary">
              {x.unit.name} · {BUDGET_CATEGORY_LABELS[x.request.category][locale]} · {formatDate(x.request.spentOn)} ·{' '}
              {t('budget.field.voucherNo')} {x.request.voucherNo}
            </Typography.Text>
          </div>
          <div>
            {t('budget.field.justification')}: {x.justification}
          </div>
          <Typography.Text type="secondary">
            {t('budget.exception.requestedBy', { name: x.requestedBy.name })}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('budget.field.norm'),
      key: 'norm',
      render: (_: unknown, x) => (
        <>
          <Tag>{x.norm.code}</Tag>
          <div style={{ whiteSpace: 'nowrap' }}>
            {t('budget.exception.limit', { limit: formatDong(x.normLimit), quantity: x.request.quantity })}
          </div>
        </>
      ),
    },
    {
      title: t('budget.field.amount'),
      key: 'amount',
      ...amountColumn,
      render: (_: unknown, x) => <Dong value={x.request.amount} strong />,
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      render: (s: TExceptionStatus, x) => (
        <>
          <Tag color={STATUS_COLORS[s]}>{t(`budget.exception.status.${s}`)}</Tag>
          {x.decidedBy && (
            <div>
              <Typography.Text type="secondary">
                {x.decidedBy.name}, {formatDateTime(x.decidedAt)}: {x.decisionReason}
              </Typography.Text>
            </div>
          )}
          {x.expenditureId && (
            <Link to={`/budget/expenditures/${x.expenditureId}`}>{t('budget.exception.openExpenditure')}</Link>
          )}
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, x) =>
        x.canDecide &&
        x.status === 'pending' && (
          <Flex gap={4} wrap>
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              onClick={() => setDeciding({ item: x, decision: 'approve' })}
              data-testid={`exception-approve-${x.request.voucherNo}`}
            >
              {t('budget.exception.approve')}
            </Button>
            <Button
              size="small"
              danger
              icon={<CloseOutlined />}
              onClick={() => setDeciding({ item: x, decision: 'reject' })}
            >
              {t('budget.exception.reject')}
            </Button>
          </Flex>
        ),
    },
  ];

  return (
    <>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select<string>
          aria-label={t('common.status')}
          value={status ?? 'all'}
          onChange={(value) => update({ status: value === 'pending' ? undefined : value })}
          options={[
            ...EXCEPTION_STATUSES.map((s) => ({ value: s, label: t(`budget.exception.status.${s}`) })),
            { value: 'all', label: t('budget.exception.status.all') },
          ]}
          style={{ width: 180 }}
        />
        <YearSelect allowClear rows={years.rows} value={filters.year} onChange={(year) => update({ year })} />
      </Flex>
      <Table<TNormException>
        rowKey="id"
        aria-label={t('budget.tab.exceptions')}
        columns={columns}
        dataSource={list.data?.items ?? []}
        loading={list.isFetching}
        locale={{ emptyText: list.isError ? errorText(list.error, t) : t('budget.exception.empty') }}
        pagination={tablePagination(t, { page, pageSize, total: list.data?.total ?? 0 }, (p, s) =>
          update({ page: p, pageSize: s }, true),
        )}
        scroll={{ x: 1000 }}
      />
      {deciding && (
        <ReasonModal
          danger={deciding.decision === 'reject'}
          title={t(deciding.decision === 'approve' ? 'budget.exception.approveTitle' : 'budget.exception.rejectTitle')}
          intro={t(deciding.decision === 'approve' ? 'budget.exception.approveIntro' : 'budget.exception.rejectIntro', {
            amount: formatDong(deciding.item.request.amount),
            limit: formatDong(deciding.item.normLimit),
          })}
          okText={t(deciding.decision === 'approve' ? 'budget.exception.approve' : 'budget.exception.reject')}
          submit={({ reason }) => decideException(deciding.item.id, deciding.decision, reason)}
          onDone={() => {
            message.success(
              t(deciding.decision === 'approve' ? 'budget.exception.approved' : 'budget.exception.rejected'),
            );
            setDeciding(null);
            void queryClient.invalidateQueries({ queryKey: budgetKeys.all });
          }}
          onClose={() => setDeciding(null)}
        />
      )}
    </>
  );
}
