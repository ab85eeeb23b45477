import { describe, expect, it } from 'vitest';
import { ZAppraisalQueueQuery, ZGiveOpinionRequest, ZRequestAppraisalRequest } from './appraisals.js';

const ID = '5b0d2f1e-4a7c-4c2e-9d3b-1f2a3b4c5d6e';
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('ZGiveOpinionRequest', () => {
  it('accepts a plain approval without comments', () => {
    expect(ZGiveOpinionRequest.parse({ verdict: 'approve' })).toEqual({
      verdict: 'approve',
      comments: '',
      fileIds: [],
    });
  });

  it('requires comments for anything but a plain approval', () => {
    expect(issues(ZGiveOpinionRequest.safeParse({ verdict: 'reject', comments: '   ' }))).toEqual([
      'comments:validation.required',
    ]);
    expect(ZGiveOpinionRequest.safeParse({ verdict: 'approve_with_changes', comments: 'Sửa mức đóng' }).success).toBe(
      true,
    );
  });

  it('refuses the same file twice and unknown verdicts', () => {
    expect(issues(ZGiveOpinionRequest.safeParse({ verdict: 'approve', fileIds: [ID, ID] }))).toEqual([
      'fileIds:validation.duplicate',
    ]);
    expect(ZGiveOpinionRequest.safeParse({ verdict: 'maybe' }).success).toBe(false);
  });
});

describe('ZRequestAppraisalRequest', () => {
  it('needs at least one unit, each once, and a due date', () => {
    expect(issues(ZRequestAppraisalRequest.safeParse({ unitIds: [], dueOn: '2026-03-01' }))).toEqual([
      'unitIds:validation.required',
    ]);
    expect(issues(ZRequestAppraisalRequest.safeParse({ unitIds: [ID, ID], dueOn: '2026-03-01' }))).toEqual([
      'unitIds:validation.duplicate',
    ]);
    expect(issues(ZRequestAppraisalRequest.safeParse({ unitIds: [ID], dueOn: '1/3/2026' }))).toEqual([
      'dueOn:validation.invalid_date',
    ]);
  });
});

describe('ZAppraisalQueueQuery', () => {
  it('does not filter the queue by withdrawn requests', () => {
    expect(ZAppraisalQueueQuery.safeParse({ state: 'withdrawn' }).success).toBe(false);
    expect(ZAppraisalQueueQuery.parse({ state: 'reopened', overdue: 'true' })).toMatchObject({ state: 'reopened' });
  });
});
