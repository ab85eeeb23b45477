import type { TIncidentSummary } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  assignment,
  changedEntries,
  changeText,
  chronological,
  createSourceFromParams,
  deadlineChange,
  escalatedDeadline,
  filtersFromParams,
  fromMatching,
  listQuery,
  mergeUnits,
  missingActionTexts,
  sortForBoard,
  timelineLabel,
  toDuration,
  toMinutes,
} from './incident-values';

const A = '0b6f3c1e-6a0a-4c57-9a55-1f2d3c4b5a69';
const B = '7d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6';

describe('filtersFromParams and listQuery', () => {
  it('keeps known statuses and severities and sends them comma-separated', () => {
    const filters = filtersFromParams(
      new URLSearchParams('q=%20lừa%20đảo%20&status=open,bogus,closed&severity=severe&overdue=true&from=2026-11-01'),
    );
    expect(filters).toEqual({
      q: 'lừa đảo',
      status: ['open', 'closed'],
      severity: ['severe'],
      owningUnitId: undefined,
      overdue: 'true',
      from: '2026-11-01',
      to: undefined,
      sort: undefined,
    });
    expect(listQuery(filters)).toMatchObject({ q: 'lừa đảo', status: 'open,closed', severity: 'severe' });
  });

  it('drops malformed dates, sorts and flags instead of sending them', () => {
    const filters = filtersFromParams(new URLSearchParams('from=01/11/2026&sort=drop;table&overdue=maybe'));
    expect(filters.from).toBeUndefined();
    expect(filters.sort).toBeUndefined();
    expect(filters.overdue).toBeUndefined();
    expect(listQuery(filters).status).toBeUndefined();
  });
});

describe('createSourceFromParams', () => {
  it('opens from an alert or from a list of articles, ignoring what is not an id', () => {
    expect(createSourceFromParams(new URLSearchParams(`create=1&alertId=${A}`))).toEqual({
      open: true,
      alertId: A,
      articleIds: [],
    });
    const fromArticles = createSourceFromParams(new URLSearchParams(`create=1&articleIds=${A},nope,${B},${A}`));
    expect(fromArticles.articleIds).toEqual([A, B]);
    expect(createSourceFromParams(new URLSearchParams('alertId=x')).open).toBe(false);
    expect(createSourceFromParams(new URLSearchParams('create=1&alertId=x')).alertId).toBeUndefined();
  });
});

function summary(id: string, patch: Partial<TIncidentSummary>): TIncidentSummary {
  return {
    id,
    code: id,
    title: id,
    severity: 'medium',
    status: 'open',
    owningUnit: { id: A, code: 'TT', name: 'Trung tâm Truyền thông' },
    supportingUnits: [],
    itemCount: 0,
    deadlines: [],
    nextDueAt: null,
    overdue: false,
    openedAt: '2026-11-20T01:00:00.000Z',
    closedAt: null,
    version: 1,
    ...patch,
  };
}

describe('sortForBoard', () => {
  it('puts the worst severity first, then the nearest deadline, cases without one last', () => {
    const items = [
      summary('low', { severity: 'low', nextDueAt: '2026-11-20T02:00:00.000Z' }),
      summary('high-late', { severity: 'high', nextDueAt: '2026-11-22T00:00:00.000Z' }),
      summary('high-none', { severity: 'high', nextDueAt: null }),
      summary('severe', { severity: 'severe', nextDueAt: '2026-11-25T00:00:00.000Z' }),
      summary('high-soon', { severity: 'high', nextDueAt: '2026-11-21T00:00:00.000Z' }),
    ];
    expect(sortForBoard(items).map((item) => item.id)).toEqual([
      'severe',
      'high-soon',
      'high-late',
      'high-none',
      'low',
    ]);
  });

  it('orders equal cases by opening time and leaves the input alone', () => {
    const later = summary('later', { openedAt: '2026-11-20T05:00:00.000Z' });
    const earlier = summary('earlier', { openedAt: '2026-11-20T04:00:00.000Z' });
    const input = [later, earlier];
    expect(sortForBoard(input).map((item) => item.id)).toEqual(['earlier', 'later']);
    expect(input[0]).toBe(later);
  });
});

describe('timeline helpers', () => {
  it('labels events and actions from the contract, in both languages', () => {
    expect(timelineLabel({ kind: 'escalated', system: true }, 'vi')).toBe('Báo cáo lãnh đạo do quá hạn');
    expect(timelineLabel({ kind: 'escalated', system: true }, 'en')).toBe('Escalated to leaders');
    expect(timelineLabel({ kind: 'correction_published', system: false }, 'vi')).toBe(
      'Đăng tải thông tin cải chính, phản hồi',
    );
    expect(timelineLabel({ kind: 'something_new', system: true }, 'vi')).toBe('something_new');
  });

  it('describes status and severity changes, and which deadline was escalated', () => {
    expect(changeText({ kind: 'status_changed', detail: { from: 'open', to: 'assessing' } }, 'vi')).toBe(
      'Mới mở → Đang đánh giá',
    );
    expect(changeText({ kind: 'severity_changed', detail: { from: 'low', to: 'severe' } }, 'en')).toBe('Low → Severe');
    expect(changeText({ kind: 'status_changed', detail: { from: 'nowhere', to: 'x' } }, 'vi')).toBeNull();
    expect(changeText({ kind: 'note', detail: null }, 'vi')).toBeNull();
    expect(escalatedDeadline({ detail: { deadline: 'assess' } })).toBe('assess');
    expect(escalatedDeadline({ detail: { deadline: 'later' } })).toBeNull();
  });

  it('orders entries oldest first and keeps the order of simultaneous ones', () => {
    const entries = [
      { id: 'c', at: '2026-11-20T03:00:00.000Z' },
      { id: 'a', at: '2026-11-20T01:00:00.000Z' },
      { id: 'b1', at: '2026-11-20T02:00:00.000Z' },
      { id: 'b2', at: '2026-11-20T02:00:00.000Z' },
    ];
    expect(chronological(entries).map((entry) => entry.id)).toEqual(['a', 'b1', 'b2', 'c']);
  });

  it('writes each missing group as alternatives', () => {
    expect(missingActionTexts([['assessment'], ['correction_published', 'response_drafted']], 'en', 'or')).toEqual([
      'First assessment',
      'Correction published or Response drafted',
    ]);
  });
});

describe('durations and deadlines', () => {
  it('shows whole hours in hours and converts back to minutes', () => {
    expect(toDuration(240)).toEqual({ value: 4, unit: 'hours' });
    expect(toDuration(90)).toEqual({ value: 90, unit: 'minutes' });
    expect(toMinutes(1.5, 'hours')).toBe(90);
    expect(toMinutes(45, 'minutes')).toBe(45);
  });

  it('keeps only the changed entries', () => {
    expect(changedEntries({ a: 1, b: [1, 2], c: null }, { a: 1, b: [2, 1], c: null })).toEqual({ b: [2, 1] });
  });
});

describe('event details', () => {
  it('reads a moved deadline', () => {
    expect(
      deadlineChange({
        kind: 'deadline_changed',
        detail: { deadline: 'respond', from: '2026-11-20T01:00:00.000Z', to: '2026-11-21T01:00:00.000Z' },
      }),
    ).toEqual({ deadline: 'respond', from: '2026-11-20T01:00:00.000Z', to: '2026-11-21T01:00:00.000Z' });
    expect(deadlineChange({ kind: 'deadline_changed', detail: { deadline: 'respond' } })).toBeNull();
    expect(deadlineChange({ kind: 'escalated', detail: { deadline: 'assess', to: 'x' } })).toBeNull();
  });

  it('reads a change of units, ignoring what is malformed', () => {
    expect(
      assignment({
        kind: 'assigned',
        detail: {
          owningUnit: { from: 'Ban Thu', to: 'BHXH Hà Nội' },
          supportingUnits: { added: ['Vụ Pháp chế', 3], removed: [] },
        },
      }),
    ).toEqual({ owner: { from: 'Ban Thu', to: 'BHXH Hà Nội' }, added: ['Vụ Pháp chế'], removed: [] });
    expect(assignment({ kind: 'assigned', detail: { supportingUnits: { removed: ['Ban Thu'] } } })).toEqual({
      owner: null,
      added: [],
      removed: ['Ban Thu'],
    });
    expect(assignment({ kind: 'note', detail: {} })).toBeNull();
    expect(fromMatching({ detail: { articleId: A, by: 'matching' } })).toBe(true);
    expect(fromMatching({ detail: { articleId: A } })).toBe(false);
  });

  it('merges unit lists once each, in code order', () => {
    const tt = { id: A, code: 'TT', name: 'Trung tâm Truyền thông' };
    const pc = { id: B, code: 'PC', name: 'Vụ Pháp chế' };
    expect(mergeUnits([tt], [pc, { ...tt, name: 'copy' }])).toEqual([pc, tt]);
  });
});
