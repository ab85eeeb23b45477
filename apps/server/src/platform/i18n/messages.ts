import { ERRORS, FIELD_MESSAGES, formatMessage, type ErrorCode, type TLocale } from '@loa/contracts';

/** Picks the response language: the caller's Accept-Language first (the web app sends its UI language), then the user's setting, then Vietnamese. */
export function pickLocale(acceptLanguage: string | undefined, userLocale?: TLocale): TLocale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('vi')) return 'vi';
  return userLocale ?? 'vi';
}

export function errorMessage(code: ErrorCode, locale: TLocale, params: Record<string, unknown> = {}): string {
  return formatMessage(ERRORS[code][locale], params);
}

/** A field message by code; an unknown code falls back to the generic "not a valid value". */
export function fieldMessage(code: string, locale: TLocale, params: Record<string, unknown> = {}): string {
  const entry =
    (FIELD_MESSAGES as Record<string, { vi: string; en: string }>)[code] ?? FIELD_MESSAGES['validation.invalid'];
  return formatMessage(entry[locale], params);
}

export function isFieldMessageCode(code: string): boolean {
  return code in FIELD_MESSAGES;
}
