import { LOCALES, type TLocale } from '@loa/contracts';

const STORAGE_KEY = 'loa.locale';

function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen on this device (localStorage `loa.locale`), or null when the user never chose one. */
export function storedLocale(): TLocale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    return null;
  }
}

/** Remembers the language on this device. */
export function storeLocale(locale: TLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or full storage: the choice lasts for this page only.
  }
}
