import {
  ALERT_KIND_LABELS,
  ALERT_STATUS_LABELS,
  FLAG_LABELS,
  RELEVANCE_LABELS,
  type MonitoringFlag,
  type RelevanceLevel,
  type TAlertKind,
  type TAlertStatus,
  type TArticleSentiment,
} from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { flagColor, RELEVANCE_COLORS, SENTIMENT_COLORS } from '../monitoring/article-values';
import { sentimentLabel } from './alert-values';

const STATUS_COLORS: Record<TAlertStatus, string | undefined> = {
  new: 'red',
  acknowledged: 'blue',
  dismissed: undefined,
  incident: 'purple',
};

// Long flag names wrap inside their column instead of running into the next one.
const tagStyle = { marginBlock: 2, whiteSpace: 'normal' } as const;

/** Rule match or spike. */
export function AlertKindTag({ kind }: { kind: TAlertKind }) {
  const { locale } = useI18n();
  return (
    <Tag color={kind === 'spike' ? 'magenta' : 'geekblue'} style={tagStyle}>
      {ALERT_KIND_LABELS[kind][locale]}
    </Tag>
  );
}

/** Where the alert stands: new, acknowledged, dismissed, incident opened. */
export function AlertStatusTag({ status }: { status: TAlertStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} style={tagStyle}>
      {ALERT_STATUS_LABELS[status][locale]}
    </Tag>
  );
}

/** Relevance, sentiment (when assessed) and flags of an alert or of one of its articles. */
export function AlertClassificationTags(props: {
  relevance: RelevanceLevel | null;
  sentiment: string | null;
  flags: readonly MonitoringFlag[];
}) {
  const { locale } = useI18n();
  const sentiment = props.sentiment !== 'na' ? sentimentLabel(props.sentiment, locale) : null;
  return (
    <>
      {props.relevance && (
        <Tag color={RELEVANCE_COLORS[props.relevance]} style={tagStyle}>
          {RELEVANCE_LABELS[props.relevance][locale]}
        </Tag>
      )}
      {sentiment && (
        <Tag color={SENTIMENT_COLORS[props.sentiment as TArticleSentiment]} style={tagStyle}>
          {sentiment}
        </Tag>
      )}
      {props.flags.map((flag) => (
        <Tag key={flag} color={flagColor(flag)} style={tagStyle}>
          {FLAG_LABELS[flag][locale]}
        </Tag>
      ))}
    </>
  );
}
