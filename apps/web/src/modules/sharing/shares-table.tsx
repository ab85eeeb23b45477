import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { SHARE_NETWORK_LABELS, type TShare } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm, Table, Typography, type TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { deleteShare, sharingKeys } from './sharing.api';

interface Props {
  shares: TShare[];
  loading?: boolean;
  /** "My shares" names the product; a product's tab names the officer and unit. */
  show: 'product' | 'officer';
  onEdit: (share: TShare) => void;
  pagination?: TablePaginationConfig | false;
  emptyText: string;
}

const count = (value: number | null) => (value === null ? '—' : value.toLocaleString('vi-VN'));

/** Shares with their link, date and reach; own ones can be edited, and deletable ones deleted after asking. */
export function SharesTable({ shares, loading, show, onEdit, pagination = false, emptyText }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (id: string) => deleteShare(id),
    onSuccess: async () => {
      message.success(t('sharing.deleted'));
      await queryClient.invalidateQueries({ queryKey: sharingKeys.all });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const who =
    show === 'officer'
      ? [
          { key: 'officer', title: t('sharing.field.officer'), render: (_: unknown, s: TShare) => s.user.fullName },
          { key: 'unit', title: t('sharing.field.unit'), render: (_: unknown, s: TShare) => s.unit.name },
        ]
      : [
          {
            key: 'product',
            title: t('sharing.field.product'),
            render: (_: unknown, s: TShare) => <Link to={`/products/${s.product.id}`}>{s.product.title}</Link>,
          },
        ];

  return (
    <Table<TShare>
      aria-label={t('sharing.tableLabel')}
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={shares}
      pagination={pagination}
      locale={{ emptyText }}
      scroll={{ x: true }}
      columns={[
        ...who,
        {
          key: 'network',
          title: t('sharing.field.network'),
          render: (_, s) => SHARE_NETWORK_LABELS[s.network][locale],
        },
        {
          key: 'url',
          title: t('sharing.field.url'),
          render: (_, s) => (
            <Typography.Link href={s.url} target="_blank" rel="noopener noreferrer" ellipsis style={{ maxWidth: 280 }}>
              {s.url}
            </Typography.Link>
          ),
        },
        { key: 'sharedOn', title: t('sharing.field.sharedOn'), render: (_, s) => formatDate(s.sharedOn) },
        { key: 'views', title: t('sharing.field.views'), align: 'right', render: (_, s) => count(s.views) },
        { key: 'reactions', title: t('sharing.field.reactions'), align: 'right', render: (_, s) => count(s.reactions) },
        { key: 'comments', title: t('sharing.field.comments'), align: 'right', render: (_, s) => count(s.comments) },
        { key: 'shares', title: t('sharing.field.shares'), align: 'right', render: (_, s) => count(s.shares) },
        { key: 'reach', title: t('sharing.field.reach'), align: 'right', render: (_, s) => count(s.reach) },
        {
          key: 'actions',
          title: t('common.actions'),
          render: (_, s) => (
            <>
              {s.canEdit && (
                <Button
                  type="text"
                  icon={<EditOutlined />}
                  aria-label={`${t('common.edit')} ${s.url}`}
                  onClick={() => onEdit(s)}
                />
              )}
              {s.canDelete && (
                <Popconfirm
                  title={t('sharing.deleteConfirm')}
                  okText={t('common.delete')}
                  cancelText={t('common.cancel')}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(s.id).catch(() => undefined)}
                >
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={`${t('common.delete')} ${s.url}`} />
                </Popconfirm>
              )}
            </>
          ),
        },
      ]}
    />
  );
}
