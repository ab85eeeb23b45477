import {
  splitProblems,
  targetSetProblems,
  type TargetValued,
  type TLocale,
  type TPlanChildrenSum,
  type TPlanMetric,
  type TPlanParentLimit,
  type TPlanTreeNode,
} from '@loa/contracts';
import { formatCount } from '../../shared/format';
import { fieldMessage } from '../../shared/validation';

/** A tree node as antd's Table shows it: children nested, absent for a leaf. */
export interface PlanTreeRow extends TPlanTreeNode {
  key: string;
  children?: PlanTreeRow[];
}

/** Nests the server's flat list (parents before children) into rows; units whose parent is absent become roots. */
export function nestTree(nodes: readonly TPlanTreeNode[]): PlanTreeRow[] {
  const rows = new Map<string, PlanTreeRow>();
  const roots: PlanTreeRow[] = [];
  for (const node of nodes) {
    const row: PlanTreeRow = { ...node, key: node.unit.id };
    rows.set(node.unit.id, row);
    const parent = node.parentId ? rows.get(node.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  return roots;
}

export { formatCount };

/** A target's value as shown: budgets in đồng carry their unit. */
export function formatTargetValue(value: number, metric: TPlanMetric, locale: TLocale): string {
  const text = formatCount(value, locale);
  if (metric !== 'budget_vnd') return text;
  return locale === 'vi' ? `${text} đ` : `VND ${text}`;
}

/** How much of a target was achieved, in whole percent; null without a positive target. */
export function percentOf(actual: number, target: number | null): number | null {
  if (target === null || target <= 0) return null;
  return Math.floor((actual * 100) / target);
}

/** Plan years offered: two back and three ahead of `current`, and `selected` if it lies outside. */
export function yearOptions(current: number, selected: number): number[] {
  const years = Array.from({ length: 6 }, (_, i) => current - 2 + i);
  if (!years.includes(selected)) years.push(selected);
  return years.sort((a, b) => b - a);
}

/** A target row as the editor holds it (a blank or unset value is "not yet given"). */
export interface TargetDraft {
  metric?: TPlanMetric | undefined;
  period?: TargetValued['period'] | undefined;
  themeCode?: string | null | undefined;
  audienceCode?: string | null | undefined;
  value?: number | null | undefined;
}

/**
 * The messages of the editor's rows, by row index and field, in `locale`: the same rules the server applies
 * (periods, themes and audiences among themselves; the parent's limits and what the children hold), checked
 * as the user types. Rows not filled in yet are skipped.
 */
export function targetMessages(
  drafts: readonly (TargetDraft | undefined)[],
  limits: readonly TPlanParentLimit[],
  childrenSums: readonly TPlanChildrenSum[],
  locale: TLocale,
): Map<string, string> {
  const complete: TargetValued[] = [];
  const indexOf: number[] = [];
  drafts.forEach((draft, index) => {
    if (draft?.metric && draft.period && typeof draft.value === 'number') {
      complete.push({ ...draft, metric: draft.metric, period: draft.period, value: draft.value });
      indexOf.push(index);
    }
  });
  const messages = new Map<string, string>();
  for (const problem of [...targetSetProblems(complete), ...splitProblems(complete, limits, childrenSums)]) {
    const key = `${indexOf[problem.index]}.${problem.field}`;
    if (messages.has(key)) continue;
    const params = Object.fromEntries(
      Object.entries(problem.params ?? {}).map(([name, value]) => [
        name,
        typeof value === 'number' && name !== 'quarter' ? formatCount(value, locale) : value,
      ]),
    );
    messages.set(key, fieldMessage(problem.code, locale, params));
  }
  return messages;
}
