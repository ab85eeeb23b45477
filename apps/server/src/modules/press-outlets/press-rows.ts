import {
  CONTACT_ROLES,
  CONTACT_ROLE_LABELS,
  MAX_BEATS,
  MAX_CONTACT_EMAILS,
  MAX_CONTACT_PHONES,
  NATIONAL_AREA,
  OUTLET_KINDS,
  OUTLET_KIND_LABELS,
  foldVi,
  normalizeVnPhone,
  type TContactRole,
  type TOutletKind,
} from '@loa/contracts';

/** A problem with one field, as the import reports it (a code of FIELD_MESSAGES and its parameters). */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** An outlet sheet row read field by field; the area is still text (national, a code or a name). */
export interface OutletSheetFields {
  name: string;
  kind: TOutletKind;
  governingBody: string | null;
  area: string;
  beats: string[];
  website: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  note: string | null;
}

/** A contact sheet row; the outlet is still its name. */
export interface ContactSheetFields {
  outlet: string;
  fullName: string;
  role: TContactRole;
  beats: string[];
  phones: string[];
  emails: string[];
  note: string | null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function labelled<T extends string>(
  codes: readonly T[],
  labels: Record<T, { vi: string; en: string }>,
  text: string,
): T | null {
  const folded = foldVi(text).replace(/[-\s]+/g, ' ');
  return (
    codes.find(
      (c) =>
        foldVi(c).replace(/_/g, ' ') === folded ||
        foldVi(labels[c].vi) === folded ||
        foldVi(labels[c].en).replace(/-/g, ' ') === folded,
    ) ?? null
  );
}

/** The outlet kind of a cell: its code or its Vietnamese or English label, accents and case ignored. */
export const parseOutletKind = (text: string) => labelled(OUTLET_KINDS, OUTLET_KIND_LABELS, text);
/** The contact role of a cell, likewise. */
export const parseContactRole = (text: string) => labelled(CONTACT_ROLES, CONTACT_ROLE_LABELS, text);

/** "Toàn quốc", "national" or an empty cell mean the whole country; anything else names a province. */
export function isNationalArea(text: string | null): boolean {
  if (!text) return true;
  const folded = foldVi(text);
  return folded === NATIONAL_AREA || folded === 'toan quoc' || folded === 'trung uong';
}

/** A phone number of a cell in national form, or null (a number cell loses its leading 0: it gets it back). */
export function parseSheetPhone(text: string): string | null {
  const digits = text.trim();
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) return normalizeVnPhone(`0${digits}`);
  return normalizeVnPhone(text);
}

const cellList = (value: string | null | undefined) =>
  (value ?? '')
    .split(/[;,\n]/)
    .map((p) => p.normalize('NFC').trim())
    .filter(Boolean);

function reader(values: Record<string, string | null>) {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string, params?: Record<string, unknown>) =>
    problems.push({ field, code, ...(params ? { params } : {}) });
  const textOf = (field: string, max: number, required: boolean): string | null => {
    const value = values[field]?.normalize('NFC').trim().replace(/\s+/g, ' ') || null;
    if (value === null) {
      if (required) problem(field, 'validation.required');
      return null;
    }
    if (value.length > max) problem(field, 'validation.too_long', { maximum: max });
    return value;
  };
  const beats = () => {
    const list = [...new Set(cellList(values.beats))];
    if (list.length > MAX_BEATS) problem('beats', 'validation.too_many_items', { maximum: MAX_BEATS });
    return list;
  };
  const phones = (field: string, max: number) => {
    const result: string[] = [];
    const cells = cellList(values[field]);
    if (cells.length > max) problem(field, 'validation.too_many_items', { maximum: max });
    for (const cell of cells) {
      const phone = parseSheetPhone(cell);
      if (phone === null) problem(field, 'validation.invalid_phone', { value: cell });
      else if (!result.includes(phone)) result.push(phone);
    }
    return result;
  };
  const emails = (field: string, max: number) => {
    const result: string[] = [];
    const cells = cellList(values[field]).map((e) => e.toLowerCase());
    if (cells.length > max) problem(field, 'validation.too_many_items', { maximum: max });
    for (const cell of cells) {
      if (!EMAIL.test(cell)) problem(field, 'validation.invalid_email', { value: cell });
      else if (!result.includes(cell)) result.push(cell);
    }
    return result;
  };
  const choice = <T>(field: string, parse: (t: string) => T | null): T | null => {
    const text = values[field] ?? null;
    if (!text) problem(field, 'validation.required');
    const parsed = text ? parse(text) : null;
    if (text && !parsed) problem(field, 'validation.invalid_value');
    return parsed;
  };
  return { problems, textOf, beats, phones, emails, choice };
}

/** Reads one outlet row: the fields, or every problem of the row (the area is checked later). */
export function mapOutletRow(values: Record<string, string | null>): {
  fields: OutletSheetFields | null;
  problems: FieldProblem[];
} {
  const r = reader(values);
  const name = r.textOf('name', 200, true);
  const kind = r.choice('kind', parseOutletKind);
  const website = r.textOf('website', 300, false);
  if (website && !/^https?:\/\/\S+$/.test(website))
    r.problems.push({ field: 'website', code: 'validation.invalid_url' });
  const phones = r.phones('phone', 1);
  const emails = r.emails('email', 1);
  const fields = {
    governingBody: r.textOf('governingBody', 200, false),
    area: r.textOf('area', 100, false) ?? NATIONAL_AREA,
    beats: r.beats(),
    address: r.textOf('address', 300, false),
    note: r.textOf('note', 2000, false),
  };
  if (r.problems.length > 0 || !name || !kind) return { fields: null, problems: r.problems };
  return {
    fields: { name, kind, website, phone: phones[0] ?? null, email: emails[0] ?? null, ...fields },
    problems: [],
  };
}

/** Reads one contact row: the fields, or every problem of the row (the outlet is looked up later). */
export function mapContactRow(values: Record<string, string | null>): {
  fields: ContactSheetFields | null;
  problems: FieldProblem[];
} {
  const r = reader(values);
  const outlet = r.textOf('outlet', 200, true);
  const fullName = r.textOf('fullName', 200, true);
  const role = r.choice('role', parseContactRole);
  const beats = r.beats();
  const phones = r.phones('phones', MAX_CONTACT_PHONES);
  const emails = r.emails('emails', MAX_CONTACT_EMAILS);
  const note = r.textOf('note', 2000, false);
  if (r.problems.length > 0 || !outlet || !fullName || !role) return { fields: null, problems: r.problems };
  return { fields: { outlet, fullName, role, beats, phones, emails, note }, problems: [] };
}
