import type { TSessionUser } from '@loa/contracts';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { storedLocale } from '../../app/i18n/locale-storage';
import { updateMe } from '../me/me.api';

/**
 * Reconciles the UI language with the account once per signed-in user: a language chosen on this
 * device wins and is saved to the account; otherwise the account's language is adopted.
 */
export function useLocaleSync(user: TSessionUser | null | undefined): void {
  const { setLocale } = useI18n();
  const syncedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!user || syncedFor.current === user.id) return;
    syncedFor.current = user.id;
    const chosen = storedLocale();
    if (chosen === null) {
      setLocale(user.locale);
    } else if (chosen !== user.locale) {
      // A failed save only means the account keeps its old language; the UI already shows the chosen one.
      updateMe({ locale: chosen }).catch(() => undefined);
    }
  }, [user, setLocale]);
}
