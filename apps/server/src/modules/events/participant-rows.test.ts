import { describe, expect, it } from 'vitest';
import { mapParticipantRow, parseProgram } from './participant-rows.js';

describe('parseProgram', () => {
  it('reads the programme from codes and Vietnamese words, accents ignored', () => {
    expect(parseProgram('BHXH tự nguyện')).toBe('voluntary');
    expect(parseProgram('bao hiem y te ho gia dinh')).toBe('household_bhyt');
    expect(parseProgram('household_bhyt')).toBe('household_bhyt');
    expect(parseProgram('Khác')).toBeNull();
  });
});

describe('mapParticipantRow', () => {
  it('reads a good row, giving a phone typed as a number its leading zero back', () => {
    const { fields, problems } = mapParticipantRow(
      {
        program: 'BHXH tự nguyện',
        fullName: ' Trần  Văn An ',
        insuranceCode: '0123456789',
        birthYear: '1980',
        phone: '912345678',
        address: null,
      },
      2026,
    );
    expect(problems).toEqual([]);
    expect(fields).toEqual({
      program: 'voluntary',
      fullName: 'Trần Văn An',
      insuranceCode: '0123456789',
      birthYear: 1980,
      phone: '0912345678',
      address: null,
    });
  });

  it('reports every problem of a bad row', () => {
    const { fields, problems } = mapParticipantRow(
      { program: 'Khác', fullName: null, insuranceCode: '12345', birthYear: '2999', phone: '12', address: null },
      2026,
    );
    expect(fields).toBeNull();
    expect(problems.map((p) => [p.field, p.code])).toEqual([
      ['program', 'validation.invalid_value'],
      ['fullName', 'validation.required'],
      ['insuranceCode', 'validation.invalid_insurance_code'],
      ['birthYear', 'validation.invalid_value'],
      ['phone', 'validation.invalid_phone'],
    ]);
  });
});
