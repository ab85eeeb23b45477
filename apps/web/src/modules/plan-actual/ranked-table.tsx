import { DownloadOutlined } from '@ant-design/icons';
import {
  PLAN_METRIC_LABELS,
  PLAN_STATUS_LABELS,
  type TPlanActual,
  type TPlanActualMetric,
  type TPlanActualUnit,
  type TPlanMetric,
} from '@loa/contracts';
import { Button, Card, Progress, Table, theme, Typography, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatCompletion, formatMetricValue, rowHighlight } from './plan-actual-values';
import { StatusTag } from './status-tag';
import { UnitMonths } from './unit-months';

const metricOf = (unit: TPlanActualUnit, metric: TPlanMetric): TPlanActualMetric =>
  unit.metrics.find((m) => m.metric === metric)!;

/**
 * The children ranked by the completion of one metric; late rows red, at-risk rows orange. A row opens to the month
 * by month table and chart; a unit's name opens its own view.
 */
export function RankedTable({
  data,
  filtered,
  loading,
  exporting,
  onExport,
  onOpen,
}: {
  data: TPlanActual;
  filtered: boolean;
  loading: boolean;
  exporting: boolean;
  onExport: () => void;
  onOpen: (unitId: string) => void;
}) {
  const { t, locale } = useI18n();
  const { token } = theme.useToken();
  const metric = data.metric;
  const value = (v: number | null) => formatMetricValue(metric, v, locale);
  const columns: TableColumnsType<TPlanActualUnit> = [
    { title: t('planActual.col.rank'), key: 'rank', width: 64, align: 'center', render: (_, u) => u.rank ?? '—' },
    {
      title: t('planActual.col.unit'),
      key: 'unit',
      width: 260,
      render: (_, u) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          title={t('planActual.open', { unit: u.unit.name })}
          onClick={() => onOpen(u.unit.id)}
        >
          {u.unit.name}
        </Button>
      ),
    },
    {
      title: t('planActual.col.plan'),
      key: 'plan',
      render: (_, u) => (u.plan ? PLAN_STATUS_LABELS[u.plan.status][locale] : '—'),
    },
    {
      title: t('planActual.col.target'),
      key: 'target',
      align: 'right',
      render: (_, u) => value(metricOf(u, metric).target),
    },
    {
      title: t('planActual.col.expected'),
      key: 'expected',
      align: 'right',
      render: (_, u) => value(metricOf(u, metric).expected),
    },
    {
      title: t('planActual.col.actual'),
      key: 'actual',
      align: 'right',
      render: (_, u) => value(metricOf(u, metric).actual),
    },
    {
      title: t('planActual.col.completion'),
      key: 'completion',
      width: 170,
      render: (_, u) => {
        const completion = metricOf(u, metric).completion;
        if (completion === null) return '—';
        return (
          <Progress
            size="small"
            percent={Math.min(100, completion * 100)}
            format={() => formatCompletion(completion, locale)}
            status={completion >= 1 ? 'success' : 'normal'}
          />
        );
      },
    },
    {
      title: t('planActual.col.status'),
      key: 'status',
      render: (_, u) => <StatusTag status={metricOf(u, metric).status} />,
    },
  ];
  const counts = data.counts;

  return (
    <Card
      size="small"
      title={
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0, whiteSpace: 'normal' }}>
          {t('planActual.children.title', { metric: PLAN_METRIC_LABELS[metric][locale] })}
        </Typography.Title>
      }
      extra={
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={onExport}>
          {t('common.exportExcel')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('planActual.children.counts', {
          good: counts.done + counts.on_track,
          atRisk: counts.at_risk,
          late: counts.late,
        })}
      </Typography.Paragraph>
      <Table<TPlanActualUnit>
        rowKey={(u) => u.unit.id}
        size="small"
        columns={columns}
        dataSource={data.children}
        loading={loading}
        pagination={false}
        sticky
        locale={{ emptyText: t(filtered ? 'planActual.children.emptyFiltered' : 'planActual.children.empty') }}
        onRow={(u) => {
          const highlight = rowHighlight(metricOf(u, metric).status);
          return {
            'data-highlight': highlight,
            style: highlight
              ? { background: highlight === 'late' ? token.colorErrorBg : token.colorWarningBg }
              : undefined,
          } as HTMLAttributes<HTMLElement>;
        }}
        expandable={{
          expandedRowRender: (u) => <UnitMonths metric={metricOf(u, metric)} />,
        }}
        data-testid="plan-actual-children"
      />
    </Card>
  );
}
