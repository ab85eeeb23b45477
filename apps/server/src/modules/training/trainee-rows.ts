import { normalizeVnPhone } from '@loa/contracts';

/** A problem with one field of a sheet row (a code of FIELD_MESSAGES and its parameters). */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** A trainee row read field by field: a user named by `username`, or an external person. */
export interface TraineeSheetFields {
  fullName: string | null;
  username: string | null;
  organisation: string | null;
  phone: string | null;
  note: string | null;
}

const LIMITS = { fullName: 200, username: 100, organisation: 300, note: 1000 } as const;

/**
 * A phone number of a cell in national form, or null. A number typed into a number cell loses its leading 0
 * (912345678): nine digits of a mobile and ten of a landline get it back.
 */
export function parseTraineePhone(text: string): string | null {
  const digits = text.trim();
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) return normalizeVnPhone(`0${digits}`);
  return normalizeVnPhone(text);
}

/**
 * Reads one sheet row: the fields, or every problem of the row. A row naming a user (by username) needs
 * nothing else; an external person needs a name, an organisation and a Vietnamese phone number.
 */
export function mapTraineeRow(values: Record<string, string | null>): {
  fields: TraineeSheetFields | null;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const textOf = (field: keyof typeof LIMITS): string | null => {
    const value = values[field]?.normalize('NFC').trim().replace(/\s+/g, ' ') || null;
    if (value !== null && value.length > LIMITS[field])
      problems.push({ field, code: 'validation.too_long', params: { maximum: LIMITS[field] } });
    return value;
  };
  const fullName = textOf('fullName');
  const username = textOf('username');
  const organisation = textOf('organisation');
  const note = textOf('note');
  const phoneText = values.phone?.trim() || null;
  const phone = phoneText ? parseTraineePhone(phoneText) : null;
  if (phoneText && phone === null)
    problems.push({ field: 'phone', code: 'validation.invalid_phone', params: { value: phoneText } });
  if (!username) {
    if (!fullName) problems.push({ field: 'fullName', code: 'validation.required' });
    if (!organisation) problems.push({ field: 'organisation', code: 'validation.required' });
    if (!phoneText) problems.push({ field: 'phone', code: 'validation.required' });
  }
  if (problems.length > 0) return { fields: null, problems };
  return { fields: { fullName, username: username?.toLowerCase() ?? null, organisation, phone, note }, problems };
}
