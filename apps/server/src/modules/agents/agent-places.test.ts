import { describe, expect, it } from 'vitest';
import { bareName, keepingUnitCodes, matchPlace } from './agent-places.js';

const communes = [
  { code: '00004', name: 'Phường Phúc Xá' },
  { code: '09880', name: 'Xã Hòa Bình' },
  { code: '09881', name: 'Xã Hòa Thạch' },
  { code: '09900', name: 'Thị trấn Hòa Bình' },
  { code: '09950', name: 'Xã Tân Lập' },
  { code: '09951', name: 'Phường Tân Lập' },
];

describe('bareName', () => {
  it('drops the type and the accents', () => {
    expect(bareName('Xã Hòa Bình')).toBe('hoa binh');
    expect(bareName('Thị xã Sơn Tây')).toBe('son tay');
    expect(bareName('TP. Hồ Chí Minh')).toBe('ho chi minh');
    expect(bareName('Thành phố Đà Nẵng')).toBe('da nang');
  });
});

describe('matchPlace', () => {
  it('finds a place by code, also when Excel dropped its leading zeros', () => {
    expect(matchPlace(communes, '00004')).toEqual({ place: communes[0] });
    expect(matchPlace(communes, '4')).toEqual({ place: communes[0] });
  });

  it('finds a place by its full name without accents', () => {
    expect(matchPlace(communes, 'xa hoa binh')).toEqual({ place: communes[1] });
    expect(matchPlace(communes, 'THỊ TRẤN HÒA BÌNH')).toEqual({ place: communes[3] });
  });

  it('finds a place by its name without the type when only one has it', () => {
    expect(matchPlace(communes, 'Hoa Thach')).toEqual({ place: communes[2] });
    expect(matchPlace(communes, 'phuc xa')).toEqual({ place: communes[0] });
  });

  it('calls a bare name two places share ambiguous', () => {
    expect(matchPlace(communes, 'Tân Lập')).toEqual({ problem: 'validation.ambiguous_place' });
    expect(matchPlace(communes, 'Hòa Bình')).toEqual({ problem: 'validation.ambiguous_place' });
  });

  it('reports a place that is not there', () => {
    expect(matchPlace(communes, 'Xã Không Có')).toEqual({ problem: 'validation.unknown_place' });
    expect(matchPlace(communes, '99999')).toEqual({ problem: 'validation.unknown_place' });
  });
});

describe('keepingUnitCodes', () => {
  it('prefers the district office, then the province office', () => {
    expect(keepingUnitCodes({ provinceCode: '01', districtCode: '001' })).toEqual(['D001', 'P01']);
    expect(keepingUnitCodes({ provinceCode: '48', districtCode: null })).toEqual(['P48']);
  });
});
