import type { TPublication } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { changedFields, publishedAtProblem, toCreateRequest, urlProblem } from './publication-form';

describe('publication form rules', () => {
  it('requires the link on online channels only, and only http(s) links', () => {
    expect(urlProblem('facebook', '')).toBe('publication.url_required');
    expect(urlProblem('radio', '  ')).toBeNull();
    expect(urlProblem('press', 'bao.vn/bai')).toBe('validation.invalid_url');
    expect(urlProblem('zalo', 'https://zalo.me/p/1')).toBeNull();
  });

  it('keeps the moment between the approval and now (with a few minutes of tolerance)', () => {
    const now = new Date('2025-05-10T03:00:00Z');
    const readyAt = '2025-05-01T02:30:00Z';
    expect(publishedAtProblem('2025-05-01T02:29:00Z', readyAt, now)).toBe('publication.before_approval');
    expect(publishedAtProblem('2025-05-01T02:30:00Z', readyAt, now)).toBeNull();
    expect(publishedAtProblem('2025-05-10T03:02:00Z', readyAt, now)).toBeNull();
    expect(publishedAtProblem('2025-05-10T04:00:00Z', readyAt, now)).toBe('publication.in_future');
    expect(publishedAtProblem(null, readyAt, now)).toBe('validation.required');
  });

  it('sends blank optional fields as null and an edit as its changes only', () => {
    const input = {
      channel: 'tv' as const,
      outlet: ' VTV1 ',
      url: ' ',
      publishedAt: '2025-05-02T01:00:00.000Z',
      note: '',
    };
    expect(toCreateRequest('p1', input)).toEqual({
      productId: 'p1',
      channel: 'tv',
      outlet: 'VTV1',
      url: null,
      publishedAt: '2025-05-02T01:00:00.000Z',
      note: null,
    });
    const saved = {
      channel: 'tv',
      outlet: 'VTV1',
      url: null,
      publishedAt: '2025-05-02T01:00:00Z',
      note: null,
      version: 3,
    };
    expect(changedFields(saved as TPublication, input)).toEqual({ version: 3 });
    expect(changedFields(saved as TPublication, { ...input, note: 'Bản tin thời sự 19h' })).toEqual({
      version: 3,
      note: 'Bản tin thời sự 19h',
    });
  });
});
