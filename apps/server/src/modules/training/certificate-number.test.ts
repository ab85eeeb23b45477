import { describe, expect, it } from 'vitest';
import { certificateNumber, yearOf } from './certificate-number.js';

describe('certificateNumber', () => {
  it('joins the unit code, the year and a four-digit sequence', () => {
    expect(certificateNumber('TT', 2026, 1)).toBe('TT-2026-0001');
    expect(certificateNumber('P01', 2026, 42)).toBe('P01-2026-0042');
  });

  it('keeps sequences beyond 9999 whole', () => {
    expect(certificateNumber('TT', 2027, 12345)).toBe('TT-2027-12345');
  });

  it('refuses a sequence that is not a positive integer', () => {
    expect(() => certificateNumber('TT', 2026, 0)).toThrow(RangeError);
    expect(() => certificateNumber('TT', 2026, 1.5)).toThrow(RangeError);
  });
});

describe('yearOf', () => {
  it('reads the year of a yyyy-mm-dd day', () => {
    expect(yearOf('2026-12-31')).toBe(2026);
  });
});
