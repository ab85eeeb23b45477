import {
  REPORT_PERIOD_KIND_LABELS,
  reportPeriodLabel,
  type TCreateReportRequest,
  type TPage,
  type TReport,
  type TReportFormat,
  type TReportGenerationState,
  type TReportListQuery,
  type TReportPeriod,
  type TReportPeriodKind,
  type TReportStatus,
  type TReportSummary,
  type TUpdateReportRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, forbidden, notFound } from '../../platform/errors.js';
import type { NotifyInput } from '../notifications/index.js';
import { placeholderProblems } from './report-placeholders.js';
import { defaultHeader, generationBusy, reportDays } from './report-rules.js';
import type { ReportTemplatesRepository } from './report-templates.repository.js';
import { reportsPolicy } from './reports.policy.js';
import type { ReportRow, ReportsRepository, ReportValues } from './reports.repository.js';

export interface ReportsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ReportsRepository;
  templates: Pick<ReportTemplatesRepository, 'findById' | 'findFor'>;
  recordAudit: RecordAudit;
  notify(tx: Tx, actor: Actor, input: NotifyInput): Promise<number>;
  now?: () => Date;
}

const PERIOD_MAX: Record<TReportPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** 422 for text with an unknown placeholder, field by field. */
export function assertPlaceholders(input: Parameters<typeof placeholderProblems>[0]): void {
  const problems = placeholderProblems(input);
  if (problems.length === 0) return;
  throw new AppError(
    'report.unknown_placeholder',
    { name: problems[0]!.name },
    problems.map((p) => ({ field: p.field, code: 'validation.unknown_placeholder', params: { name: p.name } })),
  );
}

function periodOf(row: ReportRow): TReportPeriod {
  return { kind: row.periodKind as TReportPeriodKind, year: row.periodYear, number: row.periodNumber };
}

export function toReportSummary(row: ReportRow): TReportSummary {
  return {
    id: row.id,
    orgUnit: { id: row.orgUnitId, code: row.unitCode, name: row.unitName, kind: row.unitKind },
    period: periodOf(row),
    from: row.periodFrom,
    to: row.periodTo,
    number: row.number,
    subject: row.subject,
    status: row.status as TReportStatus,
    generation: {
      state: row.generationState as TReportGenerationState,
      progress: row.generationProgress,
      step: row.generationStep,
      error: row.generationError,
      generatedAt: iso(row.generatedAt),
    },
    createdBy: { id: row.createdBy, fullName: row.createdByName },
    approvedBy: row.approvedBy ? { id: row.approvedBy, fullName: row.approvedByName ?? '' } : null,
    approvedAt: iso(row.approvedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a report. */
function snapshot(row: ReportRow) {
  return {
    unit: row.unitCode,
    period: `${row.periodKind} ${row.periodNumber}/${row.periodYear}`,
    number: row.number,
    subject: row.subject,
    status: row.status,
    parentAgency: row.parentAgency,
    issuer: row.issuer,
    place: row.place,
    signedOn: row.signedOn,
    recipients: row.recipients,
    signer: [row.signerAuthority, row.signerTitle, row.signerName].filter(Boolean).join(' — '),
    sections: row.sections.map((s) => s.heading),
  };
}

/** The generation a write starts: queued for the report's next version. */
const queuedFor = (version: number): ReportValues => ({
  generationVersion: version,
  generationState: 'queued',
  generationProgress: 0,
  generationStep: null,
  generationError: null,
});

export type ReportsService = ReturnType<typeof createReportsService>;

export function createReportsService(deps: ReportsDeps) {
  const { db, runInTransaction, repo, templates, recordAudit } = deps;
  const now = deps.now ?? (() => new Date());
  /** Queues the generation job of a report's version; bound by the job wiring (processes that run jobs). */
  let queue: ((reportId: string, version: number) => Promise<void>) | null = null;

  async function enqueue(reportId: string, version: number): Promise<void> {
    try {
      await queue?.(reportId, version);
    } catch (error) {
      // The report stays queued; after ten minutes without news it may be regenerated.
      console.warn(`report ${reportId}: generation not queued (${(error as Error).message})`);
    }
  }

  async function visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<ReportRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !reportsPolicy.canSee(actor, row.unitPath)) throw notFound('report');
    return row;
  }

  async function editableDraft(tx: Tx, actor: Actor, id: string): Promise<ReportRow> {
    const row = await visible(tx, actor, id, true);
    if (row.status !== 'draft') throw new AppError('report.not_draft');
    reportsPolicy.assertCanDraft(actor, row.unitPath);
    return row;
  }

  async function detail(tx: Executor, actor: Actor, row: ReportRow): Promise<TReport> {
    const period = periodOf(row);
    const [children, formats] = await Promise.all([
      repo.childReports(tx, row.orgUnitId, period, { from: row.periodFrom, to: row.periodTo }),
      repo.documentFormats(tx, [row.id]),
    ]);
    const status = row.status as TReportStatus;
    const ready = row.generationState === 'done' && row.generationVersion === row.version;
    return {
      ...toReportSummary(row),
      templateId: row.templateId,
      parentAgency: row.parentAgency,
      issuer: row.issuer,
      place: row.place,
      signedOn: row.signedOn,
      recipients: row.recipients,
      signerAuthority: row.signerAuthority,
      signerTitle: row.signerTitle,
      signerName: row.signerName,
      sections: row.sections,
      children: children.map((c) => ({
        unit: { id: c.unitId, code: c.code, name: c.name, kind: c.kind },
        report: c.reportId && c.status ? { id: c.reportId, status: c.status as TReportStatus, number: c.number } : null,
      })),
      // A draft's documents count only once generated for its current version.
      documents: ready || status !== 'draft' ? (formats.get(row.id) ?? []) : [],
      can: {
        edit: status === 'draft' && reportsPolicy.canDraft(actor, row.unitPath),
        approve: status === 'draft' && ready && reportsPolicy.canApprove(actor, row.unitPath),
        archive: status !== 'archived' && reportsPolicy.canArchive(actor, row.unitPath),
        delete: reportsPolicy.canDelete(actor, { unitPath: row.unitPath, status, createdBy: row.createdBy }),
      },
      version: row.version,
    };
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: ReportRow | null, after: ReportRow | null) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'report',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.unitName} — ${reportPeriodLabel(periodOf(row), 'vi')}${row.number ? ` (${row.number})` : ''}`,
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  async function reload(tx: Executor, id: string): Promise<ReportRow> {
    return (await repo.findById(tx, id))!;
  }

  async function getReport(actor: Actor, id: string): Promise<TReport> {
    return detail(db, actor, await visible(db, actor, id));
  }

  return {
    /** Lets the job wiring say how to queue a generation (a late binding: jobs are defined after services). */
    useQueue(send: (reportId: string, version: number) => Promise<void>): void {
      queue = send;
    },

    /** A page of the reports of the caller's scope (or of a unit in it and the units under it). */
    async listReports(actor: Actor, query: TReportListQuery, all = false): Promise<TPage<TReportSummary>> {
      let scopePath = actor.scopePath;
      if (query.orgUnitId) {
        const unit = await repo.findUnit(db, query.orgUnitId);
        if (!unit || !reportsPolicy.canSee(actor, unit.path)) throw notFound('org_unit');
        scopePath = unit.path;
      }
      const { rows, total } = await repo.list(db, query, scopePath, all);
      return { items: rows.map(toReportSummary), total };
    },

    getReport,

    /** Starts a report of a unit and period from a template; its generation is queued once it is committed. */
    async createReport(actor: Actor, input: TCreateReportRequest): Promise<TReport> {
      const days = reportDays(input.period);
      if (!days) {
        throw new AppError('report.invalid_period', {}, [
          {
            field: 'period.number',
            code: 'validation.report_period_number',
            params: { max: PERIOD_MAX[input.period.kind] },
          },
        ]);
      }
      const id = await runInTransaction(async (tx) => {
        const unitId = input.orgUnitId ?? actor.orgUnitId ?? (await repo.findRootId(tx));
        const unit = unitId ? await repo.findUnit(tx, unitId) : null;
        if (!unit || !reportsPolicy.canSee(actor, unit.path)) throw notFound('org_unit');
        reportsPolicy.assertCanDraft(actor, unit.path);
        const template = input.templateId
          ? await templates.findById(tx, input.templateId)
          : await templates.findFor(tx, input.period.kind);
        if (!template) {
          throw new AppError('validation.failed', {}, [
            { field: 'templateId', code: input.templateId ? 'validation.invalid_value' : 'validation.required' },
          ]);
        }
        if (template.periodKinds.length > 0 && !template.periodKinds.includes(input.period.kind))
          throw new AppError('validation.failed', {}, [{ field: 'templateId', code: 'validation.invalid_value' }]);
        const exists = (existingId: string) =>
          new AppError('report.exists', { existingId }, [{ field: 'period', code: 'validation.duplicate' }]);
        const live = await repo.findLive(tx, unit.id, input.period);
        if (live) throw exists(live.id);
        const header = defaultHeader(unit, days.from);
        const inserted = await repo.insert(tx, {
          orgUnitId: unit.id,
          periodKind: input.period.kind,
          periodYear: input.period.year,
          periodNumber: input.period.number,
          periodFrom: days.from,
          periodTo: days.to,
          number: null,
          subject: template.subject,
          ...header,
          signedOn: null,
          signerTitle: '',
          signerName: '',
          sections: template.sections,
          status: 'draft',
          templateId: template.id,
          createdBy: actor.userId!,
          ...queuedFor(1),
        });
        if (!inserted) {
          const raced = await repo.findLive(tx, unit.id, input.period);
          throw exists(raced?.id ?? '');
        }
        await audit(tx, actor, 'create', null, await reload(tx, inserted));
        return inserted;
      });
      await enqueue(id, 1);
      return getReport(actor, id);
    },

    /** Edits a draft (its header, subject, sections); the documents are generated again. */
    async updateReport(actor: Actor, id: string, input: TUpdateReportRequest): Promise<TReport> {
      const { version, ...fields } = input;
      assertPlaceholders(fields);
      await runInTransaction(async (tx) => {
        const before = await editableDraft(tx, actor, id);
        if (!(await repo.update(tx, id, version, { ...fields, ...queuedFor(version + 1) })))
          throw new AppError('conflict.version');
        await audit(tx, actor, 'update', before, await reload(tx, id));
      });
      await enqueue(id, version + 1);
      return getReport(actor, id);
    },

    /**
     * Reads the figures again and regenerates a draft's documents (also after a failure, or a generation lost for
     * ten minutes); `resetText` takes the subject and sections from the template again.
     */
    async regenerateReport(actor: Actor, id: string, input: { version: number; resetText?: boolean | undefined }) {
      await runInTransaction(async (tx) => {
        const before = await editableDraft(tx, actor, id);
        const state = before.generationState as TReportGenerationState;
        if (generationBusy(state, before.generationTouchedAt, now())) throw new AppError('report.generating');
        const values: ReportValues = queuedFor(input.version + 1);
        if (input.resetText) {
          const template =
            (before.templateId ? await templates.findById(tx, before.templateId) : null) ??
            (await templates.findFor(tx, before.periodKind));
          if (template) Object.assign(values, { subject: template.subject, sections: template.sections });
        }
        if (!(await repo.update(tx, id, input.version, values))) throw new AppError('conflict.version');
        await audit(tx, actor, 'regenerate', before, await reload(tx, id));
      });
      await enqueue(id, input.version + 1);
      return getReport(actor, id);
    },

    /** A leader of the unit (or above) approves a draft whose documents are generated: they are frozen from now. */
    async approveReport(actor: Actor, id: string, version: number): Promise<TReport> {
      await runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        if (before.status !== 'draft') throw new AppError('report.not_draft');
        if (!reportsPolicy.canApprove(actor, before.unitPath)) throw forbidden();
        if (before.version !== version) throw new AppError('conflict.version');
        if (before.generationState !== 'done' || before.generationVersion !== before.version)
          throw new AppError('report.not_ready');
        const values = { status: 'approved', approvedBy: actor.userId, approvedAt: now() };
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        const after = await reload(tx, id);
        await audit(tx, actor, 'approve', before, after);
        const label = REPORT_PERIOD_KIND_LABELS[after.periodKind as TReportPeriodKind];
        await deps.notify(tx, actor, {
          recipients: { userIds: [after.createdBy] },
          kind: 'status_change',
          title: {
            vi: `${label.vi} ${reportPeriodLabel(periodOf(after), 'vi')} của ${after.unitName} đã được phê duyệt`,
            en: `${label.en} for ${reportPeriodLabel(periodOf(after), 'en')} of ${after.unitName} was approved`,
          },
          link: `/reports/${id}`,
          entityType: 'report',
          entityId: id,
        });
      });
      return getReport(actor, id);
    },

    /** Leaders archive a report (approved or a draft no one will finish); another of the same period may follow. */
    async archiveReport(actor: Actor, id: string, version: number): Promise<TReport> {
      await runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        if (before.status === 'archived') throw new AppError('report.archived');
        if (!reportsPolicy.canArchive(actor, before.unitPath)) throw forbidden();
        if (!(await repo.update(tx, id, version, { status: 'archived' }))) throw new AppError('conflict.version');
        await audit(tx, actor, 'archive', before, await reload(tx, id));
      });
      return getReport(actor, id);
    },

    /** The creator or a leader deletes a draft, with its documents. */
    async deleteReport(actor: Actor, id: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        if (before.status !== 'draft') throw new AppError('report.not_draft');
        const target = { unitPath: before.unitPath, status: 'draft' as const, createdBy: before.createdBy };
        if (!reportsPolicy.canDelete(actor, target)) throw forbidden();
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, null);
      });
    },

    /** A generated document and its file name; 409 while the current version's documents are not generated. */
    async getDocument(actor: Actor, id: string, format: TReportFormat): Promise<{ content: Buffer; filename: string }> {
      const row = await visible(db, actor, id);
      // An approved or archived report serves the documents of its approval; a draft only its current ones.
      const current =
        row.status !== 'draft' || (row.generationState === 'done' && row.generationVersion === row.version);
      const content = current ? await repo.findDocument(db, id, format) : null;
      if (!content) throw new AppError('report.not_ready');
      const period = periodOf(row);
      const name = `bao-cao-${row.unitCode}-${period.kind}-${period.number}-${period.year}`.toLowerCase();
      return { content, filename: `${name}.${format}` };
    },
  };
}
