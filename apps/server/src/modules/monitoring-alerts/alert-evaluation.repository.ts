// What the alert evaluator and the spike detector read and write. Articles and saved queries belong to the
// monitoring modules and units to org-units: read with raw sql.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import type { AlertAddition, ExistingAlert, NewAlert } from './grouping.js';
import { monitoringAlertRules as rules, monitoringAlerts as alerts } from './monitoring-alerts.table.js';
import type { AlertRuleSpec, ClassifiedArticle, ImmediateQuery } from './rule-match.js';

/** The transaction-level advisory lock of the evaluator ("Loa" + issue 8): one evaluation at a time. */
const EVALUATE_LOCK = 0x4c6f610008;
/** The spike detector's own lock. */
const SPIKES_LOCK = 0x4c6f610009;

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const uuids = (ids: readonly string[]) => sql`${sql.param([...ids])}::uuid[]`;
const texts = (values: readonly string[]) => sql`${sql.param([...values])}::text[]`;
const rank = (column: string) =>
  `CASE ${column} WHEN 'core' THEN 2 WHEN 'peripheral' THEN 1 WHEN 'unrelated' THEN 0 ELSE -1 END`;

/** Merges incoming values (`n`) into a stored rule alert: new articles appended in order, sets united. */
const mergeInto = (n: string) =>
  sql.raw(`
  article_ids = monitoring_alerts.article_ids || ARRAY(
    SELECT x FROM unnest(${n}.article_ids) WITH ORDINALITY AS u(x, i) WHERE x <> ALL(monitoring_alerts.article_ids)
    ORDER BY i),
  rule_ids = ARRAY(SELECT DISTINCT x FROM unnest(monitoring_alerts.rule_ids || ${n}.rule_ids) AS x ORDER BY x),
  query_ids = ARRAY(SELECT DISTINCT x FROM unnest(monitoring_alerts.query_ids || ${n}.query_ids) AS x ORDER BY x),
  flags = ARRAY(SELECT DISTINCT x FROM unnest(monitoring_alerts.flags || ${n}.flags) AS x ORDER BY x),
  relevance_level = CASE WHEN ${rank(`${n}.relevance_level`)} > ${rank('monitoring_alerts.relevance_level')}
                         THEN ${n}.relevance_level ELSE monitoring_alerts.relevance_level END,
  sentiment = CASE WHEN ${n}.sentiment = 'negative' THEN 'negative' ELSE monitoring_alerts.sentiment END,
  last_seen_at = greatest(monitoring_alerts.last_seen_at, ${n}.last_seen_at)`);

export type SpikeCountRow = { kind: 'flag' | 'query'; subject: string; hoursAgo: number; count: number };

export interface NewSpike {
  title: string;
  orgUnitId: string;
  queryId: string | null;
  flag: string | null;
  hour: Date;
  count: number;
  baseline: number;
  articleIds: readonly string[];
  seenAt: Date;
}

export const alertEvaluationRepository = {
  async lockEvaluation(tx: Executor): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${EVALUATE_LOCK}::bigint)`);
  },

  async lockSpikes(tx: Executor): Promise<void> {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SPIKES_LOCK}::bigint)`);
  },

  /** The last article seq the reader `name` has handled, its row locked for this transaction (0 when absent). */
  async watermark(tx: Executor, name: string): Promise<number> {
    await tx.execute(sql`INSERT INTO monitoring_watermarks (name) VALUES (${name}) ON CONFLICT (name) DO NOTHING`);
    const { rows } = await tx.execute<{ last_seq: string }>(
      sql`SELECT last_seq FROM monitoring_watermarks WHERE name = ${name} FOR UPDATE`,
    );
    return Number(rows[0]?.last_seq ?? 0);
  },

  async advanceWatermark(tx: Executor, name: string, lastSeq: number): Promise<void> {
    await tx.execute(
      sql`UPDATE monitoring_watermarks SET last_seq = ${lastSeq}, updated_at = now() WHERE name = ${name}`,
    );
  },

  /** Up to `limit` articles stored after `seq`, in arrival order, with their classification. */
  async articlesAfter(tx: Executor, seq: number, limit: number): Promise<ClassifiedArticle[]> {
    const { rows } = await tx.execute<Omit<ClassifiedArticle, 'seq' | 'arrivedAt'> & { seq: string; at: string }>(sql`
      SELECT seq, id, cluster_id AS "clusterId", title, source_name AS "sourceName", relevance_level AS relevance,
             sentiment, flags, unit, matched_query_ids AS "matchedQueryIds", ${iso('created_at')} AS at
        FROM monitoring_articles WHERE seq > ${seq} ORDER BY seq LIMIT ${limit}`);
    return rows.map(({ at, seq: s, ...row }) => ({ ...row, seq: Number(s), arrivedAt: new Date(at) }));
  },

  async enabledRules(tx: Executor): Promise<AlertRuleSpec[]> {
    const rows = await tx
      .select({
        id: rules.id,
        name: rules.name,
        orgUnitId: rules.orgUnitId,
        routeToOwningUnit: rules.routeToOwningUnit,
        queryIds: rules.queryIds,
        minRelevance: rules.minRelevance,
        sentiments: rules.sentiments,
        flags: rules.flags,
        units: rules.units,
      })
      .from(rules)
      .where(eq(rules.enabled, true));
    return rows as AlertRuleSpec[];
  },

  /** Enabled saved queries with `alert = 'immediate'`: the implicit rules. */
  async immediateQueries(tx: Executor): Promise<ImmediateQuery[]> {
    const { rows } = await tx.execute<ImmediateQuery & Record<string, unknown>>(sql`
      SELECT id, name, org_unit_id AS "orgUnitId", alert_min_relevance AS "alertMinRelevance"
        FROM monitoring_queries WHERE enabled AND alert = 'immediate'`);
    return rows;
  },

  /** Enabled saved queries, each with its unit: the subjects of spikes. */
  async enabledQueries(tx: Executor): Promise<{ id: string; name: string; orgUnitId: string }[]> {
    const { rows } = await tx.execute<{ id: string; name: string; orgUnitId: string }>(
      sql`SELECT id, name, org_unit_id AS "orgUnitId" FROM monitoring_queries WHERE enabled`,
    );
    return rows;
  },

  /** code → id of the org units among `codes`. */
  async unitIdsByCode(tx: Executor, codes: readonly string[]): Promise<Map<string, string>> {
    const { rows } = await tx.execute<{ code: string; id: string }>(
      sql`SELECT code, id FROM org_units WHERE code = ANY(${texts(codes)})`,
    );
    return new Map(rows.map((r) => [r.code, r.id]));
  },

  /** The stored rule alerts of these stories. */
  async existingRuleAlerts(tx: Executor, clusterIds: readonly string[]): Promise<ExistingAlert[]> {
    if (clusterIds.length === 0) return [];
    const rows = await tx
      .select({
        id: alerts.id,
        clusterId: alerts.clusterId,
        orgUnitId: alerts.orgUnitId,
        articleIds: alerts.articleIds,
      })
      .from(alerts)
      .where(and(eq(alerts.kind, 'rule'), inArray(alerts.clusterId, [...new Set(clusterIds)])));
    return rows as ExistingAlert[];
  },

  /** Stores a new rule alert; should one exist for the story and unit after all, merges into it. */
  async insertRuleAlert(tx: Executor, alert: NewAlert): Promise<{ id: string; inserted: boolean }> {
    const { rows } = await tx.execute<{ id: string; inserted: boolean }>(sql`
      INSERT INTO monitoring_alerts (kind, title, org_unit_id, rule_ids, query_ids, cluster_id, article_ids,
                                     relevance_level, sentiment, flags, first_seen_at, last_seen_at)
      VALUES ('rule', ${alert.trigger.title.slice(0, 500)}, ${alert.orgUnitId}, ${uuids(alert.ruleIds)},
              ${uuids(alert.queryIds)}, ${alert.clusterId}, ${uuids(alert.articleIds)}, ${alert.relevance},
              ${alert.sentiment}, ${texts(alert.flags)}, ${alert.firstSeenAt.toISOString()}::timestamptz,
              ${alert.lastSeenAt.toISOString()}::timestamptz)
      ON CONFLICT (cluster_id, org_unit_id) WHERE kind = 'rule' DO UPDATE SET ${mergeInto('excluded')}
      RETURNING id, (xmax = 0) AS inserted`);
    return rows[0]!;
  },

  /** Adds a story's new copies (and the rules and queries they met) to its stored alert. */
  async appendToAlert(tx: Executor, addition: AlertAddition): Promise<void> {
    await tx.execute(sql`
      UPDATE monitoring_alerts SET ${mergeInto('n')}
        FROM (SELECT ${uuids(addition.articleIds)} AS article_ids, ${uuids(addition.ruleIds)} AS rule_ids,
                     ${uuids(addition.queryIds)} AS query_ids, ${texts(addition.flags)} AS flags,
                     ${addition.relevance}::text AS relevance_level, ${addition.sentiment}::text AS sentiment,
                     ${addition.lastSeenAt.toISOString()}::timestamptz AS last_seen_at) AS n
       WHERE monitoring_alerts.id = ${addition.alertId}`);
  },

  /**
   * Per flag and per saved query, how many articles were published in each of the 25 hours before `now`
   * (hoursAgo 0 is (now − 1 h, now]); hours without articles are left out.
   */
  async hourlyCounts(tx: Executor, now: Date): Promise<SpikeCountRow[]> {
    const at = sql`${now.toISOString()}::timestamptz`;
    const { rows } = await tx.execute<SpikeCountRow>(sql`
      WITH recent AS (
        SELECT floor(extract(epoch FROM (${at} - sort_at)) / 3600)::int AS hours_ago, flags, matched_query_ids
          FROM monitoring_articles WHERE sort_at > ${at} - interval '25 hours' AND sort_at <= ${at})
      SELECT 'flag' AS kind, f AS subject, hours_ago AS "hoursAgo", count(*)::int AS count
        FROM recent, unnest(flags) AS f GROUP BY f, hours_ago
      UNION ALL
      SELECT 'query', q::text, hours_ago, count(*)::int
        FROM recent, unnest(matched_query_ids) AS q GROUP BY q, hours_ago`);
    return rows;
  },

  /** The articles of the hour before `now` with the flag or matched by the query, in publication order. */
  async spikeArticles(
    tx: Executor,
    subject: { flag: string } | { queryId: string },
    now: Date,
    limit: number,
  ): Promise<string[]> {
    const at = sql`${now.toISOString()}::timestamptz`;
    const match =
      'flag' in subject
        ? sql`flags @> ARRAY[${subject.flag}]::text[]`
        : sql`matched_query_ids @> ARRAY[${subject.queryId}]::uuid[]`;
    const { rows } = await tx.execute<{ id: string }>(sql`
      SELECT id FROM monitoring_articles
       WHERE sort_at > ${at} - interval '1 hour' AND sort_at <= ${at} AND ${match}
       ORDER BY sort_at, id LIMIT ${limit}`);
    return rows.map((r) => r.id);
  },

  /** Stores a spike (one per subject, hour and unit); seen again, it keeps the highest count and every article. */
  async upsertSpike(tx: Executor, spike: NewSpike): Promise<{ id: string; inserted: boolean }> {
    const seen = sql`${spike.seenAt.toISOString()}::timestamptz`;
    const { rows } = await tx.execute<{ id: string; inserted: boolean }>(sql`
      INSERT INTO monitoring_alerts (kind, title, org_unit_id, spike_query_id, spike_flag, spike_hour, spike_count,
                                     spike_baseline, article_ids, flags, first_seen_at, last_seen_at)
      VALUES ('spike', ${spike.title.slice(0, 500)}, ${spike.orgUnitId}, ${spike.queryId}::uuid, ${spike.flag},
              ${spike.hour.toISOString()}::timestamptz, ${spike.count}, ${spike.baseline}, ${uuids(spike.articleIds)},
              ${texts(spike.flag ? [spike.flag] : [])}, ${seen}, ${seen})
      ON CONFLICT ((coalesce(spike_query_id::text, spike_flag)), spike_hour, org_unit_id) WHERE kind = 'spike'
      DO UPDATE SET
        last_seen_at = greatest(monitoring_alerts.last_seen_at, excluded.last_seen_at),
        title = CASE WHEN excluded.spike_count > monitoring_alerts.spike_count
                     THEN excluded.title ELSE monitoring_alerts.title END,
        spike_baseline = CASE WHEN excluded.spike_count > monitoring_alerts.spike_count
                              THEN excluded.spike_baseline ELSE monitoring_alerts.spike_baseline END,
        spike_count = greatest(monitoring_alerts.spike_count, excluded.spike_count),
        article_ids = monitoring_alerts.article_ids || ARRAY(
          SELECT x FROM unnest(excluded.article_ids) WITH ORDINALITY AS u(x, i)
           WHERE x <> ALL(monitoring_alerts.article_ids) ORDER BY i)
      RETURNING id, (xmax = 0) AS inserted`);
    return rows[0]!;
  },
};

export type AlertEvaluationRepository = typeof alertEvaluationRepository;
