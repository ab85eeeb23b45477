import {
  AGENCY_HOTLINE,
  CHECK_VERDICT_LABELS,
  normaliseChannelValue,
  type TChannelKind,
  type TChannelStatus,
  type TCreateOfficialChannelRequest,
  type TOfficialChannel,
  type TOfficialChannelListQuery,
  type TPage,
  type TPublicCheckResult,
  type TUpdateOfficialChannelRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';
import { checkText, overallVerdict, type RegistryEntry } from './lookalike.js';
import { CHANNEL_SEEDS } from './official-channels.data.js';
import type { ChannelRow, NewChannelRow, OfficialChannelsRepository } from './official-channels.repository.js';
import { officialChannelsPolicy } from './official-channels.policy.js';

export interface OfficialChannelsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: OfficialChannelsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup & { findRoot(tx: Executor): Promise<{ id: string; path: string } | null> };
}

/** Marks the first-start data as loaded (app_state), so an entry an officer changed or retired stays so. */
const SEED_KEY = 'seed:official-channels';

export function toChannel(row: ChannelRow, actor: Actor): TOfficialChannel {
  return {
    id: row.id,
    kind: row.kind as TChannelKind,
    value: row.value,
    display: row.display,
    status: row.status as TChannelStatus,
    note: row.note,
    source: row.source,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    addedBy: row.addedBy,
    retiredAt: row.retiredAt?.toISOString() ?? null,
    canEdit: officialChannelsPolicy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function snapshot(row: Pick<ChannelRow, 'kind' | 'value' | 'display' | 'status' | 'note' | 'source' | 'retiredAt'>) {
  return {
    kind: row.kind,
    value: row.value,
    display: row.display,
    status: row.status,
    note: row.note,
    source: row.source,
    retired: row.retiredAt !== null,
  };
}

function duplicateError(value: string): AppError {
  return new AppError('conflict.duplicate', { value }, [{ field: 'value', code: 'validation.duplicate_channel' }]);
}

/** The public answer's sentence, in both languages, naming what a look-alike imitates. */
function verdictMessage(result: Pick<TPublicCheckResult, 'verdict' | 'findings'>): { vi: string; en: string } {
  const label = CHECK_VERDICT_LABELS[result.verdict];
  const imitated = result.findings.find((f) => f.verdict === result.verdict && f.entry)?.entry?.display;
  switch (result.verdict) {
    case 'official':
      return label;
    case 'lookalike':
      return {
        vi: `Cảnh báo: giả danh kênh chính thức${imitated ? ` ${imitated}` : ''}. Không cung cấp thông tin cá nhân, mã OTP; gọi ${AGENCY_HOTLINE} để được xác minh.`,
        en: `Warning: this imitates the official channel${imitated ? ` ${imitated}` : ''}. Do not give personal details or OTP codes; call ${AGENCY_HOTLINE} to check.`,
      };
    case 'reported_fake':
      return {
        vi: `Cảnh báo: BHXH Việt Nam đã cảnh báo đây là kênh giả mạo. Không cung cấp thông tin cá nhân, mã OTP; gọi ${AGENCY_HOTLINE}.`,
        en: `Warning: Vietnam Social Security has reported this as fake. Do not give personal details or OTP codes; call ${AGENCY_HOTLINE}.`,
      };
    case 'unknown':
      return {
        vi: `${label.vi}. Hãy thận trọng: chỉ tin các kênh chính thức; khi nghi ngờ, gọi ${AGENCY_HOTLINE}.`,
        en: `${label.en}. Be careful: trust only the official channels; when in doubt, call ${AGENCY_HOTLINE}.`,
      };
  }
}

export type OfficialChannelsService = ReturnType<typeof createOfficialChannelsService>;

export function createOfficialChannelsService(deps: OfficialChannelsDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;

  async function registryInForce(): Promise<RegistryEntry[]> {
    const rows = await repo.listInForce(db);
    return rows.map((r) => ({ ...r, kind: r.kind as TChannelKind, status: r.status as TChannelStatus }));
  }

  async function editable(tx: Executor, actor: Actor, id: string): Promise<ChannelRow> {
    const row = await repo.findById(tx, id, true);
    if (!row) throw notFound('official_channel');
    officialChannelsPolicy.assertCanEdit(actor, row);
    return row;
  }

  /** The unit the entry belongs to: the one asked for (in the actor's reach) or the agency. */
  async function owningUnit(tx: Executor, actor: Actor, orgUnitId: string | undefined): Promise<string> {
    const unit = orgUnitId ? await units.findById(tx, orgUnitId) : await units.findRoot(tx);
    if (!unit) throw fieldError('orgUnitId', 'validation.unknown_unit');
    if (!officialChannelsPolicy.canEdit(actor, { orgUnitPath: unit.path }))
      throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
    return unit.id;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: ChannelRow | null, after: ChannelRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'official_channel',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: `${after.display} — ${after.status === 'official' ? 'chính thức' : 'giả mạo'}`.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
  }

  async function guardUnique<T>(value: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw duplicateError(value);
      throw error;
    }
  }

  return {
    /** A page of the registry (all matches when `all`, for export). */
    async listChannels(actor: Actor, query: TOfficialChannelListQuery, all = false): Promise<TPage<TOfficialChannel>> {
      const { rows, total } = await repo.list(db, query, all);
      return { items: rows.map((row) => toChannel(row, actor)), total };
    },

    async getChannel(actor: Actor, id: string): Promise<TOfficialChannel> {
      const row = await repo.findById(db, id);
      if (!row) throw notFound('official_channel');
      return toChannel(row, actor);
    },

    /** Adds an entry; its value is stored normalised and must be new for its kind. */
    async createChannel(actor: Actor, input: TCreateOfficialChannelRequest): Promise<TOfficialChannel> {
      officialChannelsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const value = normaliseChannelValue(input.kind, input.value)!;
        if (await repo.findByValue(tx, input.kind, value, null)) throw duplicateError(value);
        const values: NewChannelRow = {
          kind: input.kind,
          value,
          display: input.display || input.value,
          status: input.status,
          note: input.note || null,
          source: input.source || null,
          orgUnitId: await owningUnit(tx, actor, input.orgUnitId),
          createdBy: actor.userId,
        };
        const id = await guardUnique(value, () => repo.insert(tx, values));
        const created = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, created);
        return toChannel(created, actor);
      });
    },

    /** Changes an entry, retires it or brings it back; optimistic on `version`. */
    async updateChannel(actor: Actor, id: string, input: TUpdateOfficialChannelRequest): Promise<TOfficialChannel> {
      officialChannelsPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id);
        if (before.version !== input.version) throw new AppError('conflict.version');
        const kind = input.kind ?? (before.kind as TChannelKind);
        const status = input.status ?? (before.status as TChannelStatus);
        const value = normaliseChannelValue(kind, input.value ?? before.value);
        if (value === null) throw fieldError('value', 'validation.invalid_channel_value');
        if (kind === 'document' && status === 'official')
          throw fieldError('status', 'validation.document_must_be_fake');
        if (await repo.findByValue(tx, kind, value, id)) throw duplicateError(value);
        const values: Partial<NewChannelRow> = {
          kind,
          value,
          status,
          display: input.display || (input.value !== undefined ? input.value : before.display),
          note: input.note !== undefined ? input.note || null : before.note,
          source: input.source !== undefined ? input.source || null : before.source,
          orgUnitId: input.orgUnitId ? await owningUnit(tx, actor, input.orgUnitId) : before.orgUnitId,
          retiredAt:
            input.retired === undefined ? before.retiredAt : input.retired ? (before.retiredAt ?? new Date()) : null,
        };
        const updated = await guardUnique(value, () => repo.update(tx, id, input.version, values));
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        const action =
          before.retiredAt === null && after.retiredAt !== null
            ? 'retire'
            : before.retiredAt !== null && after.retiredAt === null
              ? 'restore'
              : 'update';
        await audit(tx, actor, action, before, after);
        return toChannel(after, actor);
      });
    },

    /**
     * Loads the agency's known channels and reported fakes once (idempotent: a second start, or a second
     * instance, adds nothing); returns how many entries were added.
     */
    async seedChannels(actor: Actor): Promise<number> {
      return runInTransaction(async (tx) => {
        const root = await units.findRoot(tx);
        if (!root || !(await repo.claimSeed(tx, SEED_KEY))) return 0;
        const rows: NewChannelRow[] = CHANNEL_SEEDS.map((seed) => ({
          kind: seed.kind,
          value: normaliseChannelValue(seed.kind, seed.value)!,
          display: seed.display,
          status: seed.status,
          note: seed.note,
          source: seed.source,
          orgUnitId: root.id,
          createdBy: null,
        }));
        const inserted = await repo.insertMissing(tx, rows);
        await recordAudit(tx, actor, {
          action: 'seed',
          entityType: 'official_channel',
          entityId: null,
          orgUnitId: root.id,
          summary: `Kênh chính thức và kênh giả mạo đã được cảnh báo: ${inserted.length} mục`,
          after: { values: inserted },
        });
        return inserted.length;
      });
    },

    /** The registry in force, as the checks (the public page, the classifier) read it. */
    registryInForce,

    /** What the links, domains and phone numbers of a citizen's input are; no actor, no scope. */
    async checkPublic(input: string): Promise<TPublicCheckResult> {
      const findings = checkText(input, await registryInForce());
      const verdict = overallVerdict(findings);
      if (verdict === null) throw fieldError('input', 'validation.nothing_to_check');
      return { verdict, findings, message: verdictMessage({ verdict, findings }) };
    },
  };
}
