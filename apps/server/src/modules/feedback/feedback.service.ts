import type { Readable } from 'node:stream';
import {
  addCalendarDays,
  DEFAULT_FEEDBACK_DAYS,
  defaultUnitCode,
  FEEDBACK_CATEGORY_UNITS,
  FEEDBACK_STATUS_LABELS,
  feedbackTransition,
  type TAnswerFeedbackRequest,
  type TCloseFeedbackRequest,
  type TCreateFeedbackRequest,
  type TFeedback,
  type TFeedbackAction,
  type TFeedbackCategory,
  type TFeedbackDetail,
  type TFeedbackListQuery,
  type TFeedbackMessage,
  type TFeedbackStatus,
  type TPage,
  type TReopenFeedbackRequest,
  type TRouteFeedbackRequest,
  type TStoredFile,
  type TUnitRef,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound, type FieldError } from '../../platform/errors.js';
import { toStoredFile, type FilesService } from '../files/index.js';
import type { DeadlineSource, DueItem, NotifyInput } from '../notifications/index.js';
import type { UnitLookup } from '../org-units/index.js';
import { feedbackNotice, vnDay } from './feedback-notices.js';
import { feedbackPolicy } from './feedback.policy.js';
import type { FeedbackChanges, FeedbackRepository, FeedbackRow } from './feedback.repository.js';
import { recipientsOf, snapshot, toFeedback, unitRef } from './feedback-view.js';

export interface FeedbackDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: FeedbackRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  files: Pick<FilesService['internal'], 'findByIds' | 'open'>;
  notify: (tx: Tx, actor: Actor, input: NotifyInput) => Promise<number>;
  /** The Q&A entry published from a feedback, if any (the FAQ repository). */
  faqOf: (tx: Executor, feedbackId: string) => Promise<string | null>;
  /** The clock (tests move it); defaults to now. */
  now?: () => Date;
}

export const feedbackLink = (id: string) => `/feedback/${id}`;
/** Days before the due day when the routed unit is reminded; and how long a missed one is still reported. */
const REMIND_DAYS_BEFORE = 2;
const MISSED_WINDOW_DAYS = 7;
const COMMS_CENTER_CODE = 'TT';

export type FeedbackService = ReturnType<typeof createFeedbackService>;

export function createFeedbackService(deps: FeedbackDeps) {
  const { db, runInTransaction, repo, recordAudit, units, files, notify } = deps;
  const today = () => vnDay(deps.now?.() ?? new Date());
  const place = (row: FeedbackRow) => ({ reporterUnitPath: row.reporterUnitPath, routedUnitPath: row.routedUnitPath });

  async function visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<FeedbackRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !feedbackPolicy.canRead(actor, place(row))) throw notFound('feedback');
    return row;
  }

  function step(row: FeedbackRow, action: TFeedbackAction): TFeedbackStatus {
    const next = feedbackTransition(row.status as TFeedbackStatus, action);
    if (!next)
      throw new AppError('feedback.invalid_transition', {
        status: FEEDBACK_STATUS_LABELS[row.status as TFeedbackStatus].vi,
      });
    return next;
  }

  async function assertOwnFiles(tx: Executor, actor: Actor, fileIds: string[]): Promise<void> {
    const found = new Map((await files.findByIds(tx, fileIds)).map((f) => [f.id, f]));
    const problems: FieldError[] = [];
    fileIds.forEach((id, index) => {
      const file = found.get(id);
      if (!file || !inScope(actor, file.orgUnitPath))
        problems.push({ field: `fileIds.${index}`, code: 'validation.invalid_value' });
    });
    if (problems.length > 0) throw new AppError('validation.failed', {}, problems);
  }

  async function suggestedUnit(tx: Executor, category: TFeedbackCategory) {
    const found = await repo.centralUnits(tx, FEEDBACK_CATEGORY_UNITS[category]);
    const code = defaultUnitCode(category, new Set(found.keys()));
    return code ? found.get(code)! : null;
  }

  async function detail(tx: Executor, actor: Actor, row: FeedbackRow): Promise<TFeedbackDetail> {
    const day = today();
    const messages = await repo.messages(tx, row.id);
    const links = await repo.messageFiles(
      tx,
      messages.map((m) => m.id),
    );
    const stored = new Map(
      (
        await files.findByIds(
          tx,
          links.map((l) => l.fileId),
        )
      ).map((f) => [f.id, toStoredFile(f)]),
    );
    const filesOf = (messageId: string): TStoredFile[] =>
      links.filter((l) => l.messageId === messageId).flatMap((l) => stored.get(l.fileId) ?? []);
    const status = row.status as TFeedbackStatus;
    const where = place(row);
    const faqId = await deps.faqOf(tx, row.id);
    const routedUnit = feedbackPolicy.isRoutedUnit(actor, where);
    return {
      ...toFeedback(row, day),
      messages: messages.map((m): TFeedbackMessage => ({
        id: m.id,
        kind: m.kind as TFeedbackMessage['kind'],
        body: m.body,
        unit: unitRef(m.unitId, m.unitCode, m.unitName),
        dueOn: m.dueOn,
        authorName: m.authorName,
        authorUnit: unitRef(m.authorUnitId, m.authorUnitCode, m.authorUnitName),
        createdAt: m.createdAt.toISOString(),
        files: filesOf(m.id),
      })),
      suggestedUnit: await suggestedUnit(tx, row.category as TFeedbackCategory),
      can: {
        route: feedbackPolicy.canRoute(actor) && feedbackTransition(status, 'route') !== null,
        answer: routedUnit && feedbackTransition(status, 'answer') !== null,
        reopen: feedbackPolicy.isReporterSide(actor, where) && feedbackTransition(status, 'reopen') !== null,
        close: feedbackPolicy.isReporterSide(actor, where) && feedbackTransition(status, 'close') !== null,
        publish:
          faqId === null &&
          (status === 'answered' || status === 'closed') &&
          (feedbackPolicy.isCommsCenter(actor) || routedUnit),
      },
      faqId,
    };
  }

  /** Writes the step: new status and fields under the version, the thread message, the audit row, the notice. */
  async function record(
    tx: Tx,
    actor: Actor,
    before: FeedbackRow,
    version: number,
    action: TFeedbackAction | 'report',
    changes: FeedbackChanges,
    message: { body: string; unitId?: string | null; dueOn?: string | null; fileIds?: string[] },
  ): Promise<FeedbackRow> {
    if (action !== 'report' && !(await repo.update(tx, before.id, version, changes)))
      throw new AppError('conflict.version');
    await repo.insertMessage(
      tx,
      {
        feedbackId: before.id,
        kind: action,
        body: message.body,
        unitId: message.unitId ?? null,
        dueOn: message.dueOn ?? null,
        authorId: actor.userId,
        authorName: actor.fullName,
        authorUnitId: actor.orgUnitId,
      },
      message.fileIds ?? [],
    );
    const after = (await repo.findById(tx, before.id))!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'feedback',
      entityId: after.id,
      orgUnitId: after.reporterUnitId,
      summary: `${after.reporterUnitCode} — ${after.title}`.slice(0, 300),
      before: action === 'report' ? null : snapshot(before),
      after: {
        ...snapshot(after),
        ...(message.body ? { text: message.body.slice(0, 2000) } : {}),
        ...(message.fileIds?.length ? { fileIds: message.fileIds } : {}),
      },
    });
    const commsCenter = await units.findByCode(tx, COMMS_CENTER_CODE);
    await notify(tx, actor, {
      ...feedbackNotice(action, after, message.body),
      recipients: recipientsOf(action, after, commsCenter?.id ?? null),
      link: feedbackLink(after.id),
      entityType: 'feedback',
      entityId: after.id,
    });
    return after;
  }

  return {
    async list(actor: Actor, query: TFeedbackListQuery, all = false): Promise<TPage<TFeedback>> {
      const day = today();
      const { rows, total } = await repo.list(
        db,
        query,
        { everything: feedbackPolicy.isCommsCenter(actor), scopePath: actor.scopePath },
        day,
        all,
      );
      return { items: rows.map((row) => toFeedback(row, day)), total };
    },

    async get(actor: Actor, id: string): Promise<TFeedbackDetail> {
      return detail(db, actor, await visible(db, actor, id));
    },

    /** A province or district reports a difficulty to the centre; the Communication Center is notified. */
    async create(actor: Actor, input: TCreateFeedbackRequest): Promise<TFeedbackDetail> {
      if (!feedbackPolicy.isWorker(actor)) throw forbidden();
      return runInTransaction(async (tx) => {
        const unitId = input.reporterUnitId ?? actor.orgUnitId;
        const unit = unitId ? await units.findById(tx, unitId) : null;
        if (!unit || !inScope(actor, unit.path) || (unit.kind !== 'province' && unit.kind !== 'district'))
          throw fieldError('reporterUnitId', 'feedback.reporter_unit');
        await assertOwnFiles(tx, actor, input.fileIds);
        const id = await repo.insert(tx, {
          title: input.title,
          description: input.description,
          category: input.category,
          reporterUnitId: unit.id,
          reportedBy: actor.userId,
          reportedByName: actor.fullName,
        });
        const row = (await repo.findById(tx, id))!;
        const after = await record(
          tx,
          actor,
          row,
          row.version,
          'report',
          {},
          {
            body: input.description,
            fileIds: input.fileIds,
          },
        );
        return detail(tx, actor, after);
      });
    },

    /** The Communication Center routes to a central unit with a due day (default: 10 calendar days). */
    async route(actor: Actor, id: string, input: TRouteFeedbackRequest): Promise<TFeedbackDetail> {
      return runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        if (!feedbackPolicy.canRoute(actor)) throw forbidden();
        const status = step(before, 'route');
        const unit = await units.findById(tx, input.unitId);
        if (!unit || unit.kind !== 'central_unit') throw fieldError('unitId', 'feedback.not_central_unit');
        const day = today();
        const dueOn = input.dueOn ?? addCalendarDays(day, DEFAULT_FEEDBACK_DAYS);
        if (dueOn < day) throw fieldError('dueOn', 'feedback.due_in_past');
        const after = await record(
          tx,
          actor,
          before,
          input.version,
          'route',
          { status, routedUnitId: unit.id, dueOn },
          {
            body: input.note,
            unitId: unit.id,
            dueOn,
          },
        );
        return detail(tx, actor, after);
      });
    },

    /** The routed unit answers, signed by the officer, with its files. */
    async answer(actor: Actor, id: string, input: TAnswerFeedbackRequest): Promise<TFeedbackDetail> {
      return runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        const status = step(before, 'answer');
        if (!feedbackPolicy.isRoutedUnit(actor, place(before)))
          throw new AppError('validation.failed', {}, [
            { field: 'answer', code: 'feedback.not_routed_unit', params: { unit: before.routedUnitName } },
          ]);
        await assertOwnFiles(tx, actor, input.fileIds);
        const after = await record(
          tx,
          actor,
          before,
          input.version,
          'answer',
          { status, answeredAt: new Date() },
          {
            body: input.answer,
            fileIds: input.fileIds,
          },
        );
        return detail(tx, actor, after);
      });
    },

    /** The reporter finds the answer does not solve it: back to the routed unit with a new due day. */
    async reopen(actor: Actor, id: string, input: TReopenFeedbackRequest): Promise<TFeedbackDetail> {
      return runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        if (!feedbackPolicy.isReporterSide(actor, place(before))) throw forbidden();
        const status = step(before, 'reopen');
        const dueOn = addCalendarDays(today(), DEFAULT_FEEDBACK_DAYS);
        const after = await record(
          tx,
          actor,
          before,
          input.version,
          'reopen',
          { status, dueOn, answeredAt: null, reopenCount: before.reopenCount + 1 },
          { body: input.comment, unitId: before.routedUnitId, dueOn },
        );
        return detail(tx, actor, after);
      });
    },

    /** The reporter accepts the answer. */
    async close(actor: Actor, id: string, input: TCloseFeedbackRequest): Promise<TFeedbackDetail> {
      return runInTransaction(async (tx) => {
        const before = await visible(tx, actor, id, true);
        if (!feedbackPolicy.isReporterSide(actor, place(before))) throw forbidden();
        const status = step(before, 'close');
        const after = await record(
          tx,
          actor,
          before,
          input.version,
          'close',
          { status, closedAt: new Date() },
          {
            body: input.comment,
          },
        );
        return detail(tx, actor, after);
      });
    },

    /** The central units feedback may be routed to. */
    async centralUnits(): Promise<TPage<TUnitRef>> {
      const items = await repo.listCentralUnits(db);
      return { items, total: items.length };
    },

    /** A file of the thread, for whoever may read the feedback. */
    async openFile(actor: Actor, id: string, fileId: string): Promise<{ file: TStoredFile; content: Readable }> {
      return runInTransaction(async (tx) => {
        await visible(tx, actor, id);
        if (!(await repo.hasFile(tx, id, fileId))) throw notFound('file');
        return files.open(tx, fileId);
      });
    },

    /** Reminders to the routed unit two days ahead and once when missed (within a week). */
    deadlineSource: {
      name: 'feedback',
      async findDue(tx: Tx, now: Date): Promise<DueItem[]> {
        const day = vnDay(now);
        const rows = await repo.dueBetween(
          tx,
          addCalendarDays(day, -MISSED_WINDOW_DAYS),
          addCalendarDays(day, REMIND_DAYS_BEFORE),
        );
        return rows.map((row) => ({
          // A re-opened feedback has a new due day and is reminded again.
          id: `${row.id}:${row.reopenCount}`,
          state: row.dueOn! < day ? 'missed' : 'approaching',
          dueOn: row.dueOn!,
          subject: { vi: `Trả lời vướng mắc "${row.title}"`, en: `Answer the feedback "${row.title}"` },
          recipients: { orgUnitIds: [row.routedUnitId!] },
          link: feedbackLink(row.id),
          entityType: 'feedback',
        }));
      },
    } satisfies DeadlineSource,

    internal: {
      /** Locks a feedback the actor may read, for publishing it as Q&A. */
      lockVisible: (tx: Tx, actor: Actor, id: string) => visible(tx, actor, id, true),
    },
  };
}
