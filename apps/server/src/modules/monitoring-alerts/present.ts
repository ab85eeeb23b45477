// Stored rows → the contracts' alerts and rules. Pure.
import type {
  MonitoringFlag,
  OwningUnit,
  RelevanceLevel,
  Sentiment,
  TAlert,
  TAlertArticle,
  TAlertKind,
  TAlertRule,
  TAlertStatus,
} from '@loa/contracts';

type Named = { id: string; name: string };

/** What presenting alerts needs besides their rows: names of rules and queries, the articles read. */
export interface AlertLookups {
  rules: ReadonlyMap<string, string>;
  queries: ReadonlyMap<string, string>;
  articles: ReadonlyMap<string, TAlertArticle>;
}

export interface PresentableAlert {
  id: string;
  kind: string;
  title: string;
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  ruleIds: readonly string[];
  queryIds: readonly string[];
  clusterId: string | null;
  spikeQueryId: string | null;
  spikeFlag: string | null;
  spikeHour: Date | null;
  spikeCount: number | null;
  spikeBaseline: number | null;
  articleIds: readonly string[];
  relevanceLevel: string | null;
  sentiment: string | null;
  flags: readonly string[];
  status: string;
  incidentId: string | null;
  handledByName: string | null;
  handledAt: Date | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  createdAt: Date;
  version: number;
}

const named = (ids: readonly string[], names: ReadonlyMap<string, string>): Named[] =>
  ids.flatMap((id) => (names.has(id) ? [{ id, name: names.get(id)! }] : []));

/** The ids whose names and articles presenting these alerts needs; `articlesPerAlert` caps the articles read. */
export function lookupsNeeded(rows: readonly PresentableAlert[], articlesPerAlert: number) {
  return {
    ruleIds: [...new Set(rows.flatMap((r) => r.ruleIds))],
    queryIds: [...new Set(rows.flatMap((r) => [...r.queryIds, ...(r.spikeQueryId ? [r.spikeQueryId] : [])]))],
    articleIds: [...new Set(rows.flatMap((r) => r.articleIds.slice(0, articlesPerAlert)))],
  };
}

/** One alert with up to `articlesPerAlert` of its articles (in arrival order); `articleCount` counts them all. */
export function toAlert(row: PresentableAlert, lookups: AlertLookups, articlesPerAlert: number): TAlert {
  const spikeQuery = row.spikeQueryId
    ? { id: row.spikeQueryId, name: lookups.queries.get(row.spikeQueryId) ?? '' }
    : null;
  return {
    id: row.id,
    kind: row.kind as TAlertKind,
    title: row.title,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    rules: named(row.ruleIds, lookups.rules),
    queries: named(row.queryIds, lookups.queries),
    spike:
      row.kind === 'spike' && row.spikeHour
        ? {
            query: spikeQuery,
            flag: (row.spikeFlag as MonitoringFlag | null) ?? null,
            hourStart: row.spikeHour.toISOString(),
            count: row.spikeCount ?? 0,
            baseline: row.spikeBaseline ?? 0,
          }
        : null,
    clusterId: row.clusterId,
    articleCount: row.articleIds.length,
    articles: row.articleIds.slice(0, articlesPerAlert).flatMap((id) => {
      const article = lookups.articles.get(id);
      return article ? [article] : [];
    }),
    relevance: (row.relevanceLevel as RelevanceLevel | null) ?? null,
    sentiment: row.sentiment,
    flags: row.flags as MonitoringFlag[],
    status: row.status as TAlertStatus,
    incidentId: row.incidentId,
    handledBy: row.handledByName,
    handledAt: row.handledAt ? row.handledAt.toISOString() : null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

export interface PresentableRule {
  id: string;
  name: string;
  description: string | null;
  orgUnitId: string;
  orgUnitCode: string;
  orgUnitName: string;
  routeToOwningUnit: boolean;
  queryIds: readonly string[];
  minRelevance: string;
  sentiments: readonly string[];
  flags: readonly string[];
  units: readonly string[];
  enabled: boolean;
  seedKey: string | null;
  alerts30d: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One rule; a saved query deleted since is left out of `queries`. */
export function toAlertRule(
  row: PresentableRule,
  queryNames: ReadonlyMap<string, string>,
  canEdit: boolean,
): TAlertRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    routeToOwningUnit: row.routeToOwningUnit,
    queries: named(row.queryIds, queryNames),
    minRelevance: row.minRelevance as RelevanceLevel,
    sentiments: row.sentiments as Sentiment[],
    flags: row.flags as MonitoringFlag[],
    units: row.units as OwningUnit[],
    enabled: row.enabled,
    seeded: row.seedKey !== null,
    alerts30d: row.alerts30d,
    canEdit,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
