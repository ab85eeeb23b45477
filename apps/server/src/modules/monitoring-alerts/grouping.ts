// New articles → alerts: one per story (cluster) and unit, however many copies, rules and queries (decision 0039).
// Pure: the evaluator passes the batch in arrival order, each article's targets, and the alerts that exist already.
import type { MonitoringFlag, RelevanceLevel, TArticleSentiment } from '@loa/contracts';
import { relevanceRank, type AlertTarget, type ClassifiedArticle } from './rule-match.js';

/** A rule alert already stored for a story and unit. */
export interface ExistingAlert {
  id: string;
  clusterId: string;
  orgUnitId: string;
  articleIds: readonly string[];
}

/** What the articles of one story say together: the strongest relevance, negative if any copy is, every flag. */
export interface StorySummary {
  relevance: RelevanceLevel;
  sentiment: TArticleSentiment;
  flags: MonitoringFlag[];
}

export interface NewAlert extends StorySummary {
  clusterId: string;
  orgUnitId: string;
  /** The first article that met a rule or query: it names the alert. */
  trigger: ClassifiedArticle;
  /** Every article of the story in the batch, in arrival order. */
  articleIds: string[];
  ruleIds: string[];
  queryIds: string[];
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface AlertAddition extends StorySummary {
  alertId: string;
  /** The story's articles of the batch not on the alert yet, in arrival order. */
  articleIds: string[];
  ruleIds: string[];
  queryIds: string[];
  lastSeenAt: Date;
}

interface Matched {
  clusterId: string;
  orgUnitId: string;
  trigger: ClassifiedArticle;
  ruleIds: Set<string>;
  queryIds: Set<string>;
}

const keyOf = (clusterId: string, orgUnitId: string) => `${clusterId}|${orgUnitId}`;

export function summarise(articles: readonly ClassifiedArticle[], lead: ClassifiedArticle): StorySummary {
  let relevance = lead.relevance;
  const flags = new Set<MonitoringFlag>();
  for (const article of articles) {
    if (relevanceRank(article.relevance) > relevanceRank(relevance)) relevance = article.relevance;
    for (const flag of article.flags) flags.add(flag);
  }
  const negative = articles.some((a) => a.sentiment === 'negative');
  return { relevance, sentiment: negative ? 'negative' : lead.sentiment, flags: [...flags].sort() };
}

/**
 * Groups a batch of new articles (arrival order) into alerts. A story and unit with a stored alert gets an addition —
 * every new copy of the story, whether or not the copy itself meets a rule — and never a second alert; a story and
 * unit that some article alerts for the first time gets a new alert holding every copy of the batch.
 */
export function groupAlerts(
  articles: readonly ClassifiedArticle[],
  targetsOf: (article: ClassifiedArticle) => readonly AlertTarget[],
  existing: readonly ExistingAlert[],
): { created: NewAlert[]; additions: AlertAddition[] } {
  const byCluster = new Map<string, ClassifiedArticle[]>();
  for (const article of articles) {
    const copies = byCluster.get(article.clusterId) ?? [];
    copies.push(article);
    byCluster.set(article.clusterId, copies);
  }
  const matched = new Map<string, Matched>();
  for (const article of articles) {
    for (const target of targetsOf(article)) {
      const key = keyOf(article.clusterId, target.orgUnitId);
      let group = matched.get(key);
      if (!group) {
        group = {
          clusterId: article.clusterId,
          orgUnitId: target.orgUnitId,
          trigger: article,
          ruleIds: new Set(),
          queryIds: new Set(),
        };
        matched.set(key, group);
      }
      if (target.ruleId) group.ruleIds.add(target.ruleId);
      if (target.queryId) group.queryIds.add(target.queryId);
    }
  }

  const additions: AlertAddition[] = [];
  const stored = new Set<string>();
  for (const alert of existing) {
    const key = keyOf(alert.clusterId, alert.orgUnitId);
    stored.add(key);
    const onAlert = new Set(alert.articleIds);
    const fresh = (byCluster.get(alert.clusterId) ?? []).filter((a) => !onAlert.has(a.id));
    if (fresh.length === 0) continue;
    const group = matched.get(key);
    additions.push({
      alertId: alert.id,
      articleIds: fresh.map((a) => a.id),
      ruleIds: group ? [...group.ruleIds].sort() : [],
      queryIds: group ? [...group.queryIds].sort() : [],
      ...summarise(fresh, fresh[0]!),
      lastSeenAt: latest(fresh),
    });
  }

  const created: NewAlert[] = [];
  for (const [key, group] of matched) {
    if (stored.has(key)) continue;
    const copies = byCluster.get(group.clusterId)!;
    created.push({
      clusterId: group.clusterId,
      orgUnitId: group.orgUnitId,
      trigger: group.trigger,
      articleIds: copies.map((a) => a.id),
      ruleIds: [...group.ruleIds].sort(),
      queryIds: [...group.queryIds].sort(),
      ...summarise(copies, group.trigger),
      firstSeenAt: earliest(copies),
      lastSeenAt: latest(copies),
    });
  }
  return { created, additions };
}

const latest = (articles: readonly ClassifiedArticle[]) =>
  new Date(Math.max(...articles.map((a) => a.arrivedAt.getTime())));
const earliest = (articles: readonly ClassifiedArticle[]) =>
  new Date(Math.min(...articles.map((a) => a.arrivedAt.getTime())));
