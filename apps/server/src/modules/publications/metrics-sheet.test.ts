import { describe, expect, it } from 'vitest';
import { mapHeaders, parseCount, parseDay, rowsOfGrid } from './metrics-sheet.js';

describe('mapHeaders', () => {
  it('maps the template and platform headers in Vietnamese and English, accents and case ignored', () => {
    const headers = ['Permalink', 'LƯỢT XEM', 'Số người tiếp cận', 'Cảm xúc', 'Bình luận', 'Shares', 'Ngày', 'Post ID'];
    expect([...mapHeaders(headers).entries()]).toEqual([
      [0, 'url'],
      [1, 'views'],
      [3, 'reactions'],
      [4, 'comments'],
      [5, 'shares'],
      [6, 'readOn'],
    ]);
  });

  it('reads Link, Liên kết, Reach, Likes, Date and Người nghe', () => {
    const keys = (headers: string[]) => [...mapHeaders(headers).values()];
    expect(keys(['Link', 'Reach', 'Likes', 'Date'])).toEqual(['url', 'views', 'reactions', 'readOn']);
    expect(keys(['Liên kết', 'Người nghe'])).toEqual(['url', 'listeners']);
  });
});

describe('rowsOfGrid', () => {
  it('keys the data rows by column, numbered as in the file, skipping empty rows', () => {
    const grid = [
      ['URL', 'Views', 'Note'],
      ['https://a.vn/1', '10', 'x'],
      ['', '', 'only a note'],
      [' https://a.vn/2 ', '', ''],
    ];
    expect(rowsOfGrid(grid)).toEqual([
      { row: 2, values: { url: 'https://a.vn/1', views: '10' } },
      { row: 4, values: { url: 'https://a.vn/2' } },
    ]);
  });

  it('refuses a sheet without a link or without any figure column', () => {
    expect(rowsOfGrid([['Views'], ['1']])).toBeNull();
    expect(
      rowsOfGrid([
        ['URL', 'Ngày'],
        ['https://a.vn', '2025-01-01'],
      ]),
    ).toBeNull();
  });
});

describe('parseCount', () => {
  it('reads plain, grouped and shortened counts', () => {
    expect(['12345', '12,345', '12.345', '12 345', '1.2K', '3,4M'].map(parseCount)).toEqual([
      12345, 12345, 12345, 12345, 1200, 3400000,
    ]);
  });

  it('returns negatives and fractions for the rules to reject, and null for text', () => {
    expect(parseCount('-5')).toBe(-5);
    expect(parseCount('2.5')).toBe(2.5);
    expect(parseCount('nhiều')).toBeNull();
  });
});

describe('parseDay', () => {
  it('reads ISO days and date-times, and Vietnamese dd/mm/yyyy', () => {
    expect(parseDay('2025-05-03')).toBe('2025-05-03');
    expect(parseDay('2025-05-03T10:15:00+0000')).toBe('2025-05-03');
    expect(parseDay('3/5/2025')).toBe('2025-05-03');
    expect(parseDay('03-05-2025')).toBe('2025-05-03');
  });

  it('rejects impossible days and other text', () => {
    expect(parseDay('31/02/2025')).toBeNull();
    expect(parseDay('hôm nay')).toBeNull();
  });
});
