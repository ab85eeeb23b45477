import {
  foldVi,
  type TCreateRegulationRequest,
  type TCreateRelationRequest,
  type TListQuery,
  type TPage,
  type TRegulation,
  type TRegulationAttachment,
  type TRegulationDetail,
  type TRegulationKind,
  type TRegulationListQuery,
  type TRegulationUnitOption,
  type TRelationKind,
  type TUnitKind,
  type TUpdateRegulationRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { normaliseRegulationNumber } from './regulation-number.js';
import type { NewRegulationRow, RegulationRow, RegulationsRepository } from './regulations.repository.js';
import type { RegulationTasksRepository } from './regulation-tasks.repository.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';
import { regulationsPolicy } from './regulations.policy.js';
import { REGULATIONS_2020, RELATIONS_2020 } from './regulations-2020.data.js';

export interface RegulationsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: RegulationsRepository;
  tasks: Pick<RegulationTasksRepository, 'countWithStatus' | 'redate'>;
  recordAudit: RecordAudit;
  units: UnitLookup & { findRoot(tx: Executor): Promise<UnitInfo | null> };
  /** A document's attachments, for its detail (regulation attachments service). */
  listAttachments(tx: Executor, regulationId: string): Promise<TRegulationAttachment[]>;
  /** Creates the template's missing tasks for a document, in the caller's transaction (regulation tasks service). */
  generateTasks(tx: Tx, actor: Actor, regulation: RegulationRow): Promise<number>;
}

/** Marks the seed of 1191/BHXH-TT and its appendix as done (app_state), so a deleted document stays deleted. */
const SEED_KEY = 'seed.regulations-2020';

export function toRegulation(row: RegulationRow, actor: Actor): TRegulation {
  return {
    id: row.id,
    number: row.number,
    kind: row.kind as TRegulationKind,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    effectiveOn: row.effectiveOn,
    summary: row.summary,
    draftingUnit:
      row.draftingUnitId && row.draftingUnitCode && row.draftingUnitFullName
        ? { id: row.draftingUnitId, code: row.draftingUnitCode, name: row.draftingUnitFullName }
        : null,
    draftingUnitName: row.draftingUnitName,
    recipients: row.recipients,
    signer: row.signer,
    tags: row.tags,
    needsCommunication: row.needsCommunication,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    canEdit: regulationsPolicy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a document. */
function snapshot(row: RegulationRow) {
  return {
    number: row.number,
    kind: row.kind,
    issuer: row.issuer,
    issuedOn: row.issuedOn,
    effectiveOn: row.effectiveOn,
    summary: row.summary,
    draftingUnit: row.draftingUnitCode,
    draftingUnitName: row.draftingUnitName,
    recipients: row.recipients,
    signer: row.signer,
    tags: row.tags,
    needsCommunication: row.needsCommunication,
    orgUnit: row.orgUnitCode,
  };
}

/** Tags trimmed, blanks dropped, repeats (ignoring accents and case) removed, first spelling kept. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const text = tag.normalize('NFC').trim().replace(/\s+/g, ' ');
    const key = foldVi(text);
    if (text && !seen.has(key)) {
      seen.add(key);
      result.push(text);
    }
  }
  return result;
}

function assertDates(value: { issuedOn: string; effectiveOn: string | null; needsCommunication: boolean }): void {
  if (value.effectiveOn && value.effectiveOn < value.issuedOn)
    throw fieldError('effectiveOn', 'validation.effective_before_issued');
  if (value.needsCommunication && !value.effectiveOn) throw fieldError('effectiveOn', 'validation.required');
}

function normalisedNumber(raw: string): string {
  const number = normaliseRegulationNumber(raw);
  if (!number) throw fieldError('number', 'validation.regulation_number');
  return number;
}

function duplicate(number: string): AppError {
  return new AppError('conflict.duplicate', { field: 'number', value: number }, [
    { field: 'number', code: 'validation.duplicate' },
  ]);
}

export type RegulationsService = ReturnType<typeof createRegulationsService>;

export function createRegulationsService(deps: RegulationsDeps) {
  const { db, runInTransaction, repo, tasks, recordAudit, units } = deps;

  async function getRegulation(tx: Executor, id: string, lock = false): Promise<RegulationRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row) throw notFound('regulation');
    return row;
  }

  async function detail(tx: Executor, actor: Actor, row: RegulationRow): Promise<TRegulationDetail> {
    const relations = await repo.listRelations(tx, row.id);
    return {
      ...toRegulation(row, actor),
      relations: relations.map((r) => ({ ...r, kind: r.kind as TRelationKind })),
      attachments: await deps.listAttachments(tx, row.id),
    };
  }

  /**
   * Resolves and checks where a document belongs and who drafted it: both must exist, the drafting unit
   * must lie in the owning unit's subtree, and the actor must be allowed to write such a document.
   */
  async function placement(
    tx: Executor,
    actor: Actor,
    orgUnitId: string | null,
    draftingUnitId: string | null,
  ): Promise<{ owner: UnitInfo; drafting: UnitInfo | null }> {
    const owner = orgUnitId ? await units.findById(tx, orgUnitId) : null;
    if (!owner) throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
    const drafting = draftingUnitId ? await units.findById(tx, draftingUnitId) : null;
    if (draftingUnitId && !drafting) throw fieldError('draftingUnitId', 'validation.invalid_value');
    if (drafting && !drafting.path.startsWith(owner.path))
      throw fieldError('draftingUnitId', 'validation.drafting_unit_outside_owner');
    const problem = regulationsPolicy.writeProblem(actor, { orgUnitPath: owner.path, draftingUnitId });
    if (problem) throw fieldError(problem, 'validation.unit_out_of_scope');
    return { owner, drafting };
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    before: RegulationRow | null,
    after: RegulationRow | null,
  ) {
    const row = (after ?? before)!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'regulation',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.number} — ${row.summary}`.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: after ? snapshot(after) : null,
    });
  }

  return {
    /** A page of documents; everyone signed in reads the registry. */
    async listRegulations(actor: Actor, query: TRegulationListQuery, all = false): Promise<TPage<TRegulation>> {
      regulationsPolicy.assertCanRead(actor);
      const { rows, total } = await repo.list(db, query, all);
      return { items: rows.map((row) => toRegulation(row, actor)), total };
    },

    async getRegulation(actor: Actor, id: string): Promise<TRegulationDetail> {
      regulationsPolicy.assertCanRead(actor);
      return detail(db, actor, await getRegulation(db, id));
    },

    /** Registers a document; one that needs communication gets its "before, during, after" tasks at once. */
    async createRegulation(actor: Actor, input: TCreateRegulationRequest): Promise<TRegulationDetail> {
      regulationsPolicy.assertCanRegister(actor);
      const number = normalisedNumber(input.number);
      const effectiveOn = input.effectiveOn ?? null;
      assertDates({ issuedOn: input.issuedOn, effectiveOn, needsCommunication: input.needsCommunication });
      return runInTransaction(async (tx) => {
        const draftingUnitId =
          input.draftingUnitId !== undefined ? input.draftingUnitId : regulationsPolicy.defaultDraftingUnitId(actor);
        const { owner, drafting } = await placement(
          tx,
          actor,
          input.orgUnitId ?? regulationsPolicy.defaultOwningUnitId(actor),
          draftingUnitId,
        );
        if (await repo.findByNumber(tx, number)) throw duplicate(number);
        const inserted = await repo.insertMissing(tx, [
          {
            number,
            kind: input.kind,
            issuer: input.issuer,
            issuedOn: input.issuedOn,
            effectiveOn,
            summary: input.summary,
            draftingUnitId: drafting?.id ?? null,
            draftingUnitName: input.draftingUnitName ?? drafting?.name ?? null,
            recipients: input.recipients ?? null,
            signer: input.signer ?? null,
            tags: cleanTags(input.tags),
            needsCommunication: input.needsCommunication,
            orgUnitId: owner.id,
          },
        ]);
        // A concurrent request registered the same number between the check and the insert.
        const id = inserted.get(number);
        if (!id) throw duplicate(number);
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        if (created.needsCommunication) await deps.generateTasks(tx, actor, created);
        return detail(tx, actor, created);
      });
    },

    /**
     * Changes a document. A new effective date moves its open tasks that still follow it; turning
     * "needs communication" on plans the tasks.
     */
    async updateRegulation(actor: Actor, id: string, input: TUpdateRegulationRequest): Promise<TRegulationDetail> {
      regulationsPolicy.assertCanRegister(actor);
      return runInTransaction(async (tx) => {
        const before = await getRegulation(tx, id, true);
        regulationsPolicy.assertCanEdit(actor, before);
        const { version, number: rawNumber, tags, ...fields } = input;
        const number = rawNumber === undefined ? before.number : normalisedNumber(rawNumber);
        const next = {
          issuedOn: fields.issuedOn ?? before.issuedOn,
          effectiveOn: fields.effectiveOn !== undefined ? fields.effectiveOn : before.effectiveOn,
          needsCommunication: fields.needsCommunication ?? before.needsCommunication,
        };
        assertDates(next);
        const draftingUnitId = fields.draftingUnitId !== undefined ? fields.draftingUnitId : before.draftingUnitId;
        const { owner, drafting } = await placement(tx, actor, fields.orgUnitId ?? before.orgUnitId, draftingUnitId);
        if (number !== before.number) {
          const taken = await repo.findByNumber(tx, number);
          if (taken && taken.id !== id) throw duplicate(number);
        }
        const values: Partial<NewRegulationRow> = {
          ...fields,
          number,
          ...next,
          orgUnitId: owner.id,
          draftingUnitId: drafting?.id ?? null,
          ...(tags !== undefined ? { tags: cleanTags(tags) } : {}),
        };
        // A newly chosen drafting unit brings its name unless the request gives the printed one.
        if (
          fields.draftingUnitId !== undefined &&
          fields.draftingUnitName === undefined &&
          drafting?.id !== before.draftingUnitId
        )
          values.draftingUnitName = drafting?.name ?? null;
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        const moved =
          next.effectiveOn && next.effectiveOn !== before.effectiveOn
            ? await tasks.redate(tx, id, next.effectiveOn)
            : 0;
        const after = (await repo.findById(tx, id))!;
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'regulation',
          entityId: id,
          orgUnitId: after.orgUnitId,
          summary: `${after.number} — ${after.summary}`.slice(0, 300),
          before: snapshot(before),
          after: { ...snapshot(after), ...(moved > 0 ? { tasksRedated: moved } : {}) },
        });
        if (after.needsCommunication && !before.needsCommunication) await deps.generateTasks(tx, actor, after);
        return detail(tx, actor, after);
      });
    },

    /** Deletes a document with its relations and tasks, unless some of its tasks are done. */
    async deleteRegulation(actor: Actor, id: string): Promise<void> {
      regulationsPolicy.assertCanRegister(actor);
      await runInTransaction(async (tx) => {
        const before = await getRegulation(tx, id, true);
        regulationsPolicy.assertCanEdit(actor, before);
        const done = await tasks.countWithStatus(tx, id, 'done');
        if (done > 0) throw new AppError('regulation.has_done_tasks', { count: done });
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, null);
      });
    },

    /** Records that this document replaces, amends or guides another. */
    async addRelation(actor: Actor, id: string, input: TCreateRelationRequest): Promise<TRegulationDetail> {
      regulationsPolicy.assertCanRegister(actor);
      return runInTransaction(async (tx) => {
        const row = await getRegulation(tx, id, true);
        regulationsPolicy.assertCanEdit(actor, row);
        if (input.relatedId === id) throw fieldError('relatedId', 'validation.self_relation');
        const other = await repo.findById(tx, input.relatedId);
        if (!other) throw fieldError('relatedId', 'validation.invalid_value');
        if (!(await repo.insertRelation(tx, id, other.id, input.kind))) {
          throw new AppError('conflict.duplicate', { field: 'relatedId', value: other.number }, [
            { field: 'relatedId', code: 'validation.duplicate' },
          ]);
        }
        await recordAudit(tx, actor, {
          action: 'link',
          entityType: 'regulation',
          entityId: id,
          orgUnitId: row.orgUnitId,
          summary: `${row.number} ${input.kind} ${other.number}`,
          after: { from: row.number, to: other.number, kind: input.kind },
        });
        return detail(tx, actor, row);
      });
    },

    /** Removes the relation between two documents, whichever way it points. */
    async removeRelation(actor: Actor, id: string, relatedId: string): Promise<void> {
      regulationsPolicy.assertCanRegister(actor);
      await runInTransaction(async (tx) => {
        const row = await getRegulation(tx, id, true);
        regulationsPolicy.assertCanEdit(actor, row);
        const relation = await repo.findRelation(tx, id, relatedId);
        if (!relation) throw notFound('regulation_relation');
        const other = (await repo.findById(tx, relatedId))!;
        await repo.deleteRelation(tx, relation.fromId, relation.toId);
        const [from, to] = relation.fromId === id ? [row, other] : [other, row];
        await recordAudit(tx, actor, {
          action: 'unlink',
          entityType: 'regulation',
          entityId: id,
          orgUnitId: row.orgUnitId,
          summary: `${from.number} ${relation.kind} ${to.number}`,
          before: { from: from.number, to: to.number, kind: relation.kind },
        });
      });
    },

    /** Units that may be named as drafting unit: the central agency's and those of the actor's scope. */
    async listUnitOptions(actor: Actor, query: TListQuery): Promise<TPage<TRegulationUnitOption>> {
      regulationsPolicy.assertCanRead(actor);
      const { rows, total } = await repo.listUnitOptions(db, actor.scopePath, query);
      return { items: rows.map((row) => ({ ...row, kind: row.kind as TUnitKind })), total };
    },

    /**
     * Loads 1191/BHXH-TT and the 21 documents of its appendix once, as national documents of the root,
     * with the relations the seed states. Historical: they need no communication and get no tasks.
     */
    async seedRegulations2020(actor: Actor): Promise<boolean> {
      return runInTransaction(async (tx) => {
        const root = await units.findRoot(tx);
        if (!root || !(await repo.claimSeed(tx, SEED_KEY))) return false;
        const rows: NewRegulationRow[] = [];
        for (const seed of REGULATIONS_2020) {
          const drafting = seed.draftingUnitCode ? await units.findByCode(tx, seed.draftingUnitCode) : null;
          rows.push({
            number: seed.number,
            kind: seed.kind,
            issuer: seed.issuer,
            issuedOn: seed.issuedOn,
            effectiveOn: null,
            summary: seed.summary,
            draftingUnitId: drafting?.id ?? null,
            draftingUnitName: seed.draftingUnitName,
            recipients: seed.recipients,
            signer: seed.signer,
            tags: seed.tags,
            needsCommunication: false,
            orgUnitId: root.id,
          });
        }
        const inserted = await repo.insertMissing(tx, rows);
        const ids = await repo.idsByNumber(
          tx,
          RELATIONS_2020.flatMap((r) => [r.from, r.to]),
        );
        let related = 0;
        for (const relation of RELATIONS_2020) {
          const [from, to] = [ids.get(relation.from), ids.get(relation.to)];
          if (from && to && (await repo.insertRelation(tx, from, to, relation.kind))) related += 1;
        }
        await recordAudit(tx, actor, {
          action: 'seed',
          entityType: 'regulation',
          entityId: null,
          orgUnitId: root.id,
          summary: `1191/BHXH-TT và phụ lục văn bản chỉ đạo phòng chống dịch Covid-19: ${inserted.size} văn bản, ${related} liên kết`,
          after: { numbers: [...inserted.keys()] },
        });
        return true;
      });
    },
  };
}
