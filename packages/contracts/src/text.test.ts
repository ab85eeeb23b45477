import { describe, expect, it } from 'vitest';
import { foldVi, matchesVi, viDate } from './text.js';

describe('foldVi', () => {
  it('removes tones and vowel marks and lower-cases: "Đà Nẵng" becomes "da nang"', () => {
    expect(foldVi('Đà Nẵng')).toBe('da nang');
    expect(foldVi('Bảo hiểm xã hội Việt Nam')).toBe('bao hiem xa hoi viet nam');
    expect(foldVi('Thừa Thiên Huế')).toBe('thua thien hue');
  });

  it('folds đ and Đ to d, which Unicode does not decompose', () => {
    expect(foldVi('đ')).toBe('d');
    expect(foldVi('ĐỘI CẤN')).toBe('doi can');
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Nguyễn Thị Hằng'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVi(nfd)).toBe('nguyen thi hang');
    expect(foldVi(nfc)).toBe(foldVi(nfd));
  });

  it('collapses runs of white space and trims', () => {
    expect(foldVi('  Hà \t Nội\n ')).toBe('ha noi');
  });
});

describe('matchesVi', () => {
  it('finds "Bảo hiểm xã hội" by "bao hiem"', () => {
    expect(matchesVi('Bảo hiểm xã hội', 'bao hiem')).toBe(true);
  });

  it('lets a plain d match đ, in either direction', () => {
    expect(matchesVi('Quận Ba Đình', 'dinh')).toBe(true);
    expect(matchesVi('Quận Ba Đình', 'd')).toBe(true);
    expect(matchesVi('Quận Ba Dinh', 'Đình')).toBe(true);
  });

  it('needs every word of the query, in any order', () => {
    expect(matchesVi('Bảo hiểm xã hội thành phố Đà Nẵng', 'nang bao da')).toBe(true);
    expect(matchesVi('Bảo hiểm xã hội thành phố Đà Nẵng', 'nang hue')).toBe(false);
  });

  it('matches NFD text with an NFC query and the other way round', () => {
    const text = 'Phòng chống dịch Covid-19';
    expect(matchesVi(text.normalize('NFD'), 'dịch covid'.normalize('NFC'))).toBe(true);
    expect(matchesVi(text.normalize('NFC'), 'DỊCH'.normalize('NFD'))).toBe(true);
  });

  it('ignores case', () => {
    expect(matchesVi('bhxh tỉnh gia lai', 'GIA LAI')).toBe(true);
  });

  it('does not match a word that is absent', () => {
    expect(matchesVi('Bảo hiểm y tế', 'xa hoi')).toBe(false);
  });

  it('treats an empty or blank query as matching everything', () => {
    expect(matchesVi('Bảo hiểm y tế', '')).toBe(true);
    expect(matchesVi('Bảo hiểm y tế', '   ')).toBe(true);
  });
});

describe('viDate', () => {
  it('writes a calendar day the Vietnamese way and refuses anything else', () => {
    expect(viDate('2026-01-09')).toBe('09/01/2026');
    expect(() => viDate('09/01/2026')).toThrow(/yyyy-mm-dd/);
  });
});
