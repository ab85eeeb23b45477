import {
  foldVi,
  statusAfterConsent,
  storyTransitionProblem,
  type TChangeStoryStatusRequest,
  type TConsentStatus,
  type TCreateStoryRequest,
  type TListQuery,
  type TPage,
  type TRecordConsentRequest,
  type TStory,
  type TStoryDetail,
  type TStoryKind,
  type TStoryListQuery,
  type TStoryMedia,
  type TStoryStatus,
  type TUpdateStoryRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';
import type { NewStoryRow, StoriesRepository, StoryRow } from './stories.repository.js';
import { storiesPolicy } from './stories.policy.js';

/** The guidance catalog, to check theme codes against their year (guidance module's repository). */
export interface ThemeCatalog {
  yearExists(tx: Executor, year: number): Promise<boolean>;
  listItems(
    tx: Executor,
    year: number,
    kind: 'theme',
    group: undefined,
    query: TListQuery,
  ): Promise<{ rows: { code: string }[] }>;
}

export interface StoriesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: StoriesRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  guidance: ThemeCatalog;
  /** A story's files, for its detail (story media service). */
  listMedia(tx: Executor, storyId: string): Promise<TStoryMedia[]>;
}

const ALL: TListQuery = { page: 1, pageSize: 1000, q: undefined, sort: undefined };

/** A story as the actor sees it: people's contacts only for those who may edit it (they are not published). */
export function toStory(row: StoryRow, actor: Actor): TStory {
  const canEdit = storiesPolicy.canEdit(actor, row);
  return {
    id: row.id,
    kind: row.kind as TStoryKind,
    title: row.title,
    story: row.story,
    people: canEdit ? row.people : row.people.map(({ name, role }) => ({ name, role: role ?? null })),
    place: row.place,
    areaUnit:
      row.areaUnitId && row.areaUnitCode && row.areaUnitName
        ? { id: row.areaUnitId, code: row.areaUnitCode, name: row.areaUnitName }
        : null,
    orgUnit: { id: row.orgUnitId, code: row.orgUnitCode, name: row.orgUnitName },
    occurredOn: row.occurredOn,
    guidanceYear: row.guidanceYear,
    themes: row.themes,
    tags: row.tags,
    consent: {
      status: row.consentStatus as TConsentStatus,
      note: row.consentNote,
      recordedBy: row.consentRecorderName,
      recordedAt: row.consentRecordedAt?.toISOString() ?? null,
      evidenceFileId: row.consentEvidenceFileId,
    },
    status: row.status as TStoryStatus,
    mediaCount: row.mediaCount,
    canEdit,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a story (contacts of people are left out). */
function snapshot(row: StoryRow) {
  return {
    kind: row.kind,
    title: row.title,
    people: row.people.map((p) => ({ name: p.name, role: p.role ?? null })),
    place: row.place,
    area: row.areaUnitCode,
    orgUnit: row.orgUnitCode,
    occurredOn: row.occurredOn,
    guidanceYear: row.guidanceYear,
    themes: row.themes,
    tags: row.tags,
    consent: row.consentStatus,
    status: row.status,
  };
}

/** Trimmed, blanks dropped, repeats (ignoring accents and case) removed, first spelling kept. */
export function cleanList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values
    .map((v) => v.normalize('NFC').trim().replace(/\s+/g, ' '))
    .filter((v) => v && !seen.has(foldVi(v)) && seen.add(foldVi(v)));
}

/** A story the actor may read; others are "not found", so that drafts of other units do not leak. */
export async function readableStory(
  repo: Pick<StoriesRepository, 'findById'>,
  tx: Executor,
  actor: Actor,
  id: string,
  lock = false,
): Promise<StoryRow> {
  const row = await repo.findById(tx, id, lock);
  if (!row || !storiesPolicy.canRead(actor, row)) throw notFound('story');
  return row;
}

/** A story the actor may change, locked: readable, in their scope, and not archived. */
export async function editableStory(
  repo: Pick<StoriesRepository, 'findById'>,
  tx: Executor,
  actor: Actor,
  id: string,
): Promise<StoryRow> {
  const row = await readableStory(repo, tx, actor, id, true);
  storiesPolicy.assertCanEdit(actor, row);
  if (row.status === 'archived') throw new AppError('story.archived');
  return row;
}

export type StoriesService = ReturnType<typeof createStoriesService>;

export function createStoriesService(deps: StoriesDeps) {
  const { db, runInTransaction, repo, recordAudit, units, guidance } = deps;

  const readable = (tx: Executor, actor: Actor, id: string, lock = false) => readableStory(repo, tx, actor, id, lock);
  const editable = (tx: Executor, actor: Actor, id: string) => editableStory(repo, tx, actor, id);

  async function detail(tx: Executor, actor: Actor, row: StoryRow): Promise<TStoryDetail> {
    return { ...toStory(row, actor), media: await deps.listMedia(tx, row.id) };
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: StoryRow | null, after: StoryRow) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'story',
      entityId: after.id,
      orgUnitId: after.orgUnitId,
      summary: after.title.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: snapshot(after),
    });
  }

  /** Checks the keeping unit (in scope), the area (exists) and the theme codes (of the guidance year). */
  async function checkFields(
    tx: Executor,
    actor: Actor,
    fields: { orgUnitId: string | null; areaUnitId: string | null; guidanceYear: number | null; themes: string[] },
  ): Promise<void> {
    if (!fields.orgUnitId) throw fieldError('orgUnitId', 'validation.required');
    const owner = await units.findById(tx, fields.orgUnitId);
    if (!owner || !storiesPolicy.canEdit(actor, { orgUnitPath: owner.path, status: 'draft' }))
      throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
    if (fields.areaUnitId && !(await units.findById(tx, fields.areaUnitId)))
      throw fieldError('areaUnitId', 'validation.invalid_value');
    if (fields.themes.length > 0 && fields.guidanceYear === null)
      throw fieldError('guidanceYear', 'validation.required');
    if (fields.guidanceYear !== null) {
      if (!(await guidance.yearExists(tx, fields.guidanceYear)))
        throw fieldError('guidanceYear', 'validation.unknown_guidance_year');
      const codes = new Set(
        (await guidance.listItems(tx, fields.guidanceYear, 'theme', undefined, ALL)).rows.map((r) => r.code),
      );
      const unknown = fields.themes.findIndex((code) => !codes.has(code));
      if (unknown >= 0) throw fieldError(`themes.${unknown}`, 'validation.invalid_value');
    }
  }

  async function unitPath(tx: Executor, unitId: string | undefined): Promise<string | null> {
    if (!unitId) return null;
    const unit = await units.findById(tx, unitId);
    if (!unit) throw fieldError('unitId', 'validation.invalid_value');
    return unit.path;
  }

  return {
    /** A page of the stories the actor may read: usable ones everywhere, and every one of their subtree. */
    async listStories(actor: Actor, query: TStoryListQuery, all = false): Promise<TPage<TStory>> {
      const { rows, total } = await repo.list(db, query, actor.scopePath, await unitPath(db, query.unitId), all);
      return { items: rows.map((row) => toStory(row, actor)), total };
    },

    async getStory(actor: Actor, id: string): Promise<TStoryDetail> {
      return detail(db, actor, await readable(db, actor, id));
    },

    /** Adds a draft story, kept by the caller's unit unless another unit of their scope is named. */
    async createStory(actor: Actor, input: TCreateStoryRequest): Promise<TStoryDetail> {
      storiesPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const values: NewStoryRow = {
          kind: input.kind,
          title: input.title,
          story: input.story,
          people: input.people,
          place: input.place ?? null,
          areaUnitId: input.areaUnitId ?? null,
          orgUnitId: input.orgUnitId ?? actor.orgUnitId ?? '',
          occurredOn: input.occurredOn ?? null,
          guidanceYear: input.guidanceYear ?? null,
          themes: cleanList(input.themes),
          tags: cleanList(input.tags),
        };
        await checkFields(tx, actor, {
          orgUnitId: values.orgUnitId || null,
          areaUnitId: values.areaUnitId ?? null,
          guidanceYear: values.guidanceYear ?? null,
          themes: values.themes ?? [],
        });
        const created = (await repo.findById(tx, await repo.insert(tx, values)))!;
        await audit(tx, actor, 'create', null, created);
        return detail(tx, actor, created);
      });
    },

    /** Changes the fields of a story that is not archived. */
    async updateStory(actor: Actor, id: string, input: TUpdateStoryRequest): Promise<TStoryDetail> {
      storiesPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id);
        const { version, themes, tags, ...fields } = input;
        const next = {
          orgUnitId: fields.orgUnitId ?? before.orgUnitId,
          areaUnitId: fields.areaUnitId !== undefined ? fields.areaUnitId : before.areaUnitId,
          guidanceYear: fields.guidanceYear !== undefined ? fields.guidanceYear : before.guidanceYear,
          themes: themes !== undefined ? cleanList(themes) : before.themes,
        };
        await checkFields(tx, actor, next);
        const values: Partial<NewStoryRow> = {
          ...fields,
          ...next,
          ...(tags !== undefined ? { tags: cleanList(tags) } : {}),
        };
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'update', before, after);
        return detail(tx, actor, after);
      });
    },

    /**
     * Records whether the people consented, by whom and when; evidence is one of the story's files.
     * Consent withdrawn (refused, or pending again) takes a usable story back to draft.
     */
    async recordConsent(actor: Actor, id: string, input: TRecordConsentRequest): Promise<TStoryDetail> {
      storiesPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await editable(tx, actor, id);
        const evidence = input.evidenceFileId ?? null;
        if (evidence && !(await repo.hasMedia(tx, id, evidence)))
          throw fieldError('evidenceFileId', 'validation.invalid_value');
        const status = statusAfterConsent(before.status as TStoryStatus, input.status);
        const updated = await repo.update(tx, id, input.version, {
          consentStatus: input.status,
          consentNote: input.note ?? null,
          consentRecordedBy: actor.userId,
          consentRecordedAt: new Date(),
          consentEvidenceFileId: evidence,
          status,
        });
        if (!updated) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'record_consent', before, after);
        return detail(tx, actor, after);
      });
    },

    /** Moves a story between draft, usable and archived; usable needs consent obtained or not needed. */
    async changeStatus(actor: Actor, id: string, input: TChangeStoryStatusRequest): Promise<TStoryDetail> {
      storiesPolicy.assertCanWrite(actor);
      return runInTransaction(async (tx) => {
        const before = await readable(tx, actor, id, true);
        storiesPolicy.assertCanEdit(actor, before);
        const problem = storyTransitionProblem(
          before.status as TStoryStatus,
          input.status,
          before.consentStatus as TConsentStatus,
        );
        if (problem) throw new AppError(problem);
        if (!(await repo.update(tx, id, input.version, { status: input.status })))
          throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'change_status', before, after);
        return detail(tx, actor, after);
      });
    },
  };
}
