import type {
  TCopyGuidanceRequest,
  TGuidanceItem,
  TGuidanceKind,
  TGuidanceYear,
  TListQuery,
  TPage,
  TUpdateGuidanceItemRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { GUIDANCE_2020 } from './guidance-2020.data.js';
import type { GuidanceItemRow, GuidanceRepository } from './guidance.repository.js';
import { guidancePolicy } from './guidance.policy.js';

function toItem(row: GuidanceItemRow): TGuidanceItem {
  return { ...row, kind: row.kind as TGuidanceKind };
}

export type GuidanceService = ReturnType<typeof createGuidanceService>;

export function createGuidanceService(deps: {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: GuidanceRepository;
  recordAudit: RecordAudit;
}) {
  const { db, runInTransaction, repo, recordAudit } = deps;

  async function assertYear(tx: Executor, year: number): Promise<void> {
    if (!(await repo.yearExists(tx, year))) throw notFound('guidance_year');
  }

  return {
    async listYears(actor: Actor, query: TListQuery): Promise<TPage<TGuidanceYear>> {
      guidancePolicy.assertCanRead(actor);
      const { rows, total } = await repo.listYears(db, query);
      return { items: rows, total };
    },

    async listItems(
      actor: Actor,
      year: number,
      kind: TGuidanceKind | undefined,
      query: TListQuery & { group?: string | undefined },
    ): Promise<TPage<TGuidanceItem>> {
      guidancePolicy.assertCanRead(actor);
      await assertYear(db, year);
      const { rows, total } = await repo.listItems(db, year, kind, query.group, query);
      return { items: rows.map(toItem), total };
    },

    /** Opens a new year's guidance as a copy of an existing one; codes stay, texts can then be edited. */
    async copyYear(actor: Actor, fromYear: number, input: TCopyGuidanceRequest): Promise<TGuidanceYear> {
      guidancePolicy.assertCanEdit(actor);
      await runInTransaction(async (tx) => {
        await assertYear(tx, fromYear);
        if (await repo.yearExists(tx, input.toYear)) {
          throw new AppError('guidance.year_exists', { year: input.toYear }, [
            { field: 'toYear', code: 'validation.invalid' },
          ]);
        }
        await repo.insertYear(tx, {
          year: input.toYear,
          documentNo: input.documentNo,
          title: input.title,
          issuedOn: input.issuedOn ?? null,
          copiedFrom: fromYear,
        });
        await repo.copyItems(tx, fromYear, input.toYear);
        await recordAudit(tx, actor, {
          action: 'copy',
          entityType: 'guidance_year',
          entityId: String(input.toYear),
          orgUnitId: actor.orgUnitId,
          summary: `${input.documentNo} (${fromYear} → ${input.toYear})`,
          after: { ...input, copiedFrom: fromYear },
        });
      });
      return (await repo.findYear(db, input.toYear))!;
    },

    async updateItem(
      actor: Actor,
      year: number,
      id: string,
      input: TUpdateGuidanceItemRequest,
    ): Promise<TGuidanceItem> {
      guidancePolicy.assertCanEdit(actor);
      return runInTransaction(async (tx) => {
        const before = await repo.findItem(tx, year, id);
        if (!before) throw notFound('guidance_item');
        const { version, ...fields } = input;
        if (!(await repo.updateItem(tx, id, version, fields))) throw new AppError('conflict.version');
        const after = (await repo.findItem(tx, year, id))!;
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'guidance_item',
          entityId: id,
          orgUnitId: actor.orgUnitId,
          summary: `${year} ${after.code} ${after.nameVi}`,
          before: { nameVi: before.nameVi, nameEn: before.nameEn, textVi: before.textVi, textEn: before.textEn },
          after: { nameVi: after.nameVi, nameEn: after.nameEn, textVi: after.textVi, textEn: after.textEn },
        });
        return toItem(after);
      });
    },

    /** Loads the 2020 guidance of 1191/BHXH-TT once, on an empty catalog. */
    async seedGuidance2020(actor: Actor): Promise<boolean> {
      return runInTransaction(async (tx) => {
        if (await repo.yearExists(tx, GUIDANCE_2020.year)) return false;
        const { items, ...year } = GUIDANCE_2020;
        await repo.insertYear(tx, { ...year, copiedFrom: null });
        await repo.insertItems(
          tx,
          items.map((item, index) => ({ ...item, year: year.year, sortOrder: index })),
        );
        await recordAudit(tx, actor, {
          action: 'seed',
          entityType: 'guidance_year',
          entityId: String(year.year),
          orgUnitId: null,
          summary: `${year.documentNo}: ${items.length} mục`,
        });
        return true;
      });
    },
  };
}
