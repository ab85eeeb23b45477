import type { Readable } from 'node:stream';
import type {
  TCompleteContractRequest,
  TCreatePressContractRequest,
  TPage,
  TPressContract,
  TPressContractListQuery,
  TPressContractSummary,
  TSignContractRequest,
  TStoredFile,
  TTerminateContractRequest,
  TUpdatePressContractRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Executor, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import {
  CONTRACT_CATEGORY,
  contractsCore,
  snapshot,
  toSummary,
  type PressContractsDeps,
} from './press-contract-core.service.js';
import { pressContractsPolicy as policy } from './press-contracts.policy.js';
import type { ContractRow, NewContractRow } from './press-contracts.repository.js';

export type PressContractsService = ReturnType<typeof createPressContractsService>;

export function createPressContractsService(deps: PressContractsDeps) {
  const { db, runInTransaction, repo, ledger, files } = deps;
  const core = contractsCore(deps);
  const { readable, editable, audit, view } = core;

  const duplicateNumber = (number: string) =>
    new AppError('conflict.duplicate', { value: number }, [
      { field: 'number', code: 'press_contract.duplicate_number' },
    ]);

  /** Checks the signing unit, the outlet, the year and the themes; returns the signing unit. */
  async function checked(
    tx: Executor,
    actor: Actor,
    fields: { unitId: string | null; outletId: string; year: number; periodFrom: string; periodTo: string },
    themes: string[],
  ): Promise<{ unitId: string }> {
    const unitId = fields.unitId ?? actor.orgUnitId;
    if (!unitId) throw fieldError('unitId', 'validation.required');
    const unitPath = await repo.unitPath(tx, unitId);
    if (!unitPath) throw fieldError('unitId', 'validation.invalid_value');
    if (!policy.canEdit(actor, { orgUnitPath: unitPath })) throw fieldError('unitId', 'validation.unit_out_of_scope');
    const outlet = await repo.outletFacts(tx, fields.outletId);
    if (!outlet) throw fieldError('outletId', 'validation.invalid_value');
    if (!outlet.path.startsWith(unitPath) && outlet.area !== 'national')
      throw fieldError('outletId', 'press_contract.outlet_out_of_scope');
    const fromYear = Number(fields.periodFrom.slice(0, 4));
    const toYear = Number(fields.periodTo.slice(0, 4));
    if (fields.year < fromYear || fields.year > toYear) throw fieldError('year', 'press_contract.year_outside_period');
    if (themes.length > 0) {
      const codes = await repo.themeCodes(tx, fields.year);
      const unknown = themes.findIndex((code) => !codes?.has(code));
      if (unknown >= 0) throw fieldError(`themes.${unknown}`, 'validation.invalid_value');
    }
    return { unitId };
  }

  async function guardUnique<T>(number: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateNumber(number);
      throw error;
    }
  }

  /** Gives back what remains committed for the contract (on completion and termination). */
  async function releaseRemaining(tx: Tx, actor: Actor, row: ContractRow, note: string) {
    const open = await ledger.openCommitment(tx, row.id);
    if (open > 0)
      await ledger.commit(tx, actor, {
        contractId: row.id,
        unitId: row.orgUnitId,
        year: row.fiscalYear,
        category: CONTRACT_CATEGORY,
        amount: -open,
        note,
      });
    return open;
  }

  return {
    core,

    async list(actor: Actor, query: TPressContractListQuery, all = false): Promise<TPage<TPressContractSummary>> {
      const { rows, total } = await repo.list(db, query, actor.scopePath, all);
      const items: TPressContractSummary[] = [];
      for (const row of rows) items.push(toSummary(row, await ledger.paidOnContract(db, row.id)));
      return { items, total };
    },

    async get(actor: Actor, id: string): Promise<TPressContract> {
      return view(db, actor, await readable(db, actor, id));
    },

    async create(actor: Actor, input: TCreatePressContractRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const themes = [...new Set(input.themes ?? [])];
        const { unitId } = await checked(tx, actor, { ...input, unitId: input.unitId ?? null }, themes);
        if (await repo.findByNumber(tx, unitId, input.number, null)) throw duplicateNumber(input.number);
        const values: NewContractRow = {
          orgUnitId: unitId,
          outletId: input.outletId,
          number: input.number,
          title: input.title,
          value: input.value,
          fiscalYear: input.year,
          periodFrom: input.periodFrom,
          periodTo: input.periodTo,
          themes,
          note: input.note || null,
          createdBy: actor.userId,
          createdByName: actor.fullName,
        };
        const id = await guardUnique(input.number, () => repo.insert(tx, values));
        const created = (await repo.find(tx, id))!;
        await audit(tx, actor, 'create', created, null, snapshot(created));
        return view(tx, actor, created);
      });
    },

    /** Changes a draft; optimistic on `version`. */
    async update(actor: Actor, id: string, input: TUpdatePressContractRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id, ['draft']);
        if (before.version !== input.version) throw new AppError('conflict.version');
        const next = {
          unitId: input.unitId ?? before.orgUnitId,
          outletId: input.outletId ?? before.outletId,
          year: input.year ?? before.fiscalYear,
          periodFrom: input.periodFrom ?? before.periodFrom,
          periodTo: input.periodTo ?? before.periodTo,
        };
        if (next.periodFrom > next.periodTo) throw fieldError('periodTo', 'validation.end_before_start');
        const themes = input.themes ? [...new Set(input.themes)] : before.themes;
        const { unitId } = await checked(tx, actor, next, themes);
        const number = input.number ?? before.number;
        if (await repo.findByNumber(tx, unitId, number, id)) throw duplicateNumber(number);
        const values: Partial<NewContractRow> = {
          orgUnitId: unitId,
          outletId: next.outletId,
          number,
          title: input.title ?? before.title,
          value: input.value ?? before.value,
          fiscalYear: next.year,
          periodFrom: next.periodFrom,
          periodTo: next.periodTo,
          themes,
          note: input.note !== undefined ? input.note || null : before.note,
        };
        if (!(await guardUnique(number, () => repo.update(tx, id, input.version, values))))
          throw new AppError('conflict.version');
        const after = (await repo.find(tx, id))!;
        await audit(tx, actor, 'update', after, snapshot(before), snapshot(after));
        return view(tx, actor, after);
      });
    },

    /** Signs a draft: its value is committed on the signing unit's press_contract balance (or budget.insufficient). */
    async sign(actor: Actor, id: string, input: TSignContractRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id, ['draft']);
        if (before.version !== input.version) throw new AppError('conflict.version');
        await ledger.commit(tx, actor, {
          contractId: id,
          unitId: before.orgUnitId,
          year: before.fiscalYear,
          category: CONTRACT_CATEGORY,
          amount: before.value,
          note: `Ký hợp đồng ${before.number}`.slice(0, 1000),
        });
        await repo.update(tx, id, input.version, { status: 'signed', signedOn: input.signedOn });
        const after = (await repo.find(tx, id))!;
        await audit(
          tx,
          actor,
          'sign',
          after,
          { status: before.status },
          {
            status: 'signed',
            signedOn: input.signedOn,
            committed: before.value,
          },
        );
        return view(tx, actor, after);
      });
    },

    /** Completes a signed contract; what remains committed goes back to the balance. */
    async complete(actor: Actor, id: string, input: TCompleteContractRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id, ['signed']);
        if (before.version !== input.version) throw new AppError('conflict.version');
        const released = await releaseRemaining(tx, actor, before, `Hoàn thành hợp đồng ${before.number}`);
        await repo.update(tx, id, input.version, { status: 'completed' });
        const after = (await repo.find(tx, id))!;
        await audit(tx, actor, 'complete', after, { status: before.status }, { status: 'completed', released });
        return view(tx, actor, after);
      });
    },

    /** Terminates a signed contract with its reason; what remains committed goes back to the balance. */
    async terminate(actor: Actor, id: string, input: TTerminateContractRequest): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id, ['signed']);
        if (before.version !== input.version) throw new AppError('conflict.version');
        const released = await releaseRemaining(tx, actor, before, `Chấm dứt hợp đồng ${before.number}`);
        await repo.update(tx, id, input.version, { status: 'terminated', terminationReason: input.reason });
        const after = (await repo.find(tx, id))!;
        await audit(
          tx,
          actor,
          'terminate',
          after,
          { status: before.status },
          { status: 'terminated', reason: input.reason, released },
        );
        return view(tx, actor, after);
      });
    },

    /** Attaches a file uploaded through /api/files (the signed scan, an annex). */
    async attach(actor: Actor, id: string, fileId: string): Promise<TPressContract> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['draft', 'signed', 'completed', 'terminated']);
        await core.assertOwnFile(tx, actor, 'fileId', fileId);
        if (await repo.addFile(tx, { contractId: id, fileId, addedBy: actor.userId, addedByName: actor.fullName })) {
          await repo.touch(tx, id);
          await audit(tx, actor, 'attach', row, null, { fileId });
        }
        return view(tx, actor, (await repo.find(tx, id))!);
      });
    },

    async detach(actor: Actor, id: string, fileId: string): Promise<void> {
      policy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, ['draft', 'signed', 'completed', 'terminated']);
        if (!(await repo.removeFile(tx, id, fileId))) throw notFound('file');
        await repo.touch(tx, id);
        await audit(tx, actor, 'detach', row, { fileId }, null);
      });
    },

    /** A file the contract names (an attachment or acceptance minutes), for its readers. */
    async openFile(actor: Actor, id: string, fileId: string): Promise<{ file: TStoredFile; content: Readable }> {
      await readable(db, actor, id);
      if (!(await repo.namesFile(db, id, fileId))) throw notFound('file');
      return files.open(db, fileId);
    },
  };
}
