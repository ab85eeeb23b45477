import type { TCalendarPage } from '@loa/contracts';
import type { Dated } from './calendar-days';

/**
 * A cached calendar page with one item moved to new dates (the optimistic view of a drag), or the page itself
 * when the item is not on it. Regulation tasks with the same id are left alone: only items move.
 */
export function withItemMoved(
  page: TCalendarPage | undefined,
  itemId: string,
  dates: Dated,
): TCalendarPage | undefined {
  if (!page || !page.items.some((entry) => entry.kind === 'item' && entry.id === itemId)) return page;
  return {
    ...page,
    items: page.items.map((entry) =>
      entry.kind === 'item' && entry.id === itemId
        ? { ...entry, startsOn: dates.startsOn, endsOn: dates.endsOn }
        : entry,
    ),
  };
}
