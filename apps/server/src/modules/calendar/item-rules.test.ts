import { describe, expect, it } from 'vitest';
import { codeProblems, extraDays, guidanceYearFor, parseSheetDay, parseStatus, splitCodes } from './item-rules.js';

const catalog = {
  year: 2020,
  themes: new Set(['II.1.a', 'II.1.đ']),
  audiences: new Set(['I.1']),
  channels: new Set(['tv']),
  forms: new Set(['III.1']),
};

describe('codeProblems', () => {
  it('accepts codes of the guidance year, including Vietnamese letters', () => {
    expect(
      codeProblems(catalog, { themeCodes: ['II.1.đ'], audienceCodes: ['I.1'], channelCode: 'tv', formCode: 'III.1' }),
    ).toEqual([]);
  });

  it('names every unknown code with its place in the list', () => {
    expect(
      codeProblems(catalog, {
        themeCodes: ['II.1.a', 'II.9'],
        audienceCodes: ['X'],
        channelCode: 'pigeon',
        formCode: null,
      }),
    ).toEqual([
      { field: 'themeCodes.1', code: 'validation.unknown_guidance_code', params: { code: 'II.9' } },
      { field: 'audienceCodes.0', code: 'validation.unknown_guidance_code', params: { code: 'X' } },
      { field: 'channelCode', code: 'validation.unknown_guidance_code', params: { code: 'pigeon' } },
    ]);
  });

  it('does not take a theme code for a channel', () => {
    expect(codeProblems(catalog, { channelCode: 'II.1.a' })).toHaveLength(1);
  });
});

describe('guidanceYearFor', () => {
  it('takes the latest guidance not after the day, else the earliest there is', () => {
    expect(guidanceYearFor('2026-05-01', [2020, 2025, 2027])).toBe(2025);
    expect(guidanceYearFor('2027-01-01', [2027, 2020, 2025])).toBe(2027);
    expect(guidanceYearFor('2019-12-31', [2025, 2020])).toBe(2020);
    expect(guidanceYearFor('2026-05-01', [])).toBeNull();
  });
});

describe('extraDays', () => {
  it('counts the days a period lasts beyond its first', () => {
    expect(extraDays('2026-02-27', '2026-03-02')).toBe(3);
    expect(extraDays('2026-02-27', null)).toBe(0);
  });
});

describe('parseStatus', () => {
  it('reads codes and labels in either language, accents and case ignored', () => {
    expect(parseStatus('in_production')).toBe('in_production');
    expect(parseStatus('Đang sản xuất')).toBe('in_production');
    expect(parseStatus('dang san xuat')).toBe('in_production');
    expect(parseStatus('PUBLISHED')).toBe('published');
    expect(parseStatus('Đã hủy')).toBe('cancelled');
    expect(parseStatus('In production')).toBe('in_production');
  });

  it('takes an empty cell as planned and refuses anything else', () => {
    expect(parseStatus(null)).toBe('planned');
    expect(parseStatus('Chờ')).toBeNull();
  });
});

describe('parseSheetDay', () => {
  it('reads dd/mm/yyyy and yyyy-mm-dd', () => {
    expect(parseSheetDay('05/03/2026')).toBe('2026-03-05');
    expect(parseSheetDay('5/3/2026')).toBe('2026-03-05');
    expect(parseSheetDay('2026-03-05')).toBe('2026-03-05');
  });

  it('refuses impossible days and other shapes', () => {
    expect(parseSheetDay('31/04/2026')).toBeNull();
    expect(parseSheetDay('29/02/2026')).toBeNull();
    expect(parseSheetDay('03/05/26')).toBeNull();
    expect(parseSheetDay('mai')).toBeNull();
  });
});

describe('splitCodes', () => {
  it('splits on commas and semicolons, trimming and dropping empties and repeats', () => {
    expect(splitCodes(' II.1.a, II.2.b;II.1.a ,, ')).toEqual(['II.1.a', 'II.2.b']);
    expect(splitCodes(null)).toEqual([]);
  });
});
