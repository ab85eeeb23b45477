import { FIGURE_LABELS, formatDong, type TDashboard, type TLocale } from '@loa/contracts';
import { Col, Row } from 'antd';
import { useMemo } from 'react';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n/i18n';
import { ChartCard, type ChartTable } from './chart-card';
import { formatCount, formatPercent } from './dashboard-values';
import { EChart, type ChartOption } from './echart';

type Breakdowns = TDashboard['breakdowns'];
type Item = Breakdowns[keyof Breakdowns][number];
type Month = TDashboard['months'][number];

const SENTIMENT_COLOURS: Record<string, string> = { positive: '#389e0d', neutral: '#8c8c8c', negative: '#cf1322' };

const money = (value: number) => formatDong(Math.round(value));

function breakdownTable(items: readonly Item[], locale: TLocale, t: Translate, format: (n: number) => string) {
  return {
    columns: [t('dashboard.chart.item'), t('dashboard.chart.value')],
    rows: items.map((item) => ({ key: item.key, cells: [item.label[locale], format(item.value)] })),
  } satisfies ChartTable;
}

/** Horizontal bars, largest first as the server orders them; long Vietnamese labels fit on the left. */
function barOption(items: readonly Item[], locale: TLocale, format: (n: number) => string): ChartOption {
  return {
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', valueFormatter: (value) => format(Number(value)) },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (value: number) => format(value) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: items.map((item) => item.label[locale]),
      axisLabel: { width: 180, overflow: 'truncate' },
    },
    series: [{ type: 'bar', data: items.map((item) => item.value), barMaxWidth: 22, itemStyle: { color: '#1677ff' } }],
  };
}

function pieOption(items: readonly Item[], locale: TLocale, format: (n: number) => string): ChartOption {
  return {
    tooltip: { trigger: 'item', valueFormatter: (value) => format(Number(value)) },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: (params) => formatPercent(params.percent ?? 0, locale) },
        data: items.map((item) => ({
          name: item.label[locale],
          value: item.value,
          ...(SENTIMENT_COLOURS[item.key] ? { itemStyle: { color: SENTIMENT_COLOURS[item.key] } } : {}),
        })),
      },
    ],
  };
}

const monthLabel = (month: string, t: Translate) => {
  const [year, number] = month.split('-');
  return t('dashboard.chart.monthLabel', { month: number, year });
};

const TREND_SERIES = ['products', 'publications', 'events', 'attendance'] as const;

function trendOption(months: readonly Month[], locale: TLocale, t: Translate): ChartOption {
  const count = (value: number) => formatCount(value, locale);
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => count(Number(value)) },
    legend: { top: 0 },
    xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month, t)) },
    yAxis: [
      { type: 'value', minInterval: 1, axisLabel: { formatter: count } },
      { type: 'value', minInterval: 1, axisLabel: { formatter: count }, splitLine: { show: false } },
    ],
    series: TREND_SERIES.map((key) => ({
      type: 'line' as const,
      name: FIGURE_LABELS[key][locale],
      data: months.map((m) => m[key]),
      // People are counted in hundreds where events are counted in units: their own axis on the right.
      yAxisIndex: key === 'attendance' ? 1 : 0,
    })),
  };
}

function spentOption(months: readonly Month[], t: Translate): ChartOption {
  return {
    grid: { left: 8, right: 8, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (value) => money(Number(value)) },
    xAxis: { type: 'category', data: months.map((m) => monthLabel(m.month, t)) },
    yAxis: { type: 'value', axisLabel: { formatter: (value: number) => money(value) } },
    series: [{ type: 'bar', data: months.map((m) => m.spent), barMaxWidth: 28, itemStyle: { color: '#d48806' } }],
  };
}

const BREAKDOWN_CHARTS: { key: keyof Breakdowns; title: MessageKey; money?: true; pie?: true }[] = [
  { key: 'productsByType', title: 'dashboard.chart.productsByType' },
  { key: 'publicationsByChannel', title: 'dashboard.chart.publicationsByChannel' },
  { key: 'eventsByKind', title: 'dashboard.chart.eventsByKind' },
  { key: 'pressBySentiment', title: 'dashboard.chart.pressBySentiment', pie: true },
  { key: 'spentByCategory', title: 'dashboard.chart.spentByCategory', money: true },
];

const barHeight = (count: number) => Math.max(160, Math.min(480, 40 + count * 30));

/** The breakdowns (bars, the press sentiment as a donut) and the month-by-month trend of the period. */
export function DashboardCharts({ data, loading }: { data: TDashboard | undefined; loading: boolean }) {
  const { t, locale } = useI18n();
  const charts = useMemo(() => {
    if (!data) return null;
    const breakdowns = BREAKDOWN_CHARTS.map((chart) => {
      const items = data.breakdowns[chart.key];
      const format = chart.money ? money : (value: number) => formatCount(value, locale);
      return {
        ...chart,
        items,
        table: breakdownTable(items, locale, t, format),
        option: chart.pie ? pieOption(items, locale, format) : barOption(items, locale, format),
      };
    });
    const trendTable: ChartTable = {
      columns: [
        t('dashboard.chart.month'),
        ...TREND_SERIES.map((key) => FIGURE_LABELS[key][locale]),
        FIGURE_LABELS.budgetSpent[locale],
      ],
      rows: data.months.map((m) => ({
        key: m.month,
        cells: [monthLabel(m.month, t), ...TREND_SERIES.map((key) => formatCount(m[key], locale)), money(m.spent)],
      })),
    };
    const spentTable: ChartTable = {
      columns: [t('dashboard.chart.month'), FIGURE_LABELS.budgetSpent[locale]],
      rows: data.months.map((m) => ({ key: m.month, cells: [monthLabel(m.month, t), money(m.spent)] })),
    };
    return {
      breakdowns,
      trend: { table: trendTable, option: trendOption(data.months, locale, t) },
      spent: { table: spentTable, option: spentOption(data.months, t) },
    };
  }, [data, locale, t]);

  const noTable: ChartTable = { columns: [], rows: [] };
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 24 }}>
      <Col xs={24} xl={16}>
        <ChartCard
          title={t('dashboard.chart.trend')}
          table={charts?.trend.table ?? noTable}
          empty={!!data && data.months.length === 0}
          loading={loading && !charts}
          testId="chart-trend"
        >
          {charts && <EChart option={charts.trend.option} height={300} />}
        </ChartCard>
      </Col>
      <Col xs={24} xl={8}>
        <ChartCard
          title={t('dashboard.chart.trendMoney')}
          table={charts?.spent.table ?? noTable}
          empty={!!data && data.months.length === 0}
          loading={loading && !charts}
          testId="chart-spent"
        >
          {charts && <EChart option={charts.spent.option} height={300} />}
        </ChartCard>
      </Col>
      {BREAKDOWN_CHARTS.map((chart, index) => {
        const built = charts?.breakdowns[index];
        return (
          <Col key={chart.key} xs={24} lg={12}>
            <ChartCard
              title={t(chart.title)}
              table={built?.table ?? noTable}
              empty={!!built && built.items.length === 0}
              loading={loading && !charts}
              testId={`chart-${chart.key}`}
            >
              {built && <EChart option={built.option} height={chart.pie ? 280 : barHeight(built.items.length)} />}
            </ChartCard>
          </Col>
        );
      })}
    </Row>
  );
}
