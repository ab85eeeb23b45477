import type { TGuidanceItem } from '@loa/contracts';

/** Groups the catalog knows how to name; any other group is shown by its code. */
export const KNOWN_GROUPS = [
  'regular',
  'peak',
  'direct',
  'mass_media',
  'social',
  'other',
  'report',
  'note',
  'press',
  'av',
  'print',
] as const;
export type KnownGroup = (typeof KNOWN_GROUPS)[number];

export function isKnownGroup(group: string): group is KnownGroup {
  return (KNOWN_GROUPS as readonly string[]).includes(group);
}

export interface ItemSection {
  group: string | null;
  items: TGuidanceItem[];
}

/** Splits items into sections by group, in order of first appearance (items keep their sortOrder). */
export function sectionsByGroup(items: readonly TGuidanceItem[]): ItemSection[] {
  const sorted = [...items].sort((a, b) => a.sortOrder - b.sortOrder);
  const sections = new Map<string | null, TGuidanceItem[]>();
  for (const item of sorted) sections.set(item.group, [...(sections.get(item.group) ?? []), item]);
  return [...sections].map(([group, list]) => ({ group, items: list }));
}
