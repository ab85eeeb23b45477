import { foldVi, normalizeVnPhone, OUTCOME_PROGRAMS, type TOutcomeProgram } from '@loa/contracts';

/** A problem with one field of a sheet row (a code of FIELD_MESSAGES and its parameters). */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

export interface ParticipantFields {
  program: TOutcomeProgram;
  fullName: string;
  insuranceCode: string | null;
  birthYear: number | null;
  phone: string | null;
  address: string | null;
}

/** The programme of a cell: its code, or words naming voluntary BHXH or household BHYT, accents ignored. */
export function parseProgram(text: string): TOutcomeProgram | null {
  const folded = foldVi(text);
  if ((OUTCOME_PROGRAMS as readonly string[]).includes(folded)) return folded as TOutcomeProgram;
  if (/bhxh|xa hoi|tu nguyen|voluntary/.test(folded)) return 'voluntary';
  if (/bhyt|y te|ho gia dinh|household/.test(folded)) return 'household_bhyt';
  return null;
}

/** Reads one row of an outcome list: the fields, or every problem of the row. */
export function mapParticipantRow(
  values: Record<string, string | null>,
  thisYear: number,
): { fields: ParticipantFields | null; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const cell = (key: string) => values[key]?.normalize('NFC').trim().replace(/\s+/g, ' ') || null;
  const programText = cell('program');
  const program = programText ? parseProgram(programText) : null;
  if (!programText) problems.push({ field: 'program', code: 'validation.required' });
  else if (!program) problems.push({ field: 'program', code: 'validation.invalid_value' });
  const fullName = cell('fullName');
  if (!fullName) problems.push({ field: 'fullName', code: 'validation.required' });
  else if (fullName.length > 200)
    problems.push({ field: 'fullName', code: 'validation.too_long', params: { maximum: 200 } });
  const code = cell('insuranceCode')?.replace(/\s/g, '') ?? null;
  if (code !== null && !/^\d{10}$/.test(code))
    problems.push({ field: 'insuranceCode', code: 'validation.invalid_insurance_code' });
  const yearText = cell('birthYear');
  const birthYear = yearText === null ? null : Number(yearText);
  if (birthYear !== null && (!Number.isInteger(birthYear) || birthYear < 1900 || birthYear > thisYear))
    problems.push({ field: 'birthYear', code: 'validation.invalid_value' });
  const phoneText = cell('phone');
  const phone =
    phoneText === null ? null : normalizeVnPhone(/^[35789]\d{8}$/.test(phoneText) ? `0${phoneText}` : phoneText);
  if (phoneText !== null && phone === null) problems.push({ field: 'phone', code: 'validation.invalid_phone' });
  const address = cell('address');
  if (address && address.length > 300)
    problems.push({ field: 'address', code: 'validation.too_long', params: { maximum: 300 } });
  if (problems.length > 0 || !program || !fullName) return { fields: null, problems };
  return { fields: { program, fullName, insuranceCode: code, birthYear, phone, address }, problems };
}
