import type { FormInstance } from 'antd';
import type { Translate } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { fieldPath } from './report-values';

/**
 * Puts the server's field problems under their fields, nested ones included (`sections.2.text`, `recipients.0`,
 * `period.number`); returns the text for the form's alert: the problem's title, with the problems no field shows.
 */
export function showFormErrors(form: FormInstance, error: unknown, fields: readonly string[], t: Translate): string {
  if (!(error instanceof ApiError)) return errorText(error, t);
  const byPath = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const unmatched: string[] = [];
  for (const problem of error.errors) {
    const name = fieldPath(problem.field);
    if (!fields.includes(String(name[0]))) {
      unmatched.push(`${problem.field}: ${problem.message}`);
      continue;
    }
    const key = name.join('.');
    const entry = byPath.get(key) ?? { name, errors: [] };
    entry.errors.push(problem.message);
    byPath.set(key, entry);
  }
  form.setFields([...byPath.values()]);
  return unmatched.length > 0 ? `${errorText(error, t)} — ${unmatched.join('; ')}` : errorText(error, t);
}
