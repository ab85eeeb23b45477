// An officer's saved searches: named query strings, one name per officer.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { vietnameseOrder } from '../../platform/db/search.js';
import { monitoringViews } from './monitoring-articles.table.js';

export type SavedViewRow = typeof monitoringViews.$inferSelect;

export const savedViewsRepository = {
  /** The officer's views by name. */
  async listByUser(tx: Executor, userId: string): Promise<SavedViewRow[]> {
    return tx
      .select()
      .from(monitoringViews)
      .where(eq(monitoringViews.userId, userId))
      .orderBy(vietnameseOrder(monitoringViews.name), monitoringViews.id);
  },

  async countByUser(tx: Executor, userId: string): Promise<number> {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(monitoringViews)
      .where(eq(monitoringViews.userId, userId));
    return row?.n ?? 0;
  },

  /** Inserts the view; null when the officer already has one of that name. */
  async insert(tx: Executor, values: { userId: string; name: string; params: string }): Promise<SavedViewRow | null> {
    const [row] = await tx.insert(monitoringViews).values(values).onConflictDoNothing().returning();
    return row ?? null;
  },

  /** Deletes the officer's own view; null when there is none with that id of theirs. */
  async deleteOwn(tx: Executor, id: string, userId: string): Promise<SavedViewRow | null> {
    const [row] = await tx
      .delete(monitoringViews)
      .where(and(eq(monitoringViews.id, id), eq(monitoringViews.userId, userId)))
      .returning();
    return row ?? null;
  },
};

export type SavedViewsRepository = typeof savedViewsRepository;
