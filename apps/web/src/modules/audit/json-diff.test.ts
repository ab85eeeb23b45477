import { describe, expect, it } from 'vitest';
import { diffRecords, jsonEqual, showJson } from './json-diff';

describe('diffRecords', () => {
  it('marks changed, added and removed keys', () => {
    const rows = diffRecords(
      { name: 'Ban Thu', roles: ['admin'], phone: '024' },
      { name: 'Ban Thu', roles: ['admin', 'leader'], email: 'a@b.vn' },
    );
    expect(rows.map((row) => [row.key, row.changed])).toEqual([
      ['name', false],
      ['roles', true],
      ['phone', true],
      ['email', true],
    ]);
    expect(rows.find((row) => row.key === 'phone')).toMatchObject({ inBefore: true, inAfter: false });
  });

  it('treats a creation (no before) as all keys added', () => {
    const rows = diffRecords(null, { code: 'TT' });
    expect(rows).toEqual([
      { key: 'code', before: undefined, after: 'TT', changed: true, inBefore: false, inAfter: true },
    ]);
  });

  it('compares non-record values as a whole', () => {
    expect(diffRecords('a', 'b')).toEqual([
      { key: '', before: 'a', after: 'b', changed: true, inBefore: true, inAfter: true },
    ]);
  });
});

describe('jsonEqual', () => {
  it('ignores key order and compares nested values', () => {
    expect(jsonEqual({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
  });
});

describe('showJson', () => {
  it('prints strings plainly and other values as JSON', () => {
    expect(showJson('Hà Nội')).toBe('Hà Nội');
    expect(showJson({ a: 1 })).toBe('{\n  "a": 1\n}');
    expect(showJson(undefined)).toBe('');
  });
});
