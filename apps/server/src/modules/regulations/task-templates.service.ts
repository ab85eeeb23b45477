import type {
  TListQuery,
  TPage,
  TTaskPhase,
  TTaskTemplateItem,
  TTemplateOwner,
  TUpdateTaskTemplateRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import type { NewTemplateRow, RegulationTasksRepository, TemplateRow } from './regulation-tasks.repository.js';
import type { UnitLookup } from '../org-units/index.js';
import { regulationsPolicy } from './regulations.policy.js';

export function toTemplateItem(row: TemplateRow): TTaskTemplateItem {
  return {
    id: row.id,
    name: row.name,
    phase: row.phase as TTaskPhase,
    offsetDays: row.offsetDays,
    owner: row.owner as TTemplateOwner,
    ownerUnit:
      row.ownerUnitId && row.ownerUnitCode && row.ownerUnitName
        ? { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName }
        : null,
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    sortOrder: row.sortOrder,
    active: row.active,
    version: row.version,
  };
}

const stepSnapshot = (step: TemplateRow | (NewTemplateRow & { ownerUnitCode?: string | null })) => ({
  name: step.name,
  phase: step.phase,
  offsetDays: step.offsetDays,
  owner: step.owner,
  ownerUnitId: step.ownerUnitId ?? null,
  titleVi: step.titleVi,
  titleEn: step.titleEn,
  active: step.active ?? true,
});

export type TaskTemplatesService = ReturnType<typeof createTaskTemplatesService>;

/** The editable "before, during, after" template from which a document's tasks are generated. */
export function createTaskTemplatesService(deps: {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: RegulationTasksRepository;
  units: Pick<UnitLookup, 'findById'>;
  recordAudit: RecordAudit;
}) {
  const { db, runInTransaction, repo, units, recordAudit } = deps;
  return {
    /** The "before, during, after" template, in order. */
    async listTemplate(actor: Actor, query: TListQuery): Promise<TPage<TTaskTemplateItem>> {
      regulationsPolicy.assertCanRead(actor);
      const { rows, total } = await repo.listTemplate(db, query);
      return { items: rows.map(toTemplateItem), total };
    },

    /**
     * Replaces the template: listed steps are kept in the given order (changed ones checked against the
     * version seen), new ones added, missing ones removed. Tasks already made are not touched.
     */
    async updateTemplate(actor: Actor, input: TUpdateTaskTemplateRequest): Promise<TTaskTemplateItem[]> {
      regulationsPolicy.assertCanEditTemplate(actor);
      await runInTransaction(async (tx) => {
        await repo.lockTemplate(tx);
        const existing = await repo.allTemplateSteps(tx);
        const byId = new Map(existing.map((step) => [step.id, step]));
        const values: NewTemplateRow[] = [];
        for (const [index, step] of input.items.entries()) {
          if (step.id !== undefined) {
            const current = byId.get(step.id);
            if (!current || step.version === undefined || step.version !== current.version)
              throw new AppError('conflict.version');
          }
          if (step.ownerUnitId && !(await units.findById(tx, step.ownerUnitId)))
            throw fieldError(`items.${index}.ownerUnitId`, 'validation.invalid_value');
          values.push({
            name: step.name,
            phase: step.phase,
            offsetDays: step.offsetDays,
            owner: step.owner,
            ownerUnitId: step.owner === 'unit' ? (step.ownerUnitId ?? null) : null,
            titleVi: step.titleVi,
            titleEn: step.titleEn,
            sortOrder: index + 1,
            active: step.active,
          });
        }
        const kept = new Set(input.items.map((step) => step.id).filter((id) => id !== undefined));
        await repo.deleteTemplateSteps(
          tx,
          existing.filter((step) => !kept.has(step.id)).map((step) => step.id),
        );
        for (const [index, step] of input.items.entries()) {
          const next = values[index]!;
          const current = step.id === undefined ? undefined : byId.get(step.id);
          if (!current) {
            await repo.insertTemplateStep(tx, next);
            continue;
          }
          const same =
            JSON.stringify({ ...stepSnapshot(current), sortOrder: current.sortOrder }) ===
            JSON.stringify({ ...stepSnapshot(next), sortOrder: next.sortOrder });
          if (!same && !(await repo.updateTemplateStep(tx, current.id, current.version, next)))
            throw new AppError('conflict.version');
        }
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'task_template',
          entityId: null,
          orgUnitId: actor.orgUnitId,
          summary: `${values.length} bước trước, trong, sau khi văn bản có hiệu lực`,
          before: existing.map(stepSnapshot),
          after: values.map(stepSnapshot),
        });
      });
      return (await repo.allTemplateSteps(db)).map(toTemplateItem);
    },
  };
}
