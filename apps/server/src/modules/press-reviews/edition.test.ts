import { describe, expect, it } from 'vitest';
import { cronAt, editionTitle, editionWindow, isTimeOfDay } from './edition.js';

describe('cronAt', () => {
  it('turns a time of day into a daily cron expression', () => {
    expect(cronAt('06:30')).toBe('30 6 * * *');
    expect(cronAt('16:00')).toBe('0 16 * * *');
    expect(cronAt('00:05')).toBe('5 0 * * *');
    expect(cronAt('23:59')).toBe('59 23 * * *');
  });

  it('refuses what is not a time of day', () => {
    for (const bad of ['6:30', '24:00', '12:60', '0630', '', '06:30 ']) {
      expect(isTimeOfDay(bad), bad).toBe(false);
      expect(() => cronAt(bad), bad).toThrow(/HH:MM/);
    }
  });
});

describe('editionTitle', () => {
  it('names the review and the bulletin with the Vietnamese date', () => {
    expect(editionTitle('review', '2026-11-25')).toBe('Điểm báo ngày 25/11/2026');
    expect(editionTitle('bulletin', '2026-11-25')).toBe('Thông tin báo chí – Bản tin 24 giờ ngày 25/11/2026');
  });
});

describe('editionWindow', () => {
  // 06:40 in Vietnam on 25/11/2026.
  const now = new Date('2026-11-24T23:40:00Z');

  it("ends today's edition now and starts it 24 hours earlier", () => {
    const window = editionWindow('2026-11-25', now, '06:30')!;
    expect(window.to.toISOString()).toBe('2026-11-24T23:40:00.000Z');
    expect(window.from.toISOString()).toBe('2026-11-23T23:40:00.000Z');
  });

  it("ends an earlier day's edition at that day's compile time, Vietnam time", () => {
    const window = editionWindow('2026-11-20', now, '16:00')!;
    expect(window.to.toISOString()).toBe('2026-11-20T09:00:00.000Z');
    expect(window.from.toISOString()).toBe('2026-11-19T09:00:00.000Z');
  });

  it('has no window for a day still to come (the Vietnamese day, not the UTC one)', () => {
    expect(editionWindow('2026-11-26', now, '06:30')).toBeNull();
    // 23:40 UTC on the 24th is already the 25th in Vietnam.
    expect(editionWindow('2026-11-25', now, '06:30')).not.toBeNull();
  });
});
