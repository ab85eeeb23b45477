// Stored article rows as the contracts describe them, and facet values with their labels in the caller's language.
import {
  FLAG_LABELS,
  OWNING_UNIT_LABELS,
  RELEVANCE_LABELS,
  SENTIMENT_LABELS,
  viDate,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type TArticleFacet,
  type TArticleSentiment,
  type TArticleSummary,
  type TClassification,
  type TLocale,
} from '@loa/contracts';
import { highlight } from './highlight.js';
import type { SearchTerm } from './search-terms.js';

/** The columns of a stored article a summary is made of (the search repository's row). */
export interface SummarySource {
  id: string;
  url: string;
  title: string;
  lead: string;
  source_id: string | null;
  source_name: string;
  published_at: string | null;
  fetched_at: string;
  cluster_id: string;
  cluster_size: number;
  relevance_level: string;
  relevance_score: number;
  sentiment: string;
  flags: string[];
  unit: string;
  matched_queries: { id: string; name: string }[];
  corrected_at: string | null;
}

export const LEAD_LENGTH = 300;

/** `text` cut to about `max` characters at a word boundary, "…" marking the cut; whitespace collapsed. */
export function cutText(text: string, max = LEAD_LENGTH): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const head = clean.slice(0, max);
  const space = head.lastIndexOf(' ');
  return `${(space > max * 0.6 ? head.slice(0, space) : head).trimEnd()}…`;
}

/** The current classification of a row. */
export function classificationOf(row: SummarySource): TClassification {
  return {
    relevance: { level: row.relevance_level as RelevanceLevel, score: row.relevance_score },
    sentiment: row.sentiment as TArticleSentiment,
    flags: row.flags as MonitoringFlag[],
    unit: row.unit as OwningUnit,
  };
}

/** A row as a search result; with search terms, the spans of the title and lead that match them. */
export function toSummary(row: SummarySource, terms: readonly SearchTerm[] = []): TArticleSummary {
  const lead = cutText(row.lead);
  return {
    ...classificationOf(row),
    id: row.id,
    url: row.url,
    title: row.title,
    lead,
    source: { id: row.source_id, name: row.source_name },
    publishedAt: row.published_at,
    fetchedAt: row.fetched_at,
    clusterId: row.cluster_id,
    duplicateOf: row.cluster_id === row.id ? null : row.cluster_id,
    clusterSize: row.cluster_size,
    matchedQueries: row.matched_queries,
    correctedAt: row.corrected_at,
    ...(terms.length > 0 ? { highlights: { title: highlight(row.title, terms), lead: highlight(lead, terms) } } : {}),
  };
}

/** A calendar day as people read it: dd/mm/yyyy in Vietnamese, yyyy-mm-dd in English. */
export function dayLabel(isoDay: string, lang: TLocale): string {
  return lang === 'vi' ? viDate(isoDay) : isoDay;
}

/** A moment as wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no daylight saving): "dd/mm/yyyy hh:mm" in Vietnamese,
 *  "yyyy-mm-dd hh:mm" in English. */
export function localDateTime(iso: string, lang: TLocale): string {
  const local = new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString();
  return `${dayLabel(local.slice(0, 10), lang)} ${local.slice(11, 16)}`;
}

/** The label of a facet value in `lang` (sources and queries are named by their stored names). */
export function facetLabel(facet: TArticleFacet, value: string, stored: string | null, lang: TLocale): string {
  switch (facet) {
    case 'relevance':
      return RELEVANCE_LABELS[value as RelevanceLevel]?.[lang] ?? value;
    case 'sentiment':
      return SENTIMENT_LABELS[value as TArticleSentiment]?.[lang] ?? value;
    case 'flag':
      return FLAG_LABELS[value as MonitoringFlag]?.[lang] ?? value;
    case 'unit':
      return OWNING_UNIT_LABELS[value as OwningUnit]?.[lang] ?? value;
    case 'day':
      return dayLabel(value, lang);
    default:
      return stored ?? value;
  }
}
