import { describe, expect, it } from 'vitest';
import { normaliseRegulationNumber, parseRegulationNumber } from './regulation-number.js';

describe('normaliseRegulationNumber', () => {
  it('keeps a well-written number as it is', () => {
    expect(normaliseRegulationNumber('1007/BHXH-TT')).toBe('1007/BHXH-TT');
  });

  it('reads the number as the document prints it, with "Số:" and a space before the slash', () => {
    expect(normaliseRegulationNumber('Số: 1191 /BHXH-TT')).toBe('1191/BHXH-TT');
    expect(normaliseRegulationNumber('  so 1191/BHXH-TT ')).toBe('1191/BHXH-TT');
  });

  it('unifies spaces around "/" and "-" and capitalises the symbol', () => {
    expect(normaliseRegulationNumber('1007 / bhxh - tt')).toBe('1007/BHXH-TT');
    expect(normaliseRegulationNumber('384/bhxh-khđt')).toBe('384/BHXH-KHĐT');
  });

  it('turns typographic dashes into hyphens', () => {
    expect(normaliseRegulationNumber('1007/BHXH–TT')).toBe('1007/BHXH-TT');
  });

  it('accepts numbers with a year, notices and the party style', () => {
    expect(normaliseRegulationNumber('30/2020/nđ-cp')).toBe('30/2020/NĐ-CP');
    expect(normaliseRegulationNumber('05/2019/NQ-HĐTP')).toBe('05/2019/NQ-HĐTP');
    expect(normaliseRegulationNumber('1059/TB-BHXH')).toBe('1059/TB-BHXH');
    expect(normaliseRegulationNumber('28-nq/tw')).toBe('28-NQ/TW');
    expect(normaliseRegulationNumber('58/2014/QH13')).toBe('58/2014/QH13');
    expect(normaliseRegulationNumber('914/BHXH')).toBe('914/BHXH');
  });

  it('writes the Prime Minister\'s symbol "TTg" as the state does', () => {
    expect(normaliseRegulationNumber('16/ct-ttg')).toBe('16/CT-TTg');
    expect(normaliseRegulationNumber('16/CT-TTG')).toBe('16/CT-TTg');
  });

  it('gives differently spaced and cased spellings of one number the same form', () => {
    const spellings = ['1007/BHXH-TT', '1007 /BHXH-TT', '1007/ bhxh-tt', ' Số: 1007 / Bhxh - Tt '];
    expect(new Set(spellings.map(normaliseRegulationNumber))).toEqual(new Set(['1007/BHXH-TT']));
  });

  it('rejects what is not a "số hiệu"', () => {
    for (const bad of [
      '',
      '   ',
      '1007',
      'BHXH-TT',
      '1007/',
      '/BHXH-TT',
      '1007//BHXH-TT',
      '1007/BHXH--TT',
      '1007/BHXH TT',
      '10a7/BHXH-TT',
      '30/2020',
      '30/1800/NĐ-CP',
      'công văn 1007/BHXH-TT',
    ]) {
      expect(normaliseRegulationNumber(bad), bad).toBeNull();
    }
  });
});

describe('parseRegulationNumber', () => {
  it('splits serial, year and symbol', () => {
    expect(parseRegulationNumber('30/2020/NĐ-CP')).toEqual({
      text: '30/2020/NĐ-CP',
      serial: 30,
      year: 2020,
      symbol: 'NĐ-CP',
    });
    expect(parseRegulationNumber('1191 /BHXH-TT')).toEqual({
      text: '1191/BHXH-TT',
      serial: 1191,
      year: null,
      symbol: 'BHXH-TT',
    });
    expect(parseRegulationNumber('28-NQ/TW')).toEqual({ text: '28-NQ/TW', serial: 28, year: null, symbol: 'NQ/TW' });
    expect(parseRegulationNumber('16/CT-TTg')?.symbol).toBe('CT-TTg');
  });
});
