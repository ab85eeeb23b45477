import { PlusOutlined } from '@ant-design/icons';
import type { TApiToken, TCreatedApiToken } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { OneTimeSecretModal } from '../../shared/ui/one-time-secret';
import { CreateTokenModal } from './create-token-modal';
import { listTokens, meKeys, revokeToken } from './me.api';

function tokenStatus(token: TApiToken): 'revoked' | 'expired' | 'active' {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && new Date(token.expiresAt).getTime() <= Date.now()) return 'expired';
  return 'active';
}

const STATUS_COLORS = { active: 'green', expired: 'default', revoked: 'red' } as const;

/** Personal API tokens: list, create (secret shown once) and revoke. */
export function ApiTokensCard() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);

  const tokens = useQuery({ queryKey: meKeys.tokens, queryFn: listTokens });

  const revoke = useMutation({
    mutationFn: revokeToken,
    onSuccess: async () => {
      message.success(t('account.tokens.revoked'));
      await queryClient.invalidateQueries({ queryKey: meKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const columns: TableColumnsType<TApiToken> = [
    { title: t('account.tokens.name'), dataIndex: 'name' },
    { title: t('account.tokens.prefix'), dataIndex: 'prefix', render: (prefix: string) => <code>{prefix}…</code> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
    {
      title: t('account.tokens.expiresAt'),
      dataIndex: 'expiresAt',
      render: (value: string | null) => (value ? formatDateTime(value) : t('account.tokens.never')),
    },
    {
      title: t('account.tokens.lastUsedAt'),
      dataIndex: 'lastUsedAt',
      render: (value: string | null) => (value ? formatDateTime(value) : t('account.tokens.notUsed')),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_, token) => {
        const status = tokenStatus(token);
        return <Tag color={STATUS_COLORS[status]}>{t(`account.tokens.status.${status}`)}</Tag>;
      },
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) =>
        tokenStatus(token) === 'active' && (
          <Popconfirm
            title={t('account.tokens.revokeConfirm', { name: token.name })}
            okText={t('account.tokens.revoke')}
            okButtonProps={{ danger: true }}
            cancelText={t('common.cancel')}
            onConfirm={() => revoke.mutateAsync(token.id)}
          >
            <Button size="small" danger>
              {t('account.tokens.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('account.tokens.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {t('account.tokens.create')}
        </Button>
      }
    >
      <Table<TApiToken>
        size="small"
        rowKey="id"
        aria-label={t('account.tokens.title')}
        columns={columns}
        dataSource={tokens.data?.items ?? []}
        loading={tokens.isFetching}
        locale={{ emptyText: tokens.isError ? errorText(tokens.error, t) : t('account.tokens.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      />
      <CreateTokenModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(token) => {
          setCreating(false);
          setCreated(token);
        }}
      />
      <OneTimeSecretModal
        open={created !== null}
        title={t('account.tokens.createdTitle', { name: created?.name ?? '' })}
        warning={t('account.tokens.createdWarning')}
        secret={created?.token ?? null}
        testId="api-token-secret"
        onClose={() => setCreated(null)}
      />
    </Card>
  );
}
