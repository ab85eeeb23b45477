import {
  PUBLIC_AGENTS_PAGE_SIZE,
  normalizeVnPhone,
  type TAgent,
  type TAgentListQuery,
  type TAgentPlace,
  type TAgentType,
  type TCreateAgentRequest,
  type TPage,
  type TPublicAgentArea,
  type TPublicAgentPage,
  type TPublicAgentQuery,
  type TUpdateAgentRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound, type FieldError } from '../../platform/errors.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';
import { keepingUnitCodes } from './agent-places.js';
import type { AgentRow, AgentsRepository, NewAgentRow } from './agents.repository.js';
import { agentsPolicy } from './agents.policy.js';

export interface AgentsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: AgentsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
}

/** An agent's place by administrative-unit codes, as a request or a resolved import row names it. */
export interface PlaceCodes {
  provinceCode: string;
  districtCode: string | null;
  communeCode: string | null;
}

/** A checked place: names from the administrative units, and the org unit that keeps agents there. */
export interface ResolvedPlace {
  placeStructure: '63' | '34';
  provinceCode: string;
  provinceName: string;
  districtCode: string | null;
  districtName: string | null;
  communeCode: string | null;
  communeName: string | null;
  keeper: UnitInfo;
}

export function toAgent(row: AgentRow, actor: Actor): TAgent {
  const place = (code: string | null, name: string | null) => (code && name ? { code, name } : null);
  return {
    id: row.id,
    type: row.type as TAgentType,
    name: row.name,
    address: row.address,
    province: { code: row.provinceCode, name: row.provinceName },
    district: place(row.districtCode, row.districtName),
    commune: place(row.communeCode, row.communeName),
    phones: row.phones,
    workingHours: row.workingHours,
    activeFrom: row.activeFrom,
    activeTo: row.activeTo,
    active: row.active,
    note: row.note,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    canEdit: agentsPolicy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of an agent. */
export function agentSnapshot(row: Omit<NewAgentRow, 'orgUnitId'> & { orgUnitCode?: string }) {
  return {
    type: row.type,
    name: row.name,
    address: row.address,
    province: row.provinceCode,
    district: row.districtCode ?? null,
    commune: row.communeCode ?? null,
    phones: row.phones,
    workingHours: row.workingHours ?? null,
    activeFrom: row.activeFrom ?? null,
    activeTo: row.activeTo ?? null,
  };
}

/**
 * Checks a place against the administrative units of the agency's structure and finds the unit that keeps it;
 * returns the place or the problems of its fields. A commune without its district gets its district.
 */
export async function resolvePlace(
  tx: Executor,
  deps: Pick<AgentsDeps, 'repo' | 'units'>,
  codes: PlaceCodes,
  fieldOf: (level: 'provinceCode' | 'districtCode' | 'communeCode') => string = (f) => f,
): Promise<{ place: ResolvedPlace | null; problems: FieldError[] }> {
  const { repo } = deps;
  const problems: FieldError[] = [];
  const problem = (field: 'provinceCode' | 'districtCode' | 'communeCode', code: string, value?: string) =>
    problems.push({ field: fieldOf(field), code, ...(value !== undefined ? { params: { value } } : {}) });
  const structure = await repo.placeStructure(tx);
  const province = await repo.findPlace(tx, structure, 1, codes.provinceCode);
  if (!province) problem('provinceCode', 'validation.unknown_place', codes.provinceCode);
  let district = null;
  if (codes.districtCode) {
    district = structure === '63' ? await repo.findPlace(tx, structure, 2, codes.districtCode) : null;
    if (!district) problem('districtCode', 'validation.unknown_place', codes.districtCode);
    else if (province && district.parentCode !== province.code) problem('districtCode', 'validation.place_mismatch');
  }
  let commune = null;
  if (codes.communeCode) {
    commune = await repo.findPlace(tx, structure, 3, codes.communeCode);
    if (!commune) problem('communeCode', 'validation.unknown_place', codes.communeCode);
    else if (structure === '63') {
      if (district && commune.parentCode !== district.code) problem('communeCode', 'validation.place_mismatch');
      if (!district && problems.length === 0) {
        district = await repo.findPlace(tx, structure, 2, commune.parentCode ?? '');
        if (!district || (province && district.parentCode !== province.code))
          problem('communeCode', 'validation.place_mismatch');
      }
    } else if (province && commune.parentCode !== province.code) problem('communeCode', 'validation.place_mismatch');
  }
  if (problems.length > 0 || !province) return { place: null, problems };
  let keeper: UnitInfo | null = null;
  for (const code of keepingUnitCodes({ provinceCode: province.code, districtCode: district?.code ?? null })) {
    keeper = await deps.units.findByCode(tx, code);
    if (keeper) break;
  }
  if (!keeper) {
    problem('provinceCode', 'validation.unknown_unit_code', `P${province.code}`);
    return { place: null, problems };
  }
  return {
    place: {
      placeStructure: structure,
      provinceCode: province.code,
      provinceName: province.name,
      districtCode: district?.code ?? null,
      districtName: district?.name ?? null,
      communeCode: commune?.code ?? null,
      communeName: commune?.name ?? null,
      keeper,
    },
    problems,
  };
}

/** The agent's place and fields, refused field by field when out of scope or a duplicate. */
async function checkedValues(
  tx: Executor,
  deps: AgentsDeps,
  actor: Actor,
  fields: Omit<NewAgentRow, 'orgUnitId' | keyof Omit<ResolvedPlace, 'keeper'>> & PlaceCodes,
  exceptId: string | null,
): Promise<NewAgentRow> {
  const { place, problems } = await resolvePlace(tx, deps, fields);
  if (!place) throw new AppError('validation.failed', {}, problems);
  if (!agentsPolicy.canEdit(actor, { orgUnitPath: place.keeper.path }))
    throw new AppError('validation.failed', {}, [
      { field: place.districtCode ? 'districtCode' : 'provinceCode', code: 'validation.unit_out_of_scope' },
    ]);
  const { keeper, ...placeFields } = place;
  const values: NewAgentRow = { ...fields, ...placeFields, orgUnitId: keeper.id };
  const duplicate = await deps.repo.findDuplicate(tx, values, exceptId);
  if (duplicate) throw duplicateError(values.name);
  return values;
}

function duplicateError(name: string): AppError {
  return new AppError('conflict.duplicate', { value: name }, [{ field: 'name', code: 'validation.duplicate_agent' }]);
}

/** A unique-index violation (a concurrent duplicate) as the same 409 the check gives. */
async function guardUnique<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw duplicateError(name);
    throw error;
  }
}

export type AgentsService = ReturnType<typeof createAgentsService>;

export function createAgentsService(deps: AgentsDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;

  async function readable(tx: Executor, actor: Actor, id: string, lock = false): Promise<AgentRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !agentsPolicy.canRead(actor, row)) throw notFound('agent');
    return row;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: AgentRow | null, after: AgentRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'collection_agent',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: `${after.name} — ${after.provinceName}`.slice(0, 300),
      before: before ? agentSnapshot(before) : null,
      after: action === 'delete' ? null : agentSnapshot(after),
    });
  }

  return {
    /** A page of the agents kept in the actor's subtree (all of them when `all`, for export). */
    async listAgents(actor: Actor, query: TAgentListQuery, all = false): Promise<TPage<TAgent>> {
      const { rows, total } = await repo.list(db, query, actor.scopePath, all);
      return { items: rows.map((row) => toAgent(row, actor)), total };
    },

    async getAgent(actor: Actor, id: string): Promise<TAgent> {
      return toAgent(await readable(db, actor, id), actor);
    },

    /** Adds an agent; its place decides the unit that keeps it, which must lie in the actor's scope. */
    async createAgent(actor: Actor, input: TCreateAgentRequest): Promise<TAgent> {
      agentsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const values = await checkedValues(
          tx,
          deps,
          actor,
          {
            type: input.type,
            name: input.name,
            address: input.address,
            provinceCode: input.provinceCode,
            districtCode: input.districtCode ?? null,
            communeCode: input.communeCode ?? null,
            phones: normalizedPhones(input.phones),
            workingHours: input.workingHours || null,
            activeFrom: input.activeFrom ?? null,
            activeTo: input.activeTo ?? null,
            note: input.note || null,
            createdBy: actor.userId,
          },
          null,
        );
        const id = await guardUnique(values.name, () => repo.insert(tx, values));
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toAgent(created, actor);
      });
    },

    /** Changes an agent (also ends its active period); optimistic on `version`. */
    async updateAgent(actor: Actor, id: string, input: TUpdateAgentRequest): Promise<TAgent> {
      agentsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await readable(tx, actor, id, true);
        agentsPolicy.assertCanEdit(actor, before);
        const pick = <K extends keyof TUpdateAgentRequest, V>(key: K, current: V): V =>
          (input[key] !== undefined ? input[key] : current) as V;
        const activeFrom = pick('activeFrom', before.activeFrom);
        const activeTo = pick('activeTo', before.activeTo);
        if (activeFrom && activeTo && activeTo < activeFrom)
          throw new AppError('validation.failed', {}, [{ field: 'activeTo', code: 'validation.date_order' }]);
        const placeSent = input.provinceCode !== undefined;
        const values = await checkedValues(
          tx,
          deps,
          actor,
          {
            type: pick('type', before.type),
            name: pick('name', before.name),
            address: pick('address', before.address),
            provinceCode: pick('provinceCode', before.provinceCode),
            districtCode: placeSent ? (input.districtCode ?? null) : pick('districtCode', before.districtCode),
            communeCode: placeSent ? (input.communeCode ?? null) : pick('communeCode', before.communeCode),
            phones: input.phones ? normalizedPhones(input.phones) : before.phones,
            workingHours: pick('workingHours', before.workingHours) || null,
            activeFrom,
            activeTo,
            note: pick('note', before.note) || null,
          },
          id,
        );
        const updated = await guardUnique(values.name, () => repo.update(tx, id, input.version, values));
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return toAgent(after, actor);
      });
    },

    /**
     * Removes an agent entered by mistake; an agent that stopped collecting gets an end to its active period
     * instead, so that its history stays.
     */
    async deleteAgent(actor: Actor, id: string, version: number): Promise<void> {
      agentsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const before = await readable(tx, actor, id, true);
        agentsPolicy.assertCanEdit(actor, before);
        if (before.version !== version) throw new AppError('conflict.version');
        await repo.delete(tx, id);
        await audit(tx, actor, 'delete', before, before);
      });
    },

    /** Administrative units of the agency's structure under `parent` (the provinces without one), for pickers. */
    async listPlaces(parent: string | undefined): Promise<TAgentPlace[]> {
      const structure = await repo.placeStructure(db);
      const rows = await repo.listPlaces(db, structure, parent ?? null);
      return rows.map(({ code, name, level }) => ({ code, name, level }));
    },

    /** Active agents with their public fields only, for citizens; no actor, no scope. */
    async findPublicAgents(query: TPublicAgentQuery): Promise<TPublicAgentPage> {
      const { rows, total } = await repo.listPublic(db, query, PUBLIC_AGENTS_PAGE_SIZE);
      return {
        items: rows.map((r) => ({ ...r, type: r.type as TAgentType })),
        total,
      };
    },

    /** Provinces having active agents, with how many. */
    async findPublicProvinces(): Promise<TPublicAgentArea[]> {
      return (await repo.countActiveByPlace(db, 1, null)).map((r) => ({ ...r, level: 1 }));
    },

    /** The districts (63-province structure) or communes (34) of a province having active agents. */
    async findPublicPlaces(provinceCode: string): Promise<TPublicAgentArea[]> {
      const level = (await repo.placeStructure(db)) === '63' ? 2 : 3;
      return (await repo.countActiveByPlace(db, level, provinceCode)).map((r) => ({ ...r, level }));
    },
  };
}

/** Phone numbers in national form, repeats dropped (the contract has checked each). */
export function normalizedPhones(phones: readonly string[]): string[] {
  const result: string[] = [];
  for (const phone of phones) {
    const normalized = normalizeVnPhoneOrThrow(phone);
    if (!result.includes(normalized)) result.push(normalized);
  }
  return result;
}

function normalizeVnPhoneOrThrow(phone: string): string {
  const normalized = normalizeVnPhone(phone);
  if (normalized === null)
    throw new AppError('validation.failed', {}, [{ field: 'phones', code: 'validation.invalid_phone' }]);
  return normalized;
}
