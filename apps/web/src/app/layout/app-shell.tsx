import { Layout, Menu } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { hasAnyRole, useCurrentUser } from '../../modules/auth/session';
import { useI18n } from '../i18n/i18n';
import { activeNavEntry, NAV_ENTRIES } from '../nav';
import { LangSwitch } from './lang-switch';
import { NotificationBell } from './notification-bell';
import { UserMenu } from './user-menu';

const SIDER_KEY = 'loa.sider.collapsed';

function readCollapsed(): boolean {
  try {
    return localStorage.getItem(SIDER_KEY) === '1';
  } catch {
    return false;
  }
}

/** The signed-in frame: collapsible menu on the left, header with language and user menu, page in the middle. */
export function AppShell() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(readCollapsed);
  const active = activeNavEntry(location.pathname);

  const items = NAV_ENTRIES.filter((entry) => hasAnyRole(user, entry.roles)).map((entry) => ({
    key: entry.key,
    icon: entry.icon,
    label: <Link to={entry.path}>{t(entry.labelKey)}</Link>,
  }));

  const toggle = (next: boolean) => {
    setCollapsed(next);
    try {
      localStorage.setItem(SIDER_KEY, next ? '1' : '0');
    } catch {
      // Not remembering the menu width is harmless.
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a href="#main" className="loa-skip-link">
        {t('nav.skipToContent')}
      </a>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={toggle}
        breakpoint="lg"
        width={264}
        theme="light"
        style={{ borderInlineEnd: '1px solid #f0f0f0' }}
      >
        <Link to="/" aria-label={t('app.homeLink')} style={{ display: 'block', padding: '16px 24px' }}>
          <span className="loa-strong" style={{ fontSize: 22, color: '#0b5cad' }}>
            {t('app.name')}
          </span>
        </Link>
        <nav aria-label={t('nav.main')}>
          <Menu mode="inline" selectedKeys={active ? [active.key] : []} items={items} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            paddingInline: 24,
            display: 'flex',
            alignItems: 'center',
            gap: 16,
            borderBottom: '1px solid #f0f0f0',
          }}
        >
          <span className="loa-secondary loa-ellipsis" style={{ flex: 1, minWidth: 0 }}>
            {t('app.tagline')}
          </span>
          <NotificationBell />
          <LangSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content id="main" tabIndex={-1} style={{ padding: 24, outline: 'none' }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
