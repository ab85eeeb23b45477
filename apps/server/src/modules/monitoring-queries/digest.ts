// The daily digest of saved queries (alert = 'daily'): what each query's unit is told about the articles that arrived
// the day before. Pure: the day arithmetic and the texts.
import { RELEVANCE_LABELS, type RelevanceLevel, viDate } from '@loa/contracts';

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** The Vietnamese calendar day (yyyy-mm-dd) before the one `now` falls on, and its bounds as instants. */
export function previousVietnamDay(now: Date): { day: string; start: Date; end: Date } {
  const localMidnight = Math.floor((now.getTime() + VIETNAM_OFFSET_MS) / 86_400_000) * 86_400_000;
  const start = new Date(localMidnight - 86_400_000 - VIETNAM_OFFSET_MS);
  const end = new Date(localMidnight - VIETNAM_OFFSET_MS);
  return { day: new Date(localMidnight - 86_400_000).toISOString().slice(0, 10), start, end };
}

export interface DigestQuery {
  id: string;
  name: string;
  orgUnitId: string;
  alertMinRelevance: RelevanceLevel;
  count: number;
}

/** The key that keeps one query's digest of one day from being sent twice. */
export const digestDedupeKey = (queryId: string, day: string) => `monitoring-digest:${queryId}:${day}`;

/** The notification of one query's digest (the caller sends nothing when the count is zero). */
export function digestNotice(query: DigestQuery, day: string) {
  const level = RELEVANCE_LABELS[query.alertMinRelevance];
  const levelNote = (lang: 'vi' | 'en') =>
    query.alertMinRelevance === 'unrelated'
      ? ''
      : lang === 'vi'
        ? ` (mức ${level.vi} trở lên)`
        : ` (${level.en} or above)`;
  return {
    title: {
      vi: `Truy vấn “${query.name}”: ${query.count} tin bài mới ngày ${viDate(day)}`,
      en: `Query “${query.name}”: ${query.count} new ${query.count === 1 ? 'article' : 'articles'} on ${day}`,
    },
    body: {
      vi: `Ngày ${viDate(day)} hệ thống thu thập được ${query.count} tin bài khớp truy vấn “${query.name}”${levelNote('vi')}.`,
      en: `${query.count} ${query.count === 1 ? 'article' : 'articles'} matching the query “${query.name}”${levelNote('en')} arrived on ${day}.`,
    },
    link: `/monitoring?query=${query.id}&from=${day}&to=${day}`,
    entityType: 'monitoring_query',
    entityId: query.id,
    dedupeKey: digestDedupeKey(query.id, day),
  };
}
