import {
  TASK_PHASES,
  type TRegulationRelation,
  type TRegulationTask,
  type TTaskPhase,
  type TTaskStatus,
} from '@loa/contracts';
import type { MessageKey } from '../../app/i18n/i18n';

/** A document's tasks as the timeline shows them: one group per phase, in order, each by due date. */
export function groupByPhase(tasks: readonly TRegulationTask[]): { phase: TTaskPhase; tasks: TRegulationTask[] }[] {
  return TASK_PHASES.map((phase) => ({
    phase,
    tasks: tasks
      .filter((task) => task.phase === phase)
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'vi')),
  }));
}

export const STATUS_COLORS: Record<TTaskStatus, string> = {
  todo: 'default',
  in_progress: 'processing',
  done: 'success',
  cancelled: 'default',
};

export const PHASE_COLORS: Record<TTaskPhase, string> = { before: 'gold', during: 'blue', after: 'purple' };

const OUTGOING: Record<TRegulationRelation['kind'], MessageKey> = {
  replaces: 'regulations.relation.replaces',
  amends: 'regulations.relation.amends',
  guides: 'regulations.relation.guides',
};
const INCOMING: Record<TRegulationRelation['kind'], MessageKey> = {
  replaces: 'regulations.relation.replacedBy',
  amends: 'regulations.relation.amendedBy',
  guides: 'regulations.relation.guidedBy',
};

/** How a relation reads from the document on screen: "Sửa đổi, bổ sung 1061/…" or "Được sửa đổi, bổ sung bởi 1068/…". */
export function relationLabelKey(relation: Pick<TRegulationRelation, 'kind' | 'direction'>): MessageKey {
  return (relation.direction === 'outgoing' ? OUTGOING : INCOMING)[relation.kind];
}

/** "-10" → "−10", "3" → "+3": a template offset as officers read it. */
export function formatOffset(days: number): string {
  if (days === 0) return '0';
  return days > 0 ? `+${days}` : `−${Math.abs(days)}`;
}
