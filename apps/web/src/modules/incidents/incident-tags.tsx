import { ClockCircleOutlined } from '@ant-design/icons';
import {
  INCIDENT_SEVERITY_LABELS,
  INCIDENT_STATUS_LABELS,
  type TIncidentSeverity,
  type TIncidentStatus,
} from '@loa/contracts';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDateTime } from '../../shared/format';
import { SEVERITY_COLORS } from './incident-values';

const STATUS_COLORS: Record<TIncidentStatus, string> = {
  open: 'blue',
  assessing: 'purple',
  responding: 'orange',
  monitoring: 'cyan',
  closed: 'default',
};

/** The card edge of each severity on the board (antd's green-6, gold-6, orange-6, red-6). */
export const SEVERITY_EDGES: Record<TIncidentSeverity, string> = {
  low: '#52c41a',
  medium: '#faad14',
  high: '#fa8c16',
  severe: '#f5222d',
};

export function SeverityTag({ severity }: { severity: TIncidentSeverity }) {
  const { locale } = useI18n();
  return <Tag color={SEVERITY_COLORS[severity]}>{INCIDENT_SEVERITY_LABELS[severity][locale]}</Tag>;
}

export function StatusTag({ status }: { status: TIncidentStatus }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{INCIDENT_STATUS_LABELS[status][locale]}</Tag>;
}

/** A due time, in red with an "overdue" tag once it has passed unmet. */
export function DueText({ dueAt, overdue }: { dueAt: string | null; overdue: boolean }) {
  const { t } = useI18n();
  if (!dueAt) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span>
      <Typography.Text type={overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        <ClockCircleOutlined aria-hidden /> {formatDateTime(dueAt)}
      </Typography.Text>
      {overdue && (
        <Tag color="red" style={{ marginInlineStart: 6 }}>
          {t('incidents.overdue')}
        </Tag>
      )}
    </span>
  );
}
