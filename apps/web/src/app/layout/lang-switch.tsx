import type { TLocale } from '@loa/contracts';
import { Segmented } from 'antd';
import { updateMe } from '../../modules/me/me.api';
import { useSessionQuery } from '../../modules/auth/session';
import { useI18n } from '../i18n/i18n';

/** Switches the UI language; when signed in, the choice is also saved to the account. */
export function LangSwitch() {
  const { locale, setLocale, t } = useI18n();
  const session = useSessionQuery();
  const user = session.data;

  const change = (next: TLocale) => {
    setLocale(next);
    if (user) {
      // The UI has switched already; if saving fails the account simply keeps its previous language.
      updateMe({ locale: next }).catch(() => undefined);
    }
  };

  return (
    <Segmented<TLocale>
      data-testid="lang-switch"
      aria-label={t('lang.label')}
      size="small"
      value={locale}
      onChange={change}
      options={[
        { label: t('lang.vi'), value: 'vi' },
        { label: t('lang.en'), value: 'en' },
      ]}
    />
  );
}
