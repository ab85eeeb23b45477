import {
  PRESS_REQUEST_STATUS_LABELS,
  pressRequestTransition,
  type TApprovePressAnswer,
  type TCreatePressRequest,
  type TDeclinePressRequest,
  type TDraftPressAnswer,
  type TPage,
  type TPressRequest,
  type TPressRequestAction,
  type TPressRequestDetail,
  type TPressRequestListQuery,
  type TPressRequestStatus,
  type TPressRequestStep,
  type TReturnPressRequest,
  type TRoutePressRequest,
  type TSendPressAnswer,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import type { DeadlineSource, DueItem, NotifyInput } from '../notifications/index.js';
import type { UnitLookup } from '../org-units/index.js';
import { assertMediaLink, logPressContact, type PressMedia } from './press-media.service.js';
import { pressNotice, pressRecipients, vnDay } from './press-notices.js';
import { snapshot, toPressRequest } from './press-request-view.js';
import { pressPolicy, RECEIVING_CODE, type PressPlace } from './press-requests.policy.js';
import type { PressRequestChanges, PressRequestRow, PressRequestsRepository } from './press-requests.repository.js';

export interface PressRequestsDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: PressRequestsRepository;
  recordAudit: RecordAudit;
  units: UnitLookup;
  notify: (tx: Tx, actor: Actor, input: NotifyInput) => Promise<number>;
  /** The media database: the outlet and journalist a request links to, and their contact history. */
  media: PressMedia;
  /** The clock (tests move it); defaults to now. */
  now?: () => Date;
}

export const pressRequestLink = (id: string) => `/press/requests/${id}`;
/** Reminded this long before the deadline; a missed one is still reported for a week. */
const REMIND_BEFORE_MS = 24 * 3_600_000;
const MISSED_WINDOW_MS = 7 * 86_400_000;

export type PressRequestsService = ReturnType<typeof createPressRequestsService>;

export function createPressRequestsService(deps: PressRequestsDeps) {
  const { db, runInTransaction, repo, recordAudit, units, notify } = deps;
  const now = () => deps.now?.() ?? new Date();
  const place = (row: PressRequestRow): PressPlace => ({
    receivingUnitPath: row.receivingUnitPath,
    owningUnitPath: row.owningUnitPath,
    spokespersonId: row.spokespersonId,
    draftedBy: row.draftedBy,
  });

  async function visible(tx: Executor, actor: Actor, id: string, lock = false): Promise<PressRequestRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !pressPolicy.canRead(actor, place(row))) throw notFound('press_request');
    return row;
  }

  function step(row: PressRequestRow, action: TPressRequestAction): TPressRequestStatus {
    const next = pressRequestTransition(row.status as TPressRequestStatus, action);
    if (!next)
      throw new AppError('press_request.invalid_transition', {
        status: PRESS_REQUEST_STATUS_LABELS[row.status as TPressRequestStatus].vi,
      });
    return next;
  }

  function allowed(actor: Actor, row: PressRequestRow, action: TPressRequestAction): boolean {
    const where = place(row);
    if (pressRequestTransition(row.status as TPressRequestStatus, action) === null) return false;
    switch (action) {
      case 'route':
        return pressPolicy.isReceiverSide(actor, where);
      case 'draft':
        return pressPolicy.isOwningUnit(actor, where);
      case 'approve':
        return pressPolicy.canApprove(actor, where);
      case 'return':
        return pressPolicy.canReturn(actor, where);
      case 'answer':
        return pressPolicy.canSend(actor, where);
      case 'decline':
        return pressPolicy.canDecline(actor, where);
    }
  }

  async function detail(tx: Executor, actor: Actor, row: PressRequestRow): Promise<TPressRequestDetail> {
    const steps = await repo.steps(tx, row.id);
    return {
      ...toPressRequest(row, now()),
      draftAnswer: row.draftAnswer,
      draftedBy: row.draftedByName,
      approvedBy: row.approvedByName,
      declineReason: row.declineReason,
      steps: steps.map((s): TPressRequestStep => ({
        id: s.id,
        kind: s.kind as TPressRequestStep['kind'],
        body: s.body,
        authorName: s.authorName,
        createdAt: s.createdAt.toISOString(),
      })),
      can: {
        route: allowed(actor, row, 'route'),
        draft: allowed(actor, row, 'draft'),
        approve: allowed(actor, row, 'approve'),
        return: allowed(actor, row, 'return'),
        answer: allowed(actor, row, 'answer'),
        decline: allowed(actor, row, 'decline'),
      },
    };
  }

  /** Writes a step: the change under the version, the step row, the audit row and the notice. */
  async function record(
    tx: Tx,
    actor: Actor,
    before: PressRequestRow,
    version: number,
    action: TPressRequestAction,
    changes: PressRequestChanges,
    body: string,
  ): Promise<TPressRequestDetail> {
    if (!(await repo.update(tx, before.id, version, changes))) throw new AppError('conflict.version');
    await repo.insertStep(tx, {
      requestId: before.id,
      kind: action,
      body,
      authorId: actor.userId,
      authorName: actor.fullName,
    });
    const after = (await repo.findById(tx, before.id))!;
    await recordAudit(tx, actor, {
      action,
      entityType: 'press_request',
      entityId: after.id,
      orgUnitId: after.receivingUnitId,
      summary: `${after.outletName} — ${after.topic}`.slice(0, 300),
      before: snapshot(before),
      after: { ...snapshot(after), ...(body ? { text: body.slice(0, 2000) } : {}) },
    });
    await notify(tx, actor, {
      ...pressNotice(action, after, body),
      recipients: pressRecipients(action, after),
      link: pressRequestLink(after.id),
      entityType: 'press_request',
      entityId: after.id,
    });
    return detail(tx, actor, after);
  }

  /** Runs `action` on a request the actor may read, after the status machine and the policy agree. */
  function act(
    actor: Actor,
    id: string,
    action: TPressRequestAction,
    work: (tx: Tx, before: PressRequestRow, status: TPressRequestStatus) => Promise<TPressRequestDetail>,
  ): Promise<TPressRequestDetail> {
    return runInTransaction(async (tx) => {
      const before = await visible(tx, actor, id, true);
      const status = step(before, action);
      if (!allowed(actor, before, action)) {
        if (action === 'approve' && actor.userId === before.draftedBy)
          throw new AppError('validation.failed', {}, [{ field: 'version', code: 'press.self_approval' }]);
        if (action === 'draft')
          throw new AppError('validation.failed', {}, [
            { field: 'draftAnswer', code: 'press.not_owning_unit', params: { unit: before.owningUnitName } },
          ]);
        throw forbidden();
      }
      return work(tx, before, status);
    });
  }

  return {
    async list(actor: Actor, query: TPressRequestListQuery, all = false): Promise<TPage<TPressRequest>> {
      const at = now();
      const { rows, total } = await repo.list(db, query, { scopePath: actor.scopePath, userId: actor.userId }, at, all);
      return { items: rows.map((row) => toPressRequest(row, at)), total };
    },

    async get(actor: Actor, id: string): Promise<TPressRequestDetail> {
      return detail(db, actor, await visible(db, actor, id));
    },

    /** The Communication Center, a press office or a province's communication officers receive a request. */
    async create(actor: Actor, input: TCreatePressRequest): Promise<TPressRequestDetail> {
      if (!pressPolicy.isReceiverRole(actor)) throw forbidden();
      return runInTransaction(async (tx) => {
        const unit = actor.orgUnitId ? await units.findById(tx, actor.orgUnitId) : null;
        if (!unit || !(unit.kind === 'province' || unit.kind === 'press_office' || unit.code === RECEIVING_CODE))
          throw new AppError('validation.failed', {}, [{ field: 'outletName', code: 'press.receiver' }]);
        await assertMediaLink(tx, deps.media, actor, input);
        const id = await repo.insert(tx, {
          outletName: input.outletName,
          outletId: input.outletId,
          contactId: input.contactId,
          journalistName: input.journalistName,
          journalistPhone: input.journalistPhone,
          journalistEmail: input.journalistEmail,
          topic: input.topic,
          questions: input.questions,
          receivedAt: new Date(input.receivedAt),
          deadline: new Date(input.deadline),
          receivingUnitId: unit.id,
          receivedBy: actor.userId,
          receivedByName: actor.fullName,
        });
        await repo.insertStep(tx, {
          requestId: id,
          kind: 'receive',
          body: '',
          authorId: actor.userId,
          authorName: actor.fullName,
        });
        const row = (await repo.findById(tx, id))!;
        await recordAudit(tx, actor, {
          action: 'receive',
          entityType: 'press_request',
          entityId: id,
          orgUnitId: unit.id,
          summary: `${row.outletName} — ${row.topic}`.slice(0, 300),
          before: null,
          after: snapshot(row),
        });
        return detail(tx, actor, row);
      });
    },

    /** The receiver routes to the owning unit (central, or under the receiver) and designates the spokesperson. */
    route(actor: Actor, id: string, input: TRoutePressRequest) {
      return act(actor, id, 'route', async (tx, before, status) => {
        const unit = await units.findById(tx, input.owningUnitId);
        if (!unit || !(unit.kind === 'central_unit' || unit.path.startsWith(before.receivingUnitPath)))
          throw fieldError('owningUnitId', 'press.owning_unit');
        const speaker = await repo.activeUser(tx, input.spokespersonId);
        if (!speaker) throw fieldError('spokespersonId', 'press.spokesperson');
        return record(
          tx,
          actor,
          before,
          input.version,
          'route',
          { status, owningUnitId: unit.id, spokespersonId: speaker.id },
          input.note,
        );
      });
    },

    /** The owning unit drafts (or revises) the answer. */
    draft(actor: Actor, id: string, input: TDraftPressAnswer) {
      return act(actor, id, 'draft', (tx, before, status) =>
        record(
          tx,
          actor,
          before,
          input.version,
          'draft',
          {
            status,
            draftAnswer: input.draftAnswer,
            draftedBy: actor.userId,
            draftedByName: actor.fullName,
            approvedBy: null,
            approvedByName: null,
          },
          input.draftAnswer,
        ),
      );
    },

    /** The spokesperson or a leader approves; never the drafter. */
    approve(actor: Actor, id: string, input: TApprovePressAnswer) {
      return act(actor, id, 'approve', (tx, before, status) =>
        record(
          tx,
          actor,
          before,
          input.version,
          'approve',
          { status, approvedBy: actor.userId, approvedByName: actor.fullName },
          input.comment,
        ),
      );
    },

    /** Back to the owning unit for rework, with a comment. */
    returnForRework(actor: Actor, id: string, input: TReturnPressRequest) {
      return act(actor, id, 'return', (tx, before, status) =>
        record(
          tx,
          actor,
          before,
          input.version,
          'return',
          { status, approvedBy: null, approvedByName: null },
          input.comment,
        ),
      );
    },

    /** The approved answer was sent: the day and the channel. */
    send(actor: Actor, id: string, input: TSendPressAnswer) {
      return act(actor, id, 'answer', async (tx, before, status) => {
        if (input.sentOn < vnDay(before.receivedAt)) throw fieldError('sentOn', 'press.sent_before_received');
        await logPressContact(tx, deps, actor, before, { action: 'answer', channel: input.channel }, input.sentOn);
        return record(
          tx,
          actor,
          before,
          input.version,
          'answer',
          { status, answerSentOn: input.sentOn, answerChannel: input.channel },
          '',
        );
      });
    },

    decline(actor: Actor, id: string, input: TDeclinePressRequest) {
      return act(actor, id, 'decline', async (tx, before, status) => {
        await logPressContact(tx, deps, actor, before, { action: 'decline' }, vnDay(now()));
        return record(
          tx,
          actor,
          before,
          input.version,
          'decline',
          { status, declineReason: input.reason },
          input.reason,
        );
      });
    },

    /** People who may be designated spokesperson (leaders and officers), for the picker. */
    async people(actor: Actor, q: string | undefined) {
      if (!pressPolicy.isWorker(actor)) throw forbidden();
      const items = await repo.people(db, q);
      return { items, total: items.length };
    },

    /** Reminders to the owning unit and the spokesperson a day before the deadline, and once when missed. */
    deadlineSource: {
      name: 'press_requests',
      async findDue(tx: Tx, at: Date): Promise<DueItem[]> {
        const rows = await repo.dueBetween(
          tx,
          new Date(at.getTime() - MISSED_WINDOW_MS),
          new Date(at.getTime() + REMIND_BEFORE_MS),
        );
        return rows.map((row) => ({
          id: row.id,
          state: row.deadline < at ? 'missed' : 'approaching',
          dueOn: vnDay(row.deadline),
          subject: {
            vi: `Trả lời báo chí ${row.outletName}: "${row.topic}"`,
            en: `Answer the press, ${row.outletName}: "${row.topic}"`,
          },
          recipients: {
            userIds: row.spokespersonId ? [row.spokespersonId] : [],
            orgUnitIds: [row.owningUnitId ?? row.receivingUnitId],
          },
          link: pressRequestLink(row.id),
          entityType: 'press_request',
        }));
      },
    } satisfies DeadlineSource,
  };
}
