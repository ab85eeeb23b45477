// Editing a draft edition: its header, its entries (text, comment, left out, section), an article's story added by
// hand, the order. Every change is audited, bumps the edition's version and keeps the archive's search text current.
import {
  REVIEW_SECTIONS,
  type TReorderReviewRequest,
  type TReview,
  type TReviewKind,
  type TUpdateReviewEntryRequest,
  type TUpdateReviewRequest,
  type ZAddReviewEntryRequest,
} from '@loa/contracts';
import type { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import { COMMS_CENTER_CODE } from '../regulations/index.js';
import { storyOf, type WindowArticle } from './compile.js';
import type { EntryRow, PressReviewsRepository, ReviewRow } from './press-reviews.repository.js';
import type { ReviewSourcesRepository } from './review-sources.repository.js';

type TAddReviewEntryRequest = z.infer<typeof ZAddReviewEntryRequest>;

export interface ReviewEditingDeps {
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: PressReviewsRepository;
  sources: ReviewSourcesRepository;
  /** Locks a draft the actor may edit, at `version` (see press-reviews.service.ts). */
  loadForWrite(tx: Tx, actor: Actor, kind: TReviewKind, id: string, version: number): Promise<ReviewRow>;
  /** The edition as the actor sees it after the change. */
  result(tx: Tx, actor: Actor, kind: TReviewKind, id: string): Promise<TReview>;
}

/** What the audit log keeps of an entry. */
function entrySnapshot(entry: Pick<EntryRow, 'headline' | 'extract' | 'comment' | 'excluded' | 'section'>) {
  return {
    headline: entry.headline,
    extract: entry.extract,
    comment: entry.comment,
    excluded: entry.excluded,
    section: entry.section,
  };
}

function orderMismatch(): AppError {
  return new AppError('review.order_mismatch', {}, [{ field: 'sections', code: 'review.order_mismatch' }]);
}

export function createReviewEditing(deps: ReviewEditingDeps) {
  const { runInTransaction, recordAudit, repo, sources, loadForWrite, result } = deps;

  async function audit(tx: Tx, actor: Actor, row: ReviewRow, action: string, summary: string, change: object) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'press_review',
      entityId: row.id,
      orgUnitId: row.orgUnitId,
      summary: `${row.title} — ${summary}`.slice(0, 300),
      ...change,
    });
  }

  return {
    /** Changes the edition's title and opening paragraph. */
    async updateReview(actor: Actor, kind: TReviewKind, id: string, input: TUpdateReviewRequest): Promise<TReview> {
      return runInTransaction(async (tx) => {
        const row = await loadForWrite(tx, actor, kind, id, input.version);
        const values = {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.intro !== undefined ? { intro: input.intro || null } : {}),
        };
        await repo.update(tx, id, values);
        await repo.refreshSearch(tx, id);
        await audit(tx, actor, row, 'update', row.orgUnitName, {
          before: { title: row.title, intro: row.intro },
          after: { title: values.title ?? row.title, intro: values.intro !== undefined ? values.intro : row.intro },
        });
        return result(tx, actor, kind, id);
      });
    },

    /** Edits an entry: headline, extract, comment, left out or put back, moved to another section (at its end). */
    async updateEntry(
      actor: Actor,
      kind: TReviewKind,
      id: string,
      entryId: string,
      input: TUpdateReviewEntryRequest,
    ): Promise<TReview> {
      return runInTransaction(async (tx) => {
        const row = await loadForWrite(tx, actor, kind, id, input.version);
        const entry = await repo.findEntry(tx, id, entryId);
        if (!entry) throw notFound('press_review_entry');
        const { version: _version, section, ...texts } = input;
        const values = { ...texts, ...(texts.comment !== undefined ? { comment: texts.comment || null } : {}) };
        const moved = section !== undefined && section !== entry.section;
        const position = moved ? (await repo.lastPosition(tx, id, section)) + 1 : undefined;
        await repo.updateEntry(tx, entryId, { ...values, ...(moved ? { section, position } : {}) });
        if (moved) await repo.renumber(tx, id, entry.section);
        await repo.touch(tx, id);
        await repo.refreshSearch(tx, id);
        await audit(tx, actor, row, 'update_entry', entry.headline, {
          before: entrySnapshot(entry),
          after: { ...entrySnapshot({ ...entry, ...values }), section: moved ? section : entry.section },
        });
        return result(tx, actor, kind, id);
      });
    },

    /**
     * Adds the story of a monitored article the compiler did not pick (from the edition's sources), at the end of
     * the given section or of the one it belongs in.
     */
    async addEntry(actor: Actor, kind: TReviewKind, id: string, input: TAddReviewEntryRequest): Promise<TReview> {
      return runInTransaction(async (tx) => {
        const row = await loadForWrite(tx, actor, kind, id, input.version);
        const scope = row.orgUnitCode === COMMS_CENTER_CODE ? null : row.orgUnitPath;
        const articles = await sources.storyArticles(tx, input.articleId, scope);
        if (articles.length === 0) throw fieldError('articleId', 'review.article_out_of_scope');
        const story = storyOf(articles as WindowArticle[]);
        if (await repo.hasCluster(tx, id, story.clusterId)) {
          throw new AppError('conflict.duplicate', { field: 'articleId', value: story.headline }, [
            { field: 'articleId', code: 'review.story_present' },
          ]);
        }
        const section = input.section ?? story.section;
        const { province, relevance, publishedAt, ...entry } = story;
        await repo.insertEntries(tx, id, [
          {
            ...entry,
            section,
            position: (await repo.lastPosition(tx, id, section)) + 1,
            relevanceLevel: relevance,
            provinceId: province?.id ?? null,
            publishedAt: new Date(publishedAt),
          },
        ]);
        await repo.touch(tx, id);
        await repo.refreshSearch(tx, id);
        await audit(tx, actor, row, 'add_entry', story.headline, {
          after: { articleId: input.articleId, clusterId: story.clusterId, headline: story.headline, section },
        });
        return result(tx, actor, kind, id);
      });
    },

    /** Sets the order: every entry of the edition exactly once, section by section; anything else is a 422. */
    async reorder(actor: Actor, kind: TReviewKind, id: string, input: TReorderReviewRequest): Promise<TReview> {
      return runInTransaction(async (tx) => {
        const row = await loadForWrite(tx, actor, kind, id, input.version);
        const entries = await repo.listEntries(tx, [id]);
        const sections = input.sections.map((s) => s.section);
        const listed = input.sections.flatMap((s) => s.entryIds);
        const known = new Set(entries.map((e) => e.id));
        if (
          new Set(sections).size !== sections.length ||
          listed.length !== entries.length ||
          new Set(listed).size !== listed.length ||
          !listed.every((entryId) => known.has(entryId))
        ) {
          throw orderMismatch();
        }
        const order = input.sections.flatMap((s) =>
          s.entryIds.map((entryId, index) => ({ id: entryId, section: s.section, position: index + 1 })),
        );
        await repo.setOrder(tx, id, order);
        await repo.touch(tx, id);
        const outline = (items: { id: string; section: string }[]) =>
          Object.fromEntries(
            REVIEW_SECTIONS.map((section) => [section, items.filter((i) => i.section === section).map((i) => i.id)]),
          );
        await audit(tx, actor, row, 'reorder', `${entries.length} tin`, {
          before: outline(entries),
          after: outline(order),
        });
        return result(tx, actor, kind, id);
      });
    },
  };
}
