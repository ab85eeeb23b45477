import {
  CALENDAR_STATUSES,
  CALENDAR_STATUS_LABELS,
  foldVi,
  type TCalendarStatus,
  type TTaskStatus,
} from '@loa/contracts';
import { daysBetween } from './days.js';

/** A problem with one field, as the service reports it (a code of FIELD_MESSAGES and its parameters). */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** The codes of one guidance year, by kind. */
export interface GuidanceCatalog {
  year: number;
  themes: ReadonlySet<string>;
  audiences: ReadonlySet<string>;
  channels: ReadonlySet<string>;
  forms: ReadonlySet<string>;
}

export interface CodedValues {
  themeCodes?: readonly string[] | undefined;
  audienceCodes?: readonly string[] | undefined;
  channelCode?: string | null | undefined;
  formCode?: string | null | undefined;
}

/** Every code that the guidance year does not have, field by field (`themeCodes.1`, `channelCode`). */
export function codeProblems(catalog: GuidanceCatalog, values: CodedValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unknown = (field: string, code: string) =>
    problems.push({ field, code: 'validation.unknown_guidance_code', params: { code } });
  values.themeCodes?.forEach((code, i) => catalog.themes.has(code) || unknown(`themeCodes.${i}`, code));
  values.audienceCodes?.forEach((code, i) => catalog.audiences.has(code) || unknown(`audienceCodes.${i}`, code));
  if (values.channelCode && !catalog.channels.has(values.channelCode)) unknown('channelCode', values.channelCode);
  if (values.formCode && !catalog.forms.has(values.formCode)) unknown('formCode', values.formCode);
  return problems;
}

/** The guidance year in force on a day: the latest one not after its year, else the earliest there is. */
export function guidanceYearFor(day: string, years: readonly number[]): number | null {
  const year = Number(day.slice(0, 4));
  const sorted = [...years].sort((a, b) => a - b);
  return sorted.filter((y) => y <= year).at(-1) ?? sorted[0] ?? null;
}

/** Days an item lasts beyond its first (0 for a one-day item). */
export function extraDays(startsOn: string, endsOn: string | null): number {
  return endsOn ? daysBetween(startsOn, endsOn) : 0;
}

/** The task status that corresponds to a calendar status, for filtering regulation tasks alongside items. */
export const TASK_STATUS_OF: Record<TCalendarStatus, TTaskStatus> = {
  planned: 'todo',
  in_production: 'in_progress',
  published: 'done',
  cancelled: 'cancelled',
};

/** A status as a spreadsheet gives it: the code, or its Vietnamese or English label (accents and case ignored). */
export function parseStatus(text: string | null): TCalendarStatus | null {
  if (text === null) return 'planned';
  const wanted = foldVi(text);
  return (
    CALENDAR_STATUSES.find(
      (status) =>
        status === wanted.replace(/ /g, '_') ||
        foldVi(CALENDAR_STATUS_LABELS[status].vi) === wanted ||
        foldVi(CALENDAR_STATUS_LABELS[status].en) === wanted,
    ) ?? null
  );
}

/** A day as a spreadsheet gives it: `yyyy-mm-dd` (also what date cells read as) or `dd/mm/yyyy`; null if neither. */
export function parseSheetDay(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vi
      ? [Number(vi[3]), Number(vi[2]), Number(vi[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A comma- or semicolon-separated list of codes, trimmed, without empties or repeats. */
export function splitCodes(text: string | null): string[] {
  if (text === null) return [];
  return [
    ...new Set(
      text
        .split(/[,;]/)
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
}
