import { describe, expect, it } from 'vitest';
import { passwordProblems, ZNewPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password.js';

const messagesOf = (value: unknown) => ZNewPassword.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];

describe('passwordProblems', () => {
  it('accepts a password of at least ten characters with a letter and a digit', () => {
    expect(passwordProblems('Mat-khau-moi-2026')).toEqual([]);
    expect('abcdefghi1').toHaveLength(PASSWORD_MIN_LENGTH);
    expect(passwordProblems('abcdefghi1')).toEqual([]);
  });

  it('reports a password shorter than ten characters', () => {
    expect(passwordProblems('abcdefgh1')).toEqual(['too_short']);
  });

  it('reports a password longer than 128 characters', () => {
    const long = 'a1'.repeat(PASSWORD_MAX_LENGTH / 2) + 'b';
    expect(long).toHaveLength(PASSWORD_MAX_LENGTH + 1);
    expect(passwordProblems(long)).toEqual(['too_long']);
    expect(passwordProblems(long.slice(1))).toEqual([]);
  });

  it('reports a password without a letter', () => {
    expect(passwordProblems('1234567890')).toEqual(['needs_letter']);
  });

  it('reports a password without a digit', () => {
    expect(passwordProblems('abcdefghij')).toEqual(['needs_digit']);
  });

  it('counts Vietnamese letters as letters', () => {
    expect(passwordProblems('đường-hầm-9')).toEqual([]);
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('')).toEqual(['too_short', 'needs_letter', 'needs_digit']);
  });

  it('refuses a password that contains the username, ignoring case', () => {
    expect(passwordProblems('hoang.van-2026', 'hoang.van')).toEqual(['contains_username']);
    expect(passwordProblems('xx-HOANG.VAN-2026', 'hoang.van')).toEqual(['contains_username']);
    expect(passwordProblems('Mat-khau-moi-2026', 'hoang.van')).toEqual([]);
  });

  it('does not apply the username rule to usernames shorter than three characters', () => {
    expect(passwordProblems('ab-password-1', 'ab')).toEqual([]);
  });
});

describe('ZNewPassword', () => {
  it('accepts an acceptable password unchanged', () => {
    expect(ZNewPassword.parse('Mat-khau-moi-2026')).toBe('Mat-khau-moi-2026');
  });

  it('reports each problem as a password.* message code', () => {
    expect(messagesOf('short')).toEqual(['password.too_short', 'password.needs_digit']);
    expect(messagesOf('12345678901')).toEqual(['password.needs_letter']);
  });

  it('reports an overlong password once', () => {
    expect(messagesOf('a1'.repeat(65))).toEqual(['password.too_long']);
  });

  it('refuses a value that is not a string', () => {
    expect(ZNewPassword.safeParse(12345678901).success).toBe(false);
  });
});
