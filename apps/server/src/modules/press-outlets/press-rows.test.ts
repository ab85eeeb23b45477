import { describe, expect, it } from 'vitest';
import { isNationalArea, mapContactRow, mapOutletRow, parseContactRole, parseOutletKind } from './press-rows.js';

describe('parseOutletKind / parseContactRole', () => {
  it('reads codes and Vietnamese or English labels, accents and case ignored', () => {
    expect(parseOutletKind('Truyen hinh')).toBe('tv');
    expect(parseOutletKind('Đài truyền thanh cơ sở')).toBe('grassroots_radio');
    expect(parseOutletKind('grassroots radio')).toBe('grassroots_radio');
    expect(parseOutletKind('blog')).toBeNull();
    expect(parseContactRole('TỔNG BIÊN TẬP')).toBe('editor_in_chief');
    expect(parseContactRole('Editor-in-chief')).toBe('editor_in_chief');
    expect(parseContactRole('phong vien')).toBe('reporter');
  });

  it('takes an empty area or "Toàn quốc" as national', () => {
    expect(isNationalArea(null)).toBe(true);
    expect(isNationalArea('Toàn Quốc')).toBe(true);
    expect(isNationalArea('Hà Nội')).toBe(false);
  });
});

describe('mapOutletRow', () => {
  it('maps a row, restoring the leading 0 of a phone typed as a number', () => {
    const { fields, problems } = mapOutletRow({
      name: '  Báo  Đà Nẵng ',
      kind: 'Báo in',
      area: 'Đà Nẵng',
      beats: 'y tế; an sinh; y tế',
      phone: '2363821212',
      email: 'TOASOAN@baodanang.vn',
    });
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      name: 'Báo Đà Nẵng',
      kind: 'newspaper',
      area: 'Đà Nẵng',
      beats: ['y tế', 'an sinh'],
      phone: '02363821212',
      email: 'toasoan@baodanang.vn',
    });
  });

  it('reports every problem of a bad row', () => {
    const { fields, problems } = mapOutletRow({
      name: null,
      kind: 'blog',
      website: 'www.x',
      phone: '123',
      email: 'a@',
    });
    expect(fields).toBeNull();
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['name', 'validation.required'],
      ['kind', 'validation.invalid_value'],
      ['website', 'validation.invalid_url'],
      ['phone', 'validation.invalid_phone'],
      ['email', 'validation.invalid_email'],
    ]);
  });
});

describe('mapContactRow', () => {
  it('maps several phones and e-mails separated by ";"', () => {
    const { fields } = mapContactRow({
      outlet: 'Báo Nhân Dân',
      fullName: 'Phạm Minh',
      role: 'Nhà báo',
      phones: '0912 345 678; +84 987 654 321',
      emails: 'minh@nhandan.vn',
    });
    expect(fields).toEqual({
      outlet: 'Báo Nhân Dân',
      fullName: 'Phạm Minh',
      role: 'journalist',
      beats: [],
      phones: ['0912345678', '0987654321'],
      emails: ['minh@nhandan.vn'],
      note: null,
    });
  });

  it('requires the outlet, the name and the role', () => {
    const { fields, problems } = mapContactRow({ phones: 'abc' });
    expect(fields).toBeNull();
    expect(problems.map((p) => p.field)).toEqual(['outlet', 'fullName', 'role', 'phones']);
  });
});
