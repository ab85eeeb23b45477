import { PLAN_STATUSES } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { allows, refusal, type PlanAction } from './plan-status.js';

const allowedFrom = (action: PlanAction) => PLAN_STATUSES.filter((status) => allows(action, status));

describe('plan workflow', () => {
  it('edits and submits drafts and returned plans only', () => {
    expect(allowedFrom('edit')).toEqual(['draft', 'returned']);
    expect(allowedFrom('submit')).toEqual(['draft', 'returned']);
  });

  it('approves submitted plans, and returns submitted or approved ones', () => {
    expect(allowedFrom('approve')).toEqual(['submitted']);
    expect(allowedFrom('return')).toEqual(['submitted', 'approved']);
  });

  it('deletes drafts only: a plan once submitted stays on record', () => {
    expect(allowedFrom('delete')).toEqual(['draft']);
  });

  it('names the reason for each refusal', () => {
    expect(refusal('edit', 'approved')).toBe('plan.not_editable');
    expect(refusal('approve', 'draft')).toBe('plan.not_under_review');
    expect(refusal('return', 'returned')).toBe('plan.cannot_return');
    expect(refusal('delete', 'returned')).toBe('plan.not_deletable');
    expect(refusal('submit', 'returned')).toBeNull();
  });
});
