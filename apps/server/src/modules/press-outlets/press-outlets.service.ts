import {
  NATIONAL_AREA,
  normalizeVnPhone,
  type TAddContactHistoryRequest,
  type TContact,
  type TContactChannel,
  type TContactHistoryEntry,
  type TContactListQuery,
  type TContactRole,
  type TCreateContactRequest,
  type TCreateOutletRequest,
  type TOutlet,
  type TOutletKind,
  type TOutletListQuery,
  type TPage,
  type TUpdateContactRequest,
  type TUpdateOutletRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import type {
  ContactRow,
  HistoryRow,
  NewContactRow,
  NewOutletRow,
  OutletRow,
  PressOutletsRepository,
} from './press-outlets.repository.js';
import { pressOutletsPolicy as policy } from './press-outlets.policy.js';

export interface PressOutletsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: PressOutletsRepository;
  recordAudit: RecordAudit;
}

export function toOutlet(row: OutletRow, actor: Actor): TOutlet {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as TOutletKind,
    governingBody: row.governingBody,
    area: row.area,
    areaName: row.areaName,
    beats: row.beats,
    website: row.website,
    phone: row.phone,
    email: row.email,
    address: row.address,
    note: row.note,
    active: row.active,
    contactCount: row.contactCount,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    canEdit: policy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toContact(row: ContactRow, actor: Actor): TContact {
  return {
    id: row.id,
    outlet: { id: row.outletId, name: row.outletName },
    fullName: row.fullName,
    role: row.role as TContactRole,
    beats: row.beats,
    phones: row.phones,
    emails: row.emails,
    note: row.note,
    lastContactOn: row.lastContactOn,
    canEdit: policy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toHistory(row: HistoryRow): TContactHistoryEntry {
  return {
    id: row.id,
    contactedOn: row.contactedOn,
    channel: row.channel as TContactChannel,
    summary: row.summary,
    officer: { id: row.officerId, name: row.officerName },
    createdAt: row.createdAt.toISOString(),
  };
}

const failed = (field: string, code: string, params?: Record<string, unknown>) =>
  new AppError('validation.failed', {}, [{ field, code, ...(params ? { params } : {}) }]);

export const duplicateOutlet = (name: string) =>
  new AppError('conflict.duplicate', { value: name }, [{ field: 'name', code: 'validation.duplicate_outlet' }]);

/** A unique-index violation (a concurrent duplicate) as the same 409 the check gives. */
async function guardUnique<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw duplicateOutlet(name);
    throw error;
  }
}

/** The area's code and province name; a field problem when the province does not exist. */
export async function resolveArea(tx: Executor, deps: Pick<PressOutletsDeps, 'repo'>, area: string) {
  if (area === NATIONAL_AREA) return { area, areaName: null };
  const name = await deps.repo.provinceName(tx, area);
  if (!name) throw failed('area', 'validation.unknown_place', { value: area });
  return { area, areaName: name };
}

/** The keeping unit: the one asked for (in the actor's scope) or the actor's own. */
async function keepingUnit(tx: Executor, deps: PressOutletsDeps, actor: Actor, orgUnitId: string | undefined) {
  const id = orgUnitId ?? actor.orgUnitId;
  if (!id) throw failed('orgUnitId', 'validation.required');
  const path = await deps.repo.unitPath(tx, id);
  if (!path) throw failed('orgUnitId', 'validation.invalid_value');
  if (!policy.canEdit(actor, { orgUnitPath: path })) throw failed('orgUnitId', 'validation.unit_out_of_scope');
  return id;
}

/** Phone numbers in national form, repeats dropped (the contract has checked each). */
export function normalizedPhones(phones: readonly string[]): string[] {
  const result: string[] = [];
  for (const phone of phones) {
    const normalized = normalizeVnPhone(phone);
    if (normalized === null) throw failed('phones', 'validation.invalid_phone');
    if (!result.includes(normalized)) result.push(normalized);
  }
  return result;
}

const unique = (values: readonly string[] | undefined) => [...new Set(values ?? [])];

export function outletSnapshot(row: Omit<NewOutletRow, 'orgUnitId'>) {
  return {
    name: row.name,
    kind: row.kind,
    governingBody: row.governingBody ?? null,
    area: row.area,
    beats: row.beats,
    website: row.website ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
    active: row.active ?? true,
  };
}

export function contactSnapshot(row: Omit<NewContactRow, 'createdBy'>) {
  return {
    outletId: row.outletId,
    fullName: row.fullName,
    role: row.role,
    beats: row.beats,
    phones: row.phones,
    emails: row.emails,
  };
}

export type PressOutletsService = ReturnType<typeof createPressOutletsService>;

export function createPressOutletsService(deps: PressOutletsDeps) {
  const { db, runInTransaction, repo, recordAudit } = deps;

  async function readableOutlet(tx: Executor, actor: Actor, id: string, lock = false): Promise<OutletRow> {
    const row = await repo.findOutlet(tx, id, lock);
    if (!row || !policy.canRead(actor, row)) throw notFound('outlet');
    return row;
  }

  async function readableContact(tx: Executor, actor: Actor, id: string, lock = false): Promise<ContactRow> {
    const row = await repo.findContact(tx, id, lock);
    if (!row || !policy.canRead(actor, row)) throw notFound('contact');
    return row;
  }

  /** The outlet a contact belongs to: one the actor may change (a field problem otherwise). */
  async function editableOutlet(tx: Executor, actor: Actor, outletId: string): Promise<OutletRow> {
    const outlet = await repo.findOutlet(tx, outletId);
    if (!outlet || !policy.canRead(actor, outlet)) throw failed('outletId', 'validation.invalid_value');
    if (!policy.canEdit(actor, outlet)) throw failed('outletId', 'validation.unit_out_of_scope');
    return outlet;
  }

  async function auditOutlet(tx: Tx, actor: Actor, action: string, before: OutletRow | null, after: OutletRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'press_outlet',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: after.name.slice(0, 300),
      before: before ? outletSnapshot(before) : null,
      after: outletSnapshot(after),
    });
  }

  async function auditContact(tx: Tx, actor: Actor, action: string, before: ContactRow | null, after: ContactRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'press_contact',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: `${after.fullName} — ${after.outletName}`.slice(0, 300),
      before: before ? contactSnapshot(before) : null,
      after: contactSnapshot(after),
    });
  }

  return {
    async listOutlets(actor: Actor, query: TOutletListQuery, all = false): Promise<TPage<TOutlet>> {
      const { rows, total } = await repo.listOutlets(db, query, actor.scopePath, all);
      return { items: rows.map((r) => toOutlet(r, actor)), total };
    },

    async getOutlet(actor: Actor, id: string): Promise<TOutlet> {
      return toOutlet(await readableOutlet(db, actor, id), actor);
    },

    async createOutlet(actor: Actor, input: TCreateOutletRequest): Promise<TOutlet> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const orgUnitId = await keepingUnit(tx, deps, actor, input.orgUnitId);
        const values: NewOutletRow = {
          orgUnitId,
          name: input.name,
          kind: input.kind,
          governingBody: input.governingBody || null,
          ...(await resolveArea(tx, deps, input.area)),
          beats: unique(input.beats),
          website: input.website || null,
          phone: input.phone ? normalizedPhones([input.phone])[0]! : null,
          email: input.email || null,
          address: input.address || null,
          note: input.note || null,
          active: input.active ?? true,
          createdBy: actor.userId,
        };
        if (await repo.findDuplicateOutlet(tx, orgUnitId, values.name, null)) throw duplicateOutlet(values.name);
        const id = await guardUnique(values.name, () => repo.insertOutlet(tx, values));
        const created = (await repo.findOutlet(tx, id))!;
        await auditOutlet(tx, actor, 'create', null, created);
        return toOutlet(created, actor);
      });
    },

    /** Changes an outlet (also marks it inactive); optimistic on `version`. */
    async updateOutlet(actor: Actor, id: string, input: TUpdateOutletRequest): Promise<TOutlet> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await readableOutlet(tx, actor, id, true);
        policy.assertCanEdit(actor, before);
        const orgUnitId =
          input.orgUnitId !== undefined ? await keepingUnit(tx, deps, actor, input.orgUnitId) : before.orgUnitId;
        const pick = <K extends keyof TUpdateOutletRequest, V>(key: K, current: V): V =>
          (input[key] !== undefined ? input[key] : current) as V;
        const values: Partial<NewOutletRow> = {
          orgUnitId,
          name: pick('name', before.name),
          kind: pick('kind', before.kind),
          governingBody: pick('governingBody', before.governingBody) || null,
          ...(input.area !== undefined ? await resolveArea(tx, deps, input.area) : {}),
          beats: input.beats ? unique(input.beats) : before.beats,
          website: pick('website', before.website) || null,
          phone: input.phone ? normalizedPhones([input.phone])[0]! : input.phone === null ? null : before.phone,
          email: pick('email', before.email) || null,
          address: pick('address', before.address) || null,
          note: pick('note', before.note) || null,
          active: pick('active', before.active),
        };
        if (await repo.findDuplicateOutlet(tx, orgUnitId, values.name!, id)) throw duplicateOutlet(values.name!);
        const updated = await guardUnique(values.name!, () => repo.updateOutlet(tx, id, input.version, values));
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findOutlet(tx, id))!;
        await auditOutlet(tx, actor, 'update', before, after);
        return toOutlet(after, actor);
      });
    },

    async listContacts(actor: Actor, query: TContactListQuery, all = false): Promise<TPage<TContact>> {
      const { rows, total } = await repo.listContacts(db, query, actor.scopePath, all);
      return { items: rows.map((r) => toContact(r, actor)), total };
    },

    async getContact(actor: Actor, id: string): Promise<TContact> {
      return toContact(await readableContact(db, actor, id), actor);
    },

    async createContact(actor: Actor, input: TCreateContactRequest): Promise<TContact> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        await editableOutlet(tx, actor, input.outletId);
        const id = await repo.insertContact(tx, {
          outletId: input.outletId,
          fullName: input.fullName,
          role: input.role,
          beats: unique(input.beats),
          phones: normalizedPhones(input.phones ?? []),
          emails: unique(input.emails),
          note: input.note || null,
          createdBy: actor.userId,
        });
        const created = (await repo.findContact(tx, id))!;
        await auditContact(tx, actor, 'create', null, created);
        return toContact(created, actor);
      });
    },

    async updateContact(actor: Actor, id: string, input: TUpdateContactRequest): Promise<TContact> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await readableContact(tx, actor, id, true);
        policy.assertCanEdit(actor, before);
        if (input.outletId !== undefined && input.outletId !== before.outletId)
          await editableOutlet(tx, actor, input.outletId);
        const updated = await repo.updateContact(tx, id, input.version, {
          outletId: input.outletId ?? before.outletId,
          fullName: input.fullName ?? before.fullName,
          role: input.role ?? before.role,
          beats: input.beats ? unique(input.beats) : before.beats,
          phones: input.phones ? normalizedPhones(input.phones) : before.phones,
          emails: input.emails ? unique(input.emails) : before.emails,
          note: input.note !== undefined ? input.note || null : before.note,
        });
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findContact(tx, id))!;
        await auditContact(tx, actor, 'update', before, after);
        return toContact(after, actor);
      });
    },

    async listHistory(actor: Actor, contactId: string): Promise<TContactHistoryEntry[]> {
      await readableContact(db, actor, contactId);
      return (await repo.listHistory(db, contactId)).map(toHistory);
    },

    /** Appends a contact history entry by the acting officer; entries are never edited. */
    async addHistory(actor: Actor, contactId: string, input: TAddContactHistoryRequest): Promise<TContactHistoryEntry> {
      policy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const contact = await readableContact(tx, actor, contactId, true);
        policy.assertCanEdit(actor, contact);
        const entry = await repo.insertHistory(tx, {
          contactId,
          contactedOn: input.contactedOn,
          channel: input.channel,
          summary: input.summary,
          officerId: actor.userId,
          officerName: actor.fullName,
        });
        await recordAudit(tx, actor, {
          action: 'log_contact',
          entityType: 'press_contact',
          entityId: contactId,
          orgUnitId: contact.orgUnitId,
          summary: `${contact.fullName} — ${input.contactedOn} — ${input.summary}`.slice(0, 300),
          before: null,
          after: { contactedOn: input.contactedOn, channel: input.channel, summary: input.summary },
        });
        return toHistory(entry);
      });
    },
  };
}
