import {
  foldVi,
  type TCreateFaqRequest,
  type TFaqEntry,
  type TFaqListQuery,
  type TFaqStatus,
  type TFeedbackCategory,
  type TPage,
  type TUpdateFaqRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound, type FieldError } from '../../platform/errors.js';
import type { UnitLookup } from '../org-units/index.js';
import type { FaqRepository, FaqRow, NewFaqRow } from './faq.repository.js';
import { feedbackPolicy } from './feedback.policy.js';
import type { FeedbackRow } from './feedback.repository.js';

export interface FaqDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: FaqRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  /** Locks a feedback the actor may read (feedback service). */
  lockFeedback: (tx: Tx, actor: Actor, id: string) => Promise<FeedbackRow>;
}

const COMMS_CENTER_CODE = 'TT';

/** Tags trimmed, blanks and repeats (ignoring accents and case) dropped. */
export function cleanTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  return tags
    .map((tag) => tag.normalize('NFC').trim().replace(/\s+/g, ' '))
    .filter((tag) => {
      const key = foldVi(tag);
      if (!tag || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function snapshot(row: FaqRow, regulationIds?: readonly string[]) {
  return {
    question: row.question,
    answer: row.answer.slice(0, 2000),
    category: row.category,
    tags: row.tags,
    ownerUnit: row.ownerUnitCode,
    status: row.status,
    sourceFeedbackId: row.sourceFeedbackId,
    ...(regulationIds ? { regulationIds } : {}),
  };
}

export type FaqService = ReturnType<typeof createFaqService>;

export function createFaqService(deps: FaqDeps) {
  const { db, runInTransaction, repo, recordAudit, units } = deps;

  async function toEntries(tx: Executor, actor: Actor, rows: FaqRow[]): Promise<TFaqEntry[]> {
    const regulations = await repo.regulationsOf(
      tx,
      rows.map((r) => r.id),
    );
    return rows.map((row) => ({
      id: row.id,
      question: row.question,
      answer: row.answer,
      category: row.category as TFeedbackCategory,
      tags: row.tags,
      ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
      sourceFeedbackId: row.sourceFeedbackId,
      regulations: regulations
        .filter((r) => r.faqId === row.id)
        .map(({ id, number, summary }) => ({ id, number, summary })),
      status: row.status as TFaqStatus,
      canEdit: feedbackPolicy.canEditFaq(actor, row.ownerUnitPath),
      createdByName: row.createdByName,
      updatedByName: row.updatedByName,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    }));
  }

  async function one(tx: Executor, actor: Actor, id: string): Promise<TFaqEntry> {
    const row = await repo.findById(tx, id);
    if (!row) throw notFound('faq_entry');
    return (await toEntries(tx, actor, [row]))[0]!;
  }

  async function assertRegulations(tx: Executor, ids: readonly string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    const found = await repo.existingRegulations(tx, unique);
    const problems: FieldError[] = [];
    ids.forEach((id, index) => {
      if (!found.has(id)) problems.push({ field: `regulationIds.${index}`, code: 'validation.invalid_value' });
    });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
    return unique;
  }

  async function audit(tx: Tx, actor: Actor, action: string, before: FaqRow | null, after: FaqRow, regs?: string[]) {
    await recordAudit(tx, actor, {
      action,
      entityType: 'faq_entry',
      entityId: after.id,
      orgUnitId: after.ownerUnitId,
      summary: after.question.slice(0, 300),
      before: before ? snapshot(before) : null,
      after: snapshot(after, regs),
    });
  }

  return {
    /** Everyone signed in searches the published entries; editors also list the archived ones. */
    async list(actor: Actor, query: TFaqListQuery, all = false): Promise<TPage<TFaqEntry>> {
      if (query.status === 'archived' && !feedbackPolicy.isWorker(actor)) throw forbidden();
      const { rows, total } = await repo.list(db, query, all);
      return { items: await toEntries(db, actor, rows), total };
    },

    async get(actor: Actor, id: string): Promise<TFaqEntry> {
      return one(db, actor, id);
    },

    /**
     * Publishes an entry: the Communication Center writes one, or publishes a good answer of a feedback (so may
     * the answering unit, which then owns the entry). The feedback must be answered, and is published once.
     */
    async create(actor: Actor, input: TCreateFaqRequest): Promise<TFaqEntry> {
      return runInTransaction(async (tx) => {
        let ownerUnitId: string | null;
        if (input.sourceFeedbackId) {
          const source = await deps.lockFeedback(tx, actor, input.sourceFeedbackId);
          if (source.status !== 'answered' && source.status !== 'closed')
            throw fieldError('sourceFeedbackId', 'feedback.not_answered');
          const place = { reporterUnitPath: source.reporterUnitPath, routedUnitPath: source.routedUnitPath };
          if (!feedbackPolicy.isCommsCenter(actor) && !feedbackPolicy.isRoutedUnit(actor, place)) throw forbidden();
          if (await repo.idOfSource(tx, source.id)) throw fieldError('sourceFeedbackId', 'feedback.already_published');
          ownerUnitId = source.routedUnitId;
        } else {
          if (!feedbackPolicy.isCommsCenter(actor)) throw forbidden();
          ownerUnitId = (await units.findByCode(tx, COMMS_CENTER_CODE))?.id ?? actor.orgUnitId;
        }
        if (!ownerUnitId) throw forbidden();
        const regulationIds = await assertRegulations(tx, input.regulationIds);
        const id = await repo.insert(tx, {
          question: input.question,
          answer: input.answer,
          category: input.category,
          tags: cleanTags(input.tags),
          ownerUnitId,
          sourceFeedbackId: input.sourceFeedbackId ?? null,
          createdByName: actor.fullName,
          updatedByName: actor.fullName,
        });
        await repo.setRegulations(tx, id, regulationIds);
        const row = (await repo.findById(tx, id))!;
        await audit(tx, actor, 'publish', null, row, regulationIds);
        return one(tx, actor, id);
      });
    },

    /** Edits an entry, archives it (`status: archived`) or publishes it again. */
    async update(actor: Actor, id: string, input: TUpdateFaqRequest): Promise<TFaqEntry> {
      return runInTransaction(async (tx) => {
        const before = await repo.findById(tx, id, true);
        if (!before) throw notFound('faq_entry');
        if (!feedbackPolicy.canEditFaq(actor, before.ownerUnitPath)) throw forbidden();
        const { version, regulationIds, tags, ...fields } = input;
        const values: Partial<NewFaqRow> = {
          ...fields,
          ...(tags !== undefined ? { tags: cleanTags(tags) } : {}),
          updatedByName: actor.fullName,
        };
        const regs = regulationIds !== undefined ? await assertRegulations(tx, regulationIds) : undefined;
        if (!(await repo.update(tx, id, version, values))) throw new AppError('conflict.version');
        if (regs) await repo.setRegulations(tx, id, regs);
        const after = (await repo.findById(tx, id))!;
        const action =
          fields.status && fields.status !== before.status
            ? fields.status === 'archived'
              ? 'archive'
              : 'publish'
            : 'update';
        await audit(tx, actor, action, before, after, regs);
        return one(tx, actor, id);
      });
    },

    faqOf: (tx: Executor, feedbackId: string) => repo.idOfSource(tx, feedbackId),
  };
}
