import { describe, expect, it } from 'vitest';
import { isWebUrl, reachOf, ZCreatePublicationRequest, ZRecordMetricsRequest } from './publications.js';

describe('reachOf', () => {
  it('sums each metric and counts views and listeners as people reached', () => {
    expect(
      reachOf([
        { metric: 'views', value: 1200 },
        { metric: 'views', value: 300 },
        { metric: 'listeners', value: 5000 },
        { metric: 'shares', value: 40 },
        { metric: 'reactions', value: 7 },
      ]),
    ).toEqual({ views: 1500, listeners: 5000, shares: 40, comments: 0, reactions: 7, reached: 6500 });
  });

  it('is zero for no readings', () => {
    expect(reachOf([]).reached).toBe(0);
  });
});

describe('publication requests', () => {
  it('accepts only http(s) web addresses as links', () => {
    expect(['https://baohanoi.vn/a', 'http://bhxh.gov.vn'].map(isWebUrl)).toEqual([true, true]);
    expect(['ftp://x.vn/a', 'javascript:alert(1)', 'not a url', 'https://localhost'].map(isWebUrl)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('rejects unknown channels, empty outlets and dates without an offset', () => {
    const result = ZCreatePublicationRequest.safeParse({
      productId: '00000000-0000-4000-8000-000000000000',
      channel: 'fax',
      outlet: ' ',
      publishedAt: '2025-05-02T10:00:00',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`)).toEqual([
      'channel:validation.invalid_value',
      'outlet:validation.required',
      'publishedAt:validation.invalid_date',
    ]);
  });

  it('requires at least one figure, whole and not negative', () => {
    const parse = (values: Record<string, unknown>) =>
      ZRecordMetricsRequest.safeParse({ readOn: '2025-05-05', values });
    expect(parse({}).success).toBe(false);
    expect(parse({ views: 10 }).success).toBe(true);
    expect(parse({ views: -1 }).error?.issues[0]?.message).toBe('validation.negative');
    expect(parse({ shares: 1.5 }).error?.issues[0]?.message).toBe('validation.not_integer');
  });
});
