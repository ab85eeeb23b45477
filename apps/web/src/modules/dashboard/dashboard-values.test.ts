import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  changeOf,
  changeTone,
  formatCount,
  formatFigure,
  formatPercent,
  PROVINCE_CODES_34,
  provinceCodeOf,
  provinceMapSet,
} from './dashboard-values';

const NBSP = /\u00a0/g;

describe('numbers', () => {
  it('groups thousands with dots in Vietnamese and commas in English', () => {
    expect(formatCount(1234567, 'vi')).toBe('1.234.567');
    expect(formatCount(1234567, 'en')).toBe('1,234,567');
    expect(formatCount(0, 'vi')).toBe('0');
  });

  it('writes money in đồng and people as counts', () => {
    expect(formatFigure('budgetSpent', 1234567, 'vi').replace(NBSP, ' ')).toBe('1.234.567 ₫');
    expect(formatFigure('budgetSpent', 1234567, 'en').replace(NBSP, ' ')).toBe('1.234.567 ₫');
    expect(formatFigure('attendance', 12500, 'vi')).toBe('12.500');
  });

  it('writes percentages with at most one decimal in the locale', () => {
    expect(formatPercent(12.345, 'vi')).toBe('12,3 %');
    expect(formatPercent(12.345, 'en')).toBe('12.3 %');
    expect(formatPercent(50, 'vi')).toBe('50 %');
  });
});

describe('changeOf', () => {
  it('measures the rise or fall against last year', () => {
    expect(changeOf(150, 100)).toEqual({ kind: 'up', percent: 50 });
    expect(changeOf(75, 100)).toEqual({ kind: 'down', percent: 25 });
    expect(changeOf(1, 3)).toMatchObject({ kind: 'down' });
  });

  it('says "new" when last year had none, and never divides by zero', () => {
    expect(changeOf(7, 0)).toEqual({ kind: 'new' });
    expect(changeOf(0, 0)).toEqual({ kind: 'same' });
    expect(changeOf(5, 5)).toEqual({ kind: 'same' });
    expect(changeOf(0, 4)).toEqual({ kind: 'down', percent: 100 });
  });
});

describe('province codes and maps', () => {
  it('maps province unit codes to GSO codes only', () => {
    expect(provinceCodeOf('P01')).toBe('01');
    expect(provinceCodeOf('P79')).toBe('79');
    expect(provinceCodeOf('D001')).toBeNull();
    expect(provinceCodeOf('TT')).toBeNull();
    expect(provinceCodeOf('P1')).toBeNull();
  });

  it('draws the 63 provinces when a child was merged away in 2025, else the 34', () => {
    expect(provinceMapSet(['TT', 'P01', 'P02', 'P79'], PROVINCE_CODES_34)).toBe('63');
    expect(provinceMapSet(['TT', 'P01', 'P48', 'P79'], PROVINCE_CODES_34)).toBe('34');
    expect(provinceMapSet(['TT', 'THU', 'D001'], PROVINCE_CODES_34)).toBeNull();
  });

  it('knows the same 34 codes as the map file, which holds each of them once', () => {
    const url = new URL('../../../public/maps/provinces-34.geojson', import.meta.url);
    const map = JSON.parse(readFileSync(url, 'utf8')) as { features: { properties: { code: string } }[] };
    const codes = map.features.map((f) => f.properties.code).sort();
    expect(codes).toEqual([...PROVINCE_CODES_34].sort());
    expect(new Set(codes).size).toBe(34);
  });
});

describe('changeTone', () => {
  it('reads a rise of bad news as bad and of good work as good', () => {
    expect(changeTone('events', changeOf(12, 10))).toBe('good');
    expect(changeTone('events', changeOf(8, 10))).toBe('bad');
    expect(changeTone('pressNegative', changeOf(3, 0))).toBe('bad');
    expect(changeTone('incidentsOpen', changeOf(1, 4))).toBe('good');
    expect(changeTone('budgetSpent', changeOf(9, 4))).toBe('neutral');
    expect(changeTone('products', changeOf(4, 4))).toBe('neutral');
  });
});
