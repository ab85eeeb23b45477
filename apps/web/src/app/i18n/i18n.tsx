import { formatMessage, type TLocale } from '@loa/contracts';
import dayjs from 'dayjs';
import 'dayjs/locale/en';
import 'dayjs/locale/vi';
import { createContext, use, useCallback, useMemo, useState, type ReactNode } from 'react';
import { setApiLocale } from '../../shared/api';
import { en } from './en';
import { storedLocale, storeLocale } from './locale-storage';
import { setNumberLocale } from './numbers';
import { vi, type MessageKey } from './vi';

export type { MessageKey } from './vi';
export type Translate = (key: MessageKey, params?: Record<string, unknown>) => string;

const DICTIONARIES: Record<TLocale, Record<MessageKey, string>> = { vi, en };

/** Points every locale-dependent piece outside React (API, dayjs, <html lang>) at `locale`. */
function applyLocale(locale: TLocale): void {
  setApiLocale(locale);
  dayjs.locale(locale);
  setNumberLocale(locale);
  document.documentElement.lang = locale;
}

interface I18nValue {
  locale: TLocale;
  t: Translate;
  setLocale: (locale: TLocale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

/** Holds the UI language: Vietnamese by default, remembered in localStorage (`loa.locale`). */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<TLocale>(() => {
    const initial = storedLocale() ?? 'vi';
    applyLocale(initial);
    return initial;
  });

  const setLocale = useCallback((next: TLocale) => {
    applyLocale(next);
    storeLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nValue>(() => {
    const dictionary = DICTIONARIES[locale];
    const t: Translate = (key, params) => formatMessage(dictionary[key], params);
    return { locale, t, setLocale };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}

/** The current language, the translator `t(key, params)` and the language setter. */
export function useI18n(): I18nValue {
  const value = use(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
