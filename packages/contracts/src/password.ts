import { z } from 'zod';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  'too_short' | 'too_long' | 'needs_letter' | 'needs_digit' | 'contains_username' | 'same_as_current';

/** Lists what is wrong with a password; an empty list means it is acceptable. Shared by server and forms. */
export function passwordProblems(password: string, username?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/\p{L}/u.test(password)) problems.push('needs_letter');
  if (!/\p{N}/u.test(password)) problems.push('needs_digit');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('contains_username');
  }
  return problems;
}

export const ZNewPassword = z
  .string()
  .max(PASSWORD_MAX_LENGTH, { message: 'password.too_long' })
  .superRefine((value, ctx) => {
    for (const problem of passwordProblems(value)) {
      // .max() above already reports an overlong password (and gives the OpenAPI schema its maxLength).
      if (problem !== 'too_long') ctx.addIssue({ code: 'custom', message: `password.${problem}` });
    }
  });
