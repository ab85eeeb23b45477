import { periodOfReport, REPORT_PERIOD_KINDS } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import {
  currentPeriod,
  existingReportId,
  fieldPath,
  fitsKind,
  insertPlaceholder,
  isGenerating,
  paragraphsOf,
  periodNumbers,
  unknownNames,
} from './report-values';

describe('period numbers per kind', () => {
  it('offers 12 months, 4 quarters, 2 halves and 1 year', () => {
    expect(periodNumbers('month')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(periodNumbers('quarter')).toEqual([1, 2, 3, 4]);
    expect(periodNumbers('half')).toEqual([1, 2]);
    expect(periodNumbers('year')).toEqual([1]);
  });

  it('accepts exactly the numbers the contract turns into days', () => {
    for (const kind of REPORT_PERIOD_KINDS) {
      for (let number = 0; number <= 13; number++) {
        const contractAccepts = number >= 1 && periodOfReport({ kind, year: 2026, number }) !== null;
        expect(fitsKind(kind, number), `${kind} ${number}`).toBe(contractAccepts);
      }
    }
    expect(fitsKind('month', 1.5)).toBe(false);
    expect(fitsKind('quarter', null)).toBe(false);
  });

  it('finds the period a day falls in', () => {
    expect(currentPeriod('2026-08-15', 'month')).toEqual({ year: 2026, number: 8 });
    expect(currentPeriod('2026-08-15', 'quarter')).toEqual({ year: 2026, number: 3 });
    expect(currentPeriod('2026-06-30', 'quarter')).toEqual({ year: 2026, number: 2 });
    expect(currentPeriod('2026-07-01', 'half')).toEqual({ year: 2026, number: 2 });
    expect(currentPeriod('2026-01-01', 'half')).toEqual({ year: 2026, number: 1 });
    expect(currentPeriod('2026-12-31', 'year')).toEqual({ year: 2026, number: 1 });
  });
});

describe('placeholder insertion', () => {
  it('inserts at the caret and puts the caret after it', () => {
    expect(insertPlaceholder('Đơn vị: .', 'don_vi', 8)).toEqual({ text: 'Đơn vị: {{don_vi}}.', caret: 18 });
  });

  it('replaces the selection', () => {
    expect(insertPlaceholder('Kỳ XXX năm', 'ky_bao_cao', 3, 6)).toEqual({ text: 'Kỳ {{ky_bao_cao}} năm', caret: 17 });
  });

  it('appends when the caret is unknown and keeps positions inside the text', () => {
    expect(insertPlaceholder('Tổng: ', 'so_san_pham')).toEqual({ text: 'Tổng: {{so_san_pham}}', caret: 21 });
    expect(insertPlaceholder('ab', 'x', 10, 20)).toEqual({ text: 'ab{{x}}', caret: 7 });
    expect(insertPlaceholder('ab', 'x', 1, 0)).toEqual({ text: 'a{{x}}b', caret: 6 });
  });

  it('flags unknown placeholders once each, in order', () => {
    expect(unknownNames('{{don_vi}} {{so_tien}} {{ khong_co }} {{so_tien}}')).toEqual(['so_tien', 'khong_co']);
    expect(unknownNames('{{don_vi}} và {{ky_bao_cao}}')).toEqual([]);
    expect(unknownNames(undefined)).toEqual([]);
  });
});

describe('server answers', () => {
  it('turns field names into form paths', () => {
    expect(fieldPath('sections.2.text')).toEqual(['sections', 2, 'text']);
    expect(fieldPath('period.number')).toEqual(['period', 'number']);
    expect(fieldPath('subject')).toEqual(['subject']);
  });

  it('finds the existing report of a 409', () => {
    const id = '0b6f7a2e-8c1d-4e5f-9a0b-1c2d3e4f5a6b';
    expect(existingReportId({ code: 'report.exists', existingId: id })).toBe(id);
    expect(existingReportId({ code: 'report.exists', existingId: 'not-an-id' })).toBeNull();
    expect(existingReportId({ code: 'report.exists' })).toBeNull();
    expect(existingReportId(null)).toBeNull();
  });

  it('splits a section into paragraphs on blank lines', () => {
    expect(paragraphsOf('Một.\n\n  Hai,\ndòng hai.  \n \nBa.\n\n\n')).toEqual(['Một.', 'Hai,\ndòng hai.', 'Ba.']);
    expect(paragraphsOf('   ')).toEqual([]);
  });

  it('polls only while the job has not finished', () => {
    expect(['queued', 'running', 'done', 'failed'].filter((s) => isGenerating(s as 'queued'))).toEqual([
      'queued',
      'running',
    ]);
  });
});
