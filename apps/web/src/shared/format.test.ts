import { describe, expect, it } from 'vitest';
import { compareVi, endOfVnDay, formatDate, formatDateTime, startOfVnDay, vnCalendarDate } from './format';

describe('formatDate', () => {
  it('shows an instant as the Vietnamese calendar day', () => {
    expect(formatDate('2024-03-01T18:30:00Z')).toBe('02/03/2024');
  });

  it('keeps a bare calendar date as it is', () => {
    expect(formatDate('2020-04-20')).toBe('20/04/2020');
  });

  it('returns an empty string for missing or invalid values', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows 24-hour time in Asia/Ho_Chi_Minh', () => {
    expect(formatDateTime('2024-12-31T17:05:00Z')).toBe('01/01/2025 00:05');
    expect(formatDateTime(new Date('2024-06-15T06:45:00Z'))).toBe('15/06/2024 13:45');
  });
});

describe('Vietnamese day boundaries', () => {
  it('builds ISO datetimes with the +07:00 offset', () => {
    expect(startOfVnDay('2025-01-31')).toBe('2025-01-31T00:00:00.000+07:00');
    expect(endOfVnDay('2025-01-31')).toBe('2025-01-31T23:59:59.999+07:00');
  });

  it('finds the Vietnamese calendar day of an instant', () => {
    expect(vnCalendarDate('2025-01-31T17:00:00Z')).toBe('2025-02-01');
  });
});

describe('compareVi', () => {
  it('sorts in Vietnamese alphabetical order', () => {
    const names = ['Đồng Nai', 'Yên Bái', 'An Giang', 'Điện Biên', 'Bà Rịa - Vũng Tàu', 'Dương Minh Châu'];
    expect([...names].sort(compareVi)).toEqual([
      'An Giang',
      'Bà Rịa - Vũng Tàu',
      'Dương Minh Châu',
      'Điện Biên',
      'Đồng Nai',
      'Yên Bái',
    ]);
  });
});
