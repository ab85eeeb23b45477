import { describe, expect, it } from 'vitest';
import { metricProblem, publicationProblems, readingsProblems, readOnProblem, vnDay } from './publication-rules.js';

const now = new Date('2025-05-10T03:00:00Z'); // 10:00 in Vietnam
const readyAt = new Date('2025-05-01T02:30:00Z'); // 09:30 on 1 May in Vietnam
const codes = (problems: { field: string; code: string }[]) => problems.map((p) => `${p.field}:${p.code}`);

describe('publicationProblems', () => {
  const at = new Date('2025-05-02T01:00:00Z');

  it('accepts an online publication with a link, after approval', () => {
    expect(
      publicationProblems({ channel: 'facebook', url: 'https://facebook.com/p/1', publishedAt: at }, readyAt, now),
    ).toEqual([]);
  });

  it('requires the link on online channels only, and only http(s) links', () => {
    expect(codes(publicationProblems({ channel: 'youtube', url: null, publishedAt: at }, readyAt, now))).toEqual([
      'url:publication.url_required',
    ]);
    expect(publicationProblems({ channel: 'loudspeaker', url: null, publishedAt: at }, readyAt, now)).toEqual([]);
    expect(
      codes(publicationProblems({ channel: 'press', url: 'ftp://bao.vn/x', publishedAt: at }, readyAt, now)),
    ).toEqual(['url:validation.invalid_url']);
    expect(
      codes(publicationProblems({ channel: 'portal', url: 'javascript:alert(1)', publishedAt: at }, readyAt, now)),
    ).toEqual(['url:validation.invalid_url']);
  });

  it('refuses a moment before approval, naming the approval moment in Vietnam time', () => {
    const before = new Date(readyAt.getTime() - 60_000);
    expect(publicationProblems({ channel: 'tv', url: null, publishedAt: before }, readyAt, now)).toEqual([
      { field: 'publishedAt', code: 'publication.before_approval', params: { approvedAt: '01/05/2025 09:30' } },
    ]);
  });

  it('accepts the minute of approval itself, as times are recorded to the minute', () => {
    const sameMinute = new Date(Math.floor(readyAt.getTime() / 60_000) * 60_000);
    const approvedAt = new Date(sameMinute.getTime() + 42_000);
    expect(publicationProblems({ channel: 'tv', url: null, publishedAt: sameMinute }, approvedAt, now)).toEqual([]);
  });

  it('refuses the future beyond a small tolerance', () => {
    const soon = new Date(now.getTime() + 60_000);
    const later = new Date(now.getTime() + 3_600_000);
    expect(publicationProblems({ channel: 'radio', url: null, publishedAt: soon }, readyAt, now)).toEqual([]);
    expect(codes(publicationProblems({ channel: 'radio', url: null, publishedAt: later }, readyAt, now))).toEqual([
      'publishedAt:publication.in_future',
    ]);
  });
});

describe('metric rules', () => {
  it('accepts whole numbers from zero up to the cap', () => {
    expect(metricProblem('views', 0)).toBeNull();
    expect(metricProblem('views', 1_000_000_000)).toBeNull();
    expect(metricProblem('shares', 100_000_000)).toBeNull();
  });

  it('rejects negative, fractional and absurd figures', () => {
    expect(metricProblem('views', -1)?.code).toBe('validation.negative');
    expect(metricProblem('comments', 1.5)?.code).toBe('validation.not_integer');
    expect(metricProblem('views', 1_000_000_001)).toEqual({
      field: 'views',
      code: 'metric.absurd',
      params: { maximum: 1_000_000_000 },
    });
    expect(metricProblem('reactions', 100_000_001)?.code).toBe('metric.absurd');
  });

  it('takes the reading day in Vietnam: not before the publication day, not after today', () => {
    const publishedAt = new Date('2025-05-02T18:00:00Z'); // 01:00 on 3 May in Vietnam
    expect(vnDay(publishedAt)).toBe('2025-05-03');
    expect(readOnProblem('2025-05-03', publishedAt, now)).toBeNull();
    expect(readOnProblem('2025-05-02', publishedAt, now)).toEqual({
      field: 'readOn',
      code: 'metric.before_publication',
      params: { publishedOn: '03/05/2025' },
    });
    expect(readOnProblem('2025-05-11', publishedAt, now)?.code).toBe('publication.in_future');
  });

  it('reports every bad figure of a set on its own field', () => {
    const publishedAt = new Date('2025-05-02T01:00:00Z');
    expect(codes(readingsProblems({ views: -3, shares: 5, comments: 2e9 }, '2025-05-05', publishedAt, now))).toEqual([
      'values.views:validation.negative',
      'values.comments:metric.absurd',
    ]);
  });
});
