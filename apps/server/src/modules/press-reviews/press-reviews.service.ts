// The daily press review and the 24-hour bulletin (issue 8 §1, §3; decision 0037): compiling, the archive, reading,
// approval; editing is in review-editing.service.ts. One machinery for both kinds.
import type {
  TCompileReviewRequest,
  TPage,
  TReview,
  TReviewKind,
  TReviewListQuery,
  TReviewSummary,
  ZApproveReviewRequest,
} from '@loa/contracts';
import type { z } from 'zod';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';
import { COMMS_CENTER_CODE } from '../regulations/index.js';
import { compileEntries, type WindowArticle } from './compile.js';
import { DEFAULT_COMPILE_TIMES, editionTitle, editionWindow, vietnamToday } from './edition.js';
import { pressReviewsPolicy as policy } from './press-reviews.policy.js';
import type { PressReviewsRepository, ReviewRow } from './press-reviews.repository.js';
import type { ReviewSourcesRepository } from './review-sources.repository.js';
import { toReview, toSummary } from './review-view.js';
import { createReviewEditing } from './review-editing.service.js';

/** What the delivery module does at approval: in the approval's transaction, and after it committed. */
export interface ApprovalHooks {
  onApproved?(tx: Tx, actor: Actor, review: TReview): Promise<void>;
  afterApproved?(reviewId: string): Promise<void>;
}

export interface PressReviewsDeps extends ApprovalHooks {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: PressReviewsRepository;
  sources: ReviewSourcesRepository;
  units: UnitLookup;
  /** "HH:MM" Vietnam time each kind is compiled at (LOA_REVIEW_TIME, LOA_BULLETIN_TIME). */
  compileTimes?: Partial<Record<TReviewKind, string | undefined>>;
  /** The clock (tests move it). */
  now?: () => Date;
  warn?: (message: string) => void;
}

/** Kinds of unit that compile an edition of their own besides the Communication Center. */
const EDITION_UNIT_KINDS = new Set(['province', 'press_office']);
const EXPORT_CHUNK = 500;

export type PressReviewsService = ReturnType<typeof createPressReviewsService>;

export function createPressReviewsService(deps: PressReviewsDeps) {
  const { db, runInTransaction, recordAudit, repo, sources, units } = deps;
  const now = deps.now ?? (() => new Date());
  const warn = deps.warn ?? ((message: string) => console.warn(message));
  const compileTimes: Record<TReviewKind, string> = {
    review: deps.compileTimes?.review ?? DEFAULT_COMPILE_TIMES.review,
    bulletin: deps.compileTimes?.bulletin ?? DEFAULT_COMPILE_TIMES.bulletin,
  };
  const hooks: ApprovalHooks = { onApproved: deps.onApproved, afterApproved: deps.afterApproved };

  const unitOf = (row: ReviewRow) => ({ id: row.orgUnitId, path: row.orgUnitPath });

  /** The edition with the entries the caller may see; null when it is not theirs to read or of another kind. */
  async function view(tx: Executor, actor: Actor, kind: TReviewKind, id: string): Promise<TReview | null> {
    const row = await repo.findById(tx, id);
    if (!row || row.kind !== kind || !policy.canRead(actor, { ...unitOf(row), status: row.status })) return null;
    const canApprove = policy.canApprove(actor, unitOf(row));
    return toReview(row, await repo.listEntries(tx, [id]), {
      canEdit: policy.canEdit(actor, unitOf(row)),
      canApprove,
      withExcluded: canApprove,
    });
  }

  async function getReview(tx: Executor, actor: Actor, kind: TReviewKind, id: string): Promise<TReview> {
    const review = await view(tx, actor, kind, id);
    if (!review) throw notFound('press_review');
    return review;
  }

  /** The Communication Center's edition reads every source; another unit's, the sources of its subtree. */
  const isCentre = (unit: UnitInfo) => unit.code === COMMS_CENTER_CODE;

  /**
   * Creates the edition of `unit` for `editionDate` from the window's articles, unless it exists: one per unit, kind
   * and day (a unique constraint; a concurrent compile finds the other's). An empty window gives an empty edition.
   */
  async function compileEdition(
    actor: Actor,
    kind: TReviewKind,
    unit: UnitInfo,
    editionDate: string,
    window: { from: Date; to: Date },
  ): Promise<{ id: string; created: boolean }> {
    const existing = await repo.findByEdition(db, kind, unit.id, editionDate);
    if (existing) return { id: existing.id, created: false };
    const articles = await sources.windowArticles(db, window.from, window.to, isCentre(unit) ? null : unit.path);
    const entries = compileEntries(articles as WindowArticle[]);
    return runInTransaction(async (tx) => {
      const title = editionTitle(kind, editionDate);
      const id = await repo.insertIfAbsent(tx, {
        kind,
        orgUnitId: unit.id,
        editionDate,
        title,
        windowFrom: window.from,
        windowTo: window.to,
        createdBy: actor.userId,
      });
      if (!id) return { id: (await repo.findByEdition(tx, kind, unit.id, editionDate))!.id, created: false };
      await repo.insertEntries(
        tx,
        id,
        entries.map(({ province, relevance, publishedAt, ...entry }) => ({
          ...entry,
          relevanceLevel: relevance,
          provinceId: province?.id ?? null,
          publishedAt: new Date(publishedAt),
        })),
      );
      await repo.refreshSearch(tx, id);
      const risk = entries.filter((e) => e.section === 'risk').length;
      await recordAudit(tx, actor, {
        action: 'compile',
        entityType: 'press_review',
        entityId: id,
        orgUnitId: unit.id,
        summary: `${title} — ${unit.name}: ${entries.length} tin, ${risk} tin rủi ro`.slice(0, 300),
        after: {
          kind,
          orgUnit: unit.code,
          editionDate,
          windowFrom: window.from.toISOString(),
          windowTo: window.to.toISOString(),
          articles: articles.length,
          entries: entries.length,
          risk,
        },
      });
      return { id, created: true };
    });
  }

  /** The caller's own unit when it compiles its own edition, else the Communication Center. */
  async function defaultUnit(actor: Actor): Promise<UnitInfo | null> {
    const own = actor.orgUnitId ? await units.findById(db, actor.orgUnitId) : null;
    if (own && EDITION_UNIT_KINDS.has(own.kind)) return own;
    return units.findByCode(db, COMMS_CENTER_CODE);
  }

  const editing = createReviewEditing({
    ...deps,
    loadForWrite,
    result: (tx, actor, kind, id) => getReview(tx, actor, kind, id),
  });

  /**
   * Locks the edition for a change by an editor: not found when the caller cannot read it (or it is of another
   * kind), forbidden when they may read but not edit it, 409 when it is approved or `version` is stale.
   */
  async function loadForWrite(
    tx: Tx,
    actor: Actor,
    kind: TReviewKind,
    id: string,
    version: number,
    may: 'edit' | 'approve' = 'edit',
  ): Promise<ReviewRow> {
    const row = await repo.findById(tx, id, true);
    if (!row || row.kind !== kind || !policy.canRead(actor, { ...unitOf(row), status: row.status })) {
      throw notFound('press_review');
    }
    if (may === 'edit') policy.assertCanEdit(actor, unitOf(row));
    else policy.assertCanApprove(actor, unitOf(row));
    if (row.status === 'approved') throw new AppError('review.already_approved');
    if (row.version !== version) throw new AppError('conflict.version');
    return row;
  }

  return {
    ...editing,

    /** The compile times by kind ("HH:MM", Vietnam time): the jobs' schedules. */
    compileTimes,

    /** The delivery module's part of approval (set once at composition; a later call replaces the hooks it names). */
    setApprovalHooks(next: ApprovalHooks): void {
      if (next.onApproved) hooks.onApproved = next.onApproved;
      if (next.afterApproved) hooks.afterApproved = next.afterApproved;
    },

    /** The archive: approved editions for everyone, drafts for those who may approve them. */
    async listReviews(actor: Actor, kind: TReviewKind, query: TReviewListQuery): Promise<TPage<TReviewSummary>> {
      const { rows, total } = await repo.list(db, kind, query, policy.draftVisibility(actor));
      return { items: rows.map(toSummary), total };
    },

    /** Every edition matching the list's filters, a chunk at a time (the Excel export). */
    async exportChunks(
      actor: Actor,
      kind: TReviewKind,
      query: TReviewListQuery,
    ): Promise<AsyncIterable<TReviewSummary[]>> {
      const drafts = policy.draftVisibility(actor);
      const pageOf = (page: number) => repo.list(db, kind, { ...query, page, pageSize: EXPORT_CHUNK }, drafts);
      // The first page is read before anything is sent: a bad sort or filter is a problem, not a cut-off download.
      const first = await pageOf(1);
      return {
        async *[Symbol.asyncIterator]() {
          for (let page = 1; ; page += 1) {
            const { rows } = page === 1 ? first : await pageOf(page);
            if (rows.length > 0) yield rows.map(toSummary);
            if (rows.length < EXPORT_CHUNK) return;
          }
        },
      };
    },

    getReview(actor: Actor, kind: TReviewKind, id: string): Promise<TReview> {
      return getReview(db, actor, kind, id);
    },

    /**
     * Compiles the caller's (or the given unit's) edition of `editionDate` (default today) now; `created` is false
     * when it existed already, which is then returned unchanged.
     */
    async compile(
      actor: Actor,
      kind: TReviewKind,
      input: TCompileReviewRequest,
    ): Promise<{ review: TReview; created: boolean }> {
      policy.assertCanCompile(actor);
      const unit = input.orgUnitId ? await units.findById(db, input.orgUnitId) : await defaultUnit(actor);
      if (!unit || !policy.canEdit(actor, unit)) throw fieldError('orgUnitId', 'validation.unit_out_of_scope');
      if (!isCentre(unit) && !EDITION_UNIT_KINDS.has(unit.kind)) {
        throw fieldError('orgUnitId', 'review.no_edition_for_unit');
      }
      const at = now();
      const editionDate = input.editionDate ?? vietnamToday(at);
      const window = editionWindow(editionDate, at, compileTimes[kind]);
      if (!window) throw fieldError('editionDate', 'review.future_edition');
      const { id, created } = await compileEdition(actor, kind, unit, editionDate, window);
      return { review: await getReview(db, actor, kind, id), created };
    },

    /**
     * The scheduled compile: today's edition of the Communication Center and of every province that has an active
     * subscriber to its own edition, covering the 24 hours before now. Idempotent; a unit that fails does not stop
     * the others, and the job is failed (to be retried) after all were tried. Returns how many were created.
     */
    async compileScheduled(kind: TReviewKind): Promise<number> {
      const at = now();
      const editionDate = vietnamToday(at);
      const window = editionWindow(editionDate, at, compileTimes[kind])!;
      const centre = await units.findByCode(db, COMMS_CENTER_CODE);
      const targets: UnitInfo[] = centre ? [centre] : [];
      for (const id of await sources.provincesWithOwnSubscribers(db, kind)) {
        const unit = await units.findById(db, id);
        if (unit) targets.push(unit);
      }
      let created = 0;
      const failures: string[] = [];
      for (const unit of targets) {
        try {
          if ((await compileEdition(SYSTEM_ACTOR, kind, unit, editionDate, window)).created) created += 1;
        } catch (error) {
          failures.push(`${unit.code}: ${(error as Error).message}`);
        }
      }
      if (failures.length > 0)
        throw new Error(`Compiling the ${kind} of ${editionDate} failed for ${failures.join('; ')}`);
      return created;
    },

    /**
     * Approves the edition exactly once: the row is locked, an edition already approved is a 409 (nothing is sent
     * again), a stale version is a 409; the delivery module writes its deliveries in the same transaction, and is
     * woken after the commit.
     */
    async approve(
      actor: Actor,
      kind: TReviewKind,
      id: string,
      input: z.infer<typeof ZApproveReviewRequest>,
    ): Promise<TReview> {
      await runInTransaction(async (tx) => {
        const row = await loadForWrite(tx, actor, kind, id, input.version, 'approve');
        await repo.approve(tx, id, actor.userId, now());
        const approved = await getReview(tx, actor, kind, id);
        await recordAudit(tx, actor, {
          action: 'approve',
          entityType: 'press_review',
          entityId: id,
          orgUnitId: row.orgUnitId,
          summary: `${row.title} — ${row.orgUnitName}: ${approved.entryCount} tin`.slice(0, 300),
          before: { status: row.status, version: row.version },
          after: { status: approved.status, version: approved.version, entries: approved.entryCount },
        });
        await hooks.onApproved?.(tx, actor, approved);
      });
      if (hooks.afterApproved) {
        // The deliveries are committed; a failed wake-up leaves them to the periodic flush.
        await hooks.afterApproved(id).catch((error: unknown) => warn(`press review ${id}: ${String(error)}`));
      }
      return getReview(db, actor, kind, id);
    },

    /** The whole edition for the documents and e-mails: entries in print order, left-out ones flagged. */
    async getForDelivery(tx: Executor, id: string): Promise<TReview | null> {
      const row = await repo.findById(tx, id);
      if (!row) return null;
      return toReview(row, await repo.listEntries(tx, [id]), { canEdit: false, canApprove: false, withExcluded: true });
    },

    /** The newest approved editions of a unit (for feeds), entries as for delivery. */
    async listApproved(
      tx: Executor,
      options: { kind: TReviewKind; orgUnitId: string; limit: number },
    ): Promise<TReview[]> {
      const rows = await repo.listApproved(tx, options.kind, options.orgUnitId, options.limit);
      const entries = await repo.listEntries(
        tx,
        rows.map((row) => row.id),
      );
      const access = { canEdit: false, canApprove: false, withExcluded: true };
      return rows.map((row) =>
        toReview(
          row,
          entries.filter((e) => e.reviewId === row.id),
          access,
        ),
      );
    },
  };
}
