import type { TProductStory, TStoryKind } from '@loa/contracts';
import { inScope, type Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError, notFound } from '../../platform/errors.js';
import type { ProductStoriesRepository } from './product-stories.repository.js';
import type { ProductRow, ProductsRepository } from './products.repository.js';
import { productsPolicy } from './products.policy.js';

export interface ProductStoriesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ProductStoriesRepository;
  products: Pick<ProductsRepository, 'findById'>;
  recordAudit: RecordAudit;
  /** The story as the actor reads it (stories service); throws not-found when it is out of their reach. */
  getStory: (actor: Actor, id: string) => Promise<{ id: string; status: string }>;
}

export type ProductStoriesService = ReturnType<typeof createProductStoriesService>;

/**
 * The stories of the library a product tells or draws on (issue 4 §6). Only usable stories — their people
 * consented, or no consent was needed — are linked; whoever may edit the product links and unlinks them.
 */
export function createProductStoriesService(deps: ProductStoriesDeps) {
  const { runInTransaction, repo, products, recordAudit } = deps;

  async function editable(tx: Executor, actor: Actor, id: string): Promise<ProductRow> {
    const row = await products.findById(tx, id, true);
    if (!row || !productsPolicy.canSee(actor, row)) throw notFound('product');
    productsPolicy.assertCanEdit(actor, row);
    if (row.status === 'archived') throw new AppError('product.archived');
    return row;
  }

  /** A story the actor reads and may use; anything else is a problem of the `storyId` field. */
  async function assertUsable(actor: Actor, storyId: string): Promise<void> {
    try {
      const story = await deps.getStory(actor, storyId);
      if (story.status === 'usable') return;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'resource.not_found')) throw error;
    }
    throw fieldError('storyId', 'validation.story_not_usable');
  }

  /**
   * The linked stories the actor may read, in the order they were linked. The rule is the stories library's
   * (decision 0015): usable stories are read by everyone, the others only within the keeping unit's subtree —
   * a story whose consent was withdrawn after linking stays linked but is not shown outside that subtree.
   */
  async function listFor(tx: Executor, actor: Actor, productId: string): Promise<TProductStory[]> {
    const rows = await repo.list(tx, productId);
    return rows
      .filter((row) => row.status === 'usable' || inScope(actor, row.orgUnitPath))
      .map((row) => ({ id: row.storyId, title: row.title, kind: row.kind as TStoryKind }));
  }

  return {
    listFor,

    /** Links a usable story to the product; linking one already linked changes nothing. */
    async linkStory(actor: Actor, productId: string, storyId: string): Promise<TProductStory[]> {
      productsPolicy.assertCanWrite(actor);
      await assertUsable(actor, storyId);
      return runInTransaction(async (tx) => {
        const product = await editable(tx, actor, productId);
        // Checked again under a lock: consent withdrawn meanwhile takes the story out of use.
        const story = await repo.lockUsableStory(tx, storyId);
        if (!story) throw fieldError('storyId', 'validation.story_not_usable');
        if (await repo.insert(tx, { productId, storyId, linkedBy: actor.userId })) {
          await recordAudit(tx, actor, {
            action: 'link_story',
            entityType: 'product',
            entityId: productId,
            orgUnitId: product.ownerUnitId,
            summary: `${product.title}: ${story.title}`.slice(0, 300),
            after: { storyId, title: story.title, kind: story.kind },
          });
        }
        return listFor(tx, actor, productId);
      });
    },

    /** Takes a story off the product; the story itself is untouched. */
    async unlinkStory(actor: Actor, productId: string, storyId: string): Promise<void> {
      productsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const product = await editable(tx, actor, productId);
        const removed = await repo.delete(tx, productId, storyId);
        if (!removed) throw notFound('product_story');
        await recordAudit(tx, actor, {
          action: 'unlink_story',
          entityType: 'product',
          entityId: productId,
          orgUnitId: product.ownerUnitId,
          summary: `${product.title}: ${removed.title}`.slice(0, 300),
          before: { storyId, title: removed.title },
        });
      });
    },
  };
}
