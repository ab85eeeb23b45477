// The generation job's work: read the figures of the report's unit and period (dashboard, plan versus actual,
// coverage, the child units' reports), fill the placeholders, render DOCX, PDF and XLSX and store them — reporting
// progress in the report's row at each step. A job for a version the report has left behind writes nothing.
import type {
  TCoverageAxis,
  TDashboard,
  TGuidanceCoverage,
  TPlanActual,
  TReportPeriodKind,
  TReportStatus,
} from '@loa/contracts';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { buildReportDocument, type ChildWithReport, type ReportContent } from './report-document.js';
import { renderReportDocx } from './report-docx.service.js';
import { fillPlaceholders, placeholderValues } from './report-placeholders.js';
import { parentAgencyName } from './report-rules.js';
import { renderReportPdf } from './report-pdf.service.js';
import { renderReportXlsx } from './report-xlsx.service.js';
import type { ReportRow, ReportsRepository } from './reports.repository.js';

/** Where a report's figures come from (other modules' internal functions, wired in composition-root). */
export interface ReportFigureSources {
  dashboard(unitId: string, from: string, to: string): Promise<TDashboard | null>;
  planActual?(unitId: string, year: number, asOf?: string): Promise<TPlanActual | null>;
  coverage?(unitId: string, from: string, to: string, axis: TCoverageAxis): Promise<TGuidanceCoverage | null>;
}

export interface ReportGenerationDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: Pick<ReportsRepository, 'findById' | 'findUnit' | 'childReports' | 'updateGeneration' | 'storeDocuments'>;
  sources: ReportFigureSources;
  now?: () => Date;
}

export interface ReportFiles {
  docx: Buffer;
  pdf: Buffer;
  xlsx: Buffer;
}

export type GenerationOutcome = 'done' | 'failed' | 'stale';

/** Renders the three documents of a report's content; `progress` hears of each step. */
export async function renderReportDocuments(
  content: ReportContent,
  progress: (step: 'docx' | 'pdf' | 'xlsx', percent: number) => Promise<void> = async () => undefined,
): Promise<ReportFiles> {
  const document = buildReportDocument(content);
  await progress('docx', 50);
  const docx = await renderReportDocx(document);
  await progress('pdf', 65);
  const pdf = await renderReportPdf(document);
  await progress('xlsx', 80);
  const xlsx = await renderReportXlsx(document, content);
  return { docx, pdf, xlsx };
}

/** Gone from the report's version: a newer edit or regeneration took over, or it was approved or deleted. */
class Stale extends Error {}

export type ReportGeneration = ReturnType<typeof createReportGeneration>;

export function createReportGeneration(deps: ReportGenerationDeps) {
  const { db, repo, sources } = deps;
  const now = deps.now ?? (() => new Date());

  /** Everything the documents say, as of now; the subject and sections with their placeholders filled. */
  async function gather(
    row: ReportRow,
    step: (name: string, percent: number) => Promise<void>,
  ): Promise<ReportContent> {
    const generatedAt = now();
    const period = { kind: row.periodKind as TReportPeriodKind, year: row.periodYear, number: row.periodNumber };
    const dashboard = await sources.dashboard(row.orgUnitId, row.periodFrom, row.periodTo);
    if (!dashboard) throw new Error(`unit ${row.orgUnitId} of report ${row.id} no longer exists`);
    await step('children', 25);
    const childRows = await repo.childReports(db, row.orgUnitId, period, { from: row.periodFrom, to: row.periodTo });
    const reports = new Map(childRows.map((c) => [c.unitId, c]));
    const children: ChildWithReport[] = dashboard.children.map((child) => {
      const found = reports.get(child.unit.id);
      return {
        ...child,
        report:
          found?.reportId && found.status
            ? { id: found.reportId, status: found.status as TReportStatus, number: found.number }
            : null,
      };
    });
    await step('plan_actual', 35);
    const today = generatedAt.toISOString().slice(0, 10);
    const asOf = row.periodTo < today ? row.periodTo : undefined;
    const [planActual, coverage] = await Promise.all([
      sources.planActual ? sources.planActual(row.orgUnitId, row.periodYear, asOf) : null,
      sources.coverage ? sources.coverage(row.orgUnitId, row.periodFrom, row.periodTo, 'audiences') : null,
    ]);
    // The body names the parent agency as written in a sentence, not in the header's capitals.
    const unit = await repo.findUnit(db, row.orgUnitId);
    const values = placeholderValues({
      parentAgency: parentAgencyName(unit?.parentName ?? null, row.periodFrom),
      unitName: row.unitName,
      period,
      from: row.periodFrom,
      to: row.periodTo,
      place: row.place,
      signedOn: row.signedOn,
      dashboard,
      childrenApproved: children.filter((c) => c.report?.status === 'approved').length,
    });
    return {
      period,
      from: row.periodFrom,
      to: row.periodTo,
      unitName: row.unitName,
      number: row.number,
      subject: fillPlaceholders(row.subject, values),
      parentAgency: row.parentAgency,
      issuer: row.issuer,
      place: row.place,
      signedOn: row.signedOn,
      recipients: row.recipients,
      signerAuthority: row.signerAuthority,
      signerTitle: row.signerTitle,
      signerName: row.signerName,
      sections: row.sections.map((s) => ({
        heading: fillPlaceholders(s.heading, values),
        text: fillPlaceholders(s.text, values),
        table: s.table,
      })),
      dashboard,
      children,
      planActual,
      coverage,
      generatedAt,
    };
  }

  return {
    /**
     * Generates the documents of report `reportId` at `version` (the job's handler). Idempotent: a report that moved
     * on (edited, regenerated, approved, deleted) is left alone. A failure is recorded on the report (state `failed`
     * with the reason) for the user to regenerate; only a failure to record it is thrown, for the queue to retry.
     */
    async run(reportId: string, version: number): Promise<GenerationOutcome> {
      const row = await repo.findById(db, reportId);
      if (!row || row.version !== version || row.generationVersion !== version || row.status !== 'draft')
        return 'stale';
      const step = async (name: string, percent: number) => {
        const current = { generationState: 'running', generationStep: name, generationProgress: percent };
        if (!(await repo.updateGeneration(db, reportId, version, current))) throw new Stale();
      };
      try {
        await step('figures', 5);
        const content = await gather(row, step);
        const files = await renderReportDocuments(content, step);
        await step('store', 95);
        return await deps.runInTransaction(async (tx) => {
          const stored = await repo.updateGeneration(tx, reportId, version, {
            subject: content.subject,
            sections: content.sections,
            generationState: 'done',
            generationStep: null,
            generationProgress: 100,
            generationError: null,
            generatedAt: content.generatedAt,
          });
          if (!stored) return 'stale';
          const documents = (['docx', 'pdf', 'xlsx'] as const).map((format) => ({ format, content: files[format] }));
          await repo.storeDocuments(tx, reportId, documents, content.generatedAt);
          return 'done';
        });
      } catch (error) {
        if (error instanceof Stale) return 'stale';
        const reason = error instanceof Error ? error.message : String(error);
        const recorded = await repo.updateGeneration(db, reportId, version, {
          generationState: 'failed',
          generationStep: null,
          generationError: reason.slice(0, 500),
        });
        return recorded ? 'failed' : 'stale';
      }
    },

    /** The documents of a report as they would be generated now, stored nowhere (for the benchmark). */
    async render(reportId: string): Promise<ReportFiles> {
      const row = await repo.findById(db, reportId);
      if (!row) throw new Error(`no report ${reportId}`);
      return renderReportDocuments(await gather(row, async () => undefined));
    },
  };
}
