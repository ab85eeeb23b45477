import type { Readable } from 'node:stream';
import type {
  TCoverage,
  TCreatePressConference,
  TInvitee,
  TPage,
  TPressConference,
  TPressConferenceListQuery,
  TPressConferenceStatus,
  TStoredFile,
  TUpdatePressConference,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService, type Upload } from '../files/index.js';
import type { UnitLookup } from '../org-units/index.js';
import type { ConferenceChanges, ConferenceRow, PressConferencesRepository } from './press-conferences.repository.js';
import { assertMediaLink, type PressMedia } from './press-media.service.js';
import { pressPolicy } from './press-requests.policy.js';
import type { PressRequestsRepository } from './press-requests.repository.js';

export interface PressConferencesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: PressConferencesRepository;
  people: Pick<PressRequestsRepository, 'usersByIds'>;
  recordAudit: RecordAudit;
  units: UnitLookup;
  files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'findByIds'>;
  /** The media database the invitees and coverage rows may link to. */
  media: PressMedia;
}

export type PressConferencesService = ReturnType<typeof createPressConferencesService>;

const snapshot = (row: ConferenceRow) => ({
  title: row.title,
  heldAt: row.heldAt.toISOString(),
  place: row.place,
  hostUnit: row.hostUnitCode,
  status: row.status,
  spokespersonIds: row.spokespersonIds,
  invitees: row.invitees.length,
  coverage: row.coverage.length,
});

/** Press conferences: the host unit's officers keep them; the unit's subtree and the spokespersons read them. */
export function createPressConferencesService(deps: PressConferencesDeps) {
  const { db, runInTransaction, repo, recordAudit, units, files } = deps;

  const canRead = (actor: Actor, row: ConferenceRow) =>
    inScope(actor, row.hostUnitPath) || (actor.userId !== null && row.spokespersonIds.includes(actor.userId));
  const canEdit = (actor: Actor, row: ConferenceRow) => pressPolicy.isWorker(actor) && inScope(actor, row.hostUnitPath);

  async function visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<ConferenceRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !canRead(actor, row)) throw notFound('press_conference');
    return row;
  }
  async function editable(tx: Executor, actor: Actor, id: string, lock = false): Promise<ConferenceRow> {
    const row = await visible(tx, actor, id, lock);
    if (!canEdit(actor, row)) throw forbidden();
    return row;
  }

  async function assertPeople(tx: Executor, ids: string[]): Promise<void> {
    const found = await deps.people.usersByIds(tx, ids);
    const index = ids.findIndex((id) => !found.has(id));
    if (index >= 0) throw fieldError(`spokespersonIds.${index}`, 'press.spokesperson');
  }

  /** Each linked invitee or coverage row names an outlet in the actor's scope, and a contact of that outlet. */
  async function assertMedia(tx: Executor, actor: Actor, input: { invitees?: TInvitee[]; coverage?: TCoverage[] }) {
    for (const [i, row] of (input.invitees ?? []).entries())
      await assertMediaLink(tx, deps.media, actor, row, `invitees.${i}.`);
    for (const [i, row] of (input.coverage ?? []).entries())
      await assertMediaLink(tx, deps.media, actor, { outletId: row.outletId, contactId: null }, `coverage.${i}.`);
  }

  async function view(tx: Executor, actor: Actor, row: ConferenceRow): Promise<TPressConference> {
    const names = await deps.people.usersByIds(tx, row.spokespersonIds);
    const fileIds = await repo.materials(tx, row.id);
    const stored = new Map((await files.findByIds(tx, fileIds)).map((f) => [f.id, toStoredFile(f)]));
    return {
      id: row.id,
      title: row.title,
      heldAt: row.heldAt.toISOString(),
      place: row.place,
      hostUnit: { id: row.hostUnitId, code: row.hostUnitCode, name: row.hostUnitName },
      spokespersons: row.spokespersonIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      // Rows stored before the media links (0026) carry no ids.
      invitees: row.invitees.map((r) => ({ ...r, outletId: r.outletId ?? null, contactId: r.contactId ?? null })),
      coverage: row.coverage.map((r) => ({ ...r, outletId: r.outletId ?? null })),
      materials: fileIds.flatMap((id) => stored.get(id) ?? []),
      status: row.status as TPressConferenceStatus,
      canEdit: canEdit(actor, row),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    };
  }

  async function audit(
    tx: Tx,
    actor: Actor,
    action: string,
    before: ConferenceRow | null,
    after: ConferenceRow,
    extra = {},
  ) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'press_conference',
      entityId: after.id,
      orgUnitId: after.hostUnitId,
      summary: `${after.hostUnitCode} — ${after.title}`.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: { ...snapshot(after), ...extra },
    });
  }

  return {
    async list(actor: Actor, query: TPressConferenceListQuery, all = false): Promise<TPage<TPressConference>> {
      const { rows, total } = await repo.list(db, query, actor.scopePath, actor.userId, all);
      return { items: await Promise.all(rows.map((row) => view(db, actor, row))), total };
    },

    async get(actor: Actor, id: string): Promise<TPressConference> {
      return view(db, actor, await visible(db, actor, id));
    },

    async create(actor: Actor, input: TCreatePressConference): Promise<TPressConference> {
      if (!pressPolicy.isWorker(actor)) throw forbidden();
      return runInTransaction(async (tx) => {
        const unitId = input.hostUnitId ?? actor.orgUnitId;
        const unit = unitId ? await units.findById(tx, unitId) : null;
        if (!unit || !inScope(actor, unit.path)) throw fieldError('hostUnitId', 'press.host_unit');
        await assertPeople(tx, input.spokespersonIds);
        await assertMedia(tx, actor, input);
        const id = await repo.insert(tx, {
          title: input.title,
          heldAt: new Date(input.heldAt),
          place: input.place,
          hostUnitId: unit.id,
          spokespersonIds: input.spokespersonIds,
          invitees: input.invitees,
          coverage: input.coverage,
          status: input.status,
          createdByName: actor.fullName,
        });
        const row = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'create', null, row);
        return view(tx, actor, row);
      });
    },

    async update(actor: Actor, id: string, input: TUpdatePressConference): Promise<TPressConference> {
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id, true);
        if (input.spokespersonIds) await assertPeople(tx, input.spokespersonIds);
        await assertMedia(tx, actor, input);
        const { version, heldAt, ...rest } = input;
        const changes: ConferenceChanges = { ...rest, ...(heldAt ? { heldAt: new Date(heldAt) } : {}) };
        if (!(await repo.update(tx, id, version, changes))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, before.status !== after.status ? 'change_status' : 'update', before, after);
        return view(tx, actor, after);
      });
    },

    /** Stores an uploaded material and links it to the conference, in one transaction. */
    async addMaterial(actor: Actor, id: string, upload: Upload): Promise<TStoredFile> {
      const row = await editable(db, actor, id);
      return files.storeThen(actor, upload, row.hostUnitId, async (tx, file) => {
        const locked = await editable(tx, actor, id, true);
        await repo.addMaterial(tx, id, file.id);
        await audit(tx, actor, 'attach', locked, locked, { file: file.name });
        return toStoredFile(file);
      });
    },

    async removeMaterial(actor: Actor, id: string, fileId: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, true);
        if (!(await repo.removeMaterial(tx, id, fileId))) throw notFound('file');
        await audit(tx, actor, 'detach', row, row, { fileId });
      });
    },

    async openMaterial(actor: Actor, id: string, fileId: string): Promise<{ file: TStoredFile; content: Readable }> {
      await visible(db, actor, id);
      if (!(await repo.materials(db, id)).includes(fileId)) throw notFound('file');
      return files.open(db, fileId);
    },
  };
}
