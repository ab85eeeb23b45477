import { describe, expect, it } from 'vitest';
import { addDays, reminderDue, reminderDedupeKey, unitsToRemind, vnToday } from './proposal-reminders.js';

describe('monthly proposal reminders', () => {
  describe(reminderDue.name, () => {
    it('reminds five days and one day before the deadline of the coming month', () => {
      expect(reminderDue('2026-11-15', 20)).toEqual({ month: '2026-12', deadline: '2026-11-20', daysBefore: 5 });
      expect(reminderDue('2026-11-19', 20)).toEqual({ month: '2026-12', deadline: '2026-11-20', daysBefore: 1 });
    });

    it('stays quiet on the other days, the deadline included', () => {
      for (const day of ['2026-11-14', '2026-11-16', '2026-11-18', '2026-11-20', '2026-11-21', '2026-11-01']) {
        expect(reminderDue(day, 20), day).toBeNull();
      }
    });

    it('reaches back into the previous month when the closing day is early', () => {
      // Deadline for February 2027 is 03/01/2027: five days before is 29/12/2026.
      expect(reminderDue('2026-12-29', 3)).toEqual({ month: '2027-02', deadline: '2027-01-03', daysBefore: 5 });
      expect(reminderDue('2027-01-02', 3)).toEqual({ month: '2027-02', deadline: '2027-01-03', daysBefore: 1 });
    });
  });

  describe(unitsToRemind.name, () => {
    const units = [
      { id: 'tt', code: 'TT', path: '/r/tt/' },
      { id: 'thu', code: 'THU', path: '/r/thu/' },
      { id: 'p01', code: 'P01', path: '/r/p01/' },
      { id: 'p48', code: 'P48', path: '/r/p48/' },
    ];

    it('leaves out the Communication Center and every unit whose subtree has proposed', () => {
      const chosen = unitsToRemind(units, ['/r/p01/d001/', '/r/thu/'], ['TT']);
      expect(chosen.map((u) => u.code)).toEqual(['P48']);
    });

    it('reminds everyone but the excluded when nobody has proposed', () => {
      expect(unitsToRemind(units, [], ['TT']).map((u) => u.code)).toEqual(['THU', 'P01', 'P48']);
    });

    it('does not count a proposal of a unit whose path merely starts alike', () => {
      const p0 = [{ id: 'p0', code: 'P0', path: '/r/p0/' }];
      expect(unitsToRemind(p0, ['/r/p01/'], [])).toEqual(p0);
    });
  });

  it('keys each reminder day of a month separately', () => {
    const first = reminderDedupeKey({ month: '2026-12', deadline: '2026-11-20', daysBefore: 5 });
    const last = reminderDedupeKey({ month: '2026-12', deadline: '2026-11-20', daysBefore: 1 });
    expect(first).not.toBe(last);
    expect(reminderDedupeKey({ month: '2027-01', deadline: '2026-12-20', daysBefore: 5 })).not.toBe(first);
  });

  it('counts days in Vietnam: 17:00 UTC is already the next day there', () => {
    expect(vnToday(new Date('2026-11-14T16:59:00Z'))).toBe('2026-11-14');
    expect(vnToday(new Date('2026-11-14T17:00:00Z'))).toBe('2026-11-15');
    expect(addDays('2027-01-03', -5)).toBe('2026-12-29');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });
});
