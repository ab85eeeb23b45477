import { describe, expect, it } from 'vitest';
import { pickYear } from './budget-years';

const rows = [{ year: 2025 }, { year: 2027 }, { year: 2026 }];

describe('pickYear', () => {
  it('takes a plausible year from the URL, known or not', () => {
    expect(pickYear(rows, '2025', 2026)).toBe(2025);
    expect(pickYear(rows, '2031', 2026)).toBe(2031);
  });

  it('falls back to this year when the URL has none or nonsense, and this year is known', () => {
    expect(pickYear(rows, null, 2026)).toBe(2026);
    expect(pickYear(rows, 'abc', 2026)).toBe(2026);
    expect(pickYear(rows, '1999', 2026)).toBe(2026);
    expect(pickYear(rows, '2026.5', 2026)).toBe(2026);
  });

  it('shows the newest year when this year is not opened, and this year when none is', () => {
    expect(pickYear(rows, '', 2030)).toBe(2027);
    expect(pickYear([], null, 2030)).toBe(2030);
  });
});
