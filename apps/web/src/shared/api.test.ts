import { describe, expect, it } from 'vitest';
import { filenameFromDisposition, toQueryString } from './api';

describe('toQueryString', () => {
  it('leaves out empty values and encodes the rest', () => {
    expect(toQueryString({ q: 'Đà Nẵng', page: 2, role: undefined, status: '', orgUnitId: null })).toBe(
      '?q=%C4%90%C3%A0+N%E1%BA%B5ng&page=2',
    );
    expect(toQueryString({})).toBe('');
  });
});

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 file name', () => {
    expect(
      filenameFromDisposition(
        `attachment; filename="co-cau.xlsx"; filename*=UTF-8''c%C6%A1-c%E1%BA%A5u-t%E1%BB%95-ch%E1%BB%A9c.xlsx`,
        'x.xlsx',
      ),
    ).toBe('cơ-cấu-tổ-chức.xlsx');
  });

  it('reads a plain quoted or bare file name', () => {
    expect(filenameFromDisposition('attachment; filename="nguoi-dung.xlsx"', 'x.xlsx')).toBe('nguoi-dung.xlsx');
    expect(filenameFromDisposition('attachment; filename=data.xlsx', 'x.xlsx')).toBe('data.xlsx');
  });

  it('falls back when there is no usable name', () => {
    expect(filenameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
    expect(filenameFromDisposition('attachment', 'x.xlsx')).toBe('x.xlsx');
  });
});
