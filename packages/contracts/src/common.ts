import { z } from 'zod';

export const MAX_PAGE_SIZE = 1000;

export const ZId = z.uuid({ message: 'validation.invalid_id' });
export type TId = z.infer<typeof ZId>;

/** The version a change was based on: stored as a PostgreSQL integer, so one past its range is a field error. */
export const ZVersion = z.number().int().min(0).max(2_147_483_647);
/** The same, sent in a query string (DELETE …?version=). */
export const ZVersionQuery = z.coerce.number().int().min(0).max(2_147_483_647);

/** Query string every list endpoint accepts: accent-insensitive `q`, 1-based `page`, `pageSize` ≤ 1000, `sort` ("name" or "-name"). */
export const ZListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
  sort: z
    .string()
    .regex(/^-?[a-zA-Z]+$/, { message: 'validation.invalid_sort' })
    .optional(),
});
export type TListQuery = z.infer<typeof ZListQuery>;

/**
 * Builds the `{items, total}` page schema every list endpoint returns. A list that can hold a whole country's rows
 * stops counting at a cap (decision 0053): `totalCapped` is then true and `total` is a lower bound ("more than").
 */
export function zPage<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), totalCapped: z.boolean().optional() });
}
export type TPage<T> = { items: T[]; total: number; totalCapped?: boolean };

export const ZProblemField = z.object({ field: z.string(), code: z.string(), message: z.string() });
/** RFC 9457 problem details with Loa's stable `code` and per-field errors. */
export const ZProblem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string().optional(),
  errors: z.array(ZProblemField).optional(),
});
export type TProblem = z.infer<typeof ZProblem>;

export const ZImportReport = z.object({
  applied: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), field: z.string().optional(), message: z.string() })),
});
export type TImportReport = z.infer<typeof ZImportReport>;
