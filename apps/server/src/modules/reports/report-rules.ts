// Rules of a report that need no I/O: its period, the header a new report starts with, when a generation is lost.
import { periodOfReport, type TReportGenerationState, type TReportPeriod } from '@loa/contracts';
import { viUpper } from './report-format.js';

/** The days of a period, or null when its number does not fit the kind (month 13, quarter 5, half 3, year 2). */
export function reportDays(period: TReportPeriod): { from: string; to: string } | null {
  return periodOfReport(period);
}

/** A generation queued or running that has said nothing for this long was lost (its process died): it may be redone. */
export const LOST_GENERATION_MS = 10 * 60 * 1000;

/** True while a generation is under way and not lost: another one would race it. */
export function generationBusy(state: TReportGenerationState, touchedAt: Date, now: Date): boolean {
  return (state === 'queued' || state === 'running') && now.getTime() - touchedAt.getTime() <= LOST_GENERATION_MS;
}

export interface HeaderUnit {
  name: string;
  kind: string;
  /** The parent unit's name; null for the root. */
  parentName: string | null;
  /** The province the unit lies in (itself for a province), null for the centre. */
  provinceName: string | null;
}

/** "BHXH thành phố Hà Nội" → "Bảo hiểm xã hội thành phố Hà Nội": the agency's full name, as documents write it. */
export function fullAgencyName(name: string): string {
  return name.replace(/^BHXH(?=\s)/, 'Bảo hiểm xã hội');
}

/** "BHXH thành phố Hà Nội" → "Hà Nội", "BHXH tỉnh Quảng Nam" → "Quảng Nam": where a province's documents are issued. */
export function placeOf(provinceName: string | null): string {
  if (!provinceName) return 'Hà Nội';
  return fullAgencyName(provinceName).replace(/^Bảo hiểm xã hội\s+(thành phố|tỉnh)\s+/i, '');
}

/** Before 01/03/2025 BHXH Việt Nam was under the Government, from then on under the Ministry of Finance. */
export function parentOfRootName(periodFrom: string): string {
  return periodFrom < '2025-03-01' ? 'Chính phủ' : 'Bộ Tài chính';
}

/** The parent agency as the body's text names it ("Bảo hiểm xã hội Việt Nam", "Bộ Tài chính"). */
export function parentAgencyName(parentName: string | null, periodFrom: string): string {
  return parentName ? fullAgencyName(parentName) : parentOfRootName(periodFrom);
}

/** The header a new report starts with (each line can be edited on the draft). */
export function defaultHeader(unit: HeaderUnit, periodFrom: string) {
  const root = unit.parentName === null;
  return {
    parentAgency: viUpper(parentAgencyName(unit.parentName, periodFrom)),
    issuer: viUpper(fullAgencyName(unit.name)),
    place: placeOf(unit.provinceName),
    recipients: [`- ${parentAgencyName(unit.parentName, periodFrom)} (để báo cáo);`, '- Lưu: VT.'],
    signerAuthority: root ? 'TỔNG GIÁM ĐỐC' : 'GIÁM ĐỐC',
  };
}

/** The symbol after the number: "BC-BHXH" for a report of a BHXH unit. */
export const REPORT_SYMBOL = 'BC-BHXH';

/** "Số: 125/BC-BHXH", or "Số:      /BC-BHXH" (to fill in when registering) while the number is not given. */
export function numberLine(number: string | null): string {
  if (!number) return `Số:        /${REPORT_SYMBOL}`;
  return `Số: ${number.includes('/') ? number : `${number}/${REPORT_SYMBOL}`}`;
}
