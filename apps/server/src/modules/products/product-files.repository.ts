import { and, asc, eq, sql } from 'drizzle-orm';
import { preparedStatement } from '../../platform/db/prepared.js';
import type { Executor } from '../../platform/db/transaction.js';
import { productFiles } from './products.table.js';

export interface ProductFileRow {
  productId: string;
  fileId: string;
  title: string;
  sortOrder: number;
  addedAt: Date;
  adderName: string | null;
}

const columns = {
  productId: productFiles.productId,
  fileId: productFiles.fileId,
  title: productFiles.title,
  sortOrder: productFiles.sortOrder,
  addedAt: productFiles.addedAt,
  adderName: sql<string | null>`(SELECT full_name FROM users u WHERE u.id = product_files.added_by)`,
};

/** A product's files, read whenever a product is opened: planned once per connection (decision 0054). */
const filesOfProduct = preparedStatement((tx) =>
  tx
    .select(columns)
    .from(productFiles)
    .where(eq(productFiles.productId, sql.placeholder('productId')))
    .orderBy(asc(productFiles.sortOrder), asc(productFiles.addedAt))
    .prepare('loa_files_of_product'),
);

export const productFilesRepository = {
  /** A product's files in the order shown. */
  async list(tx: Executor, productId: string): Promise<ProductFileRow[]> {
    return filesOfProduct(tx, { productId });
  },

  async find(tx: Executor, productId: string, fileId: string): Promise<ProductFileRow | null> {
    const [row] = await tx
      .select(columns)
      .from(productFiles)
      .where(and(eq(productFiles.productId, productId), eq(productFiles.fileId, fileId)));
    return row ?? null;
  },

  /** Appends a file after the product's last one. */
  async insert(
    tx: Executor,
    values: { productId: string; fileId: string; title: string; addedBy: string | null },
  ): Promise<void> {
    await tx.insert(productFiles).values({
      ...values,
      sortOrder: sql`(SELECT coalesce(max(sort_order), 0) + 1 FROM product_files WHERE product_id = ${values.productId})`,
    });
  },

  async delete(tx: Executor, productId: string, fileId: string): Promise<void> {
    await tx.delete(productFiles).where(and(eq(productFiles.productId, productId), eq(productFiles.fileId, fileId)));
  },
};

export type ProductFilesRepository = typeof productFilesRepository;
