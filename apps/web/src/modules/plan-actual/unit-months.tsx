import { PLAN_METRIC_LABELS, type TPlanActualMetric } from '@loa/contracts';
import { Col, Row, Table, Typography, type TableColumnsType } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { EChart, type ChartOption } from '../dashboard';
import { formatAxis, formatMetricValue, monthSeries } from './plan-actual-values';

type Month = TPlanActualMetric['months'][number];

/** One metric of one unit month by month: targets as bars, results as a line, and the same numbers as a table. */
export function UnitMonths({ metric, title }: { metric: TPlanActualMetric; title?: string }) {
  const { t, locale } = useI18n();
  const series = monthSeries(metric.months);
  const targetLabel = t('planActual.months.target');
  const actualLabel = t('planActual.months.actual');
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => formatMetricValue(metric.metric, typeof value === 'number' ? value : null, locale),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: series.labels },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatAxis(value, locale) } },
      series: [
        { name: targetLabel, type: 'bar', data: series.targets, itemStyle: { color: '#bfbfbf' } },
        { name: actualLabel, type: 'line', data: series.actuals, connectNulls: false, itemStyle: { color: '#1677ff' } },
      ],
    }),
    [metric, series.labels, series.targets, series.actuals, targetLabel, actualLabel, locale],
  );
  const columns: TableColumnsType<Month> = [
    {
      title: t('planActual.months.month'),
      key: 'month',
      render: (_, m) => t('planActual.months.monthLabel', { month: m.month.slice(5, 7), year: m.month.slice(0, 4) }),
    },
    {
      title: targetLabel,
      key: 'target',
      align: 'right',
      render: (_, m) => formatMetricValue(metric.metric, m.target, locale),
    },
    {
      title: actualLabel,
      key: 'actual',
      align: 'right',
      render: (_, m) => formatMetricValue(metric.metric, m.actual, locale),
    },
  ];

  return (
    <div>
      <Typography.Title level={3} style={{ fontSize: 14, marginTop: 0 }}>
        {title ?? t('planActual.months.title', { metric: PLAN_METRIC_LABELS[metric.metric][locale] })}
      </Typography.Title>
      <Row gutter={[16, 8]}>
        <Col xs={24} lg={14}>
          <div role="img" aria-label={t('planActual.months.chartLabel')}>
            {/* Axis typing of ECharts' option types is loose about xAxis/yAxis in ComposeOption. */}
            <EChart option={option} height={240} />
          </div>
        </Col>
        <Col xs={24} lg={10}>
          <Table<Month>
            size="small"
            rowKey="month"
            columns={columns}
            dataSource={metric.months}
            pagination={false}
            data-testid="plan-actual-months"
          />
        </Col>
      </Row>
    </div>
  );
}
