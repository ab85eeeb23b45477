import type {
  TCreateReportTemplateRequest,
  TReportPeriodKind,
  TReportTemplate,
  TUpdateReportTemplateRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import type { ReportTemplateRow, ReportTemplatesRepository } from './report-templates.repository.js';
import { reportsPolicy } from './reports.policy.js';
import { assertPlaceholders } from './reports.service.js';

export interface ReportTemplatesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ReportTemplatesRepository;
  recordAudit: RecordAudit;
}

function toTemplate(row: ReportTemplateRow): TReportTemplate {
  return {
    id: row.id,
    name: row.name,
    periodKinds: row.periodKinds as TReportPeriodKind[],
    subject: row.subject,
    sections: row.sections,
    isDefault: row.isDefault,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const snapshot = (row: ReportTemplateRow) => ({
  name: row.name,
  periodKinds: row.periodKinds,
  subject: row.subject,
  sections: row.sections.map((s) => ({ heading: s.heading, table: s.table })),
  isDefault: row.isDefault,
});

export type ReportTemplatesService = ReturnType<typeof createReportTemplatesService>;

/** The report templates: everyone reads them; administrators and the Communication Center keep them. */
export function createReportTemplatesService(deps: ReportTemplatesDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;

  async function find(tx: Executor, id: string, lock = false): Promise<ReportTemplateRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('report_template');
    return row;
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    before: ReportTemplateRow | null,
    after: ReportTemplateRow | null,
  ) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'report_template',
      entityId: row.id,
      orgUnitId: null,
      summary: row.name,
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  return {
    async listTemplates(_actor: Actor): Promise<TReportTemplate[]> {
      return (await repo.list(db)).map(toTemplate);
    },

    async getTemplate(_actor: Actor, id: string): Promise<TReportTemplate> {
      return toTemplate(await find(db, id));
    },

    async createTemplate(actor: Actor, input: TCreateReportTemplateRequest): Promise<TReportTemplate> {
      reportsPolicy.assertCanEditTemplates(actor);
      assertPlaceholders(input);
      return runInTransaction(async (tx) => {
        const id = await repo.insert(tx, { ...input, periodKinds: [...new Set(input.periodKinds)] });
        if (input.isDefault) await repo.clearOtherDefaults(tx, id);
        const created = await find(tx, id);
        await audit(tx, actor, 'create', null, created);
        return toTemplate(created);
      });
    },

    async updateTemplate(actor: Actor, id: string, input: TUpdateReportTemplateRequest): Promise<TReportTemplate> {
      reportsPolicy.assertCanEditTemplates(actor);
      const { version, ...fields } = input;
      assertPlaceholders(fields);
      return runInTransaction(async (tx) => {
        const before = await find(tx, id, true);
        const values = fields.periodKinds ? { ...fields, periodKinds: [...new Set(fields.periodKinds)] } : fields;
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        if (fields.isDefault) await repo.clearOtherDefaults(tx, id);
        const after = await find(tx, id);
        await audit(tx, actor, 'update', before, after);
        return toTemplate(after);
      });
    },

    /** Deletes a template; the reports made from it keep their text. */
    async deleteTemplate(actor: Actor, id: string): Promise<void> {
      reportsPolicy.assertCanEditTemplates(actor);
      await runInTransaction(async (tx) => {
        const before = await find(tx, id, true);
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, null);
      });
    },
  };
}
