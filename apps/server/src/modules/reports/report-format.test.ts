import { describe, expect, it } from 'vitest';
import { placeDateLine, viChange, viLongDate, viNumber, viPercent, viUpper } from './report-format.js';

describe('report formats', () => {
  it('groups digits with dots', () => {
    expect(viNumber(1234567)).toBe('1.234.567');
    expect(viNumber(0)).toBe('0');
    expect(viNumber(999)).toBe('999');
    expect(viNumber(-45000)).toBe('-45.000');
    expect(viNumber(1000.6)).toBe('1.001');
  });

  it('writes percentages with a decimal comma and at most one decimal', () => {
    expect(viPercent(0.625)).toBe('62,5%');
    expect(viPercent(0.5)).toBe('50%');
    expect(viPercent(12.3456)).toBe('1.234,6%');
    expect(viPercent(0)).toBe('0%');
    expect(viPercent(-0.03)).toBe('-3%');
    expect(viPercent(-0.004)).toBe('-0,4%');
  });

  it('signs the change against last year and leaves it blank when last year was zero', () => {
    expect(viChange(45, 40)).toBe('+12,5%');
    expect(viChange(30, 40)).toBe('-25%');
    expect(viChange(40, 40)).toBe('+0%');
    expect(viChange(7, 0)).toBe('');
  });

  it('writes the long date with the zeros the decree asks for', () => {
    expect(viLongDate('2026-10-05')).toBe('ngày 05 tháng 10 năm 2026');
    expect(viLongDate('2026-02-20')).toBe('ngày 20 tháng 02 năm 2026');
    expect(viLongDate('2026-03-09')).toBe('ngày 09 tháng 3 năm 2026');
    expect(() => viLongDate('5/10/2026')).toThrow();
  });

  it('writes the place and date line, with blanks when the date is not set', () => {
    expect(placeDateLine('Hà Nội', '2026-10-05', 2026)).toBe('Hà Nội, ngày 05 tháng 10 năm 2026');
    expect(placeDateLine('Đà Nẵng', null, 2026)).toMatch(/^Đà Nẵng, ngày\s+tháng\s+năm 2026$/);
  });

  it('upper-cases Vietnamese letters', () => {
    expect(viUpper('Bảo hiểm xã hội thành phố Đà Nẵng')).toBe('BẢO HIỂM XÃ HỘI THÀNH PHỐ ĐÀ NẴNG');
  });
});
