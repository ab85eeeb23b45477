import type { TProposalAction, TProposalStatus } from '@loa/contracts';

/**
 * The life of a proposal. It is submitted when created (no draft: the form is short and the monthly
 * deadline is the natural "send" moment); while it awaits a decision the proposing side may edit or
 * withdraw it and the Communication Center accepts, merges or declines it. Every other status is final.
 */
const TRANSITIONS: Record<TProposalAction, { from: readonly TProposalStatus[]; to: TProposalStatus }> = {
  edit: { from: ['submitted'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'withdrawn' },
  accept: { from: ['submitted'], to: 'accepted' },
  merge: { from: ['submitted'], to: 'merged' },
  decline: { from: ['submitted'], to: 'declined' },
};

/** Who does what: the proposing side edits and withdraws, the Communication Center decides. */
const SIDE: Record<TProposalAction, 'proposer' | 'decider'> = {
  edit: 'proposer',
  withdraw: 'proposer',
  accept: 'decider',
  merge: 'decider',
  decline: 'decider',
};

/** The status `action` leads to from `status`, or null when the action is not possible then. */
export function nextStatus(status: TProposalStatus, action: TProposalAction): TProposalStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** The actions open on a proposal in `status` for a caller with these rights, in a stable order. */
export function availableActions(
  status: TProposalStatus,
  rights: { propose: boolean; decide: boolean },
): TProposalAction[] {
  return (Object.keys(TRANSITIONS) as TProposalAction[]).filter(
    (action) => nextStatus(status, action) !== null && rights[SIDE[action] === 'proposer' ? 'propose' : 'decide'],
  );
}

/** What a merge target must be, as facts the check needs. */
export interface MergeFacts {
  id: string;
  status: TProposalStatus;
  guidanceYear: number;
}

/**
 * Why `source` cannot be merged into `target` (a field message code for `targetId`), or null: not into
 * itself, only into a proposal awaiting a decision or accepted, and only within one guidance year (their
 * theme and audience codes must mean the same things).
 */
export function mergeTargetProblem(source: MergeFacts, target: MergeFacts): string | null {
  if (source.id === target.id) return 'validation.merge_self';
  if (target.status !== 'submitted' && target.status !== 'accepted') return 'validation.merge_target';
  if (source.guidanceYear !== target.guidanceYear) return 'validation.merge_other_year';
  return null;
}
