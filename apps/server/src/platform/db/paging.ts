import type { TListQuery } from '@loa/contracts';
import { count, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { fieldError } from '../errors.js';
import { vietnameseOrder } from './search.js';
import type { Executor } from './transaction.js';

export interface SortField {
  column: SQLWrapper;
  /** Text sorted with the Vietnamese collation. */
  text?: boolean;
}

/** LIMIT/OFFSET of a list query. */
export function paging(query: Pick<TListQuery, 'page' | 'pageSize'>) {
  return { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
}

/**
 * ORDER BY for `sort` ("name" or "-name") from a whitelist; an unknown field is a 400 on `sort`.
 * `tieBreaker` keeps pages stable when values repeat.
 */
export function ordering(
  sort: string | undefined,
  fields: Record<string, SortField>,
  fallback: string,
  tieBreaker: SQLWrapper,
): SQL[] {
  const requested = sort ?? fallback;
  const descending = requested.startsWith('-');
  const name = descending ? requested.slice(1) : requested;
  // Own keys only: "constructor" or "toString" must not find Object.prototype's.
  const field = Object.hasOwn(fields, name) ? fields[name] : undefined;
  if (!field) throw fieldError('sort', 'validation.invalid_sort');
  const primary = field.text
    ? vietnameseOrder(field.column, descending)
    : descending
      ? sql`${field.column} DESC NULLS LAST`
      : sql`${field.column} ASC NULLS LAST`;
  return [primary, sql`${tieBreaker}`];
}

/** Where a bounded count stops (decision 0053). */
export const COUNT_CAP = 10_000;

/**
 * Where a search's count stops (decision 0054): a search matching more than a thousand products is refined, not read
 * to the end, and every further match it counts is a row whose text is compared.
 */
export const SEARCH_COUNT_CAP = 1_000;

/**
 * The number of rows of `table` matching `where`, counted up to `cap`: past it, `total` is `cap` and `totalCapped`
 * is true. An exact count reads every matching row — the whole country's for the Communication Center — while a page
 * reads twenty; the bounded count stops reading at `cap + 1`.
 */
export async function boundedCount(
  tx: Executor,
  table: PgTable,
  where: SQL | undefined,
  cap = COUNT_CAP,
): Promise<{ total: number; totalCapped: boolean }> {
  const matches = tx
    .select({ one: sql`1`.as('one') })
    .from(table)
    .where(where)
    .limit(cap + 1)
    .as('matches');
  const [row] = await tx.select({ n: count() }).from(matches);
  return cappedTotal(row?.n ?? 0, cap);
}

/** A count of at most `cap + 1` rows as the total a page shows: `cap` and `totalCapped` past the cap. */
export function cappedTotal(n: number, cap: number): { total: number; totalCapped: boolean } {
  return n > cap ? { total: cap, totalCapped: true } : { total: n, totalCapped: false };
}
