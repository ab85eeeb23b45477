// File imports into a source (issue 12 §1): CSV or JSON Lines exported by other tools, ingested in batches. Every
// row is reported in file order; a bad row carries its line number (as `index`) and the rest are kept.
import { INGEST_MAX_ARTICLES, type TIngestItemError, type TIngestResponse, type TLocale } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { errorMessage } from '../../platform/i18n/messages.js';
import { decodeBody } from './encoding.js';
import { onBehalfOf, type IngestArticles } from './fetch-types.js';
import { parseImport } from './import-rows.js';
import type { MonitoringSourcesRepository } from './monitoring-sources.repository.js';
import { monitoringSourcesPolicy as policy } from './monitoring-sources.policy.js';

export interface SourceImportDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  sources: Pick<MonitoringSourcesRepository, 'findById'>;
  ingest: IngestArticles;
  recordAudit: RecordAudit;
}

const BATCH = Math.min(500, INGEST_MAX_ARTICLES);

export type SourceImportService = ReturnType<typeof createSourceImportService>;

export function createSourceImportService(deps: SourceImportDeps) {
  const { db, runInTransaction, sources, ingest, recordAudit } = deps;

  return {
    /** Imports a CSV or JSONL file into the source; results in file order, bad rows by line. */
    async importFile(
      actor: Actor,
      sourceId: string,
      file: { bytes: Uint8Array; fileName: string | undefined },
      lang: TLocale,
    ): Promise<TIngestResponse> {
      policy.assertCanManage(actor);
      const source = await sources.findById(db, sourceId);
      if (!source) throw notFound('monitoring_source');
      policy.assertCanEdit(actor, { orgUnitPath: source.orgUnitPath });
      const decoded = decodeBody(file.bytes, null);
      if (!decoded.ok) throw new AppError('monitoring_source.import_unreadable', { reason: decoded.message });
      const parsed = parseImport(decoded.text, file.fileName);
      if (parsed.rows.length === 0 && parsed.problems.length === 0)
        throw new AppError('monitoring_source.import_unreadable', { reason: 'no rows' });
      const entries: { line: number; result: TIngestResponse['results'][number] }[] = [];
      for (const problem of parsed.problems) {
        const error: TIngestItemError = {
          index: problem.line,
          error: {
            code: 'validation.failed',
            message: errorMessage('validation.failed', lang),
            errors: [{ field: 'line', code: 'validation.invalid_value', message: problem.message }],
          },
        };
        entries.push({ line: problem.line, result: error });
      }
      let accepted = 0;
      let known = 0;
      let rejected = parsed.problems.length;
      for (let start = 0; start < parsed.rows.length; start += BATCH) {
        const rows = parsed.rows.slice(start, start + BATCH);
        const response = await ingest(onBehalfOf(actor), { articles: rows.map((r) => r.article), sourceId }, lang);
        accepted += response.accepted;
        known += response.known;
        rejected += response.rejected;
        response.results.forEach((result, i) => {
          const line = rows[i]!.line;
          entries.push({ line, result: 'error' in result ? { ...result, index: line } : result });
        });
      }
      entries.sort((a, b) => a.line - b.line);
      await runInTransaction((tx) =>
        recordAudit(tx, actor, {
          action: 'import',
          entityType: 'monitoring_source',
          entityId: source.id,
          orgUnitId: source.orgUnitId,
          summary: `${source.name}: ${file.fileName ?? parsed.format} — ${accepted} mới, ${known} đã có, ${rejected} lỗi`,
          after: { file: file.fileName ?? null, format: parsed.format, accepted, known, rejected },
        }),
      );
      return { results: entries.map((e) => e.result), accepted, known, rejected };
    },
  };
}
