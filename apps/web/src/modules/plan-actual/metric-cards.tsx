import { PLAN_METRIC_LABELS, type TPlanActualMetric, type TPlanMetric } from '@loa/contracts';
import { Card, Col, Flex, Progress, Row, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatCompletion, formatMetricValue } from './plan-actual-values';
import { StatusTag } from './status-tag';

const PROGRESS_COLORS = { done: '#52c41a', on_track: '#1677ff', at_risk: '#fa8c16', late: '#f5222d' } as const;

/** The scope's metrics: target, expected by now, achieved, and a progress bar of the year's target. */
export function MetricCards({
  metrics,
  selected,
  onSelect,
}: {
  metrics: readonly TPlanActualMetric[];
  selected: TPlanMetric;
  onSelect: (metric: TPlanMetric) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="plan-actual-cards">
      {metrics.map((m) => {
        const label = PLAN_METRIC_LABELS[m.metric][locale];
        const percent = formatCompletion(m.completion, locale);
        const value = (v: number | null) => formatMetricValue(m.metric, v, locale);
        return (
          <Col key={m.metric} xs={24} sm={12} xl={8}>
            <Card
              size="small"
              hoverable
              onClick={() => onSelect(m.metric)}
              style={m.metric === selected ? { borderColor: '#1677ff' } : undefined}
              title={
                <Typography.Title level={2} style={{ fontSize: 14, margin: 0, whiteSpace: 'normal' }}>
                  {label}
                </Typography.Title>
              }
              extra={<StatusTag status={m.status} />}
            >
              <Flex justify="space-between" wrap gap={8}>
                <div>
                  <Typography.Text type="secondary">{t('planActual.card.actual')}</Typography.Text>
                  <div style={{ fontSize: 20, fontWeight: 600 }}>{value(m.actual)}</div>
                </div>
                <div style={{ textAlign: 'right' }}>
                  <Typography.Text type="secondary">{t('planActual.card.target')}</Typography.Text>
                  <div style={{ fontSize: 16 }}>
                    {m.target === null ? t('planActual.card.noTarget') : value(m.target)}
                  </div>
                </div>
              </Flex>
              {m.completion !== null ? (
                <>
                  <Progress
                    percent={Math.min(100, m.completion * 100)}
                    showInfo={false}
                    strokeColor={
                      m.status in PROGRESS_COLORS
                        ? PROGRESS_COLORS[m.status as keyof typeof PROGRESS_COLORS]
                        : undefined
                    }
                    aria-label={t('planActual.card.progressLabel', { metric: label, percent })}
                  />
                  <Typography.Text type="secondary">
                    {t('planActual.card.completion', { percent })} · {t('planActual.card.expected')}:{' '}
                    {value(m.expected)}
                  </Typography.Text>
                </>
              ) : (
                // Without a completion: say why when data is missing; the target line already says "no target".
                <Typography.Text type="secondary">
                  {m.status === 'no_data'
                    ? t('planActual.card.noData')
                    : m.target !== null && `${t('planActual.card.expected')}: ${value(m.expected)}`}
                </Typography.Text>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
