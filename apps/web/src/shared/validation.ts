import { FIELD_MESSAGES, formatMessage, type FieldMessageCode, type TLocale } from '@loa/contracts';
import type { FormRule } from 'antd';

/** The parts of a zod issue the form messages need (structural, so the web app does not depend on zod). */
export interface SchemaIssue {
  code: string;
  message: string;
  path: PropertyKey[];
  input?: unknown;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** Anything with zod's `safeParse`: the field schemas exported by @loa/contracts. */
export interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

function isFieldMessageCode(code: string): code is FieldMessageCode {
  return Object.hasOwn(FIELD_MESSAGES, code);
}

/** The message of a field problem code in a language, with its `{placeholders}` filled. */
export function fieldMessage(code: string, locale: TLocale, params: Record<string, unknown> = {}): string {
  const entry = isFieldMessageCode(code) ? FIELD_MESSAGES[code] : FIELD_MESSAGES['validation.invalid'];
  return formatMessage(entry[locale], params);
}

function issueCode(issue: SchemaIssue): FieldMessageCode {
  // zod puts a schema's custom message on "missing" too (e.g. uuid's invalid_id): nothing given means required.
  if (issue.code === 'invalid_type' && (issue.input === undefined || issue.input === null))
    return 'validation.required';
  if (isFieldMessageCode(issue.message)) return issue.message;
  const isList = issue.origin === 'array' || issue.origin === 'set';
  const isText = issue.origin === 'string';
  switch (issue.code) {
    case 'invalid_type':
      return 'validation.invalid_type';
    case 'too_small':
      if (isText) return Number(issue.minimum) <= 1 ? 'validation.required' : 'validation.too_short';
      return isList ? 'validation.too_few_items' : 'validation.too_small';
    case 'too_big':
      if (isText) return 'validation.too_long';
      return isList ? 'validation.too_many_items' : 'validation.too_big';
    case 'invalid_format':
      return issue.format === 'email' ? 'validation.invalid_email' : 'validation.invalid_format';
    case 'invalid_value':
      return 'validation.invalid_value';
    case 'unrecognized_keys':
      return 'validation.unknown_field';
    default:
      return 'validation.invalid';
  }
}

/** Translates one schema issue into the user's language, using the shared FIELD_MESSAGES. */
export function issueMessage(issue: SchemaIssue, locale: TLocale): string {
  const params: Record<string, unknown> = {};
  if (issue.minimum !== undefined) params.minimum = String(issue.minimum);
  if (issue.maximum !== undefined) params.maximum = String(issue.maximum);
  if (issue.expected !== undefined) params.expected = issue.expected;
  return fieldMessage(issueCode(issue), locale, params);
}

/** Blank text counts as "not given", so optional fields may be left empty. */
export function blankToUndefined<T>(value: T): T | undefined {
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return value;
}

/** The first problem of a value against a schema, translated; null when it is valid. */
export function schemaProblem(schema: SafeParser, value: unknown, locale: TLocale): string | null {
  const result = schema.safeParse(blankToUndefined(value));
  if (result.success) return null;
  const issue = result.error.issues[0];
  return issue ? issueMessage(issue, locale) : fieldMessage('validation.invalid', locale);
}

/** An antd Form rule that validates a field with its contract schema and shows the message in `locale`. */
export function schemaRule(schema: SafeParser, locale: TLocale): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const problem = schemaProblem(schema, value, locale);
      if (problem) throw new Error(problem);
    },
  };
}

/** A "required" rule with the shared message. */
export function requiredRule(locale: TLocale): FormRule {
  return { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };
}

/** Trims text values and turns blank ones into null: what PATCH/POST bodies expect for optional fields. */
export function cleanText(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
