import { describe, expect, it } from 'vitest';
import { csvRecords, fieldOfHeader, parseImport } from './import-rows.js';

describe('parseImport', () => {
  it('maps English and Vietnamese headers, whatever their accents and case', () => {
    expect(
      ['URL', 'Đường dẫn', 'Tiêu đề', 'Sapo', 'Nội dung', 'Ngày đăng', 'Published at', 'Nguồn', 'Tác giả'].map(
        fieldOfHeader,
      ),
    ).toEqual(['url', 'url', 'title', 'lead', 'body', 'publishedAt', 'publishedAt', 'source', 'author']);
    expect(fieldOfHeader('Lượt thích')).toBeNull();
  });

  it('reads CSV with semicolons, quoted delimiters and line breaks, keeping each row’s starting line', () => {
    const csv =
      '\uFEFFĐường dẫn;Tiêu đề;Nội dung;Lượt thích\n' +
      'https://a.vn/1;"Tin 1; có dấu chấm phẩy";"Đoạn 1\nĐoạn 2";10\n' +
      '\n' +
      'https://a.vn/2;"Tin ""2""";;3\n';
    const parsed = parseImport(csv, 'bao-cao.csv');
    expect(parsed).toEqual({
      format: 'csv',
      problems: [],
      rows: [
        { line: 2, article: { url: 'https://a.vn/1', title: 'Tin 1; có dấu chấm phẩy', body: 'Đoạn 1\nĐoạn 2' } },
        { line: 5, article: { url: 'https://a.vn/2', title: 'Tin "2"' } },
      ],
    });
  });

  it('reports a CSV without an address column at its header line', () => {
    expect(parseImport('Tiêu đề,Nội dung\nA,B\n', 'x.csv')).toEqual({
      format: 'csv',
      rows: [],
      problems: [{ line: 1, message: expect.stringMatching(/url/) }],
    });
  });

  it('reads JSON Lines, renaming known keys and reporting broken lines by number', () => {
    const jsonl =
      '{"link":"https://a.vn/1","tieu_de":"x","title":"Tin 1"}\n\nnot json\n[1]\n{"url":"https://a.vn/2","title":"Tin 2"}';
    const parsed = parseImport(jsonl, 'export.jsonl');
    expect(parsed.format).toBe('jsonl');
    expect(parsed.rows.map((r) => [r.line, r.article.url, r.article.title])).toEqual([
      [1, 'https://a.vn/1', 'Tin 1'],
      [5, 'https://a.vn/2', 'Tin 2'],
    ]);
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('splits CSV records on CRLF too', () => {
    expect(csvRecords('a,b\r\n1,2\r\n', ',')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });
});
