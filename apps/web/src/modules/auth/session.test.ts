import { describe, expect, it } from 'vitest';
import { hasAnyRole, loginPath, safeNextPath } from './session';

describe('safeNextPath', () => {
  it('keeps in-app paths', () => {
    expect(safeNextPath('/users?page=2')).toBe('/users?page=2');
  });

  it('refuses other origins, protocol-relative URLs and the login page itself', () => {
    expect(safeNextPath('https://evil.example')).toBe('/');
    expect(safeNextPath('//evil.example')).toBe('/');
    expect(safeNextPath('/login?next=/users')).toBe('/');
    expect(safeNextPath(null)).toBe('/');
  });
});

describe('loginPath', () => {
  it('remembers where the user was going', () => {
    expect(loginPath('/users?q=an')).toBe('/login?next=%2Fusers%3Fq%3Dan');
    expect(loginPath('/', 'expired')).toBe('/login?reason=expired');
    expect(loginPath('/')).toBe('/login');
  });
});

describe('hasAnyRole', () => {
  it('allows everyone when no roles are required', () => {
    expect(hasAnyRole({ roles: ['viewer'] }, undefined)).toBe(true);
  });

  it('needs one of the listed roles', () => {
    expect(hasAnyRole({ roles: ['leader'] }, ['admin', 'leader'])).toBe(true);
    expect(hasAnyRole({ roles: ['viewer'] }, ['admin'])).toBe(false);
  });
});
