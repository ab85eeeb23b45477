// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified, which would bind to the inner table.
import { and, count, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TListQuery, TTaskPhase, TTaskStatusFilter } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import { communicationTaskTemplates, regulationTasks } from './regulations.table.js';

const ownerPath = sql<string>`(SELECT path FROM org_units o WHERE o.id = regulation_tasks.owner_unit_id)`;
const columns = {
  id: regulationTasks.id,
  regulationId: regulationTasks.regulationId,
  templateId: regulationTasks.templateId,
  phase: regulationTasks.phase,
  title: regulationTasks.title,
  ownerUnitId: regulationTasks.ownerUnitId,
  assigneeUserId: regulationTasks.assigneeUserId,
  dueOn: regulationTasks.dueOn,
  offsetDays: regulationTasks.offsetDays,
  status: regulationTasks.status,
  completedAt: regulationTasks.completedAt,
  version: regulationTasks.version,
  createdAt: regulationTasks.createdAt,
  updatedAt: regulationTasks.updatedAt,
  regulationNumber: sql<string>`(SELECT number FROM regulations r WHERE r.id = regulation_tasks.regulation_id)`,
  regulationSummary: sql<string>`(SELECT summary FROM regulations r WHERE r.id = regulation_tasks.regulation_id)`,
  ownerUnitCode: sql<string>`(SELECT code FROM org_units o WHERE o.id = regulation_tasks.owner_unit_id)`,
  ownerUnitName: sql<string>`(SELECT name FROM org_units o WHERE o.id = regulation_tasks.owner_unit_id)`,
  ownerUnitPath: ownerPath,
  assigneeFullName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = regulation_tasks.assignee_user_id)`,
};

export interface TaskRow {
  id: string;
  regulationId: string;
  templateId: string | null;
  phase: string;
  title: string;
  ownerUnitId: string;
  assigneeUserId: string | null;
  dueOn: string;
  offsetDays: number | null;
  status: string;
  completedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  regulationNumber: string;
  regulationSummary: string;
  ownerUnitCode: string;
  ownerUnitName: string;
  ownerUnitPath: string;
  assigneeFullName: string | null;
}
export type NewTaskRow = Omit<
  typeof regulationTasks.$inferInsert,
  'id' | 'searchText' | 'createdAt' | 'updatedAt' | 'version'
>;

export interface TemplateRow {
  id: string;
  name: string;
  phase: string;
  offsetDays: number;
  owner: string;
  ownerUnitId: string | null;
  ownerUnitCode: string | null;
  ownerUnitName: string | null;
  ownerUnitPath: string | null;
  titleVi: string;
  titleEn: string;
  sortOrder: number;
  active: boolean;
  version: number;
}
export type NewTemplateRow = Omit<
  typeof communicationTaskTemplates.$inferInsert,
  'id' | 'createdAt' | 'updatedAt' | 'version'
>;

const templateColumns = {
  id: communicationTaskTemplates.id,
  name: communicationTaskTemplates.name,
  phase: communicationTaskTemplates.phase,
  offsetDays: communicationTaskTemplates.offsetDays,
  owner: communicationTaskTemplates.owner,
  ownerUnitId: communicationTaskTemplates.ownerUnitId,
  ownerUnitCode: sql<
    string | null
  >`(SELECT code FROM org_units o WHERE o.id = communication_task_templates.owner_unit_id)`,
  ownerUnitName: sql<
    string | null
  >`(SELECT name FROM org_units o WHERE o.id = communication_task_templates.owner_unit_id)`,
  ownerUnitPath: sql<
    string | null
  >`(SELECT path FROM org_units o WHERE o.id = communication_task_templates.owner_unit_id)`,
  titleVi: communicationTaskTemplates.titleVi,
  titleEn: communicationTaskTemplates.titleEn,
  sortOrder: communicationTaskTemplates.sortOrder,
  active: communicationTaskTemplates.active,
  version: communicationTaskTemplates.version,
};

// Before, during, after: the order of the timeline.
const phaseOrder = sql`array_position(ARRAY['before', 'during', 'after'], regulation_tasks.phase)`;
const SORTS = {
  dueOn: { column: regulationTasks.dueOn },
  title: { column: regulationTasks.title, text: true },
  status: { column: regulationTasks.status },
  phase: { column: phaseOrder },
  regulation: { column: sql`(SELECT number FROM regulations r WHERE r.id = regulation_tasks.regulation_id)` },
  createdAt: { column: regulationTasks.createdAt },
};

/** Who sees which tasks: everything owned in a scope (or assigned to a user), or one's own to-do list. */
export type TaskVisibility =
  | { kind: 'scope'; scopePath: string; userId: string | null }
  | { kind: 'mine'; orgUnitId: string | null; userId: string | null };

export interface TaskFilters {
  status?: TTaskStatusFilter | undefined;
  phase?: TTaskPhase | undefined;
  dueFrom?: string | undefined;
  dueTo?: string | undefined;
  ownerUnitId?: string | undefined;
  regulationId?: string | undefined;
}

function visible(visibility: TaskVisibility): SQL {
  const assigned = visibility.userId ? eq(regulationTasks.assigneeUserId, visibility.userId) : undefined;
  if (visibility.kind === 'mine') {
    const owned = visibility.orgUnitId ? eq(regulationTasks.ownerUnitId, visibility.orgUnitId) : undefined;
    return or(owned, assigned) ?? sql`false`;
  }
  return or(sql`${ownerPath} LIKE ${`${visibility.scopePath}%`}`, assigned)!;
}

function filters(visibility: TaskVisibility, query: TaskFilters & { q?: string | undefined }): SQL | undefined {
  const status = query.status;
  return and(
    visible(visibility),
    matchesSearch(
      query.q,
      sql`(${regulationTasks.searchText} || ' ' || (SELECT r.search_text FROM regulations r WHERE r.id = regulation_tasks.regulation_id))`,
    ),
    status === 'open'
      ? inArray(regulationTasks.status, ['todo', 'in_progress'])
      : status
        ? eq(regulationTasks.status, status)
        : undefined,
    query.phase ? eq(regulationTasks.phase, query.phase) : undefined,
    query.dueFrom ? gte(regulationTasks.dueOn, query.dueFrom) : undefined,
    query.dueTo ? lte(regulationTasks.dueOn, query.dueTo) : undefined,
    query.ownerUnitId ? eq(regulationTasks.ownerUnitId, query.ownerUnitId) : undefined,
    query.regulationId ? eq(regulationTasks.regulationId, query.regulationId) : undefined,
  );
}

/** A task coming due, for deadline reminders. */
export interface DueTaskRow {
  taskId: string;
  regulationId: string;
  regulationNumber: string;
  title: string;
  phase: string;
  status: string;
  dueOn: string;
  ownerUnitId: string;
  ownerUnitCode: string;
  ownerUnitName: string;
  assigneeUserId: string | null;
}

export const regulationTasksRepository = {
  /** One page of the tasks `visibility` allows, filtered; by due date unless `fallbackSort` says otherwise. */
  async list(
    tx: Executor,
    visibility: TaskVisibility,
    query: TaskFilters & TListQuery,
    fallbackSort = 'dueOn',
  ): Promise<{ rows: TaskRow[]; total: number }> {
    const where = filters(visibility, query);
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(columns)
      .from(regulationTasks)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, fallbackSort, sql`${regulationTasks.dueOn}, ${regulationTasks.id}`))
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(regulationTasks).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<TaskRow | null> {
    const query = tx.select(columns).from(regulationTasks).where(eq(regulationTasks.id, id));
    const [row] = lock ? await query.for('update', { of: regulationTasks }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: NewTaskRow): Promise<string> {
    const [row] = await tx.insert(regulationTasks).values(values).returning({ id: regulationTasks.id });
    return row!.id;
  },

  /** Inserts planned template steps; a step that already has its task (a concurrent generation) is skipped. */
  async insertPlanned(tx: Executor, values: NewTaskRow[]): Promise<{ id: string; templateId: string | null }[]> {
    if (values.length === 0) return [];
    return tx
      .insert(regulationTasks)
      .values(values)
      .onConflictDoNothing()
      .returning({ id: regulationTasks.id, templateId: regulationTasks.templateId });
  },

  /** Updates when `version` still matches; false when someone else changed the row first. */
  async update(tx: Executor, id: string, version: number, values: Partial<NewTaskRow>): Promise<boolean> {
    const updated = await tx
      .update(regulationTasks)
      .set({ ...values, version: sql`${regulationTasks.version} + 1`, updatedAt: new Date() })
      .where(and(eq(regulationTasks.id, id), eq(regulationTasks.version, version)))
      .returning({ id: regulationTasks.id });
    return updated.length === 1;
  },

  /** Template steps that already have a task for this document (whatever its status). */
  async plannedStepIds(tx: Executor, regulationId: string): Promise<Set<string>> {
    const rows = await tx
      .select({ templateId: regulationTasks.templateId })
      .from(regulationTasks)
      .where(and(eq(regulationTasks.regulationId, regulationId), sql`${regulationTasks.templateId} IS NOT NULL`));
    return new Set(rows.map((r) => r.templateId!));
  },

  async countWithStatus(tx: Executor, regulationId: string, status: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(regulationTasks)
      .where(and(eq(regulationTasks.regulationId, regulationId), eq(regulationTasks.status, status)));
    return row?.n ?? 0;
  },

  /** Moves the open tasks that follow the effective date to the new one; returns how many moved. */
  async redate(tx: Executor, regulationId: string, effectiveOn: string): Promise<number> {
    const rows = await tx
      .update(regulationTasks)
      .set({
        dueOn: sql`(${effectiveOn}::date + ${regulationTasks.offsetDays})`,
        version: sql`${regulationTasks.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(regulationTasks.regulationId, regulationId),
          sql`${regulationTasks.offsetDays} IS NOT NULL`,
          inArray(regulationTasks.status, ['todo', 'in_progress']),
          sql`${regulationTasks.dueOn} <> (${effectiveOn}::date + ${regulationTasks.offsetDays})`,
        ),
      )
      .returning({ id: regulationTasks.id });
    return rows.length;
  },

  /** Open tasks due from `today` to `today + withinDays` (inclusive), soonest first. */
  async findDue(tx: Executor, today: string, withinDays: number): Promise<DueTaskRow[]> {
    return regulationTasksRepository.findOpenDue(tx, today, 0, withinDays);
  },

  /** Open tasks due between `today + fromDays` and `today + toDays` (both included; negative = in the past). */
  async findOpenDue(tx: Executor, today: string, fromDays: number, toDays: number): Promise<DueTaskRow[]> {
    const { rows } = await tx.execute<{
      task_id: string;
      regulation_id: string;
      regulation_number: string;
      title: string;
      phase: string;
      status: string;
      due_on: string;
      owner_unit_id: string;
      owner_unit_code: string;
      owner_unit_name: string;
      assignee_user_id: string | null;
    }>(sql`
      SELECT t.id AS task_id, t.regulation_id, r.number AS regulation_number, t.title, t.phase, t.status,
             to_char(t.due_on, 'YYYY-MM-DD') AS due_on, t.owner_unit_id, o.code AS owner_unit_code,
             o.name AS owner_unit_name, t.assignee_user_id
        FROM regulation_tasks t
        JOIN regulations r ON r.id = t.regulation_id
        JOIN org_units o ON o.id = t.owner_unit_id
       WHERE t.status IN ('todo', 'in_progress')
         AND t.due_on BETWEEN ${today}::date + ${fromDays}::int AND ${today}::date + ${toDays}::int
       ORDER BY t.due_on, r.number, t.id`);
    return rows.map((r) => ({
      taskId: r.task_id,
      regulationId: r.regulation_id,
      regulationNumber: r.regulation_number,
      title: r.title,
      phase: r.phase,
      status: r.status,
      dueOn: r.due_on,
      ownerUnitId: r.owner_unit_id,
      ownerUnitCode: r.owner_unit_code,
      ownerUnitName: r.owner_unit_name,
      assigneeUserId: r.assignee_user_id,
    }));
  },

  /** A page of template steps in order (`q` matches names and titles). */
  async listTemplate(tx: Executor, query: TListQuery): Promise<{ rows: TemplateRow[]; total: number }> {
    const where = matchesSearch(
      query.q,
      sql`loa_fold(${communicationTaskTemplates.name} || ' ' || ${communicationTaskTemplates.titleVi} || ' ' || ${communicationTaskTemplates.titleEn})`,
    );
    const { limit, offset } = paging(query);
    const rows = await tx
      .select(templateColumns)
      .from(communicationTaskTemplates)
      .where(where)
      .orderBy(
        ...ordering(
          query.sort,
          {
            sortOrder: { column: communicationTaskTemplates.sortOrder },
            offsetDays: { column: communicationTaskTemplates.offsetDays },
            name: { column: communicationTaskTemplates.name },
          },
          'sortOrder',
          communicationTaskTemplates.id,
        ),
      )
      .limit(limit)
      .offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(communicationTaskTemplates).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  /** Every step of the template, in order, active or not. */
  async allTemplateSteps(tx: Executor): Promise<TemplateRow[]> {
    return tx
      .select(templateColumns)
      .from(communicationTaskTemplates)
      .orderBy(communicationTaskTemplates.sortOrder, communicationTaskTemplates.id);
  },

  /** Serialises rewrites of the template (generations still read it meanwhile). */
  async lockTemplate(tx: Executor): Promise<void> {
    await tx.execute(sql`LOCK TABLE communication_task_templates IN SHARE ROW EXCLUSIVE MODE`);
  },

  async insertTemplateStep(tx: Executor, values: NewTemplateRow): Promise<string> {
    const [row] = await tx
      .insert(communicationTaskTemplates)
      .values(values)
      .returning({ id: communicationTaskTemplates.id });
    return row!.id;
  },

  /** Updates a step when `version` still matches. */
  async updateTemplateStep(
    tx: Executor,
    id: string,
    version: number,
    values: Partial<NewTemplateRow>,
  ): Promise<boolean> {
    const rows = await tx
      .update(communicationTaskTemplates)
      .set({ ...values, version: sql`${communicationTaskTemplates.version} + 1`, updatedAt: new Date() })
      .where(and(eq(communicationTaskTemplates.id, id), eq(communicationTaskTemplates.version, version)))
      .returning({ id: communicationTaskTemplates.id });
    return rows.length === 1;
  },

  /** Removes steps; the tasks made from them stay (their template_id becomes null). */
  async deleteTemplateSteps(tx: Executor, ids: string[]): Promise<void> {
    if (ids.length > 0) await tx.delete(communicationTaskTemplates).where(inArray(communicationTaskTemplates.id, ids));
  },
};

export type RegulationTasksRepository = typeof regulationTasksRepository;
