import { DEFAULT_INCIDENT_DEADLINES, type TIncidentDeadlineSettings } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  deadlineStates,
  dueTimes,
  dueTimesInPast,
  metBy,
  needingEscalation,
  nextDueAt,
  rescheduled,
  settingsOrDefault,
  type DeadlineFields,
} from './deadlines.js';

const OPENED = new Date('2026-11-25T02:00:00Z');
const minutes = (n: number) => new Date(OPENED.getTime() + n * 60_000);
const SETTINGS: TIncidentDeadlineSettings = {
  assessMinutes: { severe: 60, high: 240, medium: 1440, low: 4320 },
  respondMinutes: { severe: 600, high: 2880, medium: 7200, low: 14_400 },
};

/** A severe case opened at OPENED, with nothing met or escalated. */
const severeCase = (over: Partial<DeadlineFields> = {}): DeadlineFields => ({
  status: 'assessing',
  openedAt: OPENED,
  assessDueAt: minutes(60),
  assessMetAt: null,
  assessEscalatedAt: null,
  respondDueAt: minutes(600),
  respondMetAt: null,
  respondEscalatedAt: null,
  ...over,
});

describe('dueTimes', () => {
  it('counts the minutes of the severity from the opening', () => {
    expect(dueTimes(OPENED, 'severe', SETTINGS)).toEqual({ assessDueAt: minutes(60), respondDueAt: minutes(600) });
    expect(dueTimes(OPENED, 'low', SETTINGS).assessDueAt).toEqual(minutes(4320));
  });
});

describe('settingsOrDefault', () => {
  it('falls back to the defaults when nothing (or something broken) is stored', () => {
    expect(settingsOrDefault(null)).toBe(DEFAULT_INCIDENT_DEADLINES);
    expect(settingsOrDefault({ assessMinutes: { severe: 1 } })).toBe(DEFAULT_INCIDENT_DEADLINES);
    expect(settingsOrDefault(SETTINGS)).toEqual(SETTINGS);
  });
});

describe('deadlineStates and nextDueAt', () => {
  it('is not overdue before the due time and overdue from it on, as the clock moves', () => {
    const row = severeCase();
    expect(deadlineStates(row, minutes(59)).map((d) => d.overdue)).toEqual([false, false]);
    expect(deadlineStates(row, minutes(60)).map((d) => d.overdue)).toEqual([true, false]);
    expect(deadlineStates(row, minutes(601)).map((d) => d.overdue)).toEqual([true, true]);
    expect(nextDueAt(row)).toEqual(minutes(60));
  });

  it('forgets met deadlines and everything once the case is closed', () => {
    const assessed = severeCase({ assessMetAt: minutes(30) });
    expect(deadlineStates(assessed, minutes(120))[0]!.overdue).toBe(false);
    expect(nextDueAt(assessed)).toEqual(minutes(600));
    const closed = severeCase({ status: 'closed' });
    expect(deadlineStates(closed, minutes(700)).some((d) => d.overdue)).toBe(false);
    expect(nextDueAt(closed)).toBeNull();
    expect(nextDueAt(severeCase({ assessMetAt: minutes(1), respondMetAt: minutes(2) }))).toBeNull();
  });
});

describe('needingEscalation', () => {
  it('names each missed deadline until it is escalated', () => {
    expect(needingEscalation(severeCase(), minutes(59))).toEqual([]);
    expect(needingEscalation(severeCase(), minutes(61))).toEqual(['assess']);
    expect(needingEscalation(severeCase({ assessEscalatedAt: minutes(61) }), minutes(65))).toEqual([]);
    expect(needingEscalation(severeCase({ assessEscalatedAt: minutes(61) }), minutes(601))).toEqual(['respond']);
  });
});

describe('metBy', () => {
  it('meets the assessment deadline with the first assessment only', () => {
    const at = minutes(10);
    expect(metBy({ assessMetAt: null, respondMetAt: null }, { action: 'assessment' }, at)).toEqual({ assessMetAt: at });
    expect(metBy({ assessMetAt: minutes(5), respondMetAt: null }, { action: 'assessment' }, at)).toEqual({});
    expect(metBy({ assessMetAt: null, respondMetAt: null }, { action: 'verified_facts' }, at)).toEqual({});
  });

  it('meets the response deadline with a published correction or by reaching monitoring', () => {
    const at = minutes(100);
    const fresh = { assessMetAt: minutes(5), respondMetAt: null };
    expect(metBy(fresh, { action: 'correction_published' }, at)).toEqual({ respondMetAt: at });
    expect(metBy(fresh, { status: 'monitoring' }, at)).toEqual({ respondMetAt: at });
    expect(metBy(fresh, { status: 'responding' }, at)).toEqual({});
    expect(metBy({ ...fresh, respondMetAt: minutes(50) }, { status: 'monitoring' }, at)).toEqual({});
  });
});

describe('rescheduled', () => {
  it('recomputes the unmet deadlines from the opening when the severity changes', () => {
    const row = severeCase({ assessMetAt: minutes(30) });
    expect(rescheduled(row, { severity: 'high' }, SETTINGS, minutes(40))).toEqual({ respondDueAt: minutes(2880) });
  });

  it('lets a deadline moved into the future be escalated again, and keeps the escalation of one still past', () => {
    const escalated = severeCase({ assessEscalatedAt: minutes(61) });
    expect(rescheduled(escalated, { severity: 'high' }, SETTINGS, minutes(70))).toEqual({
      assessDueAt: minutes(240),
      assessEscalatedAt: null,
      respondDueAt: minutes(2880),
    });
    // Upgraded from low to severe three hours in: the new first-assessment deadline has passed already.
    const low = severeCase({ assessDueAt: minutes(4320), respondDueAt: minutes(14_400), assessEscalatedAt: null });
    expect(rescheduled(low, { severity: 'severe' }, SETTINGS, minutes(180))).toEqual({
      assessDueAt: minutes(60),
      respondDueAt: minutes(600),
    });
  });

  it('takes explicit due times over the computed ones, even for a met deadline', () => {
    const row = severeCase({ assessMetAt: minutes(30) });
    expect(
      rescheduled(
        row,
        { severity: 'low', assessDueAt: minutes(90), respondDueAt: minutes(900) },
        SETTINGS,
        minutes(40),
      ),
    ).toEqual({ assessDueAt: minutes(90), respondDueAt: minutes(900) });
    expect(rescheduled(row, { respondDueAt: minutes(600) }, SETTINGS, minutes(40))).toEqual({});
  });
});

describe('dueTimesInPast', () => {
  it('names the explicit due times that are not after now', () => {
    const now = minutes(100);
    expect(dueTimesInPast({ assessDueAt: minutes(99), respondDueAt: minutes(101) }, now)).toEqual(['assessDueAt']);
    expect(dueTimesInPast({ assessDueAt: now }, now)).toEqual(['assessDueAt']);
    expect(dueTimesInPast({}, now)).toEqual([]);
  });
});
