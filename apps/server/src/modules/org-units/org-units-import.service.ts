import { ZUnitCode, ZUnitKind } from '@loa/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import type { RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import { orgUnitsPolicy } from './org-units.policy.js';
import type { OrgUnitsService } from './org-units.service.js';

/** One spreadsheet row, keyed by column, with its 1-based row number in the sheet. */
export interface SheetRow {
  row: number;
  values: Record<string, string | null>;
}

export interface RowProblem {
  row: number;
  field?: string;
  /** An error code or a field-message code of contracts. */
  code: string;
  params?: Record<string, unknown>;
}

export interface ImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  rejected: RowProblem[];
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));
const optionalDate = z
  .string()
  .trim()
  .nullable()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(z.iso.date({ message: 'validation.invalid_date' }).nullable());

export const ZOrgUnitImportRow = z.object({
  code: ZUnitCode,
  name: z.string({ message: 'validation.required' }).trim().min(1, { message: 'validation.required' }).max(200),
  shortName: optionalText(60),
  kind: ZUnitKind,
  /** Empty only for the root unit, which can be renamed but never moved. */
  parentCode: ZUnitCode.nullable()
    .optional()
    .transform((v) => v ?? null),
  adminUnitCode: optionalText(10),
  activeFrom: optionalDate,
  activeTo: optionalDate,
});

class RollBack extends Error {}

function problemsOf(row: number, error: unknown): RowProblem[] {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => ({
      row,
      field: issue.path.join('.'),
      code: issue.message.includes('.') ? issue.message : 'validation.invalid',
    }));
  }
  if (error instanceof AppError) {
    if (error.fields.length > 0)
      return error.fields.map((f) => ({ row, field: f.field, code: f.code, params: f.params }));
    return [{ row, code: error.code, params: error.params }];
  }
  throw error;
}

/**
 * Imports units from spreadsheet rows, upserting by code, all or nothing: if any row is rejected,
 * nothing is written and every rejected row is reported. Parents may come after their children in the sheet.
 */
export function createOrgUnitsImportService(deps: { runInTransaction: RunInTransaction; orgUnits: OrgUnitsService }) {
  const { create, update, findByCode } = deps.orgUnits.internal;

  async function applyRow(
    tx: Tx,
    actor: Actor,
    input: z.infer<typeof ZOrgUnitImportRow>,
  ): Promise<'created' | 'updated'> {
    const existing = await findByCode(tx, input.code);
    if (input.parentCode === null) {
      if (!existing || existing.parentId !== null) {
        throw new AppError('validation.failed', {}, [{ field: 'parentCode', code: 'validation.required' }]);
      }
      const { name, shortName, adminUnitCode, activeFrom, activeTo } = input;
      await update(tx, actor, existing.id, {
        name,
        shortName,
        adminUnitCode,
        activeFrom,
        activeTo,
        version: existing.version,
      });
      return 'updated';
    }
    const parent = await findByCode(tx, input.parentCode);
    if (!parent)
      throw new AppError('validation.failed', {}, [{ field: 'parentCode', code: 'validation.invalid_value' }]);
    const fields = {
      name: input.name,
      shortName: input.shortName,
      kind: input.kind,
      parentId: parent.id,
      adminUnitCode: input.adminUnitCode,
      activeFrom: input.activeFrom,
      activeTo: input.activeTo,
    };
    if (existing) {
      await update(tx, actor, existing.id, { ...fields, version: existing.version });
      return 'updated';
    }
    await create(tx, actor, { code: input.code, ...fields });
    return 'created';
  }

  return {
    async importOrgUnits(actor: Actor, rows: SheetRow[], options: { dryRun: boolean }): Promise<ImportOutcome> {
      orgUnitsPolicy.assertCanManage(actor);
      const outcome: ImportOutcome = { applied: false, created: 0, updated: 0, rejected: [] };
      const parsed: { row: number; input: z.infer<typeof ZOrgUnitImportRow> }[] = [];
      const seen = new Map<string, number>();
      for (const { row, values } of rows) {
        const result = ZOrgUnitImportRow.safeParse(values);
        if (!result.success) {
          outcome.rejected.push(...problemsOf(row, result.error));
          continue;
        }
        const first = seen.get(result.data.code);
        if (first !== undefined) {
          outcome.rejected.push({
            row,
            field: 'code',
            code: 'conflict.duplicate',
            params: { field: 'code', value: result.data.code },
          });
          continue;
        }
        seen.set(result.data.code, row);
        parsed.push({ row, input: result.data });
      }
      try {
        await deps.runInTransaction(async (tx) => {
          // Rows whose parent is created further down wait for a later pass.
          let pending = parsed;
          while (pending.length > 0) {
            const waiting: typeof pending = [];
            for (const item of pending) {
              const parentCode = item.input.parentCode;
              const parentLater = parentCode !== null && pending.some((o) => o !== item && o.input.code === parentCode);
              if (parentLater && !(await findByCode(tx, parentCode))) {
                waiting.push(item);
                continue;
              }
              try {
                const result = await tx.transaction((savepoint) => applyRow(savepoint, actor, item.input));
                outcome[result]++;
              } catch (error) {
                outcome.rejected.push(...problemsOf(item.row, error));
              }
            }
            if (waiting.length === pending.length) {
              for (const item of waiting) {
                outcome.rejected.push({ row: item.row, field: 'parentCode', code: 'org.cycle' });
              }
              break;
            }
            pending = waiting;
          }
          if (options.dryRun || outcome.rejected.length > 0) throw new RollBack();
        });
        outcome.applied = true;
      } catch (error) {
        if (!(error instanceof RollBack)) throw error;
      }
      outcome.rejected.sort((a, b) => a.row - b.row);
      return outcome;
    },
  };
}
