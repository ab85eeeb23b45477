import type { Readable } from 'node:stream';
import type { TProductFile, TStoredFile } from '@loa/contracts';
import type { Actor } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, notFound } from '../../platform/errors.js';
import { toStoredFile, type FilesService, type Upload } from '../files/index.js';
import type { ProductFilesRepository } from './product-files.repository.js';
import type { ProductRow, ProductsRepository } from './products.repository.js';
import { productsPolicy } from './products.policy.js';

export interface ProductFilesDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  repo: ProductFilesRepository;
  products: Pick<ProductsRepository, 'findById'>;
  recordAudit: RecordAudit;
  files: Pick<FilesService['internal'], 'storeThen' | 'open' | 'openThumbnail' | 'findByIds'>;
  /** Whether `unitId` is asked to appraise the product (its officers then read it and its files). */
  isAskedUnit?: (tx: Executor, productId: string, unitId: string) => Promise<boolean>;
}

/** The title a file gets when none is given: its name without the extension. */
function defaultTitle(fileName: string | undefined): string {
  const name = (fileName ?? '').trim();
  return (name.replace(/\.[^.]+$/, '') || name).slice(0, 300);
}

export type ProductFilesService = ReturnType<typeof createProductFilesService>;

/**
 * The files of a product (the video, the layout, the script as delivered). Whoever sees the product downloads
 * them; whoever may edit it adds and removes them. The files belong to the product's owner unit.
 */
export function createProductFilesService(deps: ProductFilesDeps) {
  const { db, runInTransaction, repo, products, recordAudit, files } = deps;

  async function getVisible(tx: Executor, actor: Actor, id: string, lock = false): Promise<ProductRow> {
    const row = await products.findById(tx, id, lock);
    if (!row) throw notFound('product');
    if (productsPolicy.canSee(actor, row)) return row;
    if (actor.orgUnitId && (await deps.isAskedUnit?.(tx, id, actor.orgUnitId))) return row;
    throw notFound('product');
  }

  function assertEditable(actor: Actor, row: ProductRow): void {
    productsPolicy.assertCanEdit(actor, row);
    if (row.status === 'archived') throw new AppError('product.archived');
  }

  /** A product's files with their stored files, in the order shown. */
  async function listFor(tx: Executor, productId: string): Promise<TProductFile[]> {
    const rows = await repo.list(tx, productId);
    const stored = await files.findByIds(
      tx,
      rows.map((r) => r.fileId),
    );
    const byId = new Map(stored.map((f) => [f.id, f]));
    return rows.flatMap((row) => {
      const file = byId.get(row.fileId);
      if (!file) return [];
      return [
        {
          file: toStoredFile(file),
          title: row.title,
          sortOrder: row.sortOrder,
          addedBy: row.adderName,
          addedAt: row.addedAt.toISOString(),
        },
      ];
    });
  }

  return {
    listFor,

    /**
     * Uploads a file and adds it to the product in one transaction with its audit; if the product is gone,
     * archived or out of reach by then, neither the file nor the link remains.
     */
    async addFile(actor: Actor, productId: string, upload: Upload, title?: string): Promise<TProductFile> {
      productsPolicy.assertCanWrite(actor);
      // Checked before the upload is stored, and again under the lock.
      const product = await getVisible(db, actor, productId);
      assertEditable(actor, product);
      return files.storeThen(actor, upload, product.ownerUnitId, async (tx, file) => {
        const row = await getVisible(tx, actor, productId, true);
        assertEditable(actor, row);
        const fileTitle = title?.trim() || defaultTitle(file.name);
        await repo.insert(tx, { productId, fileId: file.id, title: fileTitle, addedBy: actor.userId });
        await recordAudit(tx, actor, {
          action: 'attach',
          entityType: 'product',
          entityId: productId,
          orgUnitId: row.ownerUnitId,
          summary: `${row.title}: ${fileTitle} (${file.name})`.slice(0, 300),
          after: { fileId: file.id, title: fileTitle, name: file.name, sha256: file.sha256 },
        });
        return (await listFor(tx, productId)).find((f) => f.file.id === file.id)!;
      });
    },

    /** Takes a file off the product; the file itself stays, as its upload was audited. */
    async removeFile(actor: Actor, productId: string, fileId: string): Promise<void> {
      productsPolicy.assertCanWrite(actor);
      await runInTransaction(async (tx) => {
        const row = await getVisible(tx, actor, productId, true);
        assertEditable(actor, row);
        const attached = await repo.find(tx, productId, fileId);
        if (!attached) throw notFound('product_file');
        await repo.delete(tx, productId, fileId);
        await recordAudit(tx, actor, {
          action: 'detach',
          entityType: 'product',
          entityId: productId,
          orgUnitId: row.ownerUnitId,
          summary: `${row.title}: ${attached.title}`.slice(0, 300),
          before: { fileId, title: attached.title },
        });
      });
    },

    /** The content of a product's file, for anyone who sees the product. */
    async openFile(actor: Actor, productId: string, fileId: string): Promise<{ file: TStoredFile; content: Readable }> {
      await getVisible(db, actor, productId);
      if (!(await repo.find(db, productId, fileId))) throw notFound('product_file');
      return files.open(db, fileId);
    },

    /** The thumbnail of a product's image, for anyone who sees the product (an appraising unit too). */
    async openThumbnail(
      actor: Actor,
      productId: string,
      fileId: string,
    ): Promise<{ file: TStoredFile; content: Readable }> {
      await getVisible(db, actor, productId);
      if (!(await repo.find(db, productId, fileId))) throw notFound('product_file');
      return files.openThumbnail(db, fileId);
    },
  };
}
