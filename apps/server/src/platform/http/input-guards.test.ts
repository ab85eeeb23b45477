import { describe, expect, it } from 'vitest';
import { inputGuardErrors, MAX_INPUT_DEPTH } from './input-guards.js';

describe('inputGuardErrors', () => {
  it('names each field holding NUL or a lone surrogate, keys included', () => {
    expect(
      inputGuardErrors({ title: 'a\u0000b', tags: ['ok', '\ud800'], nested: { 'k\u0000': 1 }, emoji: '👍' }, 'body'),
    ).toEqual([
      { field: 'nested', code: 'validation.invalid_characters' },
      { field: 'tags.1', code: 'validation.invalid_characters' },
      { field: 'title', code: 'validation.invalid_characters' },
    ]);
  });

  it('accepts Vietnamese in either normal form, emoji and markup as they are', () => {
    expect(inputGuardErrors({ a: 'Bảo hiểm', b: 'Ba\u0309o', c: '👨‍👩‍👧', d: '<script>' }, 'body')).toEqual([]);
  });

  it('refuses nesting deeper than the limit without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const errors = inputGuardErrors({ x: deep }, 'body');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'validation.too_deep', params: { maximum: String(MAX_INPUT_DEPTH) } });
    let ok: unknown = 1;
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) ok = { a: ok };
    expect(inputGuardErrors(ok, 'body')).toEqual([]);
  });

  it('reports the whole value under its root name', () => {
    expect(inputGuardErrors('\u0000', 'query')).toEqual([{ field: 'query', code: 'validation.invalid_characters' }]);
  });
});
