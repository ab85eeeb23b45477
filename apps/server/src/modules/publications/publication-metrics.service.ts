import {
  METRICS,
  type TMetric,
  type TMetricReading,
  type TPublication,
  type TRecordMetricsRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { SheetRow } from './metrics-sheet.js';
import { parseCount, parseDay } from './metrics-sheet.js';
import { metricProblem, readingsProblems, readOnProblem, vnDay, type FieldProblem } from './publication-rules.js';
import type { PublicationRow } from './publications.repository.js';
import { publicationsPolicy } from './publications.policy.js';
import { describePublications, type PublicationsDeps, type PublicationsService } from './publications.service.js';

export interface PublicationMetricsDeps extends PublicationsDeps {
  /** Reads a publication without locks, for who may see it (publications service). */
  readable: PublicationsService['readable'];
}

/** A rejected row of an import: where, and the field-message code that says why. */
export interface RowProblem extends FieldProblem {
  row: number;
}

export interface MetricsImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

type Reading = { publicationId: string; metric: TMetric; value: number; readOn: string };

export type PublicationMetricsService = ReturnType<typeof createPublicationMetricsService>;

/**
 * Reach figures of publications, typed in or imported from the platforms' exports. A figure is what was read on a
 * day; a later entry for the same metric and day replaces it, and a publication's reach is each metric's latest.
 */
export function createPublicationMetricsService(deps: PublicationMetricsDeps) {
  const { db, runInTransaction, repo, recordAudit, products } = deps;
  const now = deps.now ?? (() => new Date());

  /** The publication locked with its product, for an officer who may edit the product. */
  async function lockEditable(tx: Tx, actor: Actor, row: PublicationRow): Promise<PublicationRow> {
    const product = await products.lockVisible(tx, actor, row.productId);
    publicationsPolicy.assertCanEdit(actor, product);
    if (product.status === 'archived') throw new AppError('product.archived');
    return (await repo.findById(tx, row.id, true))!;
  }

  /** Saves readings (later ones of the same publication, metric and day win) and audits each publication. */
  async function save(tx: Tx, actor: Actor, rows: Map<string, PublicationRow>, readings: Reading[], action: string) {
    const unique = new Map(readings.map((r) => [`${r.publicationId}|${r.metric}|${r.readOn}`, r]));
    const counts = await repo.upsertReadings(
      tx,
      [...unique.values()].map((r) => ({
        ...r,
        source: action === 'import' ? 'import' : 'manual',
        recordedBy: actor.userId,
      })),
    );
    for (const [id, row] of rows) {
      const own = [...unique.values()].filter((r) => r.publicationId === id);
      if (own.length === 0) continue;
      await recordAudit(tx, actor, {
        action,
        entityType: 'publication',
        entityId: id,
        orgUnitId: row.ownerUnitId,
        summary: `${row.productTitle} — ${row.outlet}`.slice(0, 300),
        after: { readings: own.map(({ metric, value, readOn }) => ({ metric, value, readOn })) },
      });
    }
    return counts;
  }

  return {
    /** Every reading of a publication, the newest day first. */
    async history(actor: Actor, id: string): Promise<TMetricReading[]> {
      await deps.readable(db, actor, id);
      const rows = await repo.history(db, id);
      return rows.map((r) => ({
        metric: r.metric,
        value: r.value,
        readOn: r.readOn,
        source: r.source as TMetricReading['source'],
        recordedBy: r.recorderName,
        recordedAt: r.recordedAt.toISOString(),
      }));
    },

    /** Figures read by hand on one day; every problem is reported on its field and nothing is saved. */
    async record(actor: Actor, id: string, input: TRecordMetricsRequest): Promise<TPublication> {
      publicationsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await lockEditable(tx, actor, await deps.readable(tx, actor, id));
        const problems = readingsProblems(input.values, input.readOn, row.publishedAt, now());
        if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
        const readings = METRICS.flatMap((metric) => {
          const value = input.values[metric];
          return value === undefined ? [] : [{ publicationId: id, metric, value, readOn: input.readOn }];
        });
        await save(tx, actor, new Map([[id, row]]), readings, 'record_metrics');
        const [publication] = await describePublications(deps, tx, actor, [row]);
        return publication!;
      });
    },

    /**
     * Imports figures from a sheet, all or nothing: each row names a publication by its link among those the actor
     * may edit; if any row is rejected nothing is written and the report lists every problem. `dryRun` only reports.
     * A row without a date counts as read today.
     */
    async importReadings(actor: Actor, sheet: SheetRow[], options: { dryRun: boolean }): Promise<MetricsImportOutcome> {
      publicationsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const outcome: MetricsImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
        const rows = new Map<string, PublicationRow>();
        const readings: Reading[] = [];
        const today = vnDay(now());
        for (const { row, values } of sheet) {
          const problems: FieldProblem[] = [];
          let target: PublicationRow | null = null;
          if (!values.url) problems.push({ field: 'url', code: 'validation.required' });
          else {
            const found = (await repo.findByUrl(tx, values.url)).filter(
              (p) => publicationsPolicy.canEdit(actor, p) && p.productStatus !== 'archived',
            );
            if (found.length === 1) target = found[0]!;
            else
              problems.push({
                field: 'url',
                code: found.length === 0 ? 'publication.unknown_url' : 'validation.duplicate',
              });
          }
          const readOn = values.readOn ? parseDay(values.readOn) : today;
          if (!readOn) problems.push({ field: 'readOn', code: 'validation.invalid_date' });
          else if (target) {
            const day = readOnProblem(readOn, target.publishedAt, now());
            if (day) problems.push(day);
          }
          const own: Reading[] = [];
          for (const metric of METRICS) {
            const text = values[metric];
            if (text === undefined) continue;
            const value = parseCount(text);
            const problem =
              value === null ? { field: metric, code: 'validation.not_integer' } : metricProblem(metric, value);
            if (problem) problems.push(problem);
            else if (target && readOn) own.push({ publicationId: target.id, metric, value: value!, readOn });
          }
          if (METRICS.every((metric) => values[metric] === undefined))
            problems.push({ field: 'views', code: 'validation.required' });
          outcome.rejected.push(...problems.map((p) => ({ row, ...p })));
          if (problems.length === 0 && target) {
            rows.set(target.id, target);
            readings.push(...own);
          }
        }
        if (outcome.rejected.length > 0) return outcome;
        if (options.dryRun) {
          outcome.created = new Set(readings.map((r) => `${r.publicationId}|${r.metric}|${r.readOn}`)).size;
          return outcome;
        }
        for (const row of rows.values()) await lockEditable(tx, actor, row);
        Object.assign(outcome, await save(tx, actor, rows, readings, 'import'), { applied: true });
        return outcome;
      });
    },
  };
}
