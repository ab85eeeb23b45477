import { describe, expect, it } from 'vitest';
import { parseSearchTerms, toTsQuery } from './search-terms.js';

describe('parseSearchTerms', () => {
  it('folds accents and expands abbreviations into adjacent tokens', () => {
    expect(parseSearchTerms('so bhxh')).toEqual([
      { tokens: ['so'], phrase: false },
      { tokens: ['bao', 'hiem', 'xa', 'hoi'], phrase: false },
    ]);
    expect(parseSearchTerms('Sổ BHXH')).toEqual(parseSearchTerms('so bhxh'));
  });

  it('reads quoted phrases, with curly quotes and an unclosed quote running to the end', () => {
    expect(parseSearchTerms('"mua bán sổ" Đà Nẵng')).toEqual([
      { tokens: ['mua', 'ban', 'so'], phrase: true },
      { tokens: ['da'], phrase: false },
      { tokens: ['nang'], phrase: false },
    ]);
    expect(parseSearchTerms('“thẻ BHYT”')).toEqual([{ tokens: ['the', 'bao', 'hiem', 'y', 'te'], phrase: true }]);
    expect(parseSearchTerms('rút "một lần')).toEqual([
      { tokens: ['rut'], phrase: false },
      { tokens: ['mot', 'lan'], phrase: true },
    ]);
  });

  it('drops punctuation-only words, empty phrases and repeats', () => {
    expect(parseSearchTerms(' - ... "" lương lương LUONG ')).toEqual([{ tokens: ['luong'], phrase: false }]);
    expect(parseSearchTerms('')).toEqual([]);
    expect(parseSearchTerms(undefined)).toEqual([]);
  });

  it('keeps a word with inner punctuation as adjacent tokens', () => {
    expect(parseSearchTerms('COVID-19')).toEqual([{ tokens: ['covid', '19'], phrase: false }]);
  });
});

describe('toTsQuery', () => {
  it('ANDs the terms and chains the tokens of one term with <->', () => {
    expect(toTsQuery(parseSearchTerms('so bhxh "lương hưu"'))).toBe(
      "'so' & ('bao' <-> 'hiem' <-> 'xa' <-> 'hoi') & ('luong' <-> 'huu')",
    );
  });

  it('is null when there is nothing to search', () => {
    expect(toTsQuery(parseSearchTerms('?!'))).toBeNull();
  });
});
