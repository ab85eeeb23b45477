import { isFieldMessageCode } from '../i18n/messages.js';
import type { FieldError } from '../errors.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

/** At most this many field errors are reported for one request. */
export const MAX_FIELD_ERRORS = 50;

/** Turns zod issues (as fastify-type-provider-zod reports them) into Loa field errors with stable codes. */
export function fieldErrorsFromIssues(issues: ValidationIssue[], context?: string): FieldError[] {
  const errors: FieldError[] = [];
  // A list of 100,000 wrong items would otherwise answer with 100,000 errors: the first ones say enough.
  for (const issue of issues.slice(0, MAX_FIELD_ERRORS)) {
    const path = issue.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const field = path || context || 'body';
    const params = issue.params;
    const message = issue.message ?? '';
    if (issue.keyword === 'unrecognized_keys') {
      for (const key of (params.keys as string[] | undefined) ?? []) {
        errors.push({ field: path ? `${path}.${key}` : key, code: 'validation.unknown_field' });
      }
      continue;
    }
    if (isFieldMessageCode(message)) {
      errors.push({ field, code: message, params: pick(params, ['minimum', 'maximum']) });
      continue;
    }
    errors.push({ field, ...codeFor(issue.keyword, message, params) });
  }
  return errors;
}

function pick(params: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => params[k] !== undefined).map((k) => [k, String(params[k])]));
}

function codeFor(keyword: string, message: string, params: Record<string, unknown>): Omit<FieldError, 'field'> {
  switch (keyword) {
    case 'invalid_type':
      return message.includes('received undefined')
        ? { code: 'validation.required' }
        : { code: 'validation.invalid_type', params: { expected: String(params.expected ?? '') } };
    case 'too_small':
      return {
        code:
          params.origin === 'string'
            ? 'validation.too_short'
            : params.origin === 'array'
              ? 'validation.too_few_items'
              : 'validation.too_small',
        params: pick(params, ['minimum']),
      };
    case 'too_big':
      return {
        code:
          params.origin === 'string'
            ? 'validation.too_long'
            : params.origin === 'array'
              ? 'validation.too_many_items'
              : 'validation.too_big',
        params: pick(params, ['maximum']),
      };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'validation.invalid_value' };
    case 'invalid_format':
      if (params.format === 'email') return { code: 'validation.invalid_email' };
      if (params.format === 'uuid') return { code: 'validation.invalid_id' };
      if (params.format === 'date' || params.format === 'datetime') return { code: 'validation.invalid_date' };
      return { code: 'validation.invalid_format' };
    default:
      return { code: 'validation.invalid' };
  }
}
