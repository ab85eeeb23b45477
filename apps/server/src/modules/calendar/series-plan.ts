import { addDays } from './days.js';

/** A materialised occurrence: its row id and the day the rule gave it. */
export interface Occurrence {
  id: string;
  occurrenceOn: string;
}

/** How to bring a series' rows in line with its (new) occurrence days. */
export interface OccurrencePlan {
  /** Rows that stay, now standing for `occurrenceOn` (ids are kept so links to them keep working). */
  keep: Occurrence[];
  /** Days that get a new row. */
  insert: string[];
  /** Rows whose day the series no longer has. */
  remove: string[];
}

/**
 * Matches the regular (non-exception) rows of a series, from some occurrence on, to the days the series now
 * gives: a row whose old day moved by `shift` days lands on a new day and keeps its id; the rest are removed,
 * and new days without a row are inserted. `anchor` (the occurrence being edited) always keeps its id, on
 * `anchorDay`. Days in `taken` (held by exceptions, or deleted on their own) get no row.
 */
export function planOccurrences(
  regular: Occurrence[],
  days: string[],
  options: { shift: number; taken: ReadonlySet<string>; anchor?: { id: string; day: string } },
): OccurrencePlan {
  const wanted = new Set(days.filter((day) => !options.taken.has(day)));
  const keep: Occurrence[] = [];
  const remove: string[] = [];
  if (options.anchor) {
    keep.push({ id: options.anchor.id, occurrenceOn: options.anchor.day });
    wanted.delete(options.anchor.day);
  }
  for (const row of regular) {
    if (row.id === options.anchor?.id) continue;
    const day = addDays(row.occurrenceOn, options.shift);
    if (wanted.has(day)) {
      keep.push({ id: row.id, occurrenceOn: day });
      wanted.delete(day);
    } else remove.push(row.id);
  }
  return {
    keep: keep.sort((a, b) => a.occurrenceOn.localeCompare(b.occurrenceOn)),
    insert: [...wanted].sort(),
    remove,
  };
}
