import { PlusOutlined } from '@ant-design/icons';
import { BUDGET_SPENDING_ROLES, formatDong, type TExpenditure, type TPage } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { api } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { hasAnyRole, useCurrentUser } from '../auth/session';

/** An event's costs fit one page of the budget API. */
const PAGE_SIZE = 1000;

/** The budget screen's spending tab, with the event chosen for a new expenditure. */
export const eventCostPath = (eventId: string) =>
  `/budget?${new URLSearchParams({ tab: 'expenditures', eventId, new: '1' }).toString()}`;

/** "Chi phí": the expenditures linked to the event (those the reader may see), with their net total. */
export function EventCostsCard({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const user = useCurrentUser();
  const costs = useQuery({
    queryKey: ['budget', 'expenditures', { eventId }, { page: 1, pageSize: PAGE_SIZE }],
    queryFn: () =>
      api.get<TPage<TExpenditure>>('/api/budget/expenditures', { query: { eventId, page: 1, pageSize: PAGE_SIZE } }),
  });
  const items = costs.data?.items ?? [];
  // Reversing entries carry negative amounts, so the sum is what the event really cost.
  const total = items.reduce((sum, item) => sum + item.amount, 0);

  const columns: TableColumnsType<TExpenditure> = [
    { title: t('events.costs.spentOn'), dataIndex: 'spentOn', width: 110, render: (d: string) => formatDate(d) },
    {
      title: t('events.costs.voucher'),
      dataIndex: 'voucherNo',
      width: 140,
      render: (voucherNo: string, item) => <Link to={`/budget/expenditures/${item.id}`}>{voucherNo}</Link>,
    },
    { title: t('events.costs.description'), dataIndex: 'description' },
    { title: t('events.costs.unit'), dataIndex: ['unit', 'name'], width: 180 },
    {
      title: t('events.costs.amount'),
      dataIndex: 'amount',
      align: 'right',
      width: 150,
      render: (amount: number) => (
        <Typography.Text type={amount < 0 ? 'danger' : undefined}>{formatDong(amount)}</Typography.Text>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('events.costs.title')}
      data-testid="event-costs"
      extra={
        hasAnyRole(user, BUDGET_SPENDING_ROLES) && (
          <Link to={eventCostPath(eventId)}>
            <Button size="small" icon={<PlusOutlined />}>
              {t('events.costs.record')}
            </Button>
          </Link>
        )
      }
    >
      {costs.isError ? (
        <Alert type="error" showIcon title={errorText(costs.error, t)} />
      ) : (
        <Table<TExpenditure>
          size="small"
          rowKey="id"
          aria-label={t('events.costs.label')}
          loading={costs.isLoading}
          columns={columns}
          dataSource={items}
          pagination={false}
          locale={{ emptyText: t('events.costs.empty') }}
          scroll={{ x: 720 }}
          summary={() =>
            items.length > 0 && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={4}>
                  <Typography.Text strong>{t('events.costs.total')}</Typography.Text>
                  {(costs.data?.total ?? 0) > items.length && (
                    <Typography.Text type="secondary">
                      {' '}
                      {t('events.costs.partial', { shown: items.length, total: costs.data?.total ?? 0 })}
                    </Typography.Text>
                  )}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  <Typography.Text strong data-testid="event-costs-total">
                    {formatDong(total)}
                  </Typography.Text>
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )
          }
        />
      )}
    </Card>
  );
}
