import { describe, expect, it } from 'vitest';
import { ZCreateAgentRequest, formatVnPhone, normalizeVnPhone } from './agents.js';

describe('normalizeVnPhone', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84912345678', '0912345678'],
    ['0912.345.678', '0912345678'],
    ['0356-123-456', '0356123456'],
    ['024 3824 1234', '02438241234'],
    ['(0236) 382 1234', '02363821234'],
    ['+84 24 3824 1234', '02438241234'],
    ['1900 9068', '19009068'],
  ])('reads %s as %s', (input, expected) => {
    expect(normalizeVnPhone(input)).toBe(expected);
  });

  it.each([
    ['091234567', 'a digit short'],
    ['09123456789', 'a digit long'],
    ['0112345678', 'no mobile prefix 01x since 2018'],
    ['0412345678', 'no 04x network'],
    ['043824123', 'an old 10-digit landline without its 02 prefix'],
    ['+1 415 555 0100', 'a foreign number'],
    ['0912 345 abc', 'letters'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (input) => {
    expect(normalizeVnPhone(input)).toBeNull();
  });
});

describe('formatVnPhone', () => {
  it('groups mobiles 4-3-3, landlines 3-4-4 and hotlines 4-4', () => {
    expect(formatVnPhone('0912345678')).toBe('0912 345 678');
    expect(formatVnPhone('02438241234')).toBe('024 3824 1234');
    expect(formatVnPhone('19009068')).toBe('1900 9068');
  });
});

describe('ZCreateAgentRequest', () => {
  const valid = {
    type: 'commune_agent',
    name: 'Đại lý thu xã Hòa Bình',
    address: 'Thôn 1',
    provinceCode: '01',
    phones: ['0912345678'],
  };

  it('accepts an agent with a province and one phone', () => {
    expect(ZCreateAgentRequest.safeParse(valid).success).toBe(true);
  });

  it('reports a bad phone on its position', () => {
    const result = ZCreateAgentRequest.safeParse({ ...valid, phones: ['0912345678', '12345'] });
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['phones.1', 'validation.invalid_phone'],
    ]);
  });

  it('needs a phone and an active period in order', () => {
    const result = ZCreateAgentRequest.safeParse({
      ...valid,
      phones: [],
      activeFrom: '2026-05-01',
      activeTo: '2026-04-01',
    });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['activeTo', 'phones']);
  });
});
