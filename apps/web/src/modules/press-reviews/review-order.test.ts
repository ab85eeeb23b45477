import type { TReview, TReviewEntry, TReviewSection } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  containerOf,
  dropTarget,
  isReview,
  moveEntry,
  orderOf,
  printedNumbers,
  reorderRequest,
  sameOrder,
  shiftEntry,
  withOrder,
  type SectionOrder,
} from './review-order';

function entry(id: string, section: TReviewSection, position: number): TReviewEntry {
  return {
    id,
    clusterId: id,
    section,
    theme: 'none',
    position,
    headline: `Tin ${id}`,
    extract: '',
    comment: null,
    excluded: false,
    outlets: [],
    links: [],
    relevance: 'core',
    sentiment: 'neutral',
    flags: [],
    province: null,
    score: 1,
    publishedAt: '2026-11-25T00:00:00.000Z',
  };
}

const order = (): SectionOrder => ({ risk: ['r1', 'r2', 'r3'], agency: ['a1'], theme: [], provincial: ['p1', 'p2'] });

describe('orderOf', () => {
  it('groups entries by section and sorts each by position', () => {
    const entries = [
      entry('a2', 'agency', 2),
      entry('r1', 'risk', 1),
      entry('a1', 'agency', 1),
      entry('t1', 'theme', 1),
    ];
    expect(orderOf(entries)).toEqual({ risk: ['r1'], agency: ['a1', 'a2'], theme: ['t1'], provincial: [] });
  });
});

describe('containerOf', () => {
  it('finds the section of an entry, names a section as itself, and knows nothing of unknown ids', () => {
    expect(containerOf(order(), 'p2')).toBe('provincial');
    expect(containerOf(order(), 'theme')).toBe('theme');
    expect(containerOf(order(), 'zz')).toBeUndefined();
  });
});

describe('shiftEntry', () => {
  it('moves an entry one place up within its section', () => {
    expect(shiftEntry(order(), 'r3', -1)?.risk).toEqual(['r1', 'r3', 'r2']);
  });
  it('moves an entry one place down and leaves the other sections alone', () => {
    const next = shiftEntry(order(), 'p1', 1);
    expect(next?.provincial).toEqual(['p2', 'p1']);
    expect(next?.risk).toEqual(['r1', 'r2', 'r3']);
  });
  it('does nothing at the edge of a section', () => {
    expect(shiftEntry(order(), 'r1', -1)).toBeNull();
    expect(shiftEntry(order(), 'a1', 1)).toBeNull();
    expect(shiftEntry(order(), 'risk', -1)).toBeNull();
  });
});

describe('moveEntry', () => {
  it('moves an entry into another section at a place, clamped to the list', () => {
    const next = moveEntry(order(), 'r2', 'agency', 0);
    expect(next.risk).toEqual(['r1', 'r3']);
    expect(next.agency).toEqual(['r2', 'a1']);
    expect(moveEntry(order(), 'r2', 'theme', 99).theme).toEqual(['r2']);
  });
  it('does not change the order it was given', () => {
    const before = order();
    moveEntry(before, 'r1', 'theme', 0);
    expect(before).toEqual(order());
  });
});

describe('dropTarget', () => {
  it('within a section takes the place of the entry it is over (down and up)', () => {
    const down = dropTarget(order(), 'r1', 'r3');
    expect(down).toEqual({ section: 'risk', index: 2 });
    expect(moveEntry(order(), 'r1', down!.section, down!.index).risk).toEqual(['r2', 'r3', 'r1']);
    const up = dropTarget(order(), 'r3', 'r1');
    expect(moveEntry(order(), 'r3', up!.section, up!.index).risk).toEqual(['r3', 'r1', 'r2']);
  });
  it('into another section goes before the entry it is over, or last over the list itself', () => {
    expect(dropTarget(order(), 'r1', 'p2')).toEqual({ section: 'provincial', index: 1 });
    expect(dropTarget(order(), 'r1', 'provincial')).toEqual({ section: 'provincial', index: 2 });
    expect(dropTarget(order(), 'r1', 'theme')).toEqual({ section: 'theme', index: 0 });
  });
  it('is null when nothing moves', () => {
    expect(dropTarget(order(), 'r1', 'r1')).toBeNull();
    expect(dropTarget(order(), 'r1', 'risk')).toBeNull();
    expect(dropTarget(order(), 'zz', 'r1')).toBeNull();
  });
});

describe('reorderRequest and sameOrder', () => {
  it('lists every section in the printed order with its ids', () => {
    expect(reorderRequest(order(), 7)).toEqual({
      version: 7,
      sections: [
        { section: 'risk', entryIds: ['r1', 'r2', 'r3'] },
        { section: 'agency', entryIds: ['a1'] },
        { section: 'theme', entryIds: [] },
        { section: 'provincial', entryIds: ['p1', 'p2'] },
      ],
    });
  });
  it('tells a changed order from the same one', () => {
    expect(sameOrder(order(), order())).toBe(true);
    expect(sameOrder(order(), shiftEntry(order(), 'r2', -1)!)).toBe(false);
    expect(sameOrder(order(), moveEntry(order(), 'a1', 'theme', 0))).toBe(false);
  });
});

describe('withOrder', () => {
  it('gives every entry its new section and 1-based position', () => {
    const review = { entries: [entry('r1', 'risk', 1), entry('r2', 'risk', 2), entry('a1', 'agency', 1)] } as TReview;
    const next = withOrder(review, { risk: ['r2'], agency: ['r1', 'a1'], theme: [], provincial: [] });
    const placed = Object.fromEntries(next.entries.map((e) => [e.id, `${e.section}:${e.position}`]));
    expect(placed).toEqual({ r2: 'risk:1', r1: 'agency:1', a1: 'agency:2' });
  });
});

describe('printedNumbers', () => {
  it('numbers the kept entries of each section from 1 and skips the left-out ones', () => {
    const numbers = printedNumbers(order(), new Set(['r1']));
    expect(numbers.get('r1')).toBeUndefined();
    expect(numbers.get('r2')).toBe(1);
    expect(numbers.get('r3')).toBe(2);
    expect(numbers.get('p2')).toBe(2);
  });
});

describe('isReview', () => {
  it('tells a whole edition from a single entry', () => {
    expect(isReview({ id: 'x', version: 3, entries: [] })).toBe(true);
    expect(isReview(entry('r1', 'risk', 1))).toBe(false);
    expect(isReview(null)).toBe(false);
  });
});
