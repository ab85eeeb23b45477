import type { ErrorCode, TPlanStatus } from '@loa/contracts';

/** What can be done to a plan; the status decides which of them are possible now. */
export type PlanAction = 'edit' | 'submit' | 'approve' | 'return' | 'delete';

/**
 * draft → submitted → approved; submitted → returned; a returned plan is edited and submitted again. An
 * approved plan can still be returned (reopened, with a reason) when it must change, e.g. because the
 * parent unit's targets changed. Only drafts are deleted: a plan once submitted stays on record.
 */
const ALLOWED_FROM: Record<PlanAction, readonly TPlanStatus[]> = {
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted', 'approved'],
  delete: ['draft'],
};

const REFUSAL: Record<PlanAction, ErrorCode> = {
  edit: 'plan.not_editable',
  submit: 'plan.not_editable',
  approve: 'plan.not_under_review',
  return: 'plan.cannot_return',
  delete: 'plan.not_deletable',
};

export const STATUS_AFTER = { submit: 'submitted', approve: 'approved', return: 'returned' } as const satisfies Record<
  'submit' | 'approve' | 'return',
  TPlanStatus
>;

export function allows(action: PlanAction, status: TPlanStatus): boolean {
  return ALLOWED_FROM[action].includes(status);
}

/** The error that refuses `action` on a plan in `status`, or null when it is allowed. */
export function refusal(action: PlanAction, status: TPlanStatus): ErrorCode | null {
  return allows(action, status) ? null : REFUSAL[action];
}
