import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('splits records on CRLF and LF and fields on commas', () => {
    expect(parseCsv('a,b\r\nc,d\ne,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('keeps commas, line breaks and doubled quotes inside quoted fields', () => {
    expect(parseCsv('"Lượt xem, tổng","dòng 1\r\ndòng 2","nói ""có"""\r\n')).toEqual([
      ['Lượt xem, tổng', 'dòng 1\r\ndòng 2', 'nói "có"'],
    ]);
  });

  it('drops a UTF-8 byte-order mark and keeps empty fields and blank lines', () => {
    expect(parseCsv('\ufeffURL,,Views\n\nx,,3\n')).toEqual([['URL', '', 'Views'], [''], ['x', '', '3']]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('"open,1\n')).toThrow(/unterminated/);
  });

  it('reads semicolon exports with the delimiter guessed from the header', () => {
    const header = 'Liên kết;Lượt xem;Ngày';
    expect(guessDelimiter(header)).toBe(';');
    expect(parseCsv(`${header}\nhttps://a.vn/x;1.234;01/05/2025`, ';')[1]).toEqual([
      'https://a.vn/x',
      '1.234',
      '01/05/2025',
    ]);
    expect(guessDelimiter('URL\tViews')).toBe('\t');
    expect(guessDelimiter('URL,Views')).toBe(',');
  });
});
