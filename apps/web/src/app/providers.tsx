import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n';
import { queryClient } from './query-client';

const THEME = {
  token: {
    colorPrimary: '#0b5cad',
    borderRadius: 4,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
};

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={locale === 'vi' ? viVN : enUS} theme={THEME} form={{ colon: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

/** Everything the screens rely on: language, server-state cache, antd locale and theme. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nProvider>
  );
}
