import {
  normalizeVnPhone,
  type TCheckInLink,
  type TCheckInRequest,
  type TCheckInResult,
  type TEventParticipant,
  type TEventPhoto,
  type TOutcomeProgram,
  type TPublicCheckInEvent,
  type TStoredFile,
} from '@loa/contracts';
import type { Readable } from 'node:stream';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { FilesService, Upload } from '../files/index.js';
import { eventIdOfToken, newCheckInKey, signCheckInToken, verifyCheckInToken } from './check-in-token.service.js';
import { isLocked } from './event-rules.js';
import type { EventRow, EventsRepository } from './events.repository.js';
import { eventsPolicy } from './events.policy.js';
import { mapParticipantRow, type FieldProblem, type ParticipantFields } from './participant-rows.js';

export interface EventExtrasDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: EventsRepository;
  recordAudit: RecordAudit;
  files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'openThumbnail' | 'findByIds'>;
}

/** Photos are images the browser shows inline. */
const PHOTO_KINDS = new Set(['jpeg', 'png', 'gif', 'webp']);

export interface SheetRow {
  row: number;
  values: Record<string, string | null>;
}

export interface ParticipantImport {
  applied: boolean;
  created: number;
  updated: number;
  rejected: (FieldProblem & { row: number })[];
}

export type EventExtrasService = ReturnType<typeof createEventExtrasService>;

/** QR check-in, photos and the outcome lists of an event. */
export function createEventExtrasService(deps: EventExtrasDeps) {
  const { db, runInTransaction, repo, recordAudit, files } = deps;

  async function editable(tx: Executor, actor: Actor, id: string, lock = false): Promise<EventRow> {
    eventsPolicy.assertCanWrite(actor);
    const row = await repo.findById(tx, id, lock);
    if (!row || !eventsPolicy.canRead(actor, row.orgUnitPath)) throw notFound('event');
    if (!eventsPolicy.canEdit(actor, row.orgUnitPath)) throw new AppError('access.forbidden');
    return row;
  }

  async function audit(tx: Tx, actor: Actor, action: string, row: EventRow, after: Record<string, unknown>) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'event',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.title} — ${row.orgUnitName}`.slice(0, 300),
      after,
    });
  }

  /** The event a public token opens, or `event.check_in_closed` (expired, closed, forged, or the event is over). */
  async function eventOfToken(tx: Executor, token: string, lock = false): Promise<{ row: EventRow; expiresAt: Date }> {
    const id = eventIdOfToken(token);
    const row = id ? await repo.findById(tx, id, lock) : null;
    if (!row || !row.checkInKey || isLocked(row.status as 'planned')) throw new AppError('event.check_in_closed');
    const verdict = verifyCheckInToken(row.checkInKey, token, new Date());
    if (!verdict.valid) throw new AppError('event.check_in_closed');
    return { row, expiresAt: verdict.expiresAt };
  }

  return {
    /** Opens check-in for `hours`: a new signed link (earlier links stop working). */
    async openCheckIn(actor: Actor, id: string, hours: number): Promise<TCheckInLink> {
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, true);
        if (isLocked(row.status as 'planned')) throw new AppError('event.locked');
        const key = newCheckInKey();
        const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + hours * 3600_000);
        await repo.touch(tx, id, { checkInKey: key, checkInExpiresAt: expiresAt });
        await audit(tx, actor, 'open_check_in', row, { expiresAt: expiresAt.toISOString() });
        const token = signCheckInToken(key, id, expiresAt);
        return { token, path: `/check-in/${token}`, expiresAt: expiresAt.toISOString() };
      });
    },

    async closeCheckIn(actor: Actor, id: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, true);
        await repo.touch(tx, id, { checkInKey: null, checkInExpiresAt: null });
        await audit(tx, actor, 'close_check_in', row, { closed: true });
      });
    },

    /** What a participant's phone shows before checking in; no session. */
    async publicEvent(token: string): Promise<TPublicCheckInEvent> {
      const { row, expiresAt } = await eventOfToken(db, token);
      return {
        title: row.title,
        kind: row.kind as TPublicCheckInEvent['kind'],
        startsAt: row.startsAt.toISOString(),
        place: [row.address, row.communeName, row.districtName, row.provinceName].filter(Boolean).join(', '),
        organiser: row.orgUnitName,
        expiresAt: expiresAt.toISOString(),
      };
    },

    /** A participant checks in (no session): counted once per phone number towards the actual attendance. */
    async checkIn(token: string, input: TCheckInRequest): Promise<TCheckInResult> {
      return runInTransaction(async (tx) => {
        const { row } = await eventOfToken(tx, token, true);
        const phone = input.phone ? normalizeVnPhone(input.phone) : null;
        const counted = await repo.insertCheckIn(tx, {
          eventId: row.id,
          fullName: input.fullName,
          phone,
          sex: input.sex,
          segment: input.segment ?? null,
        });
        const after = (await repo.findById(tx, row.id))!;
        return { counted, attendance: after.checkedIn + after.extraAttendance };
      });
    },

    async addPhoto(actor: Actor, id: string, upload: Upload): Promise<TEventPhoto> {
      const row = await editable(db, actor, id);
      return files.storeThen(actor, upload, row.orgUnitId, async (tx, file) => {
        const locked = await editable(tx, actor, id, true);
        if (!PHOTO_KINDS.has(file.kind)) throw fieldError('file', 'validation.invalid_value');
        await repo.insertPhoto(tx, id, file.id, actor.userId);
        await audit(tx, actor, 'attach', locked, { file: file.name });
        return {
          fileId: file.id,
          name: file.name,
          size: file.size,
          hasThumbnail: file.hasThumbnail,
          addedAt: new Date().toISOString(),
        };
      });
    },

    async removePhoto(actor: Actor, id: string, fileId: string): Promise<void> {
      await runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, true);
        if (!(await repo.deletePhoto(tx, id, fileId))) throw notFound('event_photo');
        await audit(tx, actor, 'detach', row, { fileId });
      });
    },

    /** A photo of an event the actor reads (its thumbnail when `thumbnail`). */
    async openPhoto(
      actor: Actor,
      id: string,
      fileId: string,
      thumbnail: boolean,
    ): Promise<{ file: TStoredFile; content: Readable }> {
      const row = await repo.findById(db, id);
      if (!row || !eventsPolicy.canRead(actor, row.orgUnitPath)) throw notFound('event');
      if (!(await repo.listPhotos(db, id)).some((p) => p.fileId === fileId)) throw notFound('event_photo');
      return thumbnail ? files.openThumbnail(db, fileId) : files.open(db, fileId);
    },

    async listParticipants(actor: Actor, id: string): Promise<TEventParticipant[]> {
      const row = await repo.findById(db, id);
      if (!row || !eventsPolicy.canRead(actor, row.orgUnitPath)) throw notFound('event');
      return (await repo.listParticipants(db, id)).map((p) => ({ ...p, program: p.program as TOutcomeProgram }));
    },

    /**
     * Replaces the event's outcome list from Excel, all or nothing; the outcome counts rise to the list's size
     * when they were lower. `dryRun` only reports.
     */
    async importParticipants(
      actor: Actor,
      id: string,
      rows: SheetRow[],
      options: { dryRun: boolean },
    ): Promise<ParticipantImport> {
      return runInTransaction(async (tx) => {
        const row = await editable(tx, actor, id, true);
        if (isLocked(row.status as 'planned')) throw new AppError('event.locked');
        const outcome: ParticipantImport = { applied: false, created: 0, updated: 0, rejected: [] };
        const thisYear = new Date().getUTCFullYear();
        const people: ParticipantFields[] = [];
        const seen = new Map<string, number>();
        for (const { row: line, values } of rows) {
          const { fields, problems } = mapParticipantRow(values, thisYear);
          if (!fields) {
            outcome.rejected.push(...problems.map((p) => ({ row: line, ...p })));
            continue;
          }
          const key = fields.insuranceCode ? `${fields.program}|${fields.insuranceCode}` : null;
          if (key && seen.has(key)) {
            outcome.rejected.push({
              row: line,
              field: 'insuranceCode',
              code: 'validation.duplicate_in_file',
              params: { row: seen.get(key) },
            });
            continue;
          }
          if (key) seen.set(key, line);
          people.push(fields);
        }
        outcome.created = people.length;
        if (outcome.rejected.length > 0 || options.dryRun) return outcome;
        await repo.replaceParticipants(tx, id, people);
        const count = (program: TOutcomeProgram) => people.filter((p) => p.program === program).length;
        await repo.touch(tx, id, {
          newVoluntary: Math.max(row.newVoluntary, count('voluntary')),
          newHouseholdBhyt: Math.max(row.newHouseholdBhyt, count('household_bhyt')),
        });
        await audit(tx, actor, 'import_participants', row, {
          voluntary: count('voluntary'),
          householdBhyt: count('household_bhyt'),
        });
        outcome.applied = true;
        return outcome;
      });
    },
  };
}
