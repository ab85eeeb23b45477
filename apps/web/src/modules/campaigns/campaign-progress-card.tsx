import { CAMPAIGN_METRIC_LABELS, type TCampaignProgress } from '@loa/contracts';
import { Card, Empty, Flex, Progress, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n';

/** One bar per goal: value against target and its percentage; "no data" when no module measures the metric. */
export function CampaignProgressCard({ progress, extra }: { progress: TCampaignProgress[]; extra?: ReactNode }) {
  const { t, locale } = useI18n();
  const number = (value: number) => value.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB');
  return (
    <Card size="small" title={t('campaigns.progressTitle')} extra={extra} data-testid="campaign-progress">
      {progress.length === 0 && <Empty description={t('campaigns.noGoals')} />}
      <Flex vertical gap={16}>
        {progress.map((p) => (
          <div key={p.metric} data-testid={`campaign-progress-${p.metric}`}>
            <Flex justify="space-between" wrap gap={8}>
              <Typography.Text strong>{CAMPAIGN_METRIC_LABELS[p.metric][locale]}</Typography.Text>
              <Typography.Text type={p.value === null ? 'secondary' : undefined}>
                {p.value === null
                  ? t('campaigns.noData')
                  : t('campaigns.valueOfTarget', { value: number(p.value), target: number(p.target) })}
              </Typography.Text>
            </Flex>
            {p.value !== null && p.percent !== null ? (
              <Progress
                percent={Math.min(100, p.percent)}
                format={() => `${p.percent}%`}
                status={p.percent >= 100 ? 'success' : 'normal'}
                aria-label={CAMPAIGN_METRIC_LABELS[p.metric][locale]}
              />
            ) : (
              <Progress percent={0} showInfo={false} aria-label={CAMPAIGN_METRIC_LABELS[p.metric][locale]} />
            )}
            {p.byUnit && p.byUnit.length > 1 && (
              <Typography.Text type="secondary">
                {t('campaigns.byUnit')}: {p.byUnit.map((u) => `${u.unit.name} ${number(u.value)}`).join(' · ')}
              </Typography.Text>
            )}
          </div>
        ))}
      </Flex>
    </Card>
  );
}
