import { describe, expect, it } from 'vitest';
import { certificateRefusal, requiredDays } from './certificate-rule.js';

const course = { startsOn: '2026-03-02', endsOn: '2026-03-06', passScore: 50 };

describe('requiredDays', () => {
  it('asks for 80% of the course days, rounded up, and at least one', () => {
    expect(requiredDays('2026-03-02', '2026-03-06')).toBe(4);
    expect(requiredDays('2026-03-02', '2026-03-04')).toBe(3);
    expect(requiredDays('2026-03-02', '2026-03-03')).toBe(2);
    expect(requiredDays('2026-03-02', '2026-03-02')).toBe(1);
    expect(requiredDays('2026-03-01', '2026-03-10')).toBe(8);
  });
});

describe('certificateRefusal', () => {
  const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];

  it('passes a trainee who attended enough days and scored the pass mark', () => {
    expect(certificateRefusal({ ...course, attendedDays: days, score: 50 })).toBeNull();
  });

  it('refuses one who attended too few days, whatever the score', () => {
    expect(certificateRefusal({ ...course, attendedDays: days.slice(0, 3), score: 100 })).toBe('not_attended');
    expect(certificateRefusal({ ...course, attendedDays: [], score: 100 })).toBe('not_attended');
  });

  it('counts neither repeated days nor days outside the course', () => {
    const padded = ['2026-03-02', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-09'];
    expect(certificateRefusal({ ...course, attendedDays: padded, score: 90 })).toBe('not_attended');
  });

  it('refuses a missing score and a score below the pass mark', () => {
    expect(certificateRefusal({ ...course, attendedDays: days, score: null })).toBe('score_missing');
    expect(certificateRefusal({ ...course, attendedDays: days, score: 49 })).toBe('score_below');
  });

  it('lets attendance alone decide when the course has no pass mark', () => {
    expect(certificateRefusal({ ...course, passScore: null, attendedDays: days, score: null })).toBeNull();
  });
});
