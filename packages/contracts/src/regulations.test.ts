import { describe, expect, it } from 'vitest';
import {
  offsetFitsPhase,
  ZCreateRegulationRequest,
  ZRegulationNumber,
  ZUpdateTaskTemplateRequest,
} from './regulations.js';

const base = {
  number: '1007/BHXH-TT',
  kind: 'cong_van',
  issuer: 'BHXH Việt Nam',
  issuedOn: '2020-03-27',
  summary: 'V/v truyền thông thực hiện phòng, chống dịch Covid-19',
};
const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

const step = {
  name: 'press_material',
  phase: 'before',
  offsetDays: -10,
  owner: 'comms_center',
  titleVi: 'Chuẩn bị tài liệu',
  titleEn: 'Prepare material',
};

describe('ZCreateRegulationRequest', () => {
  it('fills tags and "needs communication" when absent', () => {
    expect(ZCreateRegulationRequest.parse(base)).toMatchObject({ tags: [], needsCommunication: false });
  });

  it('refuses an effective date before the issue date, on effectiveOn', () => {
    expect(issues(ZCreateRegulationRequest.safeParse({ ...base, effectiveOn: '2020-03-26' }))).toEqual([
      'effectiveOn:validation.effective_before_issued',
    ]);
    expect(ZCreateRegulationRequest.safeParse({ ...base, effectiveOn: '2020-03-27' }).success).toBe(true);
  });

  it('needs an effective date when the document needs communication', () => {
    expect(issues(ZCreateRegulationRequest.safeParse({ ...base, needsCommunication: true }))).toEqual([
      'effectiveOn:validation.required',
    ]);
  });
});

describe('ZRegulationNumber', () => {
  it('accepts numbers as typed and refuses what has no number or symbol', () => {
    expect(ZRegulationNumber.safeParse('Số: 1191 /BHXH-TT').success).toBe(true);
    expect(ZRegulationNumber.safeParse('28-NQ/TW').success).toBe(true);
    for (const bad of ['1007', 'BHXH-TT', '1007/', 'abc/BHXH']) {
      expect(ZRegulationNumber.safeParse(bad).success, bad).toBe(false);
    }
  });
});

describe('offsetFitsPhase', () => {
  it('puts "before" steps before the effective date and "after" steps after it', () => {
    expect(offsetFitsPhase('before', -1)).toBe(true);
    expect(offsetFitsPhase('before', 0)).toBe(false);
    expect(offsetFitsPhase('after', 1)).toBe(true);
    expect(offsetFitsPhase('after', 0)).toBe(false);
    expect(offsetFitsPhase('during', -2)).toBe(true);
    expect(offsetFitsPhase('during', 5)).toBe(true);
  });
});

describe('ZUpdateTaskTemplateRequest', () => {
  it('accepts the default steps', () => {
    expect(ZUpdateTaskTemplateRequest.safeParse({ items: [step] }).success).toBe(true);
  });

  it('names the field of each problem, with its index', () => {
    const result = ZUpdateTaskTemplateRequest.safeParse({
      items: [
        step,
        { ...step, offsetDays: 3 },
        { ...step, name: 'fixed', owner: 'unit' },
        { ...step, name: 'Bad Name' },
      ],
    });
    expect(issues(result).sort()).toEqual(
      [
        'items.1.name:validation.duplicate',
        'items.1.offsetDays:validation.phase_offset',
        'items.2.ownerUnitId:validation.required',
        'items.3.name:validation.invalid_step_name',
      ].sort(),
    );
  });
});
