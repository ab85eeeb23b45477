import { describe, expect, it } from 'vitest';
import { foldVi, matchTokens, normaliseVi, shingles } from './vn-text.js';

/** The same text in the other Unicode form, as copy-pasted from some Word documents and Mac file names. */
const decomposed = (text: string) => text.normalize('NFD');

describe('normaliseVi', () => {
  it('unifies the second-vowel tone placement of open "oa", "oe", "uy" to the first', () => {
    expect(normaliseVi('hoà')).toBe('hòa');
    expect(normaliseVi('hoè')).toBe('hòe');
    expect(normaliseVi('khoẻ')).toBe('khỏe');
    expect(normaliseVi('thuỷ')).toBe('thủy');
    expect(normaliseVi('thuý')).toBe('thúy');
    expect(normaliseVi('tuỳ')).toBe('tùy');
    expect(normaliseVi('hoạ')).toBe('họa');
    expect(normaliseVi('Uỷ ban nhân dân')).toBe('Ủy ban nhân dân');
  });

  it('leaves the first-vowel placement as it is, so both spellings meet', () => {
    for (const word of ['hòa', 'hòe', 'khỏe', 'thủy', 'thúy', 'Ủy', 'HÒA']) {
      expect(normaliseVi(word)).toBe(word);
    }
    expect(normaliseVi('Hoà Bình, khoẻ mạnh')).toBe(normaliseVi('Hòa Bình, khỏe mạnh'));
  });

  it('moves the tone in capitals too', () => {
    expect(normaliseVi('HOÀ BÌNH')).toBe('HÒA BÌNH');
    expect(normaliseVi('THUỶ LỢI')).toBe('THỦY LỢI');
    expect(normaliseVi('Khánh Hoà')).toBe('Khánh Hòa');
    expect(normaliseVi('KHOẺ')).toBe('KHỎE');
  });

  it('does not touch syllables with a final consonant or a third vowel, where both styles agree', () => {
    const words = 'hoàng toán khoét thuyền huỳnh xoài ngoáy hoàn toàn';
    expect(normaliseVi(words)).toBe(words);
  });

  it('leaves the "qu" and "gi" onsets alone', () => {
    const words = 'quá quà quý quỳ Quý QUÝ giá già giữa quả của mùa';
    expect(normaliseVi(words)).toBe(words);
  });

  it('composes decomposed text and moves its tones the same way', () => {
    expect(normaliseVi(decomposed('Bảo hiểm xã hội tỉnh Khánh Hoà'))).toBe('Bảo hiểm xã hội tỉnh Khánh Hòa');
    expect(normaliseVi(decomposed('Bảo hiểm')).length).toBe('Bảo hiểm'.length);
  });

  it('collapses whitespace and drops invisible characters', () => {
    expect(normaliseVi('  Người\u00a0lao   động\n\ntham gia\u200b BHXH\t')).toBe('Người lao động tham gia BHXH');
    expect(normaliseVi('ho\u200bà')).toBe('hòa');
  });
});

describe('foldVi', () => {
  it('folds accents, case and đ', () => {
    expect(foldVi('Đóng BHXH cho người lao động')).toBe('dong bhxh cho nguoi lao dong');
    expect(foldVi('ĐẮK LẮK')).toBe('dak lak');
  });

  it('gives both tone placements and both Unicode forms the same form', () => {
    expect(foldVi('Thuỷ sản Khánh Hoà')).toBe(foldVi('Thủy sản Khánh Hòa'));
    expect(foldVi(decomposed('Khánh Hoà'))).toBe('khanh hoa');
  });
});

describe('matchTokens', () => {
  it('expands the agency abbreviations so they match their full forms', () => {
    const short = matchTokens('Doanh nghiệp nợ BHXH, BHYT, BHTN của NLĐ');
    const long = matchTokens('Doanh nghiệp nợ bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp của người lao động');
    expect(short).toEqual(long);
  });

  it('expands abbreviations whatever their case, Đ included', () => {
    expect(matchTokens('NSDLĐ')).toEqual(['nguoi', 'su', 'dung', 'lao', 'dong']);
    expect(matchTokens('nsdlđ')).toEqual(['nguoi', 'su', 'dung', 'lao', 'dong']);
    expect(matchTokens('Nlđ')).toEqual(['nguoi', 'lao', 'dong']);
    expect(matchTokens('bhxh')).toEqual(['bao', 'hiem', 'xa', 'hoi']);
    expect(matchTokens('Chi phí KCB tăng')).toEqual(['chi', 'phi', 'kham', 'chua', 'benh', 'tang']);
  });

  it('expands on word boundaries only', () => {
    expect(matchTokens('BHXHVN và mã BHYT01')).toEqual(['bhxhvn', 'va', 'ma', 'bhyt01']);
    expect(matchTokens('(BHXH)/BHYT-BHTN')).toEqual([
      ...['bao', 'hiem', 'xa', 'hoi'],
      ...['bao', 'hiem', 'y', 'te'],
      ...['bao', 'hiem', 'that', 'nghiep'],
    ]);
  });

  it('splits on anything that is not a letter or a digit and keeps numbers', () => {
    expect(matchTokens('Nợ 10.000 tỷ đồng – "trốn đóng" 25%!')).toEqual([
      'no',
      '10',
      '000',
      'ty',
      'dong',
      'tron',
      'dong',
      '25',
    ]);
    expect(matchTokens('  \n ')).toEqual([]);
  });

  it('is safe on words that are names of object properties', () => {
    expect(matchTokens('constructor __proto__ toString')).toEqual(['constructor', 'proto', 'tostring']);
  });
});

describe('shingles', () => {
  it('joins each run of `size` consecutive tokens', () => {
    expect(shingles(['a', 'b', 'c', 'd'], 2)).toEqual(['a b', 'b c', 'c d']);
    expect(shingles(['a', 'b', 'c', 'd'], 4)).toEqual(['a b c d']);
  });

  it('gives one shingle for a text shorter than the size and none for an empty one', () => {
    expect(shingles(['a', 'b'], 5)).toEqual(['a b']);
    expect(shingles([], 5)).toEqual([]);
  });

  it('rejects a size that is not a positive integer', () => {
    expect(() => shingles(['a'], 0)).toThrow();
    expect(() => shingles(['a'], 1.5)).toThrow();
  });
});
