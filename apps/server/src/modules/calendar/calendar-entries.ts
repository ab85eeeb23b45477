import type { TCalendarEntry } from '@loa/contracts';

/** The sorts the calendar's list view offers (items and tasks interleave by these). */
export const ENTRY_SORTS = ['startsOn', '-startsOn', 'title', '-title'] as const;

const collator = new Intl.Collator('vi');

/**
 * The one order of the calendar's list: by day (or title, ties by day), items before tasks on the same key,
 * then by id. Each source is read from the database in this order, so two sorted pages merge into one.
 */
export function compareEntries(sort: string): (a: TCalendarEntry, b: TCalendarEntry) => number {
  const descending = sort.startsWith('-');
  const byTitle = sort.replace('-', '') === 'title';
  return (a, b) => {
    const primary = byTitle ? collator.compare(a.title, b.title) : a.startsOn.localeCompare(b.startsOn);
    if (primary !== 0) return descending ? -primary : primary;
    if (byTitle && a.startsOn !== b.startsOn) return a.startsOn.localeCompare(b.startsOn);
    if (a.kind !== b.kind) return a.kind === 'item' ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** One page of the merge of two lists, each already in `sort` order and holding at least the page's end. */
export function mergePage(
  items: TCalendarEntry[],
  tasks: TCalendarEntry[],
  sort: string,
  page: { page: number; pageSize: number },
): TCalendarEntry[] {
  const start = (page.page - 1) * page.pageSize;
  return [...items, ...tasks].sort(compareEntries(sort)).slice(start, start + page.pageSize);
}
