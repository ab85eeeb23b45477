// Which alert rules a classified article meets, and which unit each one tells (issue 8 §4, decision 0039). Pure.
import {
  OWNING_UNIT_CODES,
  RELEVANCE_LEVELS,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type Sentiment,
  type TArticleSentiment,
} from '@loa/contracts';

/** An article as the evaluator reads it: its classification, story and the saved queries it matched at ingest. */
export interface ClassifiedArticle {
  id: string;
  seq: number;
  clusterId: string;
  title: string;
  sourceName: string;
  relevance: RelevanceLevel;
  sentiment: TArticleSentiment;
  flags: readonly MonitoringFlag[];
  unit: OwningUnit;
  matchedQueryIds: readonly string[];
  /** When it arrived (created_at). */
  arrivedAt: Date;
}

/** The conditions of a rule: every set one must hold (an empty list is no condition). */
export interface RuleConditions {
  queryIds: readonly string[];
  minRelevance: RelevanceLevel;
  sentiments: readonly Sentiment[];
  flags: readonly MonitoringFlag[];
  units: readonly OwningUnit[];
}

export interface AlertRuleSpec extends RuleConditions {
  id: string;
  name: string;
  /** The unit told; with `routeToOwningUnit`, the fallback when the article's owning unit is not in the tree. */
  orgUnitId: string;
  routeToOwningUnit: boolean;
}

/** A saved query with `alert = 'immediate'`: an implicit rule telling the query's unit. */
export interface ImmediateQuery {
  id: string;
  name: string;
  orgUnitId: string;
  alertMinRelevance: RelevanceLevel;
}

/** One reason to alert a unit about an article: a rule, or an immediate saved query. */
export interface AlertTarget {
  orgUnitId: string;
  ruleId: string | null;
  queryId: string | null;
}

export const relevanceRank = (level: string): number => RELEVANCE_LEVELS.indexOf(level as RelevanceLevel);

/** A rule must say more than "at least this relevant": otherwise it would alert on the whole press. */
export function hasCondition(rule: {
  queryIds: readonly string[];
  sentiments: readonly string[];
  flags: readonly string[];
  units: readonly string[];
}): boolean {
  return rule.queryIds.length + rule.sentiments.length + rule.flags.length + rule.units.length > 0;
}

/** True when the article meets every condition the rule sets (and the rule sets one besides relevance). */
export function ruleMatches(rule: RuleConditions, article: ClassifiedArticle): boolean {
  if (!hasCondition(rule)) return false;
  if (relevanceRank(article.relevance) < relevanceRank(rule.minRelevance)) return false;
  if (rule.queryIds.length > 0 && !rule.queryIds.some((id) => article.matchedQueryIds.includes(id))) return false;
  if (rule.sentiments.length > 0 && !rule.sentiments.includes(article.sentiment as Sentiment)) return false;
  if (rule.flags.length > 0 && !rule.flags.some((flag) => article.flags.includes(flag))) return false;
  if (rule.units.length > 0 && !rule.units.includes(article.unit)) return false;
  return true;
}

/** True when an immediate saved query matched the article at ingest, at or above the query's alert relevance. */
export function queryAlerts(query: ImmediateQuery, article: ClassifiedArticle): boolean {
  return (
    article.matchedQueryIds.includes(query.id) &&
    relevanceRank(article.relevance) >= relevanceRank(query.alertMinRelevance)
  );
}

/**
 * The unit a rule tells about an article: the rule's own, or — when it routes to the owning unit — the org unit of
 * the article's owning unit (OWNING_UNIT_CODES, looked up in `unitIdByCode`), falling back to the rule's own when the
 * article has none or that unit is not in the tree.
 */
export function routeOf(
  rule: Pick<AlertRuleSpec, 'orgUnitId' | 'routeToOwningUnit'>,
  article: Pick<ClassifiedArticle, 'unit'>,
  unitIdByCode: ReadonlyMap<string, string>,
): string {
  if (!rule.routeToOwningUnit) return rule.orgUnitId;
  const code = OWNING_UNIT_CODES[article.unit];
  return (code && unitIdByCode.get(code)) || rule.orgUnitId;
}

/** Every (unit, rule or query) the article alerts: enabled rules and immediate queries the caller passes. */
export function alertTargets(
  article: ClassifiedArticle,
  rules: readonly AlertRuleSpec[],
  queries: readonly ImmediateQuery[],
  unitIdByCode: ReadonlyMap<string, string>,
): AlertTarget[] {
  const targets: AlertTarget[] = [];
  for (const rule of rules) {
    if (ruleMatches(rule, article)) {
      targets.push({ orgUnitId: routeOf(rule, article, unitIdByCode), ruleId: rule.id, queryId: null });
    }
  }
  for (const query of queries) {
    if (queryAlerts(query, article)) targets.push({ orgUnitId: query.orgUnitId, ruleId: null, queryId: query.id });
  }
  return targets;
}
