import { describe, expect, it } from 'vitest';
import {
  CALENDAR_STATUSES,
  CALENDAR_STATUS_LABELS,
  ZCalendarEntry,
  ZCalendarListQuery,
  ZCreateCalendarItemRequest,
  ZDeleteCalendarItemQuery,
  ZUpdateCalendarItemRequest,
  recurrenceRule,
} from './calendar.js';
import { FIELD_MESSAGES } from './errors.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('recurrenceRule', () => {
  it('writes the canonical RRULE text, leaving out defaults', () => {
    expect(
      recurrenceRule({
        freq: 'MONTHLY',
        interval: 2,
        byMonth: null,
        byMonthDay: null,
        byDay: [
          { weekday: 'MO', nth: 1 },
          { weekday: 'FR', nth: -1 },
        ],
        count: null,
        until: '2027-06-30',
      }),
    ).toBe('FREQ=MONTHLY;INTERVAL=2;BYDAY=1MO,-1FR;UNTIL=20270630');
    expect(
      recurrenceRule({ freq: 'YEARLY', interval: 1, byMonth: 7, byMonthDay: 1, byDay: [], count: 5, until: null }),
    ).toBe('FREQ=YEARLY;BYMONTH=7;BYMONTHDAY=1;COUNT=5');
  });
});

describe('ZCreateCalendarItemRequest', () => {
  it('defaults the lists and the status', () => {
    const parsed = ZCreateCalendarItemRequest.parse({ title: ' Bài viết ', startsOn: '2026-05-01' });
    expect(parsed).toMatchObject({ title: 'Bài viết', themeCodes: [], audienceCodes: [], status: 'planned' });
  });

  it('refuses an end before the start on endsOn, and unknown fields', () => {
    expect(
      issues(ZCreateCalendarItemRequest.safeParse({ title: 'x', startsOn: '2026-05-02', endsOn: '2026-05-01' })),
    ).toEqual(['endsOn:validation.date_order']);
    expect(
      ZCreateCalendarItemRequest.safeParse({ title: 'x', startsOn: '2026-05-02', endsOn: '2026-05-02' }).success,
    ).toBe(true);
    expect(ZCreateCalendarItemRequest.safeParse({ title: 'x', startsOn: '2026-05-02', owner: 'P01' }).success).toBe(
      false,
    );
  });
});

describe('ZUpdateCalendarItemRequest', () => {
  it('needs the version and checks the dates sent together', () => {
    expect(ZUpdateCalendarItemRequest.safeParse({ title: 'x' }).success).toBe(false);
    expect(
      issues(ZUpdateCalendarItemRequest.safeParse({ version: 1, startsOn: '2026-05-03', endsOn: '2026-05-01' })),
    ).toEqual(['endsOn:validation.date_order']);
    expect(ZUpdateCalendarItemRequest.parse({ version: 3, startsOn: '2026-05-03', scope: 'future' })).toEqual({
      version: 3,
      startsOn: '2026-05-03',
      scope: 'future',
    });
  });
});

describe('ZCalendarListQuery', () => {
  it('needs a window in order and at most 400 days long', () => {
    expect(ZCalendarListQuery.safeParse({ from: '2026-01-01', to: '2027-02-04' }).success).toBe(true);
    expect(issues(ZCalendarListQuery.safeParse({ from: '2026-01-01', to: '2027-02-05' }))).toEqual([
      'to:validation.calendar_window',
    ]);
    expect(issues(ZCalendarListQuery.safeParse({ from: '2026-02-01', to: '2026-01-31' }))).toEqual([
      'to:validation.date_order',
    ]);
    expect(ZCalendarListQuery.safeParse({ from: '2026-02-01' }).success).toBe(false);
  });
});

describe('ZDeleteCalendarItemQuery', () => {
  it('reads the version from the query string and defaults the scope to one', () => {
    expect(ZDeleteCalendarItemQuery.parse({ version: '4' })).toEqual({ version: 4, scope: 'one' });
  });
});

describe('ZCalendarEntry', () => {
  it('tells items and tasks apart by kind', () => {
    const task = {
      kind: 'task',
      id: '6f1d1c5e-7a0c-4c77-9a53-0d8f3f7f7b11',
      title: 'Thông cáo báo chí',
      startsOn: '2026-06-28',
      endsOn: null,
      phase: 'before',
      regulation: { id: '6f1d1c5e-7a0c-4c77-9a53-0d8f3f7f7b12', number: '1007/BHXH-TT' },
      ownerUnit: { id: '6f1d1c5e-7a0c-4c77-9a53-0d8f3f7f7b13', code: 'TT', name: 'Trung tâm Truyền thông' },
      assignee: null,
      status: 'todo',
      overdue: false,
    };
    expect(ZCalendarEntry.parse(task).kind).toBe('task');
    expect(ZCalendarEntry.safeParse({ ...task, kind: 'event' }).success).toBe(false);
  });
});

describe('calendar messages', () => {
  it('has a label in both languages for every status', () => {
    for (const status of CALENDAR_STATUSES) {
      expect(CALENDAR_STATUS_LABELS[status].vi).not.toBe(CALENDAR_STATUS_LABELS[status].en);
    }
  });

  it('has Vietnamese and English messages for the calendar field codes', () => {
    for (const code of [
      'validation.invalid_recurrence',
      'validation.recurrence_no_occurrence',
      'validation.recurrence_fixed_dates',
      'validation.calendar_window',
      'validation.unknown_unit_code',
      'validation.unknown_user',
    ] as const) {
      expect(FIELD_MESSAGES[code].vi).not.toBe(FIELD_MESSAGES[code].en);
    }
  });
});
