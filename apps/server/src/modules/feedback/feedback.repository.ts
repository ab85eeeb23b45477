// Correlated subqueries name the outer table explicitly: drizzle renders ${column} unqualified.
import { and, asc, count, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { TFeedbackListQuery } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { matchesSearch } from '../../platform/db/search.js';
import { ordering, paging } from '../../platform/db/paging.js';
import type { FeedbackRow } from './feedback-view.js';
import { feedback, feedbackFiles, feedbackMessages } from './feedback.table.js';

const unitOf = (column: string) => ({
  code: sql<string>`(SELECT code FROM org_units o WHERE o.id = feedback.${sql.raw(column)})`,
  name: sql<string>`(SELECT name FROM org_units o WHERE o.id = feedback.${sql.raw(column)})`,
  path: sql<string>`(SELECT path FROM org_units o WHERE o.id = feedback.${sql.raw(column)})`,
});
const reporter = unitOf('reporter_unit_id');
const routed = unitOf('routed_unit_id');

const columns = {
  id: feedback.id,
  title: feedback.title,
  description: feedback.description,
  category: feedback.category,
  reporterUnitId: feedback.reporterUnitId,
  reportedBy: feedback.reportedBy,
  reportedByName: feedback.reportedByName,
  status: feedback.status,
  routedUnitId: feedback.routedUnitId,
  dueOn: feedback.dueOn,
  answeredAt: feedback.answeredAt,
  closedAt: feedback.closedAt,
  reopenCount: feedback.reopenCount,
  version: feedback.version,
  createdAt: feedback.createdAt,
  updatedAt: feedback.updatedAt,
  reporterUnitCode: reporter.code,
  reporterUnitName: reporter.name,
  reporterUnitPath: reporter.path,
  routedUnitCode: routed.code as SQL<string | null>,
  routedUnitName: routed.name as SQL<string | null>,
  routedUnitPath: routed.path as SQL<string | null>,
};

export type { FeedbackRow };

export interface MessageRow {
  id: string;
  kind: string;
  body: string;
  unitId: string | null;
  unitCode: string | null;
  unitName: string | null;
  dueOn: string | null;
  authorName: string;
  authorUnitId: string | null;
  authorUnitCode: string | null;
  authorUnitName: string | null;
  createdAt: Date;
}

export type NewMessageRow = Omit<typeof feedbackMessages.$inferInsert, 'id' | 'createdAt'>;
export type FeedbackChanges = Partial<
  Pick<typeof feedback.$inferInsert, 'status' | 'routedUnitId' | 'dueOn' | 'answeredAt' | 'closedAt' | 'reopenCount'>
>;

/** Whom the caller may see: `everything` for the Communication Center, otherwise reporter's or routed unit's subtree. */
export interface Visibility {
  everything: boolean;
  scopePath: string;
}

const SORTS = {
  createdAt: { column: feedback.createdAt },
  dueOn: { column: feedback.dueOn },
  title: { column: feedback.title, text: true },
  status: { column: feedback.status },
  category: { column: feedback.category },
  updatedAt: { column: feedback.updatedAt },
};

const scopeLike = (scopePath: string) => `${scopePath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filters(query: TFeedbackListQuery, visible: Visibility, today: string): SQL | undefined {
  const like = scopeLike(visible.scopePath);
  return and(
    visible.everything ? undefined : or(sql`${reporter.path} LIKE ${like}`, sql`${routed.path} LIKE ${like}`),
    matchesSearch(query.q, feedback.searchText),
    query.status ? eq(feedback.status, query.status) : undefined,
    query.category ? eq(feedback.category, query.category) : undefined,
    query.routedUnitId ? eq(feedback.routedUnitId, query.routedUnitId) : undefined,
    query.reporterUnitId
      ? sql`${reporter.path} LIKE (SELECT path FROM org_units WHERE id = ${query.reporterUnitId}) || '%'`
      : undefined,
    query.overdue === 'true' ? and(eq(feedback.status, 'routed'), lt(feedback.dueOn, today)) : undefined,
    query.overdue === 'false' ? or(sql`${feedback.status} <> 'routed'`, gte(feedback.dueOn, today)) : undefined,
    query.from ? sql`(${feedback.createdAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= ${query.from}` : undefined,
    query.to ? sql`(${feedback.createdAt} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= ${query.to}` : undefined,
  );
}

export const feedbackRepository = {
  async list(
    tx: Executor,
    query: TFeedbackListQuery,
    visible: Visibility,
    today: string,
    all = false,
  ): Promise<{ rows: FeedbackRow[]; total: number }> {
    const where = filters(query, visible, today);
    const { limit, offset } = paging(query);
    const base = tx
      .select(columns)
      .from(feedback)
      .where(where)
      .orderBy(...ordering(query.sort, SORTS, '-createdAt', feedback.id));
    const rows = all ? await base.limit(100_000) : await base.limit(limit).offset(offset);
    const [totalRow] = await tx.select({ total: count() }).from(feedback).where(where);
    return { rows, total: totalRow?.total ?? 0 };
  },

  async findById(tx: Executor, id: string, lock = false): Promise<FeedbackRow | null> {
    const query = tx.select(columns).from(feedback).where(eq(feedback.id, id));
    const [row] = lock ? await query.for('update', { of: feedback }) : await query;
    return row ?? null;
  },

  async insert(tx: Executor, values: typeof feedback.$inferInsert): Promise<string> {
    const [row] = await tx.insert(feedback).values(values).returning({ id: feedback.id });
    return row!.id;
  },

  /** Applies a change if the row still has `version`; false when someone changed it since. */
  async update(tx: Executor, id: string, version: number, changes: FeedbackChanges): Promise<boolean> {
    const rows = await tx
      .update(feedback)
      .set({ ...changes, version: sql`${feedback.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(feedback.id, id), eq(feedback.version, version)))
      .returning({ id: feedback.id });
    return rows.length === 1;
  },

  async insertMessage(tx: Executor, values: NewMessageRow, fileIds: readonly string[]): Promise<string> {
    const [row] = await tx.insert(feedbackMessages).values(values).returning({ id: feedbackMessages.id });
    if (fileIds.length > 0)
      await tx
        .insert(feedbackFiles)
        .values(fileIds.map((fileId, index) => ({ messageId: row!.id, fileId, sortOrder: index })));
    return row!.id;
  },

  async messages(tx: Executor, feedbackId: string): Promise<MessageRow[]> {
    return tx
      .select({
        id: feedbackMessages.id,
        kind: feedbackMessages.kind,
        body: feedbackMessages.body,
        unitId: feedbackMessages.unitId,
        unitCode: sql<string | null>`(SELECT code FROM org_units o WHERE o.id = feedback_messages.unit_id)`,
        unitName: sql<string | null>`(SELECT name FROM org_units o WHERE o.id = feedback_messages.unit_id)`,
        dueOn: feedbackMessages.dueOn,
        authorName: feedbackMessages.authorName,
        authorUnitId: feedbackMessages.authorUnitId,
        authorUnitCode: sql<
          string | null
        >`(SELECT code FROM org_units o WHERE o.id = feedback_messages.author_unit_id)`,
        authorUnitName: sql<
          string | null
        >`(SELECT name FROM org_units o WHERE o.id = feedback_messages.author_unit_id)`,
        createdAt: feedbackMessages.createdAt,
      })
      .from(feedbackMessages)
      .where(eq(feedbackMessages.feedbackId, feedbackId))
      .orderBy(asc(feedbackMessages.createdAt), asc(feedbackMessages.id));
  },

  async messageFiles(tx: Executor, messageIds: string[]): Promise<{ messageId: string; fileId: string }[]> {
    if (messageIds.length === 0) return [];
    return tx
      .select({ messageId: feedbackFiles.messageId, fileId: feedbackFiles.fileId })
      .from(feedbackFiles)
      .where(inArray(feedbackFiles.messageId, messageIds))
      .orderBy(asc(feedbackFiles.sortOrder));
  },

  /** Whether `fileId` is attached to some message of the feedback. */
  async hasFile(tx: Executor, feedbackId: string, fileId: string): Promise<boolean> {
    const [row] = await tx
      .select({ fileId: feedbackFiles.fileId })
      .from(feedbackFiles)
      .innerJoin(feedbackMessages, eq(feedbackMessages.id, feedbackFiles.messageId))
      .where(and(eq(feedbackMessages.feedbackId, feedbackId), eq(feedbackFiles.fileId, fileId)));
    return row !== undefined;
  },

  /** Feedback waiting for an answer due from `from` to `to` (inclusive), soonest first. */
  async dueBetween(tx: Executor, from: string, to: string): Promise<FeedbackRow[]> {
    return tx
      .select(columns)
      .from(feedback)
      .where(and(eq(feedback.status, 'routed'), gte(feedback.dueOn, from), lte(feedback.dueOn, to)))
      .orderBy(asc(feedback.dueOn), asc(feedback.id));
  },

  /** Every central unit, by name: where feedback may be routed. */
  async listCentralUnits(tx: Executor): Promise<{ id: string; code: string; name: string }[]> {
    const result = await tx.execute<{ id: string; code: string; name: string }>(
      sql`SELECT id, code, name FROM org_units WHERE kind = 'central_unit' ORDER BY name COLLATE "vi-x-icu"`,
    );
    return result.rows;
  },

  /** Central units with these codes, code → id/name. */
  async centralUnits(
    tx: Executor,
    codes: readonly string[],
  ): Promise<Map<string, { id: string; code: string; name: string }>> {
    if (codes.length === 0) return new Map();
    const result = await tx.execute<{ id: string; code: string; name: string }>(
      sql`SELECT id, code, name FROM org_units WHERE kind = 'central_unit' AND code IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
    return new Map(result.rows.map((r) => [r.code, r]));
  },
};

export type FeedbackRepository = typeof feedbackRepository;
