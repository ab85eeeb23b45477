import type { FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.js';

/** Deeper JSON than this is refused: no contract nests nearly as deep, and PostgreSQL's jsonb has its own stack limit. */
export const MAX_INPUT_DEPTH = 64;

/** NUL (PostgreSQL refuses it in text and jsonb) and UTF-16 surrogates without their pair (stored as U+FFFD). */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const BROKEN_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The field errors of input no contract can fix: strings (values and keys) with NUL or lone surrogates, and nesting
 * deeper than MAX_INPUT_DEPTH. Walks without recursion, so hostile depth cannot exhaust the stack; stops at 20 errors.
 */
export function inputGuardErrors(value: unknown, root: string): FieldError[] {
  const errors: FieldError[] = [];
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: '', depth: 0 }];
  const at = (path: string) => path || root;
  while (stack.length > 0 && errors.length < 20) {
    const { value: node, path, depth } = stack.pop()!;
    if (typeof node === 'string') {
      if (BROKEN_TEXT.test(node)) errors.push({ field: at(path), code: 'validation.invalid_characters' });
      continue;
    }
    if (node === null || typeof node !== 'object' || Buffer.isBuffer(node)) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      errors.push({ field: at(path), code: 'validation.too_deep', params: { maximum: String(MAX_INPUT_DEPTH) } });
      continue;
    }
    const entries = Array.isArray(node) ? node.map((v, i) => [String(i), v] as const) : Object.entries(node);
    for (const [key, child] of entries) {
      const childPath = path ? `${path}.${key}` : key;
      if (BROKEN_TEXT.test(key)) errors.push({ field: at(path), code: 'validation.invalid_characters' });
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return errors;
}

/** Refuses, field by field and before any contract runs, the input that would otherwise fail deep inside. */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const errors = [
      ...inputGuardErrors(request.params, 'params'),
      ...inputGuardErrors(request.query, 'query'),
      ...inputGuardErrors(request.body, 'body'),
    ];
    if (errors.length > 0) throw new AppError('validation.failed', {}, errors);
  });
}
