import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  defaultUnitCode,
  FEEDBACK_CATEGORIES,
  feedbackTransition,
  isFeedbackOverdue,
  ZCreateFeedbackRequest,
  ZReopenFeedbackRequest,
} from './feedback.js';

describe('feedback status machine', () => {
  it('goes new → routed → answered → closed', () => {
    expect(feedbackTransition('new', 'route')).toBe('routed');
    expect(feedbackTransition('routed', 'answer')).toBe('answered');
    expect(feedbackTransition('answered', 'close')).toBe('closed');
  });

  it('re-opens an answer back to the routed unit, and re-routes until answered', () => {
    expect(feedbackTransition('answered', 'reopen')).toBe('routed');
    expect(feedbackTransition('routed', 'route')).toBe('routed');
  });

  it('refuses steps out of order', () => {
    expect(feedbackTransition('new', 'answer')).toBeNull();
    expect(feedbackTransition('new', 'close')).toBeNull();
    expect(feedbackTransition('routed', 'close')).toBeNull();
    expect(feedbackTransition('routed', 'reopen')).toBeNull();
    expect(feedbackTransition('answered', 'route')).toBeNull();
    expect(feedbackTransition('closed', 'reopen')).toBeNull();
    expect(feedbackTransition('closed', 'answer')).toBeNull();
  });
});

describe('category → central unit', () => {
  const units63 = new Set(['TT', 'THU', 'ST', 'CSYT', 'CSXH', 'CNTT', 'PC']);
  const units34 = new Set(['TT', 'THU', 'CSYT', 'CSXH', 'CNTT', 'LT']);

  it('suggests the owning board of each category', () => {
    expect(defaultUnitCode('collection', units63)).toBe('THU');
    expect(defaultUnitCode('cards', units63)).toBe('ST');
    expect(defaultUnitCode('health_benefits', units63)).toBe('CSYT');
    expect(defaultUnitCode('social_benefits', units63)).toBe('CSXH');
    expect(defaultUnitCode('it_services', units63)).toBe('CNTT');
    expect(defaultUnitCode('communication', units63)).toBe('TT');
    expect(defaultUnitCode('other', units63)).toBeNull();
  });

  it('falls back to the collection board for cards where Ban Sổ thẻ no longer exists', () => {
    expect(defaultUnitCode('cards', units34)).toBe('THU');
  });

  it('suggests nothing when no candidate exists', () => {
    for (const category of FEEDBACK_CATEGORIES) expect(defaultUnitCode(category, new Set())).toBeNull();
  });
});

describe('deadline', () => {
  it('counts calendar days across months and years', () => {
    expect(addCalendarDays('2026-01-25', 10)).toBe('2026-02-04');
    expect(addCalendarDays('2026-12-28', 10)).toBe('2027-01-07');
    expect(addCalendarDays('2028-02-25', 5)).toBe('2028-03-01');
  });

  it('is overdue only while waiting for the answer after the due day', () => {
    expect(isFeedbackOverdue({ status: 'routed', dueOn: '2026-03-10' }, '2026-03-11')).toBe(true);
    expect(isFeedbackOverdue({ status: 'routed', dueOn: '2026-03-10' }, '2026-03-10')).toBe(false);
    expect(isFeedbackOverdue({ status: 'answered', dueOn: '2026-03-10' }, '2026-03-20')).toBe(false);
    expect(isFeedbackOverdue({ status: 'new', dueOn: null }, '2026-03-20')).toBe(false);
  });
});

describe('requests', () => {
  it('refuses blank texts field by field', () => {
    const result = ZCreateFeedbackRequest.safeParse({ title: '  ', description: '', category: 'collection' });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);
    expect(issues).toEqual(['title:validation.required', 'description:validation.required']);
    expect(ZReopenFeedbackRequest.safeParse({ comment: ' ', version: 1 }).success).toBe(false);
  });
});
