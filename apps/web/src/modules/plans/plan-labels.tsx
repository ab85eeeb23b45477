import { PLAN_STATUS_LABELS, type TPlanMetric, type TPlanProgress, type TPlanStatus } from '@loa/contracts';
import { Tag, Tooltip, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatCount, formatTargetValue, percentOf } from './plan-tree';

const STATUS_COLORS: Record<TPlanStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  returned: 'warning',
};

export function PlanStatusTag({ status }: { status: TPlanStatus }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{PLAN_STATUS_LABELS[status][locale]}</Tag>;
}

/** A target figure, or a muted "not set". */
export function TargetValue({ value, metric }: { value: number | null; metric: TPlanMetric }) {
  const { t, locale } = useI18n();
  if (value === null) return <Typography.Text type="secondary">{t('plans.noTarget')}</Typography.Text>;
  return <span style={{ whiteSpace: 'nowrap' }}>{formatTargetValue(value, metric, locale)}</span>;
}

/** What is still to give out to child units: highlighted when something is, a quiet tick when all is. */
export function Shortfall({ value, metric }: { value: number | null; metric: TPlanMetric }) {
  const { t, locale } = useI18n();
  if (value === null) return null;
  if (value === 0) return <Typography.Text type="success">{t('plans.fullySplit')}</Typography.Text>;
  return (
    <Tag color="error" style={{ whiteSpace: 'nowrap' }}>
      {t('plans.shortfallTag', { value: formatTargetValue(value, metric, locale) })}
    </Tag>
  );
}

/** Progress from real records, or "no data yet" until the module that keeps them exists: never a made-up number. */
export function Progress({ progress, target }: { progress: TPlanProgress; target: number | null }) {
  const { t, locale } = useI18n();
  if (progress.status === 'no_data')
    return (
      <Tooltip title={t('plans.noDataHint')}>
        <Typography.Text type="secondary">{t('plans.noData')}</Typography.Text>
      </Tooltip>
    );
  const percent = percentOf(progress.actual, target);
  const actual = formatCount(progress.actual, locale);
  return <span>{percent === null ? actual : t('plans.measured', { actual, percent })}</span>;
}
