import { randomUUID } from 'node:crypto';
import type {
  TCreateOrgUnitRequest,
  TOrgUnit,
  TOrgUnitListQuery,
  TPage,
  TUnitKind,
  TUpdateOrgUnitRequest,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { childPath, depthOf, kindFitsParent, wouldCreateCycle } from './org-rules.js';
import type { OrgUnitRow, OrgUnitsRepository } from './org-units.repository.js';
import { orgUnitsPolicy } from './org-units.policy.js';

export interface OrgUnitsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: OrgUnitsRepository;
  recordAudit: RecordAudit;
}

export function toOrgUnit(row: OrgUnitRow): TOrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.shortName,
    kind: row.kind as TUnitKind,
    parentId: row.parentId,
    adminUnitCode: row.adminUnitCode,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    depth: row.depth,
    childCount: row.childCount,
    userCount: row.userCount,
    version: row.version,
  };
}

/** What the audit log keeps of a unit. */
function snapshot(row: OrgUnitRow | TOrgUnit) {
  const { childCount: _c, userCount: _u, depth: _d, version: _v, ...rest } = toOrgUnit(row as OrgUnitRow);
  return rest;
}

export type OrgUnitsService = ReturnType<typeof createOrgUnitsService>;

export function createOrgUnitsService({ db, runInTransaction, repo, recordAudit }: OrgUnitsDeps) {
  async function getInScope(tx: Executor, actor: Actor, id: string, lock = false): Promise<OrgUnitRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !inScope(actor, row.path)) throw notFound('org_unit');
    return row;
  }

  async function assertCodeFree(tx: Executor, code: string, exceptId?: string): Promise<void> {
    const existing = await repo.findByCode(tx, code);
    if (existing && existing.id !== exceptId) {
      throw new AppError('conflict.duplicate', { field: 'code', value: code }, [
        { field: 'code', code: 'validation.invalid' },
      ]);
    }
  }

  function assertKindFits(kind: TUnitKind, parentKind: string): void {
    if (!kindFitsParent(kind, parentKind as TUnitKind)) {
      throw new AppError('org.invalid_kind_for_parent', { kind, parentKind });
    }
  }

  async function create(tx: Tx, actor: Actor, input: TCreateOrgUnitRequest): Promise<OrgUnitRow> {
    const parent = await getInScope(tx, actor, input.parentId, true);
    assertKindFits(input.kind, parent.kind);
    await assertCodeFree(tx, input.code);
    const id = randomUUID();
    const path = childPath(parent.path, id);
    await repo.insert(tx, {
      id,
      code: input.code,
      name: input.name,
      shortName: input.shortName ?? null,
      kind: input.kind,
      parentId: parent.id,
      path,
      depth: depthOf(path),
      adminUnitCode: input.adminUnitCode ?? null,
      activeFrom: input.activeFrom ?? null,
      activeTo: input.activeTo ?? null,
    });
    const created = (await repo.findById(tx, id))!;
    await recordAudit(tx, actor, {
      action: 'create',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      summary: `${created.code} ${created.name}`,
      after: snapshot(created),
    });
    return created;
  }

  async function update(tx: Tx, actor: Actor, id: string, input: TUpdateOrgUnitRequest): Promise<OrgUnitRow> {
    const before = await getInScope(tx, actor, id, true);
    if (input.code !== undefined && input.code !== before.code) await assertCodeFree(tx, input.code, id);
    const kind = input.kind ?? (before.kind as TUnitKind);
    let path = before.path;
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      // Moving one's own scope root would put it out of one's own reach.
      if (before.path === actor.scopePath || before.parentId === null) throw new AppError('access.forbidden');
      const parent = await getInScope(tx, actor, input.parentId, true);
      if (wouldCreateCycle(before.path, parent.path)) throw new AppError('org.cycle');
      path = childPath(parent.path, id);
      assertKindFits(kind, parent.kind);
    } else if (input.kind !== undefined && before.parentId) {
      const parent = (await repo.findById(tx, before.parentId))!;
      assertKindFits(kind, parent.kind);
    } else if (input.kind !== undefined && input.kind !== 'agency') {
      throw new AppError('org.root_required');
    }
    const activeFrom = input.activeFrom !== undefined ? input.activeFrom : before.activeFrom;
    const activeTo = input.activeTo !== undefined ? input.activeTo : before.activeTo;
    if (activeFrom && activeTo && activeFrom > activeTo) {
      throw new AppError('validation.failed', {}, [{ field: 'activeTo', code: 'validation.date_order' }]);
    }
    const changed = await repo.update(tx, id, input.version, {
      ...(input.code !== undefined ? { code: input.code } : {}),
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { shortName: input.shortName } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.adminUnitCode !== undefined ? { adminUnitCode: input.adminUnitCode } : {}),
      activeFrom,
      activeTo,
      ...(path !== before.path ? { parentId: input.parentId, path, depth: depthOf(path) } : {}),
    });
    if (!changed) throw new AppError('conflict.version');
    if (path !== before.path) await repo.moveSubtree(tx, before.path, path);
    const after = (await repo.findById(tx, id))!;
    await recordAudit(tx, actor, {
      action: path !== before.path ? 'move' : 'update',
      entityType: 'org_unit',
      entityId: id,
      orgUnitId: id,
      summary: `${after.code} ${after.name}`,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  }

  return {
    /** A page of units in the actor's scope. */
    async listOrgUnits(actor: Actor, query: TOrgUnitListQuery): Promise<TPage<TOrgUnit>> {
      orgUnitsPolicy.assertCanRead(actor);
      const { rows, total } = await repo.list(db, actor.scopePath, query);
      return { items: rows.map(toOrgUnit), total };
    },

    /** Every unit of the actor's scope, parents first (export). */
    async listSubtree(actor: Actor): Promise<TOrgUnit[]> {
      orgUnitsPolicy.assertCanRead(actor);
      return (await repo.listSubtree(db, actor.scopePath)).map(toOrgUnit);
    },

    async getOrgUnit(actor: Actor, id: string): Promise<TOrgUnit> {
      orgUnitsPolicy.assertCanRead(actor);
      return toOrgUnit(await getInScope(db, actor, id));
    },

    async createOrgUnit(actor: Actor, input: TCreateOrgUnitRequest): Promise<TOrgUnit> {
      orgUnitsPolicy.assertCanManage(actor);
      return toOrgUnit(await runInTransaction((tx) => create(tx, actor, input)));
    },

    async updateOrgUnit(actor: Actor, id: string, input: TUpdateOrgUnitRequest): Promise<TOrgUnit> {
      orgUnitsPolicy.assertCanManage(actor);
      return toOrgUnit(await runInTransaction((tx) => update(tx, actor, id, input)));
    },

    /** Deletes a unit that has neither child units nor users. */
    async deleteOrgUnit(actor: Actor, id: string): Promise<void> {
      orgUnitsPolicy.assertCanManage(actor);
      await runInTransaction(async (tx) => {
        const unit = await getInScope(tx, actor, id, true);
        if (unit.parentId === null || unit.path === actor.scopePath) throw new AppError('access.forbidden');
        if (unit.childCount > 0) throw new AppError('org.has_children', { count: unit.childCount });
        if (unit.userCount > 0) throw new AppError('org.has_users', { count: unit.userCount });
        try {
          await repo.delete(tx, id);
        } catch (error) {
          // Other modules' records (plans, documents, events…) still name the unit: their history keeps it.
          const failed = error as { code?: string; cause?: { code?: string } };
          if ((failed.code ?? failed.cause?.code) === '23503') throw new AppError('org.has_records');
          throw error;
        }
        await recordAudit(tx, actor, {
          action: 'delete',
          entityType: 'org_unit',
          entityId: id,
          orgUnitId: unit.parentId,
          summary: `${unit.code} ${unit.name}`,
          before: snapshot(unit),
        });
      });
    },

    async findSuccessors(actor: Actor, oldCode: string) {
      orgUnitsPolicy.assertCanRead(actor);
      return repo.successors(db, oldCode);
    },

    /** Used by the import: the same checks as the API, inside the import's transaction. */
    internal: { create, update, getInScope, findByCode: (tx: Executor, code: string) => repo.findByCode(tx, code) },
  };
}
