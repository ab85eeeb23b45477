/**
 * A certificate number: the organiser unit's code, the year of issue and a sequence of that unit and year,
 * zero-padded to four digits (`TT-2026-0001`). The sequence only grows, so a number is never given twice.
 */
export function certificateNumber(unitCode: string, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`certificate sequence ${sequence}`);
  return `${unitCode}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** The year of a yyyy-mm-dd day. */
export function yearOf(isoDay: string): number {
  return Number(isoDay.slice(0, 4));
}
