import { ArrowUpOutlined, DownloadOutlined } from '@ant-design/icons';
import { BUDGET_CATEGORY_LABELS, type TBudgetCategory, type TBudgetFigures, type TBudgetSummary } from '@loa/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Card, Col, Flex, Row, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { useDownload } from '../../shared/use-download';
import { useUrlListState } from '../../shared/use-url-list-state';
import { ScrollRegion } from '../../shared/ui/scroll-region';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { budgetKeys, exportSummary, getSummary } from './budget.api';
import { Dong, DongWords, YearSelect, amountColumn, useFiscalYears } from './budget-ui';

const FIGURES: { key: keyof TBudgetFigures; label: MessageKey }[] = [
  { key: 'estimated', label: 'budget.figure.estimated' },
  { key: 'allocatedIn', label: 'budget.figure.allocatedIn' },
  { key: 'allocatedOut', label: 'budget.figure.allocatedOut' },
  { key: 'spent', label: 'budget.figure.spent' },
  { key: 'committed', label: 'budget.figure.committed' },
  { key: 'remaining', label: 'budget.figure.remaining' },
];
const UUID = /^[0-9a-f-]{36}$/i;

type Row<T> = TBudgetFigures & T;

/** Tổng quan kinh phí: a unit's figures for a year, by category and month, and its children to drill down. */
export function SummaryTab() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { params, update } = useUrlListState();
  const years = useFiscalYears(params.get('year'));
  const urlUnit = params.get('unitId');
  const unitId = urlUnit && UUID.test(urlUnit) ? urlUnit : user.orgUnit.id;
  const summary = useQuery({
    queryKey: budgetKeys.summary(years.year, unitId),
    queryFn: () => getSummary(years.year, unitId),
    enabled: years.query.isSuccess,
  });
  const download = useDownload(() => exportSummary(years.year, unitId));
  const data: TBudgetSummary | undefined = summary.data;

  const figureColumns = <T,>(): TableColumnsType<Row<T>> =>
    FIGURES.map((f) => ({
      title: t(f.label),
      dataIndex: f.key,
      key: f.key,
      ...amountColumn,
      render: (value: number) => <Dong value={value} strong={f.key === 'remaining'} />,
    }));

  const categoryColumns: TableColumnsType<Row<{ category: TBudgetCategory }>> = [
    {
      title: t('budget.field.category'),
      dataIndex: 'category',
      render: (c: TBudgetCategory) => BUDGET_CATEGORY_LABELS[c][locale],
    },
    ...figureColumns<{ category: TBudgetCategory }>(),
  ];
  const childColumns: TableColumnsType<Row<{ unit: TBudgetSummary['unit'] }>> = [
    {
      title: t('budget.field.unit'),
      key: 'unit',
      render: (_: unknown, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0 }}
          onClick={() => update({ unitId: row.unit.id })}
          data-testid={`budget-drill-${row.unit.code}`}
        >
          {row.unit.name}
        </Button>
      ),
    },
    ...figureColumns<{ unit: TBudgetSummary['unit'] }>(),
  ];
  type MonthRow = TBudgetSummary['byMonth'][number];
  const monthColumns: TableColumnsType<MonthRow> = [
    { title: t('budget.field.month'), dataIndex: 'month', render: (m: number) => t('budget.month', { month: m }) },
    ...(['allocatedIn', 'allocatedOut', 'spent'] as const).map((key) => ({
      title: t(`budget.figure.${key}`),
      dataIndex: key,
      key,
      ...amountColumn,
      render: (value: number) => <Dong value={value} />,
    })),
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} wrap align="center">
        <YearSelect
          rows={years.rows}
          loading={years.query.isLoading}
          value={years.year}
          onChange={(year) => update({ year })}
        />
        <OrgUnitTreeSelect
          aria-label={t('budget.field.unit')}
          value={unitId}
          onChange={(value?: string) => update({ unitId: value === user.orgUnit.id ? undefined : value })}
          style={{ minWidth: 320 }}
          data-testid="budget-summary-unit"
        />
        <Button icon={<DownloadOutlined />} loading={download.running} onClick={() => void download.run()}>
          {t('common.exportExcel')}
        </Button>
      </Flex>
      {(years.query.isError || summary.isError) && (
        <Alert type="error" showIcon title={errorText(years.query.error ?? summary.error, t)} />
      )}
      {data && (
        <>
          <Flex gap={8} align="center" wrap>
            <Breadcrumb
              items={[
                ...(data.parent
                  ? [
                      {
                        title: (
                          <Button
                            type="link"
                            size="small"
                            icon={<ArrowUpOutlined />}
                            style={{ padding: 0 }}
                            onClick={() => update({ unitId: data.parent?.id })}
                          >
                            {data.parent.name}
                          </Button>
                        ),
                      },
                    ]
                  : []),
                { title: <Typography.Text strong>{data.unit.name}</Typography.Text> },
              ]}
            />
            <Tag color={data.yearStatus === 'open' ? 'green' : 'default'}>
              {t(data.yearStatus === 'open' ? 'budget.year.open' : 'budget.year.closed')}
            </Tag>
          </Flex>
          <Row gutter={[12, 12]} data-testid="budget-cards">
            {FIGURES.map((f) => (
              <Col key={f.key} xs={12} md={8} xl={4}>
                <Card size="small" title={t(f.label)} data-testid={`budget-card-${f.key}`}>
                  <Dong value={data.totals[f.key]} strong />
                </Card>
              </Col>
            ))}
          </Row>
          <Typography.Paragraph style={{ marginBottom: 0 }}>
            {t('budget.figure.remaining')}: <DongWords value={data.totals.remaining} />
          </Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
            {t('budget.summary.byCategory')}
          </Typography.Title>
          <ScrollRegion label={t('budget.summary.byCategory')} minWidth={1000}>
            <Table
              rowKey="category"
              size="small"
              aria-label={t('budget.summary.byCategory')}
              columns={categoryColumns}
              dataSource={data.byCategory}
              pagination={false}
            />
          </ScrollRegion>
          {data.children.length > 0 && (
            <>
              <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
                {t('budget.summary.children')}
              </Typography.Title>
              <ScrollRegion label={t('budget.summary.children')} minWidth={1000}>
                <Table
                  rowKey={(row) => row.unit.id}
                  size="small"
                  aria-label={t('budget.summary.children')}
                  columns={childColumns}
                  dataSource={data.children}
                  pagination={false}
                  data-testid="budget-children"
                />
              </ScrollRegion>
            </>
          )}
          <Typography.Title level={2} style={{ fontSize: 17, margin: 0 }}>
            {t('budget.summary.byMonth')}
          </Typography.Title>
          <ScrollRegion label={t('budget.summary.byMonth')} minWidth={700}>
            <Table
              rowKey="month"
              size="small"
              aria-label={t('budget.summary.byMonth')}
              columns={monthColumns}
              dataSource={data.byMonth}
              pagination={false}
            />
          </ScrollRegion>
        </>
      )}
    </Flex>
  );
}
