import type {
  TCreateTaskRequest,
  TGenerateTasksResponse,
  TMyTaskListQuery,
  TPage,
  TRegulationTask,
  TRegulationTaskListQuery,
  TTaskListQuery,
  TTaskPhase,
  TTaskStatus,
  TTemplateOwner,
  TUpdateTaskRequest,
} from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import type { RegulationRow, RegulationsRepository } from './regulations.repository.js';
import type { RegulationTasksRepository, TaskRow, TaskVisibility } from './regulation-tasks.repository.js';
import { regulationsPolicy } from './regulations.policy.js';
import { isOverdue, planTasks, vnToday, type TemplateStep } from './task-dating.js';
import {
  assignmentNotice,
  generatedNotices,
  statusNotice,
  taskLink,
  taskRecipients,
  type TaskFacts,
  type TaskNotice,
} from './task-notices.js';
import type { DeadlineSource, NotificationsService } from '../notifications/index.js';
import type { UnitInfo, UnitLookup } from '../org-units/index.js';

/** A user as the assignee check needs it (from the users module). */
export interface UserLookup {
  findById(tx: Executor, id: string): Promise<{ id: string; fullName: string; orgUnitPath: string } | null>;
}

/** The Communication Center's unit code (§V.1.b), owner of the template's `comms_center` steps. */
export const COMMS_CENTER_CODE = 'TT';

export interface RegulationTasksDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: RegulationTasksRepository;
  regulations: Pick<RegulationsRepository, 'findById'>;
  recordAudit: RecordAudit;
  units: UnitLookup;
  users: UserLookup;
  /** The current time (overdue is judged on Vietnam's calendar day). */
  clock?: () => Date;
  /** Tells owners about assignments and status changes, in the same transaction (notifications module). */
  notify: NotificationsService['notify'];
}

/** How far ahead the daily deadline run warns, and how far back it still reports missed tasks. */
const WARN_DAYS = 3;
const MISSED_WINDOW_DAYS = 30;

const factsOf = (row: TaskRow): TaskFacts => ({
  taskId: row.id,
  regulationId: row.regulationId,
  regulationNumber: row.regulationNumber,
  title: row.title,
  ownerUnitId: row.ownerUnitId,
  assigneeUserId: row.assigneeUserId,
  dueOn: row.dueOn,
});

export function toTask(row: TaskRow, today: string): TRegulationTask {
  return {
    id: row.id,
    regulationId: row.regulationId,
    regulationNumber: row.regulationNumber,
    regulationSummary: row.regulationSummary,
    phase: row.phase as TTaskPhase,
    title: row.title,
    ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
    assignee:
      row.assigneeUserId && row.assigneeFullName ? { id: row.assigneeUserId, fullName: row.assigneeFullName } : null,
    dueOn: row.dueOn,
    offsetDays: row.offsetDays,
    templateId: row.templateId,
    status: row.status as TTaskStatus,
    completedAt: row.completedAt ? row.completedAt.toISOString() : null,
    overdue: isOverdue(row, today),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a task. */
function taskSnapshot(row: TaskRow) {
  return {
    regulation: row.regulationNumber,
    phase: row.phase,
    title: row.title,
    ownerUnit: row.ownerUnitCode,
    assigneeUserId: row.assigneeUserId,
    dueOn: row.dueOn,
    status: row.status,
  };
}

export type RegulationTasksService = ReturnType<typeof createRegulationTasksService>;

export function createRegulationTasksService(deps: RegulationTasksDeps) {
  const { db, runInTransaction, repo, regulations, recordAudit, units, users } = deps;
  const send = (tx: Tx, actor: Actor, notice: TaskNotice) => deps.notify(tx, actor, notice);
  const today = () => vnToday(deps.clock ? deps.clock() : new Date());
  const scopeOf = (actor: Actor): TaskVisibility => ({
    kind: 'scope',
    scopePath: actor.scopePath,
    userId: actor.userId,
  });

  async function getRegulation(tx: Executor, id: string, lock = false): Promise<RegulationRow> {
    const row = await regulations.findById(tx, id, lock);
    if (!row) throw notFound('regulation');
    return row;
  }

  async function getTaskInScope(tx: Executor, actor: Actor, id: string, lock = false): Promise<TaskRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !regulationsPolicy.canSeeTask(actor, row)) throw notFound('regulation_task');
    return row;
  }

  /** A unit the actor may give a task to: one of their own scope. */
  async function ownerInScope(tx: Executor, actor: Actor, unitId: string): Promise<UnitInfo> {
    const unit = await units.findById(tx, unitId);
    if (!unit || !inScope(actor, unit.path)) throw fieldError('ownerUnitId', 'validation.unit_out_of_scope');
    return unit;
  }

  /** An assignee must work in the task's owner unit (or below it). */
  async function assertAssignee(tx: Executor, userId: string, ownerPath: string): Promise<void> {
    const user = await users.findById(tx, userId);
    if (!user) throw fieldError('assigneeUserId', 'validation.invalid_value');
    if (!user.orgUnitPath.startsWith(ownerPath)) throw fieldError('assigneeUserId', 'validation.assignee_not_in_unit');
  }

  /**
   * Creates the tasks the active template still owes `regulation` (none twice), dated from its effective
   * date, and records them. Returns how many were created.
   */
  async function generate(tx: Tx, actor: Actor, regulation: RegulationRow): Promise<number> {
    if (!regulation.effectiveOn) throw new AppError('regulation.no_effective_date');
    const steps: TemplateStep[] = (await repo.allTemplateSteps(tx))
      .filter((step) => step.active)
      .map((step) => ({
        id: step.id,
        phase: step.phase as TTaskPhase,
        offsetDays: step.offsetDays,
        owner: step.owner as TTemplateOwner,
        ownerUnit: step.ownerUnitId && step.ownerUnitPath ? { id: step.ownerUnitId, path: step.ownerUnitPath } : null,
        titleVi: step.titleVi,
        sortOrder: step.sortOrder,
      }));
    const drafting = regulation.draftingUnitId ? await units.findById(tx, regulation.draftingUnitId) : null;
    const commsCenter = await units.findByCode(tx, COMMS_CENTER_CODE);
    const planned = planTasks(
      steps,
      {
        effectiveOn: regulation.effectiveOn,
        owningUnit: { id: regulation.orgUnitId, path: regulation.orgUnitPath },
        draftingUnit: drafting,
        commsCenter,
      },
      await repo.plannedStepIds(tx, regulation.id),
    );
    const inserted = await repo.insertPlanned(
      tx,
      planned.map((task) => ({ ...task, regulationId: regulation.id, status: 'todo' })),
    );
    if (inserted.length === 0) return 0;
    const insertedSteps = new Set(inserted.map((row) => row.templateId));
    const idOfStep = new Map(inserted.map((row) => [row.templateId, row.id]));
    const facts = planned
      .filter((task) => insertedSteps.has(task.templateId))
      .map((task) => ({
        taskId: idOfStep.get(task.templateId)!,
        regulationId: regulation.id,
        regulationNumber: regulation.number,
        title: task.title,
        ownerUnitId: task.ownerUnitId,
        assigneeUserId: null,
        dueOn: task.dueOn,
      }));
    for (const notice of generatedNotices(facts)) await send(tx, actor, notice);
    await recordAudit(tx, actor, {
      action: 'generate_tasks',
      entityType: 'regulation',
      entityId: regulation.id,
      orgUnitId: regulation.orgUnitId,
      summary: `${regulation.number}: ${inserted.length} nhiệm vụ truyền thông`,
      after: {
        effectiveOn: regulation.effectiveOn,
        tasks: planned
          .filter((task) => insertedSteps.has(task.templateId))
          .map(({ phase, title, ownerUnitId, dueOn }) => ({ phase, title, ownerUnitId, dueOn })),
      },
    });
    return inserted.length;
  }

  async function listPage(
    actor: Actor,
    visibility: TaskVisibility,
    query: Parameters<RegulationTasksRepository['list']>[2],
    fallbackSort?: string,
  ): Promise<TPage<TRegulationTask>> {
    regulationsPolicy.assertCanRead(actor);
    const { rows, total } = await repo.list(db, visibility, query, fallbackSort);
    const day = today();
    return { items: rows.map((row) => toTask(row, day)), total };
  }

  return {
    /** A document's tasks that the actor may see, before → during → after. */
    async listRegulationTasks(
      actor: Actor,
      regulationId: string,
      query: TRegulationTaskListQuery,
    ): Promise<TPage<TRegulationTask>> {
      regulationsPolicy.assertCanRead(actor);
      await getRegulation(db, regulationId);
      return listPage(actor, scopeOf(actor), { ...query, regulationId }, 'phase');
    },

    /** "My to-do list": tasks owned by the actor's own unit or assigned to them. */
    async listMyTasks(actor: Actor, query: TMyTaskListQuery): Promise<TPage<TRegulationTask>> {
      const { dueBefore, ...rest } = query;
      return listPage(
        actor,
        { kind: 'mine', orgUnitId: actor.orgUnitId, userId: actor.userId },
        {
          ...rest,
          dueTo: dueBefore,
        },
      );
    },

    /** Every task of the actor's scope (and those assigned to them), e.g. for the calendar. */
    async listTasks(actor: Actor, query: TTaskListQuery): Promise<TPage<TRegulationTask>> {
      return listPage(actor, scopeOf(actor), query);
    },

    async getTask(actor: Actor, id: string): Promise<TRegulationTask> {
      regulationsPolicy.assertCanRead(actor);
      return toTask(await getTaskInScope(db, actor, id), today());
    },

    /** Creates the template's missing tasks for a document; calling it again creates none. */
    async generateTasks(actor: Actor, regulationId: string): Promise<TGenerateTasksResponse> {
      regulationsPolicy.assertCanPlanTasks(actor);
      const created = await runInTransaction(async (tx) => {
        const regulation = await getRegulation(tx, regulationId, true);
        regulationsPolicy.assertCanEdit(actor, regulation);
        return generate(tx, actor, regulation);
      });
      const { rows } = await repo.list(
        db,
        scopeOf(actor),
        { regulationId, page: 1, pageSize: 1000, sort: undefined, q: undefined },
        'phase',
      );
      const day = today();
      return { created, items: rows.map((row) => toTask(row, day)) };
    },

    /** An ad-hoc task on a document, owned by a unit of the actor's scope. */
    async createTask(actor: Actor, regulationId: string, input: TCreateTaskRequest): Promise<TRegulationTask> {
      regulationsPolicy.assertCanPlanTasks(actor);
      const row = await runInTransaction(async (tx) => {
        await getRegulation(tx, regulationId);
        const owner = await ownerInScope(tx, actor, input.ownerUnitId);
        if (input.assigneeUserId) await assertAssignee(tx, input.assigneeUserId, owner.path);
        const id = await repo.insert(tx, {
          regulationId,
          templateId: null,
          phase: input.phase,
          title: input.title,
          ownerUnitId: owner.id,
          assigneeUserId: input.assigneeUserId ?? null,
          dueOn: input.dueOn,
          offsetDays: null,
          status: 'todo',
        });
        const created = (await repo.findById(tx, id))!;
        await send(tx, actor, assignmentNotice(factsOf(created)));
        await recordAudit(tx, actor, {
          action: 'create',
          entityType: 'regulation_task',
          entityId: id,
          orgUnitId: owner.id,
          summary: `${created.regulationNumber}: ${created.title}`,
          after: taskSnapshot(created),
        });
        return created;
      });
      return toTask(row, today());
    },

    /**
     * Changes a task. Someone who sees it only because it is assigned to them may change its status;
     * owner, assignee, due date and title are for users whose scope holds the owner unit.
     */
    async updateTask(actor: Actor, id: string, input: TUpdateTaskRequest): Promise<TRegulationTask> {
      regulationsPolicy.assertCanWorkOnTasks(actor);
      const row = await runInTransaction(async (tx) => {
        const before = await getTaskInScope(tx, actor, id, true);
        const { version, status, ownerUnitId, assigneeUserId, dueOn, title } = input;
        const ownsIt = inScope(actor, before.ownerUnitPath);
        if (!ownsIt && [ownerUnitId, assigneeUserId, dueOn, title].some((value) => value !== undefined))
          throw forbidden();
        let ownerPath = before.ownerUnitPath;
        if (ownerUnitId !== undefined && ownerUnitId !== before.ownerUnitId)
          ownerPath = (await ownerInScope(tx, actor, ownerUnitId)).path;
        let assignee = assigneeUserId === undefined ? before.assigneeUserId : assigneeUserId;
        if (assigneeUserId) await assertAssignee(tx, assigneeUserId, ownerPath);
        else if (assigneeUserId === undefined && assignee && ownerPath !== before.ownerUnitPath) {
          // The task moved to another unit: an assignee who does not work there lets it go.
          const current = await users.findById(tx, assignee);
          if (!current || !current.orgUnitPath.startsWith(ownerPath)) assignee = null;
        }
        const nextStatus = status ?? (before.status as TTaskStatus);
        const changed = await repo.update(tx, id, version, {
          ...(status !== undefined ? { status } : {}),
          ...(nextStatus !== before.status ? { completedAt: nextStatus === 'done' ? new Date() : null } : {}),
          ...(ownerUnitId !== undefined ? { ownerUnitId } : {}),
          ...(assignee !== before.assigneeUserId ? { assigneeUserId: assignee } : {}),
          // A due date set by hand no longer follows the effective date.
          ...(dueOn !== undefined && dueOn !== before.dueOn ? { dueOn, offsetDays: null } : {}),
          ...(title !== undefined ? { title } : {}),
        });
        if (!changed) throw new AppError('conflict.version');
        const after = (await repo.findById(tx, id))!;
        const reassigned = after.ownerUnitId !== before.ownerUnitId || after.assigneeUserId !== before.assigneeUserId;
        if (reassigned) await send(tx, actor, assignmentNotice(factsOf(after)));
        else if (after.status !== before.status)
          await send(tx, actor, statusNotice(factsOf(after), after.status as TTaskStatus));
        await recordAudit(tx, actor, {
          action: 'update',
          entityType: 'regulation_task',
          entityId: id,
          orgUnitId: after.ownerUnitId,
          summary: `${after.regulationNumber}: ${after.title}`,
          before: taskSnapshot(before),
          after: taskSnapshot(after),
        });
        return after;
      });
      return toTask(row, today());
    },

    /** Open tasks for the daily deadline run: due within WARN_DAYS, or missed in the last MISSED_WINDOW_DAYS. */
    deadlineSource: {
      name: 'regulation-tasks',
      async findDue(tx: Tx, now: Date) {
        const day = vnToday(now);
        const [soon, missed] = await Promise.all([
          repo.findOpenDue(tx, day, 0, WARN_DAYS),
          repo.findOpenDue(tx, day, -MISSED_WINDOW_DAYS, -1),
        ]);
        const item = (task: (typeof soon)[number], state: 'approaching' | 'missed') => ({
          id: task.taskId,
          state,
          dueOn: task.dueOn,
          subject: { vi: `${task.regulationNumber}: ${task.title}`, en: `${task.regulationNumber}: ${task.title}` },
          recipients: taskRecipients(task),
          link: taskLink(task),
          entityType: 'regulation_task',
        });
        return [...soon.map((t) => item(t, 'approaching')), ...missed.map((t) => item(t, 'missed'))];
      },
    } satisfies DeadlineSource,

    /** Used by the regulations service: generation inside its own transaction (create, update). */
    internal: { generate },
  };
}
