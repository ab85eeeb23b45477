import type { TUser } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Space } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { resetPassword, unlockUser, updateUser, userKeys, userStatus } from './users.api';

interface Props {
  user: TUser;
  onEdit: (user: TUser) => void;
  onTemporaryPassword: (user: TUser, password: string) => void;
}

/** Per-row actions: edit, disable/enable, unlock, reset password. Destructive ones ask first. */
export function UserRowActions({ user, onEdit, onTemporaryPassword }: Props) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const status = userStatus(user);
  const refresh = () => queryClient.invalidateQueries({ queryKey: userKeys.all });
  const fail = (error: unknown) => message.error(errorText(error, t));

  const toggle = useMutation({
    mutationFn: () => updateUser(user.id, { disabled: !user.disabled, version: user.version }),
    onSuccess: async () => {
      message.success(
        user.disabled ? t('users.enabled', { name: user.fullName }) : t('users.disabledDone', { name: user.fullName }),
      );
      await refresh();
    },
    onError: fail,
  });
  const unlock = useMutation({
    mutationFn: () => unlockUser(user.id),
    onSuccess: async () => {
      message.success(t('users.unlocked', { name: user.fullName }));
      await refresh();
    },
    onError: fail,
  });
  const reset = useMutation({
    mutationFn: () => resetPassword(user.id),
    onSuccess: async ({ temporaryPassword }) => {
      onTemporaryPassword(user, temporaryPassword);
      await refresh();
    },
    onError: fail,
  });

  const confirmProps = { cancelText: t('common.cancel'), okButtonProps: { danger: true } };

  return (
    <Space size={0} style={{ whiteSpace: 'nowrap' }}>
      <Button type="link" size="small" onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      {user.disabled ? (
        <Button type="link" size="small" loading={toggle.isPending} onClick={() => toggle.mutate()}>
          {t('users.enable')}
        </Button>
      ) : (
        <Popconfirm
          {...confirmProps}
          title={t('users.disableConfirm', { name: user.fullName })}
          okText={t('users.disable')}
          onConfirm={() => toggle.mutateAsync().catch(() => undefined)}
        >
          <Button type="link" size="small" danger loading={toggle.isPending}>
            {t('users.disable')}
          </Button>
        </Popconfirm>
      )}
      {status === 'locked' && (
        <Button type="link" size="small" loading={unlock.isPending} onClick={() => unlock.mutate()}>
          {t('users.unlock')}
        </Button>
      )}
      <Popconfirm
        {...confirmProps}
        title={t('users.resetConfirm', { name: user.fullName })}
        description={t('users.resetExplain')}
        okText={t('users.resetPassword')}
        onConfirm={() => reset.mutateAsync().catch(() => undefined)}
      >
        <Button type="link" size="small" loading={reset.isPending}>
          {t('users.resetPassword')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
