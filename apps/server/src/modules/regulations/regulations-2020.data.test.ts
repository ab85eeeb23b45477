import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REGULATION_KIND_LABELS, REGULATION_KINDS } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { normaliseRegulationNumber } from './regulation-number.js';
import {
  APPENDIX_1191,
  DRAFTING_UNIT_CODES,
  GUIDANCE_1191,
  REGULATIONS_2020,
  RELATIONS_2020,
} from './regulations-2020.data.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const central = JSON.parse(
  fs.readFileSync(path.resolve(here, '../../../reference-data/bhxh-central-units.json'), 'utf8'),
) as Record<'63-provinces', { code: string; name: string }[]>;
const presetCodes = new Set(central['63-provinces'].map((unit) => unit.code));
const byNumber = new Map(REGULATIONS_2020.map((r) => [r.number, r]));

describe('REGULATIONS_2020', () => {
  it('holds 1191/BHXH-TT and the 21 documents of its appendix', () => {
    expect(REGULATIONS_2020).toHaveLength(22);
    expect(APPENDIX_1191).toHaveLength(21);
    expect(REGULATIONS_2020[0]).toBe(GUIDANCE_1191);
  });

  it('describes 1191/BHXH-TT as the document heads and signs it', () => {
    expect(GUIDANCE_1191).toMatchObject({
      number: '1191/BHXH-TT',
      kind: 'cong_van',
      issuer: 'BHXH Việt Nam',
      issuedOn: '2020-04-20',
      summary: 'V/v hướng dẫn công tác truyền thông năm 2020',
      draftingUnitName: 'Trung tâm Truyền thông',
      draftingUnitCode: 'TT',
      signer: 'Đào Việt Anh, Phó Tổng Giám đốc',
    });
  });

  it('keeps the appendix order, numbers and printed dates', () => {
    expect(APPENDIX_1191.map((r) => `${r.number} ${r.issuedOn}`)).toEqual([
      '280/BHXH-CSYT 2020-01-31',
      '362/BHXH-CSYT 2020-02-10',
      '779/BHXH-CNTT 2020-03-12',
      '820/BHXH-VP 2020-03-13',
      '860/BHXH-BT 2020-03-17',
      '902/BHXH-CSYT 2020-03-20',
      '956/BHXH-VP 2020-03-25',
      '972/BHXH-TCKT 2020-03-25',
      '1007/BHXH-TT 2020-03-27',
      '1020/BHXH-TCKT 2020-03-30',
      '1046/BHXH-CSYT 2020-03-31',
      '1058/BHXH-TCCB 2020-03-31',
      '1059/TB-BHXH 2020-03-31',
      '1061/BHXH-PC 2020-03-31',
      '1068/BHXH-PC 2020-04-01',
      '1071/BHXH-BT 2020-04-01',
      '1072/BHXH-CSYT 2020-04-01',
      '504/CNTT-HTA 2020-04-02',
      '1164/BHXH-CSXH 2020-04-13',
      '1165/BHXH-ST 2020-04-13',
      '537/CNTT-HTA 2020-04-14',
    ]);
  });

  it('has unique numbers, each already in the form Loa stores', () => {
    const numbers = REGULATIONS_2020.map((r) => r.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const number of numbers) expect(normaliseRegulationNumber(number), number).toBe(number);
  });

  it('has real calendar dates in 2020, none after 1191/BHXH-TT that lists them', () => {
    for (const r of REGULATIONS_2020) {
      const date = new Date(`${r.issuedOn}T00:00:00Z`);
      expect(date.toISOString().slice(0, 10), r.number).toBe(r.issuedOn);
      expect(r.issuedOn >= '2020-01-01' && r.issuedOn <= GUIDANCE_1191.issuedOn, r.number).toBe(true);
    }
  });

  it('quotes summaries in NFC and starts each with "V/v"', () => {
    for (const r of REGULATIONS_2020) {
      expect(r.summary, r.number).toBe(r.summary.normalize('NFC'));
      expect(r.summary.startsWith('V/v '), r.number).toBe(true);
    }
    expect(byNumber.get('860/BHXH-BT')?.summary).toContain('tạm dừng đóng BHXH vào quỹ hưu trí, tử tuất');
  });

  it('maps every printed drafting unit to a central unit of the 63-province preset', () => {
    for (const r of REGULATIONS_2020) {
      if (r.draftingUnitName === null) continue;
      expect(r.draftingUnitCode, r.number).toBe(DRAFTING_UNIT_CODES[r.draftingUnitName]);
      expect(presetCodes.has(r.draftingUnitCode!), `${r.number} → ${r.draftingUnitCode}`).toBe(true);
    }
    for (const code of Object.values(DRAFTING_UNIT_CODES)) expect(presetCodes.has(code), code).toBe(true);
  });

  it('leaves row 15 (1068/BHXH-PC) without a drafting unit, as printed', () => {
    expect(byNumber.get('1068/BHXH-PC')).toMatchObject({ draftingUnitName: null, draftingUnitCode: null });
    expect(REGULATIONS_2020.filter((r) => r.draftingUnitName === null)).toHaveLength(1);
  });

  it('names the drafting units as the appendix does', () => {
    expect(byNumber.get('860/BHXH-BT')?.draftingUnitName).toBe('Ban Thu');
    expect(byNumber.get('1058/BHXH-TCCB')?.draftingUnitName).toBe('Vụ Tổ chức Cán bộ');
    expect(byNumber.get('1059/TB-BHXH')).toMatchObject({
      draftingUnitName: 'Vụ Thanh tra - Kiểm tra',
      kind: 'thong_bao',
    });
  });

  it('relates only documents of the seed, never one to itself', () => {
    for (const relation of RELATIONS_2020) {
      expect(byNumber.has(relation.from), relation.from).toBe(true);
      expect(byNumber.has(relation.to), relation.to).toBe(true);
      expect(relation.from).not.toBe(relation.to);
    }
    expect(RELATIONS_2020.map((r) => `${r.from} ${r.kind} ${r.to}`)).toEqual([
      '1068/BHXH-PC amends 1061/BHXH-PC',
      '1020/BHXH-TCKT amends 972/BHXH-TCKT',
      '1191/BHXH-TT guides 1007/BHXH-TT',
    ]);
  });
});

describe('migration 0003', () => {
  it('labels every kind of document in SQL as contracts do, so search finds "công văn"', () => {
    const sqlText = fs.readFileSync(path.resolve(here, '../../platform/db/migrations/0003_regulations.sql'), 'utf8');
    for (const kind of REGULATION_KINDS) {
      expect(sqlText, kind).toContain(`WHEN '${kind}' THEN '${REGULATION_KIND_LABELS[kind].vi}'`);
    }
  });
});
