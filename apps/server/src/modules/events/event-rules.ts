import { EVENT_TRANSITIONS, type TEventStatus } from '@loa/contracts';

/** Whether an event may move from `from` to `to` (planned → held → reported; planned or held → cancelled). */
export function canTransition(from: TEventStatus, to: TEventStatus): boolean {
  return EVENT_TRANSITIONS[from].includes(to);
}

/** Reported and cancelled events are history: their facts no longer change. */
export function isLocked(status: TEventStatus): boolean {
  return status === 'reported' || status === 'cancelled';
}

const LOCAL_KINDS = new Set(['province', 'district']);

/**
 * Whether a place lies in the organiser's territory: a province or district office works in its own subtree's
 * territory (the unit keeping the place lies under it); the agency and its central units work nationwide.
 * A free address without administrative units (`keeperPath` null) is the organiser's own.
 */
export function placeInTerritory(organiser: { kind: string; path: string }, keeperPath: string | null): boolean {
  if (keeperPath === null || !LOCAL_KINDS.has(organiser.kind)) return true;
  return keeperPath.startsWith(organiser.path);
}

export type RestrictionDecision = 'proceed' | 'override' | 'refuse';

/**
 * What happens to a direct event that restrictions would block: nothing blocks → proceed; a leader (or
 * administrator) who gives a written reason → override, recorded; anyone else, or a leader without a reason →
 * refused, naming the restriction.
 */
export function restrictionDecision(input: {
  blocking: number;
  isLeader: boolean;
  reason: string | undefined;
}): RestrictionDecision {
  if (input.blocking === 0) return 'proceed';
  return input.isLeader && (input.reason ?? '').trim().length > 0 ? 'override' : 'refuse';
}
