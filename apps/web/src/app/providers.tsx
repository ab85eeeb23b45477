import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import type { ReactNode } from 'react';
import { I18nProvider, useI18n } from './i18n/i18n';
import { queryClient } from './query-client';

const THEME = {
  token: {
    colorPrimary: '#0b5cad',
    // antd's defaults for secondary text and placeholders (45 % and 25 % black) fail WCAG AA contrast (4.5:1)
    // on white; 56 % black is 4.9:1.
    colorTextTertiary: 'rgba(0, 0, 0, 0.56)',
    colorTextDescription: 'rgba(0, 0, 0, 0.56)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    // Links and danger text in antd's default blue and red are 4.1:1 and 3.3:1 on white: the brand blue and a
    // darker red pass.
    colorLink: '#0b5cad',
    colorInfo: '#0b5cad',
    colorError: '#cf1322',
    borderRadius: 4,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    // Tags write their text in a colour on a light tint of it: status tags colorSuccess/colorWarning (antd's
    // #52c41a and #faad14 are 2:1 there), preset-colour tags palette step 7 on step 1 (below 4.5:1 for the hues
    // below). The tags take a darker step — ratios on the tag's own background; buttons and alerts are unchanged.
    Tag: {
      colorSuccess: '#237804',
      colorWarning: '#874d00',
      volcano7: '#ad2102', // 6.4:1
      orange7: '#ad4e00', // 5.1:1
      gold7: '#874d00', // 6.5:1
      yellow7: '#876800', // 5.2:1
      lime7: '#3f6600', // 6.6:1
      green7: '#237804', // 5.4:1
      cyan7: '#006d75', // 5.8:1
    },
    // Empty-state texts of lists and tables are written in the disabled colour (25 % black): 56 % as elsewhere.
    List: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
    Table: { colorTextDisabled: 'rgba(0, 0, 0, 0.56)' },
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
