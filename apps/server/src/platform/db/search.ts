import { foldVi } from '@loa/contracts';
import { and, sql, type SQL, type SQLWrapper } from 'drizzle-orm';

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The one accent-insensitive search of Loa: every word of `q` must occur in `searchColumn`,
 * a generated column holding `loa_fold(...)` of the searchable fields (trigram-indexed).
 * "bao hiem" finds "Bảo hiểm", "da nang" finds "Đà Nẵng".
 */
export function matchesSearch(q: string | undefined, searchColumn: SQLWrapper): SQL | undefined {
  const words = foldVi(q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 10);
  if (words.length === 0) return undefined;
  return and(...words.map((word) => sql`${searchColumn} LIKE ${`%${escapeLike(word)}%`}`));
}

/** ORDER BY for Vietnamese text (ICU collation: "Đà Nẵng" after "Cà Mau", before "Gia Lai"). */
export function vietnameseOrder(column: SQLWrapper, descending = false): SQL {
  return descending ? sql`${column} COLLATE "vi-x-icu" DESC` : sql`${column} COLLATE "vi-x-icu"`;
}
