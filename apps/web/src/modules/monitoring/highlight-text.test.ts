import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight-text';

const marked = (text: string, ranges: [number, number][]) =>
  highlightSegments(text, ranges)
    .filter((segment) => segment.marked)
    .map((segment) => segment.text);

describe('highlightSegments', () => {
  it('marks the ranges of a Vietnamese title and keeps the rest', () => {
    const title = 'Mua bán sổ BHXH trên mạng xã hội';
    const segments = highlightSegments(title, [
      [8, 10],
      [11, 15],
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(title);
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['sổ', 'BHXH']);
  });

  it('merges overlapping and touching ranges and sorts them', () => {
    expect(
      marked('bảo hiểm xã hội', [
        [9, 15],
        [0, 4],
        [3, 8],
      ]),
    ).toEqual(['bảo hiểm', 'xã hội']);
    expect(
      marked('abcdef', [
        [0, 2],
        [2, 4],
      ]),
    ).toEqual(['abcd']);
  });

  it('clamps ranges to the text and ignores empty ones', () => {
    expect(
      marked('sổ BHXH', [
        [3, 99],
        [5, 5],
        [-4, 0],
      ]),
    ).toEqual(['BHXH']);
  });

  it('returns the whole text unmarked without ranges, even when empty', () => {
    expect(highlightSegments('Tin mới', undefined)).toEqual([{ text: 'Tin mới', marked: false }]);
    expect(highlightSegments('', [])).toEqual([{ text: '', marked: false }]);
  });
});
