import { describe, expect, it } from 'vitest';
import { digestDedupeKey, digestNotice, previousVietnamDay } from './digest.js';

describe('previousVietnamDay', () => {
  it('takes the day before in Vietnam time, whatever the UTC date', () => {
    // 2025-03-10 06:30 in Vietnam is still 2025-03-09 in UTC.
    const early = previousVietnamDay(new Date('2025-03-09T23:30:00Z'));
    expect(early.day).toBe('2025-03-09');
    expect(early.start.toISOString()).toBe('2025-03-08T17:00:00.000Z');
    expect(early.end.toISOString()).toBe('2025-03-09T17:00:00.000Z');
    expect(previousVietnamDay(new Date('2025-03-10T00:00:00Z')).day).toBe('2025-03-09');
    expect(previousVietnamDay(new Date('2025-03-01T05:00:00Z')).day).toBe('2025-02-28');
  });
});

describe('digestNotice', () => {
  it('names the query, the count, the day and the relevance threshold, and links to the articles', () => {
    const notice = digestNotice(
      { id: 'q1', name: 'Nợ đóng BHXH', orgUnitId: 'u', alertMinRelevance: 'core', count: 3 },
      '2025-03-09',
    );
    expect(notice.title.vi).toBe('Truy vấn “Nợ đóng BHXH”: 3 tin bài mới ngày 09/03/2025');
    expect(notice.body.vi).toContain('mức Trọng tâm trở lên');
    expect(notice.body.en).toContain('3 articles');
    expect(notice.link).toBe('/monitoring?query=q1&from=2025-03-09&to=2025-03-09');
    expect(notice.dedupeKey).toBe(digestDedupeKey('q1', '2025-03-09'));
    expect(notice.dedupeKey).not.toBe(digestDedupeKey('q1', '2025-03-10'));
  });
});
