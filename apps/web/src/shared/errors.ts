import type { FormInstance } from 'antd';
import type { Translate } from '../app/i18n/i18n';
import { ApiError, CLIENT_ERROR_CODES, type ApiFieldError } from './api';

/** A message for any failure, in the UI language: the server's translated title, or our own for client failures. */
export function errorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === CLIENT_ERROR_CODES.network) return t('error.network');
    if (error.code === CLIENT_ERROR_CODES.http) return t('error.http', { status: error.status });
    return error.title || t('error.unexpected');
  }
  return t('error.unexpected');
}

/**
 * Shows the server's field errors under the matching form fields (`roles.0` goes to `roles`).
 * Returns the errors that match no field, so the caller can show them elsewhere.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, fieldNames: readonly string[]): ApiFieldError[] {
  if (!(error instanceof ApiError)) return [];
  const byField = new Map<string, string[]>();
  const unmatched: ApiFieldError[] = [];
  for (const fieldError of error.errors) {
    const name = fieldError.field.split('.')[0] ?? '';
    if (fieldNames.includes(name)) byField.set(name, [...(byField.get(name) ?? []), fieldError.message]);
    else unmatched.push(fieldError);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return unmatched;
}

/** The text to show for a failed form submission once field errors are placed under their fields. */
export function formErrorText(form: FormInstance, error: unknown, fieldNames: readonly string[], t: Translate): string {
  const unmatched = applyFieldErrors(form, error, fieldNames);
  if (error instanceof ApiError && error.errors.length > 0 && unmatched.length === 0) return errorText(error, t);
  const extra = unmatched.map((e) => `${e.field}: ${e.message}`).join('; ');
  return extra ? `${errorText(error, t)} — ${extra}` : errorText(error, t);
}
