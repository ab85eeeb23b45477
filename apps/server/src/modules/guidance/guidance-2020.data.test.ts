import { describe, expect, it } from 'vitest';
import { GUIDANCE_2020 } from './guidance-2020.data.js';

const { items } = GUIDANCE_2020;
const ofKind = (kind: string) => items.filter((item) => item.kind === kind);
const byCode = (code: string) => items.find((item) => item.code === code);
const isNfc = (value: string) => value === value.normalize('NFC');

describe('GUIDANCE_2020', () => {
  it('identifies the 2020 guidance document', () => {
    expect(GUIDANCE_2020.year).toBe(2020);
    expect(GUIDANCE_2020.documentNo).toBe('1191/BHXH-TT');
    expect(GUIDANCE_2020.title).toBe('Hướng dẫn công tác truyền thông năm 2020');
    expect(GUIDANCE_2020.issuedOn).toBe('2020-04-20');
  });

  it('keeps codes unique within each kind', () => {
    for (const kind of ['audience', 'theme', 'form', 'channel', 'product_type']) {
      const codes = ofKind(kind).map((item) => item.code);
      expect(codes.length, kind).toBeGreaterThan(0);
      expect(new Set(codes).size, kind).toBe(codes.length);
    }
  });

  it('lists exactly the five audience groups of section I', () => {
    expect(ofKind('audience').map((item) => item.code)).toEqual(['I.1', 'I.2', 'I.3', 'I.4', 'I.5']);
  });

  it('orders the sub-themes a, b, c, d, đ, e, g, h then the peak themes a, b, c', () => {
    const subThemes = ofKind('theme')
      .filter((item) => item.parentCode !== null)
      .map((item) => item.code);
    expect(subThemes).toEqual([
      'II.1.a',
      'II.1.b',
      'II.1.c',
      'II.1.d',
      'II.1.đ',
      'II.1.e',
      'II.1.g',
      'II.1.h',
      'II.2.a',
      'II.2.b',
      'II.2.c',
    ]);
  });

  it('reads the second "d)" of the seed as đ, the Criminal Code clause', () => {
    expect(byCode('II.1.đ')?.textVi).toContain('Điều 214');
    expect(byCode('II.1.d')?.textVi).not.toContain('Điều 214');
  });

  it('keeps the rule that direct communication waits until the epidemic is declared over', () => {
    const note = byCode('III.LUU_Y');
    expect(note).toMatchObject({ kind: 'form', parentCode: 'III.2', group: 'note' });
    expect(note?.textVi).toContain('Hình thức truyền thông trực tiếp chỉ được thực hiện khi cấp có thẩm quyền');
    expect(byCode('III.5')?.textVi).toContain(note?.textVi);
  });

  it('fills every text in both languages with NFC-normalised strings', () => {
    for (const item of items) {
      const label = `${item.kind} ${item.code}`;
      for (const value of [item.code, item.nameVi, item.nameEn, item.textVi, item.textEn]) {
        expect(value.trim(), label).not.toBe('');
        expect(isNfc(value), label).toBe(true);
      }
      for (const value of [item.parentCode, item.group]) {
        if (value !== null) expect(value.trim() !== '' && isNfc(value), label).toBe(true);
      }
      expect(item.nameVi.length, label).toBeLessThanOrEqual(80);
    }
  });

  it('points every parentCode at an existing code', () => {
    const codes = new Set(items.map((item) => item.code));
    for (const item of items) {
      if (item.parentCode !== null) expect(codes.has(item.parentCode), `${item.code} → ${item.parentCode}`).toBe(true);
    }
  });
});
