import {
  AGENT_TYPES,
  AGENT_TYPE_LABELS,
  MAX_AGENT_PHONES,
  foldVi,
  normalizeVnPhone,
  type TAgentType,
} from '@loa/contracts';

/** A problem with one field, as the import reports it (a code of FIELD_MESSAGES and its parameters). */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** A sheet row read field by field; the places are still text (codes or names), resolved by the service. */
export interface AgentSheetFields {
  type: TAgentType;
  name: string;
  address: string;
  province: string;
  district: string | null;
  commune: string | null;
  phones: string[];
  workingHours: string | null;
  activeFrom: string | null;
  activeTo: string | null;
  note: string | null;
}

const LIMITS = { name: 200, address: 300, workingHours: 300, note: 2000 } as const;

/** The agent type of a cell: its code, its Vietnamese or English label, or "bưu điện…", accents ignored. */
export function parseAgentType(text: string): TAgentType | null {
  const folded = foldVi(text);
  const exact = AGENT_TYPES.find(
    (t) => t === folded || foldVi(AGENT_TYPE_LABELS[t].vi) === folded || foldVi(AGENT_TYPE_LABELS[t].en) === folded,
  );
  if (exact) return exact;
  if (folded.startsWith('buu dien') || folded.startsWith('buu cuc')) return 'post_office';
  if (/^dai ly( thu)? (xa|phuong|thi tran)/.test(folded)) return 'commune_agent';
  return null;
}

/**
 * A phone number of a cell in national form, or null. A number typed into a number cell loses its leading 0
 * (912345678): nine digits of a mobile and ten of a landline get it back.
 */
export function parseSheetPhone(text: string): string | null {
  const digits = text.trim();
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) return normalizeVnPhone(`0${digits}`);
  return normalizeVnPhone(text);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VI = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A day written yyyy-mm-dd or dd/mm/yyyy, as yyyy-mm-dd, or null when it is not a real day. */
export function parseSheetDay(text: string): string | null {
  const iso = ISO.exec(text.trim());
  const vi = VI.exec(text.trim());
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vi
      ? [Number(vi[3]), Number(vi[2]), Number(vi[1])]
      : [0, 0, 0];
  if (year === 0) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Reads one sheet row: the fields, or every problem of the row (the places are checked later). */
export function mapAgentRow(values: Record<string, string | null>): {
  fields: AgentSheetFields | null;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const problem = (field: string, code: string, params?: Record<string, unknown>) =>
    problems.push({ field, code, ...(params ? { params } : {}) });
  const textOf = (field: keyof typeof LIMITS | 'province', required: boolean): string | null => {
    const value = values[field]?.normalize('NFC').trim().replace(/\s+/g, ' ') || null;
    if (value === null) {
      if (required) problem(field, 'validation.required');
      return null;
    }
    const max = field === 'province' ? 100 : LIMITS[field];
    if (value.length > max) problem(field, 'validation.too_long', { maximum: max });
    return value;
  };

  const typeText = values.type ?? null;
  const type = typeText ? parseAgentType(typeText) : null;
  if (!typeText) problem('type', 'validation.required');
  else if (!type) problem('type', 'validation.invalid_value');
  const name = textOf('name', true);
  const address = textOf('address', true);
  const province = textOf('province', true);

  const phones: string[] = [];
  const cells = (values.phones ?? '')
    .split(/[;,\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (cells.length === 0) problem('phones', 'validation.required');
  else if (cells.length > MAX_AGENT_PHONES)
    problem('phones', 'validation.too_many_items', { maximum: MAX_AGENT_PHONES });
  for (const cell of cells) {
    const phone = parseSheetPhone(cell);
    if (phone === null) problem('phones', 'validation.invalid_phone', { value: cell });
    else if (!phones.includes(phone)) phones.push(phone);
  }

  const day = (field: 'activeFrom' | 'activeTo') => {
    const text = values[field] ?? null;
    if (text === null) return null;
    const parsed = parseSheetDay(text);
    if (parsed === null) problem(field, 'validation.invalid_date');
    return parsed;
  };
  const activeFrom = day('activeFrom');
  const activeTo = day('activeTo');
  if (activeFrom && activeTo && activeTo < activeFrom) problem('activeTo', 'validation.date_order');

  if (problems.length > 0 || !type || !name || !address || !province) return { fields: null, problems };
  return {
    fields: {
      type,
      name,
      address,
      province,
      district: values.district?.trim() || null,
      commune: values.commune?.trim() || null,
      phones,
      workingHours: textOf('workingHours', false),
      activeFrom,
      activeTo,
      note: textOf('note', false),
    },
    problems,
  };
}
