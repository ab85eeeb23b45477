import { describe, expect, it } from 'vitest';
import { dongInWords, formatDong, groupDigits, isDongAmount, MAX_DONG, parseDong } from './money.js';

describe('formatDong', () => {
  it('groups digits with dots and adds the đồng sign', () => {
    expect(formatDong(1234567)).toBe('1.234.567 ₫');
    expect(formatDong(0)).toBe('0 ₫');
    expect(formatDong(999)).toBe('999 ₫');
    expect(formatDong(1000)).toBe('1.000 ₫');
    expect(formatDong(-2500000)).toBe('-2.500.000 ₫');
  });

  it('refuses fractions', () => {
    expect(() => groupDigits(10.5)).toThrow(/whole number/);
  });
});

describe('parseDong', () => {
  it('reads what officers type', () => {
    expect(parseDong('1.234.567')).toBe(1234567);
    expect(parseDong('1 234 567 ₫')).toBe(1234567);
    expect(parseDong('1,234,567')).toBe(1234567);
    expect(parseDong('750000đ')).toBe(750000);
  });

  it('returns null for what is not a whole amount', () => {
    expect(parseDong('')).toBeNull();
    expect(parseDong('mười nghìn')).toBeNull();
    expect(parseDong('12e5')).toBeNull();
  });
});

describe('isDongAmount', () => {
  it('accepts whole non-negative amounts up to the maximum', () => {
    expect(isDongAmount(0)).toBe(true);
    expect(isDongAmount(MAX_DONG)).toBe(true);
    expect(isDongAmount(MAX_DONG + 1)).toBe(false);
    expect(isDongAmount(-1)).toBe(false);
    expect(isDongAmount(1.5)).toBe(false);
  });
});

describe('dongInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [105, 'Một trăm linh năm đồng'],
    [110, 'Một trăm mười đồng'],
    [1000, 'Một nghìn đồng'],
    [1001, 'Một nghìn không trăm linh một đồng'],
    [14_000, 'Mười bốn nghìn đồng'],
    [24_000, 'Hai mươi tư nghìn đồng'],
    [150_000, 'Một trăm năm mươi nghìn đồng'],
    [1_234_567, 'Một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy đồng'],
    [2_040_000, 'Hai triệu không trăm bốn mươi nghìn đồng'],
    [1_000_000_005, 'Một tỷ không trăm linh năm đồng'],
    [21_000_000_000, 'Hai mươi mốt tỷ đồng'],
    [3_000_000_000_000, 'Ba nghìn tỷ đồng'],
    [-7_500, 'Âm bảy nghìn năm trăm đồng'],
  ])('%d → %s', (value, words) => {
    expect(dongInWords(value)).toBe(words);
  });

  it('refuses fractions and amounts beyond the maximum', () => {
    expect(() => dongInWords(0.5)).toThrow(/whole number/);
    expect(() => dongInWords(MAX_DONG * 2)).toThrow(/whole number/);
  });
});
