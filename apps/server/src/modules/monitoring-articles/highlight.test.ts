import { describe, expect, it } from 'vitest';
import { highlight, placedTokens } from './highlight.js';
import { parseSearchTerms } from './search-terms.js';

/** The highlighted pieces of `text` for the search `q`. */
const marked = (text: string, q: string) => highlight(text, parseSearchTerms(q)).map(([a, b]) => text.slice(a, b));

describe('highlight', () => {
  it('finds words without accents in accented text', () => {
    expect(marked('Chậm đóng bảo hiểm tại Đà Nẵng', 'cham dong da nang')).toEqual(['Chậm', 'đóng', 'Đà', 'Nẵng']);
    expect(marked('Chậm đóng bảo hiểm tại Đà Nẵng', '"da nang"')).toEqual(['Đà Nẵng']);
  });

  it('lights up "sổ BHXH" and "sổ bảo hiểm xã hội" for "so bhxh"', () => {
    expect(marked('Rao bán sổ BHXH trên mạng', 'so bhxh')).toEqual(['sổ', 'BHXH']);
    expect(marked('Cầm cố sổ bảo hiểm xã hội', 'so bhxh')).toEqual(['sổ', 'bảo hiểm xã hội']);
    expect(marked('Rao bán sổ BHXH trên mạng', '"so bhxh"')).toEqual(['sổ BHXH']);
  });

  it('lights up the abbreviation when the full form is searched, and not a partial full form', () => {
    expect(marked('Thẻ BHYT và sổ BHXH', 'bảo hiểm xã hội')).toEqual(['BHYT', 'BHXH']);
    expect(marked('Thẻ BHYT và sổ BHXH', '"bảo hiểm xã hội"')).toEqual(['BHXH']);
    expect(marked('Thẻ BHYT và sổ BHXH', 'BHXH')).toEqual(['BHXH']);
  });

  it('matches a phrase only where its words follow one another', () => {
    expect(marked('Lương hưu tăng; hưu trí và lương tối thiểu', '"lương hưu"')).toEqual(['Lương hưu']);
    expect(marked('hưu lương', '"lương hưu"')).toEqual([]);
  });

  it('gives offsets into the text as stored, NFC or not, with đ folded to d', () => {
    const nfc = 'Đóng BHTN cho NLĐ';
    expect(highlight(nfc, parseSearchTerms('dong nguoi lao dong'))).toEqual([
      [0, 4],
      [14, 17],
    ]);
    const nfd = 'Hưởng một lần'.normalize('NFD');
    const ranges = highlight(nfd, parseSearchTerms('"mot lan"'));
    expect(ranges).toHaveLength(1);
    expect(nfd.slice(ranges[0]![0], ranges[0]![1]).normalize('NFC')).toBe('một lần');
  });

  it('does not light up a word that merely contains the searched one', () => {
    expect(marked('Thuế thu nhập', 'thu')).toEqual(['thu']);
  });

  it('is empty without terms or text', () => {
    expect(highlight('Sổ BHXH', [])).toEqual([]);
    expect(highlight('', parseSearchTerms('so'))).toEqual([]);
  });
});

describe('placedTokens', () => {
  it('gives an abbreviation the tokens of its full form, all spanning the abbreviation', () => {
    expect(placedTokens('Sổ KCB')).toEqual([
      { token: 'so', start: 0, end: 2 },
      { token: 'kham', start: 3, end: 6 },
      { token: 'chua', start: 3, end: 6 },
      { token: 'benh', start: 3, end: 6 },
    ]);
  });

  it('keeps a word with a zero-width space inside whole, as matchTokens does', () => {
    expect(placedTokens('BH\u200bXH').map((t) => t.token)).toEqual(['bao', 'hiem', 'xa', 'hoi']);
  });
});
