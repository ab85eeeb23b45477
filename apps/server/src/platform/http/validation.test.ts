import { ZCreateUserRequest, ZListQuery } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrorsFromIssues } from './validation.js';

/** The issues of a failed parse, shaped as fastify-type-provider-zod hands them to the error handler. */
function issuesOf(schema: z.ZodType, value: unknown) {
  const result = schema.safeParse(value);
  if (result.success) throw new Error('expected the value to be invalid');
  return result.error.issues.map(({ code, path, message, ...params }) => ({
    keyword: code,
    instancePath: `/${path.join('/')}`,
    message,
    params: params as Record<string, unknown>,
  }));
}

const UNIT = '6f1c1f3e-2b1a-4c3d-9e8f-0a1b2c3d4e5f';
const validUser = { username: 'nguyen.hang', fullName: 'Nguyễn Thị Hằng', roles: ['viewer'], orgUnitId: UNIT };

describe('fieldErrorsFromIssues', () => {
  it('reports a missing field as required', () => {
    const { fullName: _f, ...withoutName } = validUser;
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, withoutName))).toEqual([
      { field: 'fullName', code: 'validation.required' },
    ]);
  });

  it('reports an overlong string as too_long with its maximum', () => {
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, { ...validUser, fullName: 'x'.repeat(201) }))).toEqual([
      { field: 'fullName', code: 'validation.too_long', params: { maximum: '200' } },
    ]);
  });

  it('reports a too short string and a too small number with their minimum', () => {
    expect(fieldErrorsFromIssues(issuesOf(z.object({ name: z.string().min(3) }), { name: 'ab' }))).toEqual([
      { field: 'name', code: 'validation.too_short', params: { minimum: '3' } },
    ]);
    expect(fieldErrorsFromIssues(issuesOf(ZListQuery, { pageSize: '0' }))).toEqual([
      { field: 'pageSize', code: 'validation.too_small', params: { minimum: '1' } },
    ]);
    expect(fieldErrorsFromIssues(issuesOf(ZListQuery, { pageSize: '1001' }))).toEqual([
      { field: 'pageSize', code: 'validation.too_big', params: { maximum: '1000' } },
    ]);
  });

  it('reports each unknown key as its own field', () => {
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, { ...validUser, extra: 1, isAdmin: true }))).toEqual([
      { field: 'extra', code: 'validation.unknown_field' },
      { field: 'isAdmin', code: 'validation.unknown_field' },
    ]);
  });

  it('prefixes unknown keys of a nested object with its path', () => {
    const schema = z.object({ address: z.strictObject({ city: z.string() }) });
    expect(fieldErrorsFromIssues(issuesOf(schema, { address: { city: 'Huế', street: 'Lê Lợi' } }))).toEqual([
      { field: 'address.street', code: 'validation.unknown_field' },
    ]);
  });

  it('reports a value outside an enum as invalid_value at its array index', () => {
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, { ...validUser, roles: ['viewer', 'boss'] }))).toEqual([
      { field: 'roles.1', code: 'validation.invalid_value' },
    ]);
  });

  it('reports malformed uuids, e-mails and dates by format', () => {
    const schema = z.object({ id: z.uuid(), email: z.email(), on: z.iso.date(), code: z.string().regex(/^\d+$/) });
    expect(fieldErrorsFromIssues(issuesOf(schema, { id: 'x', email: 'a@', on: '2026-13-45', code: 'a' }))).toEqual([
      { field: 'id', code: 'validation.invalid_id' },
      { field: 'email', code: 'validation.invalid_email' },
      { field: 'on', code: 'validation.invalid_date' },
      { field: 'code', code: 'validation.invalid_format' },
    ]);
  });

  it('keeps the field-message code a schema gives, such as the username or e-mail rule', () => {
    const errors = fieldErrorsFromIssues(
      issuesOf(ZCreateUserRequest, { ...validUser, username: 'Bad Name', email: 'not-an-email', orgUnitId: 'x' }),
    );
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'username:validation.invalid_username',
      'email:validation.invalid_email',
      'orgUnitId:validation.invalid_id',
    ]);
  });

  it('reports a wrong type with the expected type', () => {
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, { ...validUser, fullName: 42 }))).toEqual([
      { field: 'fullName', code: 'validation.invalid_type', params: { expected: 'string' } },
    ]);
  });

  it('names the part of the request when the whole of it is wrong', () => {
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, 'text'), 'body')).toEqual([
      { field: 'body', code: 'validation.invalid_type', params: { expected: 'object' } },
    ]);
    expect(fieldErrorsFromIssues(issuesOf(ZCreateUserRequest, null))[0]?.field).toBe('body');
  });

  it('reports a failed custom check without a known code as invalid', () => {
    const schema = z.object({ n: z.number().refine((v) => v % 2 === 0, { message: 'must be even' }) });
    expect(fieldErrorsFromIssues(issuesOf(schema, { n: 3 }))).toEqual([{ field: 'n', code: 'validation.invalid' }]);
  });
});
