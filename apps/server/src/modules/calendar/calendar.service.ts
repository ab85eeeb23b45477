import type {
  TCalendarItem,
  TCalendarListQuery,
  TCalendarPage,
  TCalendarStatus,
  TCalendarTaskEntry,
  TCreateCalendarItemRequest,
  TDeleteCalendarItemQuery,
  TTaskPhase,
  TTaskStatus,
  TUpdateCalendarItemRequest,
} from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import { AppError, fieldError, forbidden, notFound } from '../../platform/errors.js';
import type { DeadlineSource, NotificationsService } from '../notifications/index.js';
import { calendarPolicy } from './calendar.policy.js';
import type { CalendarRepository, ItemFilter, ItemRow } from './calendar.repository.js';
import { ENTRY_SORTS, mergePage } from './calendar-entries.js';
import { itemLink, itemRecipients } from './calendar-notices.js';
import { createReferenceChecks, type ReferenceDeps } from './calendar-references.service.js';
import { createItemWrites, type CalendarItemFromProposal } from './calendar-writes.service.js';
import { addDays, vnDay } from './days.js';
import { TASK_STATUS_OF } from './item-rules.js';
import { isShiftable, parseRecurrence } from './recurrence.js';

export type { CalendarItemFromProposal } from './calendar-writes.service.js';

/** A regulation task as the calendar shows it (regulations module). */
export interface TaskEntryRow {
  id: string;
  title: string;
  dueOn: string;
  phase: string;
  status: string;
  regulationId: string;
  regulationNumber: string;
  ownerUnitId: string;
  ownerUnitCode: string;
  ownerUnitName: string;
  assigneeUserId: string | null;
  assigneeFullName: string | null;
}

/** Regulation tasks by visibility and filters, a page at a time (the regulations module's task repository). */
export interface TaskSource {
  list(
    tx: Executor,
    visibility: { kind: 'scope'; scopePath: string; userId: string | null },
    query: {
      q: string | undefined;
      page: number;
      pageSize: number;
      sort: string | undefined;
      dueFrom: string;
      dueTo: string;
      status: TTaskStatus | undefined;
      regulationId: string | undefined;
    },
  ): Promise<{ rows: TaskEntryRow[]; total: number }>;
}

export interface CalendarDeps extends ReferenceDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  recordAudit: RecordAudit;
  repo: CalendarRepository;
  /** The "before, during, after" tasks of regulations (regulations module), shown read-only. */
  tasks: TaskSource;
  /** Tells assignees and owner units, in the same transaction (notifications module). */
  notify: NotificationsService['notify'];
  /** The current time (series horizon, overdue tasks: Vietnam's calendar day). */
  clock?: () => Date;
}

/** An item as a row of the Excel sheet (the same columns are imported back). */
export interface SheetItem {
  startsOn: string;
  endsOn: string | null;
  title: string;
  description: string | null;
  unitCode: string;
  unitName: string;
  themeCodes: string[];
  audienceCodes: string[];
  channelCode: string | null;
  formCode: string | null;
  status: TCalendarStatus;
  /** Username of the assignee. */
  assignee: string | null;
  /** RRULE of the item's series, for information (an import makes single items). */
  rule: string | null;
}

/** How deep the list view pages (each source is read up to the page's end). */
const MAX_LIST_DEPTH = 10_000;
/** The most rows one Excel export holds. */
const MAX_EXPORT_ROWS = 20_000;
/** Items in production warn this many days before their day, and report a missed day for this long. */
const WARN_DAYS = 3;
const MISSED_WINDOW_DAYS = 30;

export function toItem(row: ItemRow, actor: Actor): TCalendarItem {
  const recurrence = row.seriesRule ? parseRecurrence(row.seriesRule) : null;
  return {
    kind: 'item',
    id: row.id,
    title: row.title,
    description: row.description,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    guidanceYear: row.guidanceYear,
    themeCodes: row.themeCodes,
    audienceCodes: row.audienceCodes,
    channelCode: row.channelCode,
    formCode: row.formCode,
    ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
    assignee: row.assigneeId && row.assigneeFullName ? { id: row.assigneeId, fullName: row.assigneeFullName } : null,
    status: row.status as TCalendarStatus,
    proposalId: row.proposalId,
    regulation:
      row.regulationId && row.regulationNumber ? { id: row.regulationId, number: row.regulationNumber } : null,
    series:
      row.seriesId && row.seriesRule && recurrence
        ? {
            id: row.seriesId,
            rule: row.seriesRule,
            recurrence,
            occurrenceOn: row.occurrenceOn!,
            exception: row.isException,
            shiftable: isShiftable(recurrence),
          }
        : null,
    canEdit: calendarPolicy.canEdit(actor, row),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toTaskEntry(row: TaskEntryRow, today: string): TCalendarTaskEntry {
  const open = row.status === 'todo' || row.status === 'in_progress';
  return {
    kind: 'task',
    id: row.id,
    title: row.title,
    startsOn: row.dueOn,
    endsOn: null,
    phase: row.phase as TTaskPhase,
    regulation: { id: row.regulationId, number: row.regulationNumber },
    ownerUnit: { id: row.ownerUnitId, code: row.ownerUnitCode, name: row.ownerUnitName },
    assignee:
      row.assigneeUserId && row.assigneeFullName ? { id: row.assigneeUserId, fullName: row.assigneeFullName } : null,
    status: row.status as TTaskStatus,
    overdue: open && row.dueOn < today,
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;

export function createCalendarService(deps: CalendarDeps) {
  const { db, runInTransaction, repo } = deps;
  const today = () => vnDay(deps.clock ? deps.clock() : new Date());
  const writes = createItemWrites({ ...deps, today });

  async function getVisible(tx: Executor, actor: Actor, id: string, lock = false): Promise<ItemRow> {
    const row = await repo.findById(tx, id, lock);
    if (!row || !calendarPolicy.canSee(actor, row)) throw notFound('calendar_item');
    return row;
  }

  /** The filter of a calendar query in the actor's scope; a unit filter must name a unit of that scope. */
  async function itemFilter(actor: Actor, query: TCalendarListQuery) {
    let unitPath: string | undefined;
    if (query.unitId) {
      const unit = await deps.units.findById(db, query.unitId);
      if (!unit || !unit.path.startsWith(calendarPolicy.readScopePath(actor))) {
        throw fieldError('unitId', 'validation.unit_out_of_scope');
      }
      unitPath = unit.path;
    }
    const scopePath = calendarPolicy.readScopePath(actor);
    const filter: ItemFilter = { ...query, scopePath, userId: actor.userId, unitPath };
    return { filter, unitPath };
  }

  /** Regulation tasks of the window in `sort` order, up to `limit` (all of them when filtering by assignee). */
  async function findTasks(actor: Actor, query: TCalendarListQuery, unitPath: string | undefined, limit: number) {
    const visibility = unitPath
      ? { kind: 'scope' as const, scopePath: unitPath, userId: null }
      : { kind: 'scope' as const, scopePath: calendarPolicy.readScopePath(actor), userId: actor.userId };
    const sort = query.sort?.replace('startsOn', 'dueOn') ?? 'dueOn';
    const rows: TaskEntryRow[] = [];
    let total = 0;
    for (let page = 1; rows.length < (query.assigneeId ? MAX_LIST_DEPTH : limit); page++) {
      const result = await deps.tasks.list(db, visibility, {
        q: query.q,
        page,
        pageSize: 1000,
        sort,
        dueFrom: query.from,
        dueTo: query.to,
        status: query.status ? TASK_STATUS_OF[query.status] : undefined,
        regulationId: query.regulationId,
      });
      total = result.total;
      rows.push(...result.rows.filter((r) => !query.assigneeId || r.assigneeUserId === query.assigneeId));
      if (page * 1000 >= result.total) break;
    }
    return { rows, total: query.assigneeId ? rows.length : total };
  }

  return {
    /**
     * Items and regulation tasks of a window, filtered, in one list (month and week views ask for one big page;
     * the list view pages). Tasks drop out when a filter only items have is set.
     */
    async list(actor: Actor, query: TCalendarListQuery): Promise<TCalendarPage> {
      calendarPolicy.assertCanRead(actor);
      const sort = query.sort ?? 'startsOn';
      if (!(ENTRY_SORTS as readonly string[]).includes(sort)) throw fieldError('sort', 'validation.invalid_sort');
      const limit = query.page * query.pageSize;
      if (limit > MAX_LIST_DEPTH) throw fieldError('page', 'validation.too_big', { maximum: MAX_LIST_DEPTH });
      const { filter, unitPath } = await itemFilter(actor, query);
      const itemsOnly = Boolean(query.theme || query.audience || query.channel || query.form || query.proposalId);
      const items = query.kind === 'task' ? { rows: [], total: 0 } : await repo.list(db, filter, sort, limit);
      const tasks =
        query.kind === 'item' || itemsOnly ? { rows: [], total: 0 } : await findTasks(actor, query, unitPath, limit);
      const day = today();
      return {
        items: mergePage(
          items.rows.map((row) => toItem(row, actor)),
          tasks.rows.map((row) => toTaskEntry(row, day)),
          sort,
          query,
        ),
        total: items.total + tasks.total,
      };
    },

    /** Every item matching the filters (no tasks), in `sort` order, as rows of the import/export sheet. */
    async listForExport(actor: Actor, query: TCalendarListQuery): Promise<SheetItem[]> {
      calendarPolicy.assertCanRead(actor);
      const sort = query.sort ?? 'startsOn';
      if (!(ENTRY_SORTS as readonly string[]).includes(sort)) throw fieldError('sort', 'validation.invalid_sort');
      const { filter } = await itemFilter(actor, query);
      const { rows } = await repo.list(db, filter, sort, MAX_EXPORT_ROWS);
      return rows.map((row) => ({
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        title: row.title,
        description: row.description,
        unitCode: row.ownerUnitCode,
        unitName: row.ownerUnitName,
        themeCodes: row.themeCodes,
        audienceCodes: row.audienceCodes,
        channelCode: row.channelCode,
        formCode: row.formCode,
        status: row.status as TCalendarStatus,
        assignee: row.assigneeUsername,
        rule: row.seriesRule,
      }));
    },

    async get(actor: Actor, id: string): Promise<TCalendarItem> {
      calendarPolicy.assertCanRead(actor);
      return toItem(await getVisible(db, actor, id), actor);
    },

    /** A new item, or a series when `recurrence` is given (the first occurrence is returned). */
    async create(actor: Actor, input: TCreateCalendarItemRequest): Promise<TCalendarItem> {
      calendarPolicy.assertCanPlan(actor);
      const id = await runInTransaction((tx) => writes.create(tx, actor, createReferenceChecks(deps), input));
      return toItem((await repo.findById(db, id))!, actor);
    },

    /** Changes an item, or with `scope: 'future'` an occurrence and the rest of its series. */
    async update(actor: Actor, id: string, input: TUpdateCalendarItemRequest): Promise<TCalendarItem> {
      calendarPolicy.assertCanRead(actor);
      await runInTransaction(async (tx) => {
        const row = await getVisible(tx, actor, id, true);
        const onlyStatus = Object.keys(input).every((k) => k === 'status' || k === 'version' || k === 'scope');
        const allowed =
          calendarPolicy.canEdit(actor, row) || (onlyStatus && calendarPolicy.canChangeStatus(actor, row));
        if (!allowed || (input.scope === 'future' && !calendarPolicy.canEdit(actor, row))) throw forbidden();
        if (row.version !== input.version) throw new AppError('conflict.version');
        await writes.update(tx, actor, createReferenceChecks(deps), row, input);
      });
      return toItem(await getVisible(db, actor, id), actor);
    },

    /** Deletes an item, or with `scope: 'future'` an occurrence and every later one. */
    async remove(actor: Actor, id: string, query: TDeleteCalendarItemQuery): Promise<void> {
      calendarPolicy.assertCanPlan(actor);
      await runInTransaction(async (tx) => {
        const row = await getVisible(tx, actor, id, true);
        if (!calendarPolicy.canEdit(actor, row)) throw forbidden();
        if (row.version !== query.version) throw new AppError('conflict.version');
        await writes.remove(tx, actor, row, query.scope);
      });
    },

    /** Materialises open-ended series up to the horizon (end of next year); returns the rows added. */
    async extendSeries(now: Date): Promise<number> {
      return writes.extendAll(now);
    },

    /** Items in production whose day is near, or passed without being published, for the daily deadline run. */
    deadlineSource: {
      name: 'calendar-items',
      async findDue(tx: Tx, now: Date) {
        const day = vnDay(now);
        const [soon, missed] = await Promise.all([
          repo.findInProduction(tx, day, addDays(day, WARN_DAYS)),
          repo.findInProduction(tx, addDays(day, -MISSED_WINDOW_DAYS), addDays(day, -1)),
        ]);
        const entry = (item: (typeof soon)[number], state: 'approaching' | 'missed') => ({
          id: item.id,
          state,
          dueOn: item.startsOn,
          subject: { vi: `Lịch biên tập: ${item.title}`, en: `Editorial calendar: ${item.title}` },
          recipients: itemRecipients(item),
          link: itemLink(item),
          entityType: 'calendar_item',
        });
        return [...soon.map((i) => entry(i, 'approaching')), ...missed.map((i) => entry(i, 'missed'))];
      },
    } satisfies DeadlineSource,

    internal: {
      /**
       * Puts an approved proposal on the calendar as a planned item, in the caller's transaction, audited. The
       * proposals module has checked who may approve and the proposal's values; the item is owned by the
       * proposing unit, which may lie outside the approver's own scope.
       */
      async createFromProposal(tx: Tx, actor: Actor, input: CalendarItemFromProposal): Promise<{ id: string }> {
        return { id: await writes.createFromProposal(tx, actor, input) };
      },
    },
  };
}
