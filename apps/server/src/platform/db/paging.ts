import type { TListQuery } from '@loa/contracts';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { fieldError } from '../errors.js';
import { vietnameseOrder } from './search.js';

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
