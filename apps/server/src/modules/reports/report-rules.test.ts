import { describe, expect, it } from 'vitest';
import {
  defaultHeader,
  generationBusy,
  LOST_GENERATION_MS,
  numberLine,
  parentAgencyName,
  placeOf,
  reportDays,
} from './report-rules.js';

describe('reportDays', () => {
  it('turns each kind of period into its first and last day', () => {
    expect(reportDays({ kind: 'month', year: 2024, number: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(reportDays({ kind: 'quarter', year: 2026, number: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(reportDays({ kind: 'half', year: 2026, number: 2 })).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(reportDays({ kind: 'year', year: 2025, number: 1 })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('refuses a number that does not fit the kind', () => {
    expect(reportDays({ kind: 'quarter', year: 2026, number: 5 })).toBeNull();
    expect(reportDays({ kind: 'half', year: 2026, number: 3 })).toBeNull();
    expect(reportDays({ kind: 'year', year: 2026, number: 2 })).toBeNull();
    expect(reportDays({ kind: 'month', year: 2026, number: 12 })).not.toBeNull();
  });
});

describe('generationBusy', () => {
  const start = new Date('2026-10-05T01:00:00Z');
  it('is busy while queued or running and heard from recently', () => {
    expect(generationBusy('queued', start, new Date(start.getTime() + 1000))).toBe(true);
    expect(generationBusy('running', start, new Date(start.getTime() + LOST_GENERATION_MS))).toBe(true);
  });
  it('treats a silent generation as lost, and a finished one as idle', () => {
    expect(generationBusy('running', start, new Date(start.getTime() + LOST_GENERATION_MS + 1))).toBe(false);
    expect(generationBusy('done', start, start)).toBe(false);
    expect(generationBusy('failed', start, start)).toBe(false);
  });
});

describe('defaultHeader', () => {
  it('names the parent agency and the issuer in capitals, the place from the province', () => {
    const header = defaultHeader(
      {
        name: 'BHXH quận Ba Đình',
        kind: 'district',
        parentName: 'BHXH thành phố Hà Nội',
        provinceName: 'BHXH thành phố Hà Nội',
      },
      '2026-07-01',
    );
    expect(header.parentAgency).toBe('BẢO HIỂM XÃ HỘI THÀNH PHỐ HÀ NỘI');
    expect(header.issuer).toBe('BẢO HIỂM XÃ HỘI QUẬN BA ĐÌNH');
    expect(header.place).toBe('Hà Nội');
    expect(header.recipients[0]).toBe('- Bảo hiểm xã hội thành phố Hà Nội (để báo cáo);');
  });

  it('puts the root under the Government before March 2025 and the Ministry of Finance after', () => {
    const root = { name: 'Bảo hiểm xã hội Việt Nam', kind: 'agency', parentName: null, provinceName: null };
    expect(defaultHeader(root, '2024-10-01').parentAgency).toBe('CHÍNH PHỦ');
    expect(defaultHeader(root, '2026-01-01').parentAgency).toBe('BỘ TÀI CHÍNH');
    expect(defaultHeader(root, '2026-01-01').place).toBe('Hà Nội');
    expect(defaultHeader(root, '2026-01-01').signerAuthority).toBe('TỔNG GIÁM ĐỐC');
  });

  it('names the parent agency for the body text in sentence case', () => {
    expect(parentAgencyName('Bảo hiểm xã hội Việt Nam', '2026-01-01')).toBe('Bảo hiểm xã hội Việt Nam');
    expect(parentAgencyName('BHXH tỉnh Quảng Nam', '2026-01-01')).toBe('Bảo hiểm xã hội tỉnh Quảng Nam');
    expect(parentAgencyName(null, '2026-01-01')).toBe('Bộ Tài chính');
    expect(parentAgencyName(null, '2025-02-28')).toBe('Chính phủ');
  });

  it('takes the place out of a province name', () => {
    expect(placeOf('BHXH tỉnh Quảng Nam')).toBe('Quảng Nam');
    expect(placeOf('BHXH thành phố Đà Nẵng')).toBe('Đà Nẵng');
  });
});

describe('numberLine', () => {
  it('adds the symbol to a bare number and leaves room when none is given', () => {
    expect(numberLine('125')).toBe('Số: 125/BC-BHXH');
    expect(numberLine('07/BC-BHXH-TT')).toBe('Số: 07/BC-BHXH-TT');
    expect(numberLine(null)).toMatch(/^Số:\s+\/BC-BHXH$/);
  });
});
