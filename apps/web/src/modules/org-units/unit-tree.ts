import { matchesVi, UNIT_KINDS, type TOrgUnit } from '@loa/contracts';
import { compareVi } from '../../shared/format';

export interface UnitTreeNode {
  key: string;
  /** Plain text, so pickers can show it as the node's tooltip and search it. */
  title: string;
  value: string;
  unit: TOrgUnit;
  children?: UnitTreeNode[];
}

const TYPE_PREFIX =
  /^(?:(?:bhxh|bảo hiểm xã hội)\s+)?(?:tỉnh|thành phố|tp\.?|quận|huyện|thị xã|thị trấn|khu vực|liên huyện)\s+/iu;

/** The part of a province or district name to alphabetise by: "BHXH tỉnh An Giang" → "An Giang". */
export function unitSortName(unit: Pick<TOrgUnit, 'name' | 'shortName'>): string {
  return (unit.shortName?.trim() || unit.name).replace(TYPE_PREFIX, '');
}

/** Siblings: grouped by kind (central units before provinces…); provinces and districts A–Z in Vietnamese, the rest by code. */
export function compareSiblings(a: TOrgUnit, b: TOrgUnit): number {
  const byKind = UNIT_KINDS.indexOf(a.kind) - UNIT_KINDS.indexOf(b.kind);
  if (byKind !== 0) return byKind;
  if (a.kind === 'province' || a.kind === 'district') {
    return compareVi(unitSortName(a), unitSortName(b)) || compareVi(a.name, b.name);
  }
  return a.code.localeCompare(b.code, 'vi', { numeric: true });
}

/** Builds the tree from `parentId`; a unit whose parent is outside the user's scope becomes a root. */
export function buildUnitTree(units: readonly TOrgUnit[]): UnitTreeNode[] {
  const ids = new Set(units.map((unit) => unit.id));
  const children = new Map<string | null, TOrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null): UnitTreeNode[] =>
    [...(children.get(parent) ?? [])].sort(compareSiblings).map((unit) => {
      const kids = build(unit.id);
      return { key: unit.id, value: unit.id, title: unit.name, unit, ...(kids.length ? { children: kids } : {}) };
    });
  return build(null);
}

/**
 * Keeps the nodes matching `query` (accent-insensitive) with their whole subtree, and the ancestors
 * leading to them; the ancestors are the keys to expand so every match is visible.
 */
export function filterUnitTree(
  nodes: readonly UnitTreeNode[],
  query: string,
): { nodes: UnitTreeNode[]; expandedKeys: string[]; matchCount: number } {
  const expandedKeys: string[] = [];
  let matchCount = 0;
  const visit = (list: readonly UnitTreeNode[]): UnitTreeNode[] =>
    list.flatMap((node) => {
      const { unit } = node;
      if (matchesVi(`${unit.name} ${unit.shortName ?? ''} ${unit.code}`, query)) {
        matchCount += 1;
        return [node];
      }
      const kids = node.children ? visit(node.children) : [];
      if (!kids.length) return [];
      expandedKeys.push(node.key);
      return [{ ...node, children: kids }];
    });
  const kept = visit(nodes);
  return { nodes: kept, expandedKeys, matchCount };
}

/** The id of a unit and all units below it (to keep a unit from being moved under itself). */
export function subtreeIds(units: readonly TOrgUnit[], rootId: string): Set<string> {
  const result = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && result.has(unit.parentId) && !result.has(unit.id)) {
        result.add(unit.id);
        grew = true;
      }
    }
  }
  return result;
}
