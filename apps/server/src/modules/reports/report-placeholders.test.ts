import { DASHBOARD_FIGURES, REPORT_PLACEHOLDERS } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  fillPlaceholders,
  placeholderProblems,
  placeholderValues,
  type PlaceholderSource,
} from './report-placeholders.js';

const source = (values: Partial<Record<(typeof DASHBOARD_FIGURES)[number], number>> = {}): PlaceholderSource => ({
  parentAgency: 'Bảo hiểm xã hội Việt Nam',
  unitName: 'BHXH thành phố Đà Nẵng',
  period: { kind: 'quarter', year: 2026, number: 3 },
  from: '2026-07-01',
  to: '2026-09-30',
  place: 'Đà Nẵng',
  signedOn: '2026-10-05',
  dashboard: {
    figures: DASHBOARD_FIGURES.map((figure) => ({ figure, value: values[figure] ?? 0, previous: 0 })),
    children: [
      { unit: { id: '1', code: 'D1', name: 'A', kind: 'district' }, values: {} as never },
      { unit: { id: '2', code: 'D2', name: 'B', kind: 'district' }, values: {} as never },
    ],
  },
  childrenApproved: 1,
});

describe('placeholderProblems', () => {
  it('names each field with an unknown placeholder and the name', () => {
    const problems = placeholderProblems({
      subject: 'Báo cáo {{ky_bao_cao}} {{ky_bao_cao_sai}}',
      sections: [
        { heading: 'I. KẾT QUẢ', text: '{{so_san_pham}} sản phẩm' },
        { heading: '{{tieu_de}}', text: 'Số liệu {{ so_lieu }} và {{khac}}' },
      ],
    });
    expect(problems).toEqual([
      { field: 'subject', name: 'ky_bao_cao_sai' },
      { field: 'sections.1.heading', name: 'tieu_de' },
      { field: 'sections.1.text', name: 'so_lieu' },
    ]);
  });

  it('accepts text whose placeholders are all known', () => {
    const text = REPORT_PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ');
    expect(placeholderProblems({ subject: text, sections: [{ heading: 'I', text }] })).toEqual([]);
  });
});

describe('fillPlaceholders', () => {
  it('fills figures in Vietnamese formats and keeps text around them', () => {
    const values = placeholderValues(
      source({ products: 1234, budgetAllocated: 800_000_000, budgetSpent: 500_000_000 }),
    );
    expect(fillPlaceholders('Đã thực hiện {{ so_san_pham }} sản phẩm, giải ngân {{ty_le_giai_ngan}}.', values)).toBe(
      'Đã thực hiện 1.234 sản phẩm, giải ngân 62,5%.',
    );
    expect(fillPlaceholders('Kỳ {{ky_bao_cao}}, từ {{tu_ngay}} đến {{den_ngay}}, {{ngay_ky}}', values)).toBe(
      'Kỳ quý III năm 2026, từ 01/07/2026 đến 30/09/2026, ngày 05 tháng 10 năm 2026',
    );
    expect(fillPlaceholders('{{so_don_vi_truc_thuoc}} đơn vị, {{don_vi_da_bao_cao}} đã báo cáo', values)).toBe(
      '2 đơn vị, 1 đã báo cáo',
    );
  });

  it('gives zeros for an empty period and 0% when nothing was allocated', () => {
    const values = placeholderValues(source());
    expect(fillPlaceholders('{{kinh_phi_da_chi}} / {{kinh_phi_phan_bo}} ({{ty_le_giai_ngan}})', values)).toBe(
      '0 / 0 (0%)',
    );
  });

  it('leaves unknown names as written', () => {
    expect(fillPlaceholders('{{khong_co}}', placeholderValues(source()))).toBe('{{khong_co}}');
  });
});
