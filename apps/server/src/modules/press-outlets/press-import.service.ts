import { foldVi } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor } from '../../platform/db/transaction.js';
import { mapContactRow, mapOutletRow, isNationalArea, type FieldProblem } from './press-rows.js';
import type { NewContactRow, NewOutletRow, OutletRow } from './press-outlets.repository.js';
import { contactSnapshot, outletSnapshot, type PressOutletsDeps } from './press-outlets.service.js';
import { pressOutletsPolicy as policy } from './press-outlets.policy.js';

/** One spreadsheet row, keyed by column, with its 1-based row number in the sheet. */
export interface SheetRow {
  row: number;
  values: Record<string, string | null>;
}

export interface RowProblem extends FieldProblem {
  row: number;
}

export interface ImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

export type PressImportService = ReturnType<typeof createPressImportService>;

/**
 * Excel imports of outlets and of contacts, all or nothing: every row is checked first; if any row is rejected
 * nothing is written and the report lists every problem of every bad row. `dryRun` only reports.
 */
export function createPressImportService(deps: PressOutletsDeps) {
  const { repo, recordAudit, runInTransaction } = deps;

  async function areaOf(tx: Executor, text: string): Promise<{ area: string; areaName: string | null } | FieldProblem> {
    if (isNationalArea(text)) return { area: 'national', areaName: null };
    const found = await repo.findProvinces(tx, text.trim());
    if (found.length === 1) return { area: found[0]!.code, areaName: found[0]!.name };
    return {
      field: 'area',
      code: found.length ? 'validation.ambiguous_place' : 'validation.unknown_place',
      params: { value: text },
    };
  }

  /** The outlet a contact row names: one in scope, the actor's own unit's first when several share the name. */
  async function outletOf(
    tx: Executor,
    actor: Actor,
    name: string,
  ): Promise<{ outlet: OutletRow } | { problem: FieldProblem }> {
    const found = await repo.findOutletsByName(tx, name, actor.scopePath);
    const own = found.filter((o) => o.orgUnitId === actor.orgUnitId);
    const pick = found.length === 1 ? found[0] : own.length === 1 ? own[0] : undefined;
    if (!pick) {
      const code = found.length ? 'validation.ambiguous_outlet' : 'validation.unknown_outlet';
      return { problem: { field: 'outlet', code, params: { value: name } } };
    }
    if (!policy.canEdit(actor, pick)) return { problem: { field: 'outlet', code: 'validation.unit_out_of_scope' } };
    return { outlet: pick };
  }

  return {
    async importOutlets(actor: Actor, rows: SheetRow[], options: { dryRun: boolean }): Promise<ImportOutcome> {
      policy.assertCanWrite(actor);
      const orgUnitId = actor.orgUnitId;
      return runInTransaction(async (tx) => {
        const outcome: ImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
        const unitPath = orgUnitId ? await repo.unitPath(tx, orgUnitId) : null;
        const toInsert: NewOutletRow[] = [];
        const seen = new Map<string, number>();
        for (const { row, values } of rows) {
          const reject = (problems: FieldProblem[]) => outcome.rejected.push(...problems.map((p) => ({ row, ...p })));
          const { fields, problems } = mapOutletRow(values);
          if (!fields) {
            reject(problems);
            continue;
          }
          if (!orgUnitId || !unitPath || !policy.canEdit(actor, { orgUnitPath: unitPath })) {
            reject([{ field: 'name', code: 'validation.unit_out_of_scope' }]);
            continue;
          }
          const area = await areaOf(tx, fields.area);
          if ('code' in area) {
            reject([area]);
            continue;
          }
          const key = foldVi(fields.name);
          const earlier = seen.get(key);
          if (earlier !== undefined) {
            reject([{ field: 'name', code: 'validation.duplicate_in_file', params: { row: earlier } }]);
            continue;
          }
          if (await repo.findDuplicateOutlet(tx, orgUnitId, fields.name, null)) {
            reject([{ field: 'name', code: 'validation.duplicate_outlet' }]);
            continue;
          }
          seen.set(key, row);
          toInsert.push({ ...fields, ...area, orgUnitId, active: true, createdBy: actor.userId });
        }
        outcome.created = toInsert.length;
        if (outcome.rejected.length > 0 || options.dryRun) return outcome;
        for (const values of toInsert) {
          const id = await repo.insertOutlet(tx, values);
          await recordAudit(tx, actor, {
            action: 'import',
            entityType: 'press_outlet',
            entityId: id,
            orgUnitId: values.orgUnitId,
            summary: values.name.slice(0, 300),
            after: outletSnapshot(values),
          });
        }
        outcome.applied = true;
        return outcome;
      });
    },

    async importContacts(actor: Actor, rows: SheetRow[], options: { dryRun: boolean }): Promise<ImportOutcome> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const outcome: ImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
        const toInsert: { values: NewContactRow; outlet: OutletRow }[] = [];
        for (const { row, values } of rows) {
          const reject = (problems: FieldProblem[]) => outcome.rejected.push(...problems.map((p) => ({ row, ...p })));
          const { fields, problems } = mapContactRow(values);
          if (!fields) {
            reject(problems);
            continue;
          }
          const found = await outletOf(tx, actor, fields.outlet);
          if ('problem' in found) {
            reject([found.problem]);
            continue;
          }
          const { outlet } = found;
          const { outlet: _name, ...rest } = fields;
          toInsert.push({ values: { ...rest, outletId: outlet.id, createdBy: actor.userId }, outlet });
        }
        outcome.created = toInsert.length;
        if (outcome.rejected.length > 0 || options.dryRun) return outcome;
        for (const { values, outlet } of toInsert) {
          const id = await repo.insertContact(tx, values);
          await recordAudit(tx, actor, {
            action: 'import',
            entityType: 'press_contact',
            entityId: id,
            orgUnitId: outlet.orgUnitId,
            summary: `${values.fullName} — ${outlet.name}`.slice(0, 300),
            after: contactSnapshot(values),
          });
        }
        outcome.applied = true;
        return outcome;
      });
    },
  };
}
