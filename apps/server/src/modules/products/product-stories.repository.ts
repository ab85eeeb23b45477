import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/transaction.js';
import { productStories } from './products.table.js';

/** A story linked to a product, with what decides who may read it (its status and keeping unit). */
export interface ProductStoryRow {
  storyId: string;
  title: string;
  kind: string;
  status: string;
  orgUnitPath: string;
  linkedAt: Date;
}

export interface LinkableStoryRow {
  id: string;
  title: string;
  kind: string;
}

export const productStoriesRepository = {
  /** The stories linked to a product, in the order they were linked. */
  async list(tx: Executor, productId: string): Promise<ProductStoryRow[]> {
    const result = await tx.execute<{
      story_id: string;
      title: string;
      kind: string;
      status: string;
      org_unit_path: string;
      linked_at: Date | string;
    }>(sql`
      SELECT ps.story_id, s.title, s.kind, s.status, u.path AS org_unit_path, ps.linked_at
        FROM product_stories ps
        JOIN stories s ON s.id = ps.story_id
        JOIN org_units u ON u.id = s.org_unit_id
       WHERE ps.product_id = ${productId}
       ORDER BY ps.linked_at, s.title`);
    return result.rows.map((r) => ({
      storyId: r.story_id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      orgUnitPath: r.org_unit_path,
      linkedAt: new Date(r.linked_at),
    }));
  },

  /**
   * The story if it is usable, locked against a status change until the transaction ends, so a story whose
   * consent is being withdrawn at the same moment is not linked.
   */
  async lockUsableStory(tx: Executor, storyId: string): Promise<LinkableStoryRow | null> {
    const result = await tx.execute<{ id: string; title: string; kind: string }>(
      sql`SELECT id, title, kind FROM stories WHERE id = ${storyId} AND status = 'usable' FOR SHARE`,
    );
    return result.rows[0] ?? null;
  },

  /** Links the story; false when it already was. */
  async insert(
    tx: Executor,
    values: { productId: string; storyId: string; linkedBy: string | null },
  ): Promise<boolean> {
    const rows = await tx
      .insert(productStories)
      .values(values)
      .onConflictDoNothing()
      .returning({ storyId: productStories.storyId });
    return rows.length > 0;
  },

  /** The title of a linked story, for the audit of its removal; null when it was not linked. */
  async delete(tx: Executor, productId: string, storyId: string): Promise<{ title: string } | null> {
    const result = await tx.execute<{ title: string }>(sql`
      DELETE FROM product_stories ps USING stories s
       WHERE ps.product_id = ${productId} AND ps.story_id = ${storyId} AND s.id = ps.story_id
      RETURNING s.title`);
    return result.rows[0] ?? null;
  },
};

export type ProductStoriesRepository = typeof productStoriesRepository;
