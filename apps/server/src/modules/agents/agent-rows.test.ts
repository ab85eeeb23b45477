import { describe, expect, it } from 'vitest';
import { mapAgentRow, parseAgentType, parseSheetDay, parseSheetPhone } from './agent-rows.js';

const row = (values: Record<string, string | null>) => ({
  type: 'Bưu điện',
  name: 'Bưu điện văn hóa xã Hòa Bình',
  address: 'Thôn 2',
  province: 'Hà Nội',
  district: null,
  commune: null,
  phones: '0912 345 678',
  ...values,
});

describe('parseAgentType', () => {
  it('reads codes, labels in both languages and common spellings', () => {
    expect(parseAgentType('post_office')).toBe('post_office');
    expect(parseAgentType('buu dien')).toBe('post_office');
    expect(parseAgentType('Bưu điện văn hóa xã')).toBe('post_office');
    expect(parseAgentType('Đại lý thu xã, phường')).toBe('commune_agent');
    expect(parseAgentType('Đại lý thu phường Ba Đình')).toBe('commune_agent');
    expect(parseAgentType('Other agent')).toBe('other');
    expect(parseAgentType('ngân hàng')).toBeNull();
  });
});

describe('parseSheetPhone', () => {
  it('gives a number cell back its leading zero', () => {
    expect(parseSheetPhone('912345678')).toBe('0912345678');
    expect(parseSheetPhone('2438241234')).toBe('02438241234');
    expect(parseSheetPhone('+84 912 345 678')).toBe('0912345678');
    expect(parseSheetPhone('12345678')).toBeNull();
  });
});

describe('parseSheetDay', () => {
  it('reads ISO and Vietnamese days and refuses days that do not exist', () => {
    expect(parseSheetDay('2026-02-28')).toBe('2026-02-28');
    expect(parseSheetDay('5/3/2026')).toBe('2026-03-05');
    expect(parseSheetDay('30/02/2026')).toBeNull();
    expect(parseSheetDay('tháng 3')).toBeNull();
  });
});

describe('mapAgentRow', () => {
  it('maps a good row, with several phones and without repeats', () => {
    const { fields, problems } = mapAgentRow(
      row({ phones: '0912345678; 024 3824 1234, +84912345678', activeFrom: '01/01/2026', commune: 'Hòa Bình' }),
    );
    expect(problems).toEqual([]);
    expect(fields).toMatchObject({
      type: 'post_office',
      province: 'Hà Nội',
      commune: 'Hòa Bình',
      phones: ['0912345678', '02438241234'],
      activeFrom: '2026-01-01',
      activeTo: null,
    });
  });

  it('reports every problem of a bad row by field', () => {
    const { fields, problems } = mapAgentRow(
      row({
        type: 'ngân hàng',
        name: null,
        phones: '0912345678; 12345',
        activeFrom: '2026-05-01',
        activeTo: '2026-04-01',
      }),
    );
    expect(fields).toBeNull();
    expect(problems).toEqual([
      { field: 'type', code: 'validation.invalid_value' },
      { field: 'name', code: 'validation.required' },
      { field: 'phones', code: 'validation.invalid_phone', params: { value: '12345' } },
      { field: 'activeTo', code: 'validation.date_order' },
    ]);
  });

  it('needs a phone number', () => {
    expect(mapAgentRow(row({ phones: null })).problems).toEqual([{ field: 'phones', code: 'validation.required' }]);
  });
});
