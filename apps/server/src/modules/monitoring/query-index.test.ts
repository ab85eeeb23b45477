import { describe, expect, it } from 'vitest';
import { QueryIndex, type KeyFrequency } from './query-index.js';
import { prepareArticle } from './query-matcher.js';
import { parseQuery } from './query-parser.js';

/** Frequencies fixed by the test, so that the chosen keys are known: unknown tokens are rare. */
const FREQUENCY: Record<string, number> = {
  bao: 0.5,
  hiem: 0.4,
  xa: 0.6,
  hoi: 0.6,
  so: 0.3,
  the: 0.2,
  rut: 0.01,
  lan: 0.1,
};
const frequency: KeyFrequency = (key, isPrefix) => (FREQUENCY[key] ?? 0.001) * (isPrefix ? 10 : 1);

function indexOf(queries: Record<string, string>): QueryIndex {
  const index = new QueryIndex(frequency);
  for (const [id, text] of Object.entries(queries)) index.add(id, parseQuery(text));
  return index;
}

describe('QueryIndex keys', () => {
  const index = indexOf({
    phrase: '"sổ BHXH"',
    and: 'bhxh AND rút',
    andPrefix: 'sổ lươ*',
    or: 'thẻ OR (rút AND bhxh) OR trốn*',
    not: 'NOT covid',
    andNot: 'sổ -covid',
    orWithNot: 'sổ OR -covid',
    near: 'BHXH NEAR/3 "một lần"',
  });

  it('files a phrase under its rarest token and AND under its cheapest child', () => {
    expect(index.keysOf('phrase')).toEqual({ tokens: ['so'], prefixes: [] });
    expect(index.keysOf('and')).toEqual({ tokens: ['rut'], prefixes: [] });
    expect(index.keysOf('andPrefix')).toEqual({ tokens: [], prefixes: ['luo'] });
    expect(index.keysOf('near')).toEqual({ tokens: ['mot'], prefixes: [] });
    expect(index.keysOf('andNot')).toEqual({ tokens: ['so'], prefixes: [] });
  });

  it('files OR under the union of its children, and NOT under nothing', () => {
    expect(index.keysOf('or')).toEqual({ tokens: ['the', 'rut'], prefixes: ['tron'] });
    expect(index.keysOf('not')).toBeNull();
    expect(index.keysOf('orWithNot')).toBeNull();
    expect(index.keysOf('missing')).toBeUndefined();
    expect(index.stats()).toEqual({ queries: 8, alwaysCandidates: 2, tokenKeys: 4, prefixKeys: 2 });
  });
});

describe('QueryIndex.match', () => {
  const article = prepareArticle({
    title: 'Rút BHXH một lần',
    lead: 'Người lao động hỏi về lương hưu',
    body: 'Thẻ BHYT vẫn dùng được.',
  });

  it('verifies only the candidates found through the article tokens and prefixes', () => {
    const index = indexOf({
      hit: 'rút "một lần"',
      miss: 'trốn đóng',
      prefixHit: 'lươn*',
      prefixMiss: 'lươm*',
      or: 'covid OR thẻ',
      always: 'NOT covid',
      alwaysMiss: 'NOT bhyt',
    });
    const result = index.match(article);
    expect(result.matched.sort()).toEqual(['always', 'hit', 'or', 'prefixHit']);
    // miss and prefixMiss are never looked at; alwaysMiss is, and fails.
    expect(result.candidates).toBe(5);
  });

  it('adds, replaces and removes queries incrementally', () => {
    const index = indexOf({ a: 'rút', b: 'trốn' });
    expect(index.match(article).matched).toEqual(['a']);
    index.add('b', parseQuery('lương'));
    expect(index.match(article).matched.sort()).toEqual(['a', 'b']);
    expect(index.keysOf('b')).toEqual({ tokens: ['luong'], prefixes: [] });
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.match(article)).toEqual({ matched: ['b'], candidates: 1 });
    index.add('c', parseQuery('NOT covid'));
    index.add('d', parseQuery('hưu*'));
    expect(index.stats()).toEqual({ queries: 3, alwaysCandidates: 1, tokenKeys: 1, prefixKeys: 1 });
    expect(index.match(article).matched.sort()).toEqual(['b', 'c', 'd']);
    index.remove('c');
    index.remove('d');
    expect(index.stats()).toEqual({ queries: 1, alwaysCandidates: 0, tokenKeys: 1, prefixKeys: 0 });
    expect(index.size).toBe(1);
  });

  it('keeps matching right after many slots were reused', () => {
    const index = new QueryIndex();
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 200; i++) index.add(`q${i}`, parseQuery(i % 2 === 0 ? 'rút' : 'trốn'));
      for (let i = 0; i < 200; i += 3) index.remove(`q${i}`);
    }
    const expected = Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 2 === 0 && i % 3 !== 0);
    expect(index.match(article).matched.sort()).toEqual(expected.map((i) => `q${i}`).sort());
  });
});
