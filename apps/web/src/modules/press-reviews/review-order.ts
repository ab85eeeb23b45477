import {
  REVIEW_SECTIONS,
  type TReorderReviewRequest,
  type TReview,
  type TReviewEntry,
  type TReviewSection,
} from '@loa/contracts';

/** The editor's order: each section's entry ids, top first (left-out entries keep their place). */
export type SectionOrder = Record<TReviewSection, string[]>;

const isSection = (value: string): value is TReviewSection => (REVIEW_SECTIONS as readonly string[]).includes(value);

/** Groups entries by section, by position within a section (the edition's own order). */
export function orderOf(entries: readonly TReviewEntry[]): SectionOrder {
  const order: SectionOrder = { risk: [], agency: [], theme: [], provincial: [] };
  const sorted = [...entries].sort((a, b) => a.position - b.position);
  for (const entry of sorted) order[entry.section].push(entry.id);
  return order;
}

/** The section holding `id`: an entry's section, or the section itself when `id` names one (an empty list). */
export function containerOf(order: SectionOrder, id: string): TReviewSection | undefined {
  if (isSection(id)) return id;
  return REVIEW_SECTIONS.find((section) => order[section].includes(id));
}

/** Moves an entry to `index` of `section` (clamped; past the end means last). */
export function moveEntry(order: SectionOrder, id: string, section: TReviewSection, index: number): SectionOrder {
  const next: SectionOrder = { risk: [], agency: [], theme: [], provincial: [] };
  for (const key of REVIEW_SECTIONS) next[key] = order[key].filter((entryId) => entryId !== id);
  const target = next[section];
  target.splice(Math.max(0, Math.min(index, target.length)), 0, id);
  return next;
}

/** One place up (`-1`) or down (`+1`) within its section; null at the edge or for an unknown entry. */
export function shiftEntry(order: SectionOrder, id: string, step: -1 | 1): SectionOrder | null {
  if (isSection(id)) return null;
  const section = containerOf(order, id);
  if (!section) return null;
  const index = order[section].indexOf(id);
  const to = index + step;
  if (to < 0 || to >= order[section].length) return null;
  return moveEntry(order, id, section, to);
}

/**
 * Where a dragged entry lands when it is held over `overId` (an entry or a section's list). Within its own section
 * it takes the place of the entry below it; into another section it goes before the entry it is over, or last when
 * over the list itself. Null when nothing moves.
 */
export function dropTarget(
  order: SectionOrder,
  activeId: string,
  overId: string,
): { section: TReviewSection; index: number } | null {
  const from = containerOf(order, activeId);
  const to = containerOf(order, overId);
  if (!from || !to || activeId === overId) return null;
  if (from === to) {
    if (isSection(overId)) return null;
    return { section: to, index: order[to].indexOf(overId) };
  }
  const overIndex = isSection(overId) ? order[to].length : order[to].indexOf(overId);
  return { section: to, index: overIndex };
}

export function sameOrder(a: SectionOrder, b: SectionOrder): boolean {
  return REVIEW_SECTIONS.every(
    (section) => a[section].length === b[section].length && a[section].every((id, i) => b[section][i] === id),
  );
}

/** The PUT body: every entry exactly once, section by section. */
export function reorderRequest(order: SectionOrder, version: number): TReorderReviewRequest {
  return { version, sections: REVIEW_SECTIONS.map((section) => ({ section, entryIds: [...order[section]] })) };
}

/** The edition as it will look once the server has the new order (for the screen before the answer comes). */
export function withOrder(review: TReview, order: SectionOrder): TReview {
  const placed = new Map<string, { section: TReviewSection; position: number }>();
  for (const section of REVIEW_SECTIONS) {
    order[section].forEach((id, index) => placed.set(id, { section, position: index + 1 }));
  }
  return {
    ...review,
    entries: review.entries.map((entry) => {
      const place = placed.get(entry.id);
      return place ? { ...entry, ...place } : entry;
    }),
  };
}

/** The number each entry is printed with: 1, 2, … within its section, counting only entries kept in. */
export function printedNumbers(order: SectionOrder, excluded: ReadonlySet<string>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const section of REVIEW_SECTIONS) {
    let n = 0;
    for (const id of order[section]) if (!excluded.has(id)) numbers.set(id, ++n);
  }
  return numbers;
}

/** An edit's answer is the whole edition (or just the entry, depending on the route): tells them apart. */
export function isReview(value: unknown): value is TReview {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as { entries?: unknown }).entries) &&
    typeof (value as { version?: unknown }).version === 'number'
  );
}
