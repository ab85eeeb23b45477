import { POLL_MAX_SECONDS, POLL_MIN_SECONDS, type TIngestResponse } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { importFormatOf, isPolledKind, pollMinutes, pollSecondsOf, splitIngestResults } from './sources-helpers';

describe('polling interval', () => {
  it('turns minutes into seconds within the bounds, and nothing outside them', () => {
    expect(pollSecondsOf(15)).toBe(900);
    expect(pollSecondsOf(POLL_MIN_SECONDS / 60)).toBe(POLL_MIN_SECONDS);
    expect(pollSecondsOf(POLL_MAX_SECONDS / 60)).toBe(POLL_MAX_SECONDS);
    expect(pollSecondsOf(POLL_MIN_SECONDS / 60 - 1)).toBeNull();
    expect(pollSecondsOf(POLL_MAX_SECONDS / 60 + 1)).toBeNull();
    expect(pollSecondsOf(null)).toBeNull();
    expect(pollSecondsOf(Number.NaN)).toBeNull();
  });

  it('shows seconds as whole minutes', () => {
    expect(pollMinutes(900)).toBe(15);
    expect(pollMinutes(3630)).toBe(61);
  });
});

describe('source kinds and files', () => {
  it('polls feeds, sitemaps and listing pages only', () => {
    expect(['feed', 'sitemap', 'html'].every((k) => isPolledKind(k as 'feed'))).toBe(true);
    expect(isPolledKind('manual')).toBe(false);
    expect(isPolledKind('import')).toBe(false);
    expect(isPolledKind(undefined)).toBe(false);
  });

  it('tells CSV from JSONL by the file name', () => {
    expect(importFormatOf('Xuat-tin.CSV')).toBe('csv');
    expect(importFormatOf('bai.jsonl')).toBe('jsonl');
    expect(importFormatOf('bai.ndjson')).toBe('jsonl');
    expect(importFormatOf('bai.xlsx')).toBeNull();
  });
});

describe('splitIngestResults', () => {
  it('keeps results and rejected lines apart with their 1-based positions', () => {
    const ok = {
      id: '00000000-0000-4000-8000-000000000001',
      duplicateOf: null,
      matchedQueries: [],
      relevance: { level: 'core' as const, score: 0.9 },
      sentiment: 'negative' as const,
      flags: [],
      unit: 'thu' as const,
    };
    const rejected = { index: 1, error: { code: 'validation', message: 'Dữ liệu không hợp lệ', errors: [] } };
    const response: TIngestResponse = {
      results: [ok, rejected, { ...ok, id: '00000000-0000-4000-8000-000000000002' }],
      accepted: 2,
      known: 0,
      rejected: 1,
    };
    const { results, errors } = splitIngestResults(response);
    expect(results.map((r) => [r.position, r.result.id.slice(-1)])).toEqual([
      [1, '1'],
      [3, '2'],
    ]);
    expect(errors).toEqual([{ position: 2, error: rejected.error }]);
  });
});
