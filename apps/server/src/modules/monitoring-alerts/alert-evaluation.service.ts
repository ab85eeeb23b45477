// The alert evaluator (after every ingest batch, and every minute as a backstop) and the spike detector (every ten
// minutes). Decision 0039.
import { MONITORING_FLAGS, OWNING_UNIT_CODES, type MonitoringFlag } from '@loa/contracts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { RunInTransaction, Tx } from '../../platform/db/transaction.js';
import type { NotifyInput } from '../notifications/index.js';
import type { AlertEvaluationRepository } from './alert-evaluation.repository.js';
import { spikeNotice, spikeSubject, spikeTitle, storyNotice, type AlertNotice } from './alert-notice.js';
import { groupAlerts } from './grouping.js';
import { alertTargets } from './rule-match.js';
import { hourlySeries, SPIKE_MIN_COUNT, spikeVerdict } from './spike.js';

export interface AlertEvaluationDeps {
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: AlertEvaluationRepository;
  notify(tx: Tx, actor: Actor, input: NotifyInput): Promise<number>;
  /** Articles read per transaction. */
  batchSize?: number;
}

/** The watermark row of this reader in monitoring_watermarks. */
export const ALERTS_WATERMARK = 'alerts';
const BATCH_SIZE = 2000;
/** Articles kept on a spike alert. */
const SPIKE_ARTICLES = 500;
const HOUR = 3_600_000;
const COMMS_CENTER = OWNING_UNIT_CODES.truyenthong!;
const ROUTED_CODES = Object.values(OWNING_UNIT_CODES).filter((code): code is string => code !== null);

/** What a spike is counted for: a saved query (told to its unit) or a flag (told to the Communication Center). */
interface SpikeSubject {
  key: string;
  match: { flag: string } | { queryId: string };
  queryId: string | null;
  flag: MonitoringFlag | null;
  orgUnitId: string;
  names: { vi: string; en: string };
}

export type AlertEvaluationService = ReturnType<typeof createAlertEvaluationService>;

export function createAlertEvaluationService(deps: AlertEvaluationDeps) {
  const { runInTransaction, recordAudit, repo, notify } = deps;
  const batchSize = deps.batchSize ?? BATCH_SIZE;

  const tell = (tx: Tx, orgUnitId: string, notice: AlertNotice) =>
    notify(tx, SYSTEM_ACTOR, { recipients: { orgUnitIds: [orgUnitId] }, kind: 'monitoring_alert', ...notice });

  /**
   * One transaction under the evaluator's lock: the articles after the watermark, matched against the enabled rules
   * and the immediate saved queries, grouped into alerts (new ones notified, stored ones extended), the watermark
   * moved past them. A crash before the commit leaves the watermark where it was: the same articles are read again.
   */
  async function evaluateBatch(): Promise<{ read: number; raised: number }> {
    return runInTransaction(async (tx) => {
      await repo.lockEvaluation(tx);
      const mark = await repo.watermark(tx, ALERTS_WATERMARK);
      const articles = await repo.articlesAfter(tx, mark, batchSize);
      if (articles.length === 0) return { read: 0, raised: 0 };
      const rules = await repo.enabledRules(tx);
      const queries = await repo.immediateQueries(tx);
      const unitIds = await repo.unitIdsByCode(tx, ROUTED_CODES);
      const existing = await repo.existingRuleAlerts(tx, [...new Set(articles.map((a) => a.clusterId))]);
      const { created, additions } = groupAlerts(
        articles,
        (article) => alertTargets(article, rules, queries, unitIds),
        existing,
      );
      const names = new Map([...rules, ...queries].map((r) => [r.id, r.name]));
      let raised = 0;
      for (const alert of created) {
        const { id, inserted } = await repo.insertRuleAlert(tx, alert);
        if (!inserted) continue;
        raised++;
        const reasons = [...alert.ruleIds, ...alert.queryIds].map((rid) => names.get(rid) ?? '').filter(Boolean);
        await tell(
          tx,
          alert.orgUnitId,
          storyNotice(id, { ...alert, title: alert.trigger.title, sourceName: alert.trigger.sourceName, reasons }),
        );
      }
      for (const addition of additions) await repo.appendToAlert(tx, addition);
      const lastSeq = articles[articles.length - 1]!.seq;
      await repo.advanceWatermark(tx, ALERTS_WATERMARK, lastSeq);
      if (created.length + additions.length > 0) {
        await recordAudit(tx, SYSTEM_ACTOR, {
          action: 'raise_alerts',
          entityType: 'monitoring_alert',
          entityId: null,
          orgUnitId: null,
          summary: `Cảnh báo tin báo chí: ${raised} cảnh báo mới, ${additions.length} cảnh báo thêm bài`,
          after: { raised, extended: additions.length, articles: articles.length, lastSeq },
        });
      }
      return { read: articles.length, raised };
    });
  }

  return {
    /**
     * Evaluates every article stored since the last evaluation, a batch per transaction until none is left; returns
     * how many new alerts were raised. Two instances never raise one twice: the lock serialises them.
     */
    async evaluateNewArticles(): Promise<number> {
      let raised = 0;
      for (;;) {
        const batch = await evaluateBatch();
        raised += batch.raised;
        if (batch.read < batchSize) return raised;
      }
    },

    /**
     * Compares the hour before `now` with the 24 hours before it, per enabled saved query (the query's unit is told)
     * and per flag (the Communication Center is told); a spike is one alert per subject, hour and unit, notified once
     * and brought up to date while the hour keeps spiking. Returns how many new spikes were raised.
     */
    async detectSpikes(now: Date): Promise<number> {
      return runInTransaction(async (tx) => {
        await repo.lockSpikes(tx);
        const counts = await repo.hourlyCounts(tx, now);
        const buckets = new Map<string, { hoursAgo: number; count: number }[]>();
        for (const row of counts) {
          const key = `${row.kind}:${row.subject}`;
          buckets.set(key, [...(buckets.get(key) ?? []), row]);
        }
        const queries = await repo.enabledQueries(tx);
        const commsCenter = (await repo.unitIdsByCode(tx, [COMMS_CENTER])).get(COMMS_CENTER);
        const subjects: SpikeSubject[] = [
          ...queries.map((q) => ({
            key: `query:${q.id}`,
            match: { queryId: q.id },
            queryId: q.id,
            flag: null,
            orgUnitId: q.orgUnitId,
            names: spikeSubject({ queryName: q.name }),
          })),
          ...(commsCenter
            ? MONITORING_FLAGS.map((flag) => ({
                key: `flag:${flag}`,
                match: { flag },
                queryId: null,
                flag,
                orgUnitId: commsCenter,
                names: spikeSubject({ flag }),
              }))
            : []),
        ];
        const hour = new Date(Math.floor((now.getTime() - HOUR) / HOUR) * HOUR);
        let raised = 0;
        let seen = 0;
        for (const subject of subjects) {
          const series = hourlySeries(buckets.get(subject.key) ?? []);
          if (series[series.length - 1]! < SPIKE_MIN_COUNT) continue;
          const verdict = spikeVerdict(series);
          if (!verdict.spike) continue;
          seen++;
          const baseline = Math.round(verdict.mean * 100) / 100;
          const articleIds = await repo.spikeArticles(tx, subject.match, now, SPIKE_ARTICLES);
          const { id, inserted } = await repo.upsertSpike(tx, {
            title: spikeTitle(subject.names, verdict.count, baseline),
            orgUnitId: subject.orgUnitId,
            queryId: subject.queryId,
            flag: subject.flag,
            hour,
            count: verdict.count,
            baseline,
            articleIds,
            seenAt: now,
          });
          if (!inserted) continue;
          raised++;
          await tell(tx, subject.orgUnitId, spikeNotice(id, subject.names, verdict.count, baseline));
        }
        if (seen > 0) {
          await recordAudit(tx, SYSTEM_ACTOR, {
            action: 'raise_alerts',
            entityType: 'monitoring_alert',
            entityId: null,
            orgUnitId: null,
            summary: `Tăng đột biến tin báo chí: ${raised} cảnh báo mới, ${seen - raised} cảnh báo cập nhật`,
            after: { spikes: seen, raised, hourStart: hour.toISOString() },
          });
        }
        return raised;
      });
    },
  };
}
