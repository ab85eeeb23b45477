import {
  DIRECT_EVENT_KINDS,
  periodsOverlap,
  restrictionBlocks,
  viDate,
  type TActiveRestrictionQuery,
  type TCreateRestrictionRequest,
  type TEventKind,
  type TLiftRestrictionRequest,
  type TPage,
  type TRestriction,
  type TRestrictionListQuery,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';
import type { RestrictionRow, RestrictionsRepository } from './restrictions.repository.js';
import { restrictionsPolicy } from './restrictions.policy.js';

export interface RestrictionsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: RestrictionsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  regulations: { findById(tx: Executor, id: string): Promise<{ id: string; number: string } | null> };
}

/** How a restriction is named to people: its area, its period and its legal basis (Vietnamese dates). */
export function describeRestriction(
  row: Pick<RestrictionRow, 'orgUnitName' | 'startsOn' | 'endsOn' | 'regulationNumber' | 'basisText'>,
) {
  return {
    area: row.orgUnitName,
    period: `${viDate(row.startsOn)} – ${row.endsOn ? viDate(row.endsOn) : '…'}`,
    basis: [row.regulationNumber, row.basisText].filter(Boolean).join('; '),
  };
}

const window = (row: RestrictionRow) => ({
  areaPath: row.areaPath,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  liftedAt: row.liftedAt ? row.liftedAt.toISOString() : null,
  kinds: row.kinds,
});

function toRestriction(row: RestrictionRow, actor: Actor, today: string): TRestriction {
  return {
    id: row.id,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    regulation:
      row.regulationId && row.regulationNumber
        ? { id: row.regulationId, number: row.regulationNumber, title: row.regulationTitle ?? '' }
        : null,
    basisText: row.basisText,
    kinds: row.kinds as TEventKind[],
    note: row.note,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    lifted: row.liftedAt
      ? { at: row.liftedAt.toISOString(), by: row.liftedByName, reason: row.liftReason ?? '' }
      : null,
    inForce: row.liftedAt === null && (row.endsOn === null || row.endsOn >= today),
    canLift: row.liftedAt === null && restrictionsPolicy.canWrite(actor, row.areaPath),
    version: row.version,
  };
}

const snapshot = (row: RestrictionRow) => ({
  area: row.orgUnitCode,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  regulation: row.regulationNumber,
  basisText: row.basisText,
  kinds: row.kinds,
  liftedAt: row.liftedAt?.toISOString() ?? null,
  liftReason: row.liftReason,
});

export type RestrictionsService = ReturnType<typeof createRestrictionsService>;

/**
 * The epidemic rule (1191/BHXH-TT §III "Lưu ý"): restrictions of direct communication by area, period and form,
 * declared and lifted by those responsible for the area; events ask `internal.blocking` before they go ahead.
 */
export function createRestrictionsService(deps: RestrictionsDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;
  const todayOf = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

  async function readable(tx: Executor, actor: Actor, id: string, lock = false): Promise<RestrictionRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !restrictionsPolicy.canRead(actor, row.areaPath)) throw notFound('restriction');
    return row;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: RestrictionRow | null, after: RestrictionRow) {
    const named = describeRestriction(after);
    await recordAudit(tx, actor, {
      action,
      entityType: 'restriction',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: `${named.area} ${named.period} — ${named.basis}`.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
  }

  /** The restrictions blocking `kind` (any form when null) for the unit at `unitPath` at the instant `at`. */
  async function blocking(tx: Executor, unitPath: string, at: Date, kind: string | null): Promise<RestrictionRow[]> {
    const candidates = await repo.findAboveOrAt(tx, unitPath, at);
    return candidates.filter((r) => restrictionBlocks(window(r), { unitPath, at, kind }));
  }

  return {
    async listRestrictions(actor: Actor, query: TRestrictionListQuery, all = false): Promise<TPage<TRestriction>> {
      let unitPath: string | null = null;
      if (query.unitId) {
        const unit = await units.findById(db, query.unitId);
        if (!unit) throw fieldError('unitId', 'validation.invalid_value');
        unitPath = unit.path;
      }
      const scope = restrictionsPolicy.writeScope(actor) === '/' ? '/' : actor.scopePath;
      const { rows, total } = await repo.list(db, query, scope, unitPath, all);
      const today = todayOf();
      return { items: rows.map((r) => toRestriction(r, actor, today)), total };
    },

    async getRestriction(actor: Actor, id: string): Promise<TRestriction> {
      return toRestriction(await readable(db, actor, id), actor, todayOf());
    },

    /** The restrictions blocking a form at a unit at an instant (now by default), for forms as one types. */
    async findActive(actor: Actor, query: TActiveRestrictionQuery): Promise<TRestriction[]> {
      const unit = await units.findById(db, query.unitId);
      if (!unit || !restrictionsPolicy.canRead(actor, unit.path)) throw notFound('org_unit');
      const rows = await blocking(db, unit.path, query.at ? new Date(query.at) : new Date(), query.kind ?? null);
      const today = todayOf();
      return rows.map((r) => toRestriction(r, actor, today));
    },

    /** Declares a restriction; one of the same area sharing a form and a day with it is refused. */
    async createRestriction(actor: Actor, input: TCreateRestrictionRequest): Promise<TRestriction> {
      restrictionsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const unit = await units.findById(tx, input.orgUnitId);
        if (!unit || !restrictionsPolicy.canWrite(actor, unit.path))
          throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
        if (input.regulationId && !(await deps.regulations.findById(tx, input.regulationId)))
          throw fieldError('regulationId', 'validation.invalid_value');
        const kinds = [...new Set(input.kinds ?? DIRECT_EVENT_KINDS)];
        const period = { startsOn: input.startsOn, endsOn: input.endsOn ?? null };
        await repo.lockArea(tx, unit.id);
        const clash = (await repo.findSameArea(tx, unit.id, kinds)).find((r) => periodsOverlap(r, period));
        if (clash) throw new AppError('restriction.overlap', { period: describeRestriction(clash).period });
        const id = await repo.insert(tx, {
          orgUnitId: unit.id,
          ...period,
          regulationId: input.regulationId ?? null,
          basisText: input.basisText || null,
          kinds,
          note: input.note || null,
          createdBy: actor.userId,
        });
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toRestriction(created, actor, todayOf());
      });
    },

    /** Records that the restriction is lifted (who, when, why); from now on it blocks nothing. */
    async liftRestriction(actor: Actor, id: string, input: TLiftRestrictionRequest): Promise<TRestriction> {
      restrictionsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await readable(tx, actor, id, true);
        if (!restrictionsPolicy.canWrite(actor, before.areaPath)) throw new AppError('access.forbidden');
        if (before.liftedAt) throw new AppError('restriction.lifted');
        if (!(await repo.lift(tx, id, input.version, actor.userId, input.reason)))
          throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'lift', before, after);
        return toRestriction(after, actor, todayOf());
      });
    },

    /** For the events module: no scope check, the caller has checked its own record. */
    internal: { blocking },
  };
}
