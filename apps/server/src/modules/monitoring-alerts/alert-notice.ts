// What a new alert tells its unit (in-app and e-mail, kind `monitoring_alert`), and how a spike is named. Pure.
import {
  FLAG_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  type MonitoringFlag,
  type RelevanceLevel,
  type TArticleSentiment,
} from '@loa/contracts';

type Text = { vi: string; en: string };

export interface AlertNotice {
  title: Text;
  body: Text;
  link: string;
  entityType: 'monitoring_alert';
  entityId: string;
  dedupeKey: string;
}

const clip = (text: string, max: number) => {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
};
/** Decimal numbers as each language writes them (1,5 in Vietnamese, 1.5 in English). */
const decimal = (n: number, locale: 'vi' | 'en') =>
  n.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

const base = (alertId: string) => ({
  link: `/monitoring/alerts?id=${alertId}`,
  entityType: 'monitoring_alert' as const,
  entityId: alertId,
  dedupeKey: `monitoring.alert:${alertId}`,
});

/** A story that met rules: its headline, outlet, classification and the rules and queries behind it. */
export function storyNotice(
  alertId: string,
  story: {
    title: string;
    sourceName: string;
    relevance: RelevanceLevel;
    sentiment: TArticleSentiment;
    flags: readonly MonitoringFlag[];
    reasons: readonly string[];
  },
): AlertNotice {
  const line = (locale: 'vi' | 'en') =>
    [
      story.sourceName,
      RELEVANCE_LABELS[story.relevance][locale],
      SENTIMENT_LABELS[story.sentiment][locale],
      ...story.flags.map((flag) => FLAG_LABELS[flag][locale]),
    ].join(' · ');
  const reasons = story.reasons.join(', ');
  return {
    title: {
      vi: clip(`Cảnh báo báo chí: ${story.title}`, 300),
      en: clip(`Press alert: ${story.title}`, 300),
    },
    body: {
      vi: clip(`${line('vi')}${reasons ? `\nTheo: ${reasons}` : ''}`, 2000),
      en: clip(`${line('en')}${reasons ? `\nRaised by: ${reasons}` : ''}`, 2000),
    },
    ...base(alertId),
  };
}

/** What spiked: a saved query by its name, or a flag by its label. */
export function spikeSubject(subject: { queryName: string } | { flag: MonitoringFlag }): Text {
  return 'flag' in subject ? FLAG_LABELS[subject.flag] : { vi: subject.queryName, en: subject.queryName };
}

/** The stored (Vietnamese) title of a spike alert. */
export function spikeTitle(subject: Text, count: number, baseline: number): string {
  return clip(
    `Tăng đột biến “${subject.vi}”: ${count} tin trong một giờ (bình thường ${decimal(baseline, 'vi')}/giờ)`,
    500,
  );
}

export function spikeNotice(alertId: string, subject: Text, count: number, baseline: number): AlertNotice {
  return {
    title: {
      vi: clip(`Tăng đột biến “${subject.vi}”: ${count} tin trong một giờ`, 300),
      en: clip(`Spike in “${subject.en}”: ${count} articles in an hour`, 300),
    },
    body: {
      vi: `Bình thường ${decimal(baseline, 'vi')} tin mỗi giờ (trung bình 24 giờ trước đó).`,
      en: `Usually ${decimal(baseline, 'en')} an hour (the mean of the 24 hours before).`,
    },
    ...base(alertId),
  };
}
