import { describe, expect, it } from 'vitest';
import { cutText, facetLabel, localDateTime, toSummary, type SummarySource } from './present.js';
import { parseSearchTerms } from './search-terms.js';

const row = (overrides: Partial<SummarySource> = {}): SummarySource => ({
  id: 'a1',
  url: 'https://example.vn/a1',
  title: 'Rao bán sổ BHXH',
  lead: 'Nhiều tài khoản rao mua sổ bảo hiểm xã hội.',
  source_id: null,
  source_name: 'Báo A',
  published_at: '2026-03-01T01:00:00.000Z',
  fetched_at: '2026-03-01T02:00:00.000Z',
  cluster_id: 'a1',
  cluster_size: 1,
  relevance_level: 'core',
  relevance_score: 0.9,
  sentiment: 'negative',
  flags: ['book_trading'],
  unit: 'sothe',
  matched_queries: [],
  corrected_at: null,
  ...overrides,
});

describe('toSummary', () => {
  it('marks the first article of a cluster as no duplicate, and a later one as a duplicate of the first', () => {
    expect(toSummary(row()).duplicateOf).toBeNull();
    expect(toSummary(row({ id: 'a2', cluster_id: 'a1' })).duplicateOf).toBe('a1');
  });

  it('highlights title and lead only when something was searched', () => {
    expect(toSummary(row()).highlights).toBeUndefined();
    const summary = toSummary(row(), parseSearchTerms('so bhxh'));
    const pieces = (text: string, ranges: [number, number][]) => ranges.map(([a, b]) => text.slice(a, b));
    expect(pieces(summary.title, summary.highlights!.title)).toEqual(['sổ', 'BHXH']);
    expect(pieces(summary.lead, summary.highlights!.lead)).toEqual(['sổ', 'bảo hiểm xã hội']);
  });
});

describe('cutText', () => {
  it('cuts at a word boundary and marks the cut', () => {
    const text = 'một hai ba bốn năm sáu bảy tám chín mười';
    const cut = cutText(text, 20);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(21);
    expect(text.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cutText('  ngắn   gọn ', 20)).toBe('ngắn gọn');
  });
});

describe('labels', () => {
  it('names facet values in the caller language', () => {
    expect(facetLabel('unit', 'sothe', null, 'vi')).toBe('Ban Sổ - Thẻ');
    expect(facetLabel('flag', 'book_trading', null, 'en')).toBe('Book and card trading');
    expect(facetLabel('day', '2026-03-01', null, 'vi')).toBe('01/03/2026');
    expect(facetLabel('query', 'q1', 'Sổ thẻ', 'en')).toBe('Sổ thẻ');
  });

  it('shows a moment in Vietnam time', () => {
    expect(localDateTime('2026-02-28T18:30:00Z', 'vi')).toBe('01/03/2026 01:30');
    expect(localDateTime('2026-02-28T18:30:00Z', 'en')).toBe('2026-03-01 01:30');
  });
});
