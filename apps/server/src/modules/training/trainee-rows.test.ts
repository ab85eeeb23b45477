import { describe, expect, it } from 'vitest';
import { mapTraineeRow, parseTraineePhone } from './trainee-rows.js';

describe('parseTraineePhone', () => {
  it('reads national and international forms and restores a lost leading zero', () => {
    expect(parseTraineePhone('0912 345 678')).toBe('0912345678');
    expect(parseTraineePhone('+84 912.345.678')).toBe('0912345678');
    expect(parseTraineePhone('912345678')).toBe('0912345678');
    expect(parseTraineePhone('2438241234')).toBe('02438241234');
  });

  it('refuses what is not a Vietnamese number', () => {
    expect(parseTraineePhone('0123')).toBeNull();
    expect(parseTraineePhone('+1 202 555 0100')).toBeNull();
    expect(parseTraineePhone('abc')).toBeNull();
  });
});

describe('mapTraineeRow', () => {
  it('reads an external person with name, organisation and phone', () => {
    const { fields, problems } = mapTraineeRow({
      fullName: '  Nguyễn   Thị Lan ',
      organisation: 'Bưu điện huyện Thường Tín',
      phone: '0912 000 111',
    });
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      fullName: 'Nguyễn Thị Lan',
      username: null,
      organisation: 'Bưu điện huyện Thường Tín',
      phone: '0912000111',
      note: null,
    });
  });

  it('needs nothing else when the row names a user', () => {
    expect(mapTraineeRow({ username: 'Hanoi.Officer' }).fields).toMatchObject({ username: 'hanoi.officer' });
  });

  it('reports every missing or bad field of an external person', () => {
    expect(mapTraineeRow({ fullName: null, phone: '0123' }).problems).toEqual([
      { field: 'phone', code: 'validation.invalid_phone', params: { value: '0123' } },
      { field: 'fullName', code: 'validation.required' },
      { field: 'organisation', code: 'validation.required' },
    ]);
  });
});
