import {
  REPORT_PLACEHOLDERS,
  unknownPlaceholders,
  type TReportGenerationState,
  type TReportPeriodKind,
} from '@loa/contracts';

/** How many periods of a kind a year has: 12 months, 4 quarters, 2 halves, 1 year. */
export const PERIODS_PER_YEAR: Record<TReportPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };

/** The period numbers a kind allows, 1 … its count (the choices of the "period" field). */
export function periodNumbers(kind: TReportPeriodKind): number[] {
  return Array.from({ length: PERIODS_PER_YEAR[kind] }, (_, index) => index + 1);
}

/** True when `number` names a period of `kind` (month 1–12, quarter 1–4, half 1–2, year 1). */
export function fitsKind(kind: TReportPeriodKind, number: number | null | undefined): boolean {
  return typeof number === 'number' && Number.isInteger(number) && number >= 1 && number <= PERIODS_PER_YEAR[kind];
}

/** The period of `kind` that contains the calendar day `today` (yyyy-mm-dd): what a new report offers first. */
export function currentPeriod(today: string, kind: TReportPeriodKind): { year: number; number: number } {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const monthsPerPeriod = 12 / PERIODS_PER_YEAR[kind];
  return { year, number: Math.floor((month - 1) / monthsPerPeriod) + 1 };
}

/**
 * Puts `{{name}}` in place of the selection `start`..`end` of `text` (or at the caret when they are equal; at the end
 * when the position is unknown) and returns the new text with the caret right after the inserted placeholder.
 */
export function insertPlaceholder(
  text: string,
  name: string,
  start: number | null = null,
  end: number | null = start,
): { text: string; caret: number } {
  const from = clamp(start ?? text.length, 0, text.length);
  const to = clamp(Math.max(end ?? from, from), 0, text.length);
  const token = `{{${name}}}`;
  return { text: text.slice(0, from) + token + text.slice(to), caret: from + token.length };
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/** The placeholders of a text that are not known, each once, in the order written. */
export function unknownNames(text: string | null | undefined): string[] {
  return [...new Set(unknownPlaceholders(text ?? ''))];
}

/** Every known placeholder, in the contract's order (the insert menu). */
export const PLACEHOLDERS = REPORT_PLACEHOLDERS;

/** A server field name ("sections.2.text", "period.number") as an antd form path (["sections", 2, "text"]). */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** The paragraphs of a section's text: blank lines split them, line breaks inside one are kept. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** While the job has not finished, the report page asks for its state again every second. */
export function isGenerating(state: TReportGenerationState): boolean {
  return state === 'queued' || state === 'running';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id of the existing report a 409 `report.exists` problem names (its `existingId` member), else null. */
export function existingReportId(body: unknown): string | null {
  if (!body || typeof body !== 'object') return null;
  const candidate = (body as Record<string, unknown>).existingId;
  return typeof candidate === 'string' && UUID.test(candidate) ? candidate : null;
}
