// Where the searched words are in a title or a lead, as [start, end) offsets into the text as stored (UTF-16 code
// units, what the web app slices with). The text is folded character by character exactly as matchTokens folds it,
// keeping each token's place, so "so bhxh" lights up "sổ BHXH" and "sổ bảo hiểm xã hội", and "bảo hiểm xã hội"
// lights up "BHXH".
import { VI_ABBREVIATIONS } from '../monitoring/index.js';
import type { SearchTerm } from './search-terms.js';

export type Range = [number, number];

interface PlacedToken {
  token: string;
  start: number;
  end: number;
}

const INVISIBLE = /^[\u200b-\u200d\u2060\ufeff\u00ad]$/;
const COMBINING = /[\u0300-\u036f]/g;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]+$/u;

/** One character folded as foldVi folds it: lower case, accents dropped, đ → d; '' for marks and invisibles. */
function foldChar(char: string): string {
  if (INVISIBLE.test(char)) return '';
  return char.toLowerCase().normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd');
}

/** The matching tokens of `text` with the span of the word each came from (an abbreviation's tokens share one). */
export function placedTokens(text: string): PlacedToken[] {
  const placed: PlacedToken[] = [];
  let word = '';
  let start = -1;
  let end = -1;
  const flush = () => {
    if (word !== '') {
      for (const token of VI_ABBREVIATIONS.get(word) ?? [word]) placed.push({ token, start, end });
    }
    word = '';
    start = -1;
  };
  let offset = 0;
  for (const char of text) {
    const folded = foldChar(char);
    const next = offset + char.length;
    if (folded === '') {
      // A combining mark or an invisible character belongs to the word it sits in.
      if (start >= 0) end = next;
    } else {
      // A character may fold to several (ligatures); each piece either extends the word or ends it.
      for (const piece of folded) {
        if (LETTER_OR_DIGIT.test(piece)) {
          if (start < 0) start = offset;
          word += piece;
          end = next;
        } else flush();
      }
    }
    offset = next;
  }
  flush();
  return placed;
}

/** Sorted, overlapping or touching ranges merged. */
function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Range[] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** The spans of `text` where a term occurs (its tokens one after another), merged, in text order. */
export function highlight(text: string, terms: readonly SearchTerm[]): Range[] {
  if (terms.length === 0 || text === '') return [];
  const tokens = placedTokens(text);
  const ranges: Range[] = [];
  for (const term of terms) {
    const want = term.tokens;
    for (let i = 0; i + want.length <= tokens.length; i++) {
      let j = 0;
      while (j < want.length && tokens[i + j]!.token === want[j]) j++;
      if (j === want.length) ranges.push([tokens[i]!.start, tokens[i + want.length - 1]!.end]);
    }
  }
  return merge(ranges);
}
