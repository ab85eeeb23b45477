import { ZCreateUserRequest, ZCreateOrgUnitRequest } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { cleanText, fieldMessage, schemaProblem } from './validation';

const user = ZCreateUserRequest.shape;

describe('schemaProblem', () => {
  it('accepts valid values', () => {
    expect(schemaProblem(user.username, 'nguyen.van.a', 'vi')).toBeNull();
    expect(schemaProblem(user.email, 'a@baohiemxahoi.gov.vn', 'vi')).toBeNull();
  });

  it('treats a blank optional field as not given', () => {
    expect(schemaProblem(user.email, '', 'vi')).toBeNull();
    expect(schemaProblem(user.phone, '   ', 'en')).toBeNull();
  });

  it('reports a missing required field as required', () => {
    expect(schemaProblem(user.fullName, '', 'vi')).toBe('Bắt buộc nhập');
    expect(schemaProblem(user.orgUnitId, undefined, 'en')).toBe('Required');
  });

  it('uses the contract message codes with their parameters', () => {
    expect(schemaProblem(user.username, 'ab', 'vi')).toBe('Tối thiểu 3 ký tự');
    expect(schemaProblem(user.username, 'Nguyen Van A', 'en')).toBe(
      'Usernames use lowercase letters, digits, ".", "-" and "_"',
    );
    expect(schemaProblem(user.email, 'not-an-email', 'vi')).toBe('Địa chỉ e-mail không hợp lệ');
    expect(schemaProblem(user.roles, [], 'en')).toBe('At least 1 items');
  });

  it('maps zod default issues onto the shared messages', () => {
    expect(schemaProblem(user.fullName, 'x'.repeat(201), 'vi')).toBe('Tối đa 200 ký tự');
    expect(schemaProblem(user.roles, ['chief'], 'en')).toBe('Not one of the allowed values');
    expect(schemaProblem(ZCreateOrgUnitRequest.shape.code, 'ab c', 'en')).toBe(
      'Codes use capital letters, digits, "-" and "_" only',
    );
  });
});

describe('fieldMessage', () => {
  it('falls back to the generic message for unknown codes', () => {
    expect(fieldMessage('no.such.code', 'en')).toBe('Not a valid value');
  });
});

describe('cleanText', () => {
  it('trims and turns blanks into null', () => {
    expect(cleanText('  Hà Nội ')).toBe('Hà Nội');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });
});
