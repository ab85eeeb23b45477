import { DownOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex } from 'antd';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../modules/auth/session';
import { useLogout } from '../../modules/auth/use-logout';
import { useI18n } from '../i18n/i18n';

/** The user's name and unit; opens "My account" and "Log out". */
export function UserMenu() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const logout = useLogout();

  return (
    <Dropdown
      trigger={['click']}
      placement="bottomRight"
      menu={{
        items: [
          { key: 'account', icon: <UserOutlined />, label: <span data-testid="account-link">{t('nav.account')}</span> },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            danger: true,
            label: <span data-testid="logout">{t('nav.logout')}</span>,
          },
        ],
        onClick: ({ key }) => {
          if (key === 'account') navigate('/account');
          if (key === 'logout') void logout();
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 'auto', paddingBlock: 4 }}>
        <Flex align="center" gap={8}>
          <UserOutlined aria-hidden />
          <Flex vertical align="flex-start" style={{ lineHeight: 1.3, maxWidth: 260 }}>
            <span className="loa-strong loa-ellipsis" style={{ maxWidth: 260 }}>
              {user.fullName}
            </span>
            <span className="loa-secondary loa-ellipsis" style={{ fontSize: 12, maxWidth: 260 }}>
              {user.orgUnit.name}
            </span>
          </Flex>
          <DownOutlined aria-hidden style={{ fontSize: 10 }} />
        </Flex>
      </Button>
    </Dropdown>
  );
}
