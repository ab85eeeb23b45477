import { describe, expect, it } from 'vitest';
import { eventFigureProblems, ZCheckInRequest, ZCreateEventRequest, type EventFigures } from './events.js';

const figures = (overrides: Partial<EventFigures> = {}): EventFigures => ({
  checkedIn: 30,
  extraAttendance: 10,
  extraMale: 4,
  extraFemale: 6,
  bySegment: { farming_household: 25, craft_village: 10 },
  questionsRaised: 8,
  questionsAnswered: 8,
  newVoluntary: 12,
  newHouseholdBhyt: 5,
  costVnd: 3_500_000,
  ...overrides,
});

describe('eventFigureProblems', () => {
  it('accepts figures that add up', () => {
    expect(eventFigureProblems(figures())).toEqual({ errors: [], warnings: [] });
  });

  it('warns when more people joined than attended (check-ins and hand counts together)', () => {
    const { errors, warnings } = eventFigureProblems(figures({ newVoluntary: 36, newHouseholdBhyt: 5 }));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      { field: 'newVoluntary', code: 'event.outcomes_exceed_attendance', params: { outcomes: 41, total: 40 } },
    ]);
  });

  it('refuses absurd numbers', () => {
    const { errors } = eventFigureProblems(figures({ extraAttendance: 2_000_000, newVoluntary: 500_000 }));
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['extraAttendance', 'metric.absurd'],
      ['newVoluntary', 'metric.absurd'],
    ]);
  });

  it('refuses parts larger than their whole, and more answers than questions', () => {
    const { errors } = eventFigureProblems(
      figures({ extraMale: 8, extraFemale: 6, bySegment: { farm: 41 }, questionsAnswered: 9 }),
    );
    expect(errors.map((e) => e.field)).toEqual(['extraMale', 'bySegment', 'questionsAnswered']);
  });
});

describe('event requests', () => {
  const base = {
    kind: 'dialogue',
    title: 'Đối thoại chính sách BHXH tự nguyện',
    orgUnitId: '0b6f3f0e-5d4e-4a55-9a53-2f3c9c1d7e11',
    startsAt: '2026-03-10T08:00:00+07:00',
  };
  it('needs a place: administrative units or an address', () => {
    const missing = ZCreateEventRequest.safeParse(base);
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['address'], message: 'event.place_required' });
    expect(ZCreateEventRequest.safeParse({ ...base, address: 'Nhà văn hóa thôn Đông' }).success).toBe(true);
  });
  it('refuses an end before the start', () => {
    const early = ZCreateEventRequest.safeParse({ ...base, provinceCode: '01', endsAt: '2026-03-10T07:00:00+07:00' });
    expect(early.error?.issues[0]?.path).toEqual(['endsAt']);
  });
  it('takes a check-in with an optional valid phone number', () => {
    expect(ZCheckInRequest.safeParse({ fullName: 'Nguyễn Thị Hoa', sex: 'female' }).success).toBe(true);
    expect(ZCheckInRequest.safeParse({ fullName: 'A', sex: 'male', phone: '0912 345 678' }).success).toBe(true);
    expect(ZCheckInRequest.safeParse({ fullName: 'A', sex: 'male', phone: '12345' }).success).toBe(false);
  });
});
