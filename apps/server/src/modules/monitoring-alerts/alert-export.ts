// The Excel columns of the alert and rule lists, headers and labels in the caller's language. Pure.
import {
  ALERT_KIND_LABELS,
  ALERT_STATUS_LABELS,
  FLAG_LABELS,
  OWNING_UNIT_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  type MonitoringFlag,
  type TAlert,
  type TAlertRule,
  type TArticleSentiment,
  type TLocale,
} from '@loa/contracts';

type Header = { vi: string; en: string };
type Value = string | number | boolean | Date | { text: string; hyperlink: string } | null;
export interface Column<T> {
  key: string;
  header: string;
  width: number;
  value: (row: T) => Value;
}

const column =
  <T>(key: string, header: Header, width: number, value: (row: T, lang: TLocale) => Value) =>
  (lang: TLocale): Column<T> => ({ key, header: header[lang], width, value: (row) => value(row, lang) });

/** "dd/mm/yyyy HH:MM" in Vietnam's time (UTC+7, no daylight saving). */
export function vnDateTime(iso: string | null): string | null {
  if (!iso) return null;
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)} ${local.slice(11, 16)}`;
}

const flags = (list: readonly MonitoringFlag[], lang: TLocale) => list.map((f) => FLAG_LABELS[f][lang]).join('; ');
const names = (list: readonly { name: string }[]) => list.map((n) => n.name).join('; ');

export function alertColumns(lang: TLocale): Column<TAlert>[] {
  return [
    column<TAlert>('createdAt', { vi: 'Thời điểm cảnh báo', en: 'Raised at' }, 18, (a) => vnDateTime(a.createdAt)),
    column<TAlert>('kind', { vi: 'Loại', en: 'Kind' }, 16, (a, l) => ALERT_KIND_LABELS[a.kind][l]),
    column<TAlert>('status', { vi: 'Trạng thái', en: 'Status' }, 16, (a, l) => ALERT_STATUS_LABELS[a.status][l]),
    column<TAlert>('title', { vi: 'Nội dung', en: 'Title' }, 60, (a) => a.title),
    column<TAlert>('unit', { vi: 'Đơn vị nhận', en: 'Unit' }, 28, (a) => a.orgUnit.name),
    column<TAlert>('rules', { vi: 'Quy tắc', en: 'Rules' }, 30, (a) => names(a.rules)),
    column<TAlert>('queries', { vi: 'Truy vấn', en: 'Queries' }, 30, (a) =>
      names([...a.queries, ...(a.spike?.query ? [a.spike.query] : [])]),
    ),
    column<TAlert>('articleCount', { vi: 'Số bài', en: 'Articles' }, 10, (a) => a.articleCount),
    column<TAlert>('spikeBaseline', { vi: 'Bình thường (tin/giờ)', en: 'Usual (per hour)' }, 14, (a) =>
      a.spike ? a.spike.baseline : null,
    ),
    column<TAlert>('relevance', { vi: 'Mức liên quan', en: 'Relevance' }, 16, (a, l) =>
      a.relevance ? RELEVANCE_LABELS[a.relevance][l] : null,
    ),
    column<TAlert>('sentiment', { vi: 'Sắc thái', en: 'Sentiment' }, 14, (a, l) =>
      a.sentiment ? (SENTIMENT_LABELS[a.sentiment as TArticleSentiment]?.[l] ?? a.sentiment) : null,
    ),
    column<TAlert>('flags', { vi: 'Dấu hiệu rủi ro', en: 'Risk flags' }, 30, (a, l) => flags(a.flags, l)),
    column<TAlert>('url', { vi: 'Bài đầu tiên', en: 'First article' }, 50, (a) =>
      a.articles[0] ? { text: a.articles[0].url, hyperlink: a.articles[0].url } : null,
    ),
    column<TAlert>('handledBy', { vi: 'Người xử lý', en: 'Handled by' }, 24, (a) => a.handledBy),
    column<TAlert>('handledAt', { vi: 'Thời điểm xử lý', en: 'Handled at' }, 18, (a) => vnDateTime(a.handledAt)),
  ].map((make) => make(lang));
}

export function ruleColumns(lang: TLocale): Column<TAlertRule>[] {
  const yes = (v: boolean, l: TLocale) => (v ? (l === 'vi' ? 'Có' : 'Yes') : l === 'vi' ? 'Không' : 'No');
  return [
    column<TAlertRule>('name', { vi: 'Tên quy tắc', en: 'Rule' }, 36, (r) => r.name),
    column<TAlertRule>('unit', { vi: 'Đơn vị nhận', en: 'Unit' }, 28, (r) => r.orgUnit.name),
    column<TAlertRule>('route', { vi: 'Chuyển đơn vị phụ trách', en: 'Route to owning unit' }, 14, (r, l) =>
      yes(r.routeToOwningUnit, l),
    ),
    column<TAlertRule>('queries', { vi: 'Truy vấn', en: 'Queries' }, 30, (r) => names(r.queries)),
    column<TAlertRule>(
      'minRelevance',
      { vi: 'Từ mức liên quan', en: 'Minimum relevance' },
      16,
      (r, l) => RELEVANCE_LABELS[r.minRelevance][l],
    ),
    column<TAlertRule>('sentiments', { vi: 'Sắc thái', en: 'Sentiments' }, 18, (r, l) =>
      r.sentiments.map((s) => SENTIMENT_LABELS[s][l]).join('; '),
    ),
    column<TAlertRule>('flags', { vi: 'Dấu hiệu rủi ro', en: 'Risk flags' }, 30, (r, l) => flags(r.flags, l)),
    column<TAlertRule>('units', { vi: 'Đơn vị phụ trách bài', en: 'Owning units' }, 30, (r, l) =>
      r.units.map((u) => OWNING_UNIT_LABELS[u][l]).join('; '),
    ),
    column<TAlertRule>('enabled', { vi: 'Đang dùng', en: 'Enabled' }, 11, (r, l) => yes(r.enabled, l)),
    column<TAlertRule>('alerts30d', { vi: 'Cảnh báo 30 ngày', en: 'Alerts, 30 days' }, 14, (r) => r.alerts30d),
    column<TAlertRule>('seeded', { vi: 'Quy tắc của Ngành', en: "Agency's rule" }, 14, (r, l) => yes(r.seeded, l)),
  ].map((make) => make(lang));
}
