import { describe, expect, it } from 'vitest';
import type { TAppraisalVerdict } from '@loa/contracts';
import { addDays, appraisalState, isOverdue, readiness, vnDay, type OpinionFacts } from './appraisal-state.js';

let clock = Date.UTC(2026, 0, 5);
const opinion = (productVersion: number, verdict: TAppraisalVerdict): OpinionFacts => ({
  productVersion,
  verdict,
  signedAt: new Date((clock += 60_000)),
});
const active = { withdrawnAt: null };

describe('appraisalState', () => {
  it('waits for the unit until it gives an opinion', () => {
    expect(appraisalState(active, [], 1)).toBe('pending');
  });

  it('approves only with a plain approve of the current version', () => {
    expect(appraisalState(active, [opinion(1, 'approve')], 1)).toBe('approved');
    expect(appraisalState(active, [opinion(1, 'approve_with_changes')], 1)).toBe('changes_requested');
    expect(appraisalState(active, [opinion(1, 'reject')], 1)).toBe('rejected');
  });

  it('re-opens after an edit and approves again when the unit approves the new version', () => {
    const history = [opinion(1, 'approve_with_changes')];
    expect(appraisalState(active, history, 1)).toBe('changes_requested');
    // The owner revises: version 2.
    expect(appraisalState(active, history, 2)).toBe('reopened');
    history.push(opinion(2, 'approve'));
    expect(appraisalState(active, history, 2)).toBe('approved');
    // An edit after the approval re-opens it again.
    expect(appraisalState(active, history, 3)).toBe('reopened');
  });

  it('decides by the latest opinion, whatever the order given', () => {
    const first = opinion(2, 'approve');
    const second = opinion(2, 'reject');
    expect(appraisalState(active, [second, first], 2)).toBe('rejected');
  });

  it('reports a withdrawn request as withdrawn, whatever its opinions', () => {
    expect(appraisalState({ withdrawnAt: new Date() }, [opinion(1, 'approve')], 1)).toBe('withdrawn');
  });
});

describe('readiness', () => {
  it('needs at least one active request, all approved', () => {
    expect(readiness([])).toEqual({ ready: false, missing: [] });
    expect(readiness([{ state: 'withdrawn' as const }]).ready).toBe(false);
    expect(readiness([{ state: 'approved' as const }, { state: 'withdrawn' as const }]).ready).toBe(true);
  });

  it('lists every active request that does not approve the current version', () => {
    const requests = [
      { unit: 'THU', state: 'approved' as const },
      { unit: 'PC', state: 'reopened' as const },
      { unit: 'CSYT', state: 'changes_requested' as const },
      { unit: 'ST', state: 'withdrawn' as const },
    ];
    const { ready, missing } = readiness(requests);
    expect(ready).toBe(false);
    expect(missing.map((r) => r.unit)).toEqual(['PC', 'CSYT']);
  });
});

describe('deadline days', () => {
  it('is overdue only while awaiting the unit after the due day', () => {
    expect(isOverdue('pending', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('reopened', '2026-03-01', '2026-03-02')).toBe(true);
    expect(isOverdue('pending', '2026-03-02', '2026-03-02')).toBe(false);
    expect(isOverdue('approved', '2026-03-01', '2026-03-02')).toBe(false);
  });

  it('counts days in Vietnam time', () => {
    expect(vnDay(new Date('2026-02-28T17:30:00Z'))).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});
