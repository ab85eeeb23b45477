import { AuditOutlined, CheckCircleOutlined, DeleteOutlined, SendOutlined } from '@ant-design/icons';
import {
  APPRAISAL_STATE_LABELS,
  APPRAISAL_VERDICT_LABELS,
  type TAppraisal,
  type TAppraisalState,
  type TAppraisalVerdict,
  type TProductAppraisals,
  type TProductDetail,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Flex, List, Popconfirm, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { productKeys } from '../products/products.api';
import { appraisalKeys, getProductAppraisals, markReady, opinionFileUrl, withdrawAppraisal } from './appraisals.api';
import { OpinionModal } from './opinion-modal';
import { RequestAppraisalDrawer } from './request-appraisal-drawer';

const STATE_COLORS: Record<TAppraisalState, string> = {
  pending: 'gold',
  approved: 'green',
  changes_requested: 'orange',
  rejected: 'red',
  reopened: 'purple',
  withdrawn: 'default',
};
const VERDICT_COLORS: Record<TAppraisalVerdict, string> = {
  approve: 'green',
  approve_with_changes: 'orange',
  reject: 'red',
};

export function AppraisalStateTag({ state }: { state: TAppraisalState }) {
  const { locale } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{APPRAISAL_STATE_LABELS[state][locale]}</Tag>;
}

/** The "Thẩm định" tab of a product: its requests, their opinions, the owner's and the appraisers' actions. */
export function ProductAppraisals({ product }: { product: TProductDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [requesting, setRequesting] = useState(false);
  const [answering, setAnswering] = useState<TAppraisal | null>(null);
  const query = useQuery({
    // The version is part of the key: an edit re-opens the approvals.
    queryKey: [...appraisalKeys.product(product.id), product.currentVersion],
    queryFn: () => getProductAppraisals(product.id),
  });

  const refresh = async (next: TProductAppraisals) => {
    queryClient.setQueryData([...appraisalKeys.product(product.id), next.currentVersion], next);
    await queryClient.invalidateQueries({ queryKey: productKeys.all });
    await queryClient.invalidateQueries({ queryKey: appraisalKeys.all });
  };
  const ready = useMutation({
    mutationFn: () => markReady(product.id),
    onSuccess: async (next) => {
      message.success(t('appraisals.markedReady'));
      await refresh(next);
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const withdraw = useMutation({
    mutationFn: (appraisal: TAppraisal) =>
      withdrawAppraisal(product.id, appraisal.id).then((next) => ({ next, appraisal })),
    onSuccess: async ({ next, appraisal }) => {
      message.success(t('appraisals.withdrawn', { unit: appraisal.unit.name }));
      await refresh(next);
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  if (query.isLoading) return <Spin />;
  if (query.isError) return <Alert type="error" showIcon title={errorText(query.error, t)} />;
  const data = query.data!;
  const notReadyReason =
    data.missingUnits.length > 0
      ? t('appraisals.notReady.missing', {
          version: data.currentVersion,
          units: data.missingUnits.map((u) => u.name).join(', '),
        })
      : t('appraisals.notReady.none');
  const readyShown = data.status === 'ready' || data.status === 'published';

  return (
    <Flex vertical gap={16}>
      {data.readyAt && readyShown ? (
        <Alert type="success" showIcon title={t('appraisals.readySince', { date: formatDateTime(data.readyAt) })} />
      ) : (
        !data.readyable && data.appraisals.length > 0 && <Alert type="info" showIcon title={notReadyReason} />
      )}
      {data.canRequest && product.canEdit && (
        <Space wrap>
          <Button icon={<SendOutlined />} onClick={() => setRequesting(true)}>
            {t('appraisals.request')}
          </Button>
          {!readyShown && (
            <Tooltip title={data.readyable ? undefined : notReadyReason}>
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                disabled={!data.readyable}
                loading={ready.isPending}
                onClick={() => ready.mutate()}
              >
                {t('appraisals.markReady')}
              </Button>
            </Tooltip>
          )}
        </Space>
      )}
      {data.appraisals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisals.empty')} />
      ) : (
        data.appraisals.map((appraisal) => (
          <AppraisalCard
            key={appraisal.id}
            productId={product.id}
            appraisal={appraisal}
            withdrawing={withdraw.isPending && withdraw.variables?.id === appraisal.id}
            onWithdraw={() => withdraw.mutateAsync(appraisal).catch(() => undefined)}
            onAnswer={() => setAnswering(appraisal)}
          />
        ))
      )}
      {requesting && (
        <RequestAppraisalDrawer
          productId={product.id}
          data={data}
          onClose={() => setRequesting(false)}
          onSaved={async (next) => {
            setRequesting(false);
            message.success(t('appraisals.requested'));
            await refresh(next);
          }}
        />
      )}
      {answering && (
        <OpinionModal
          productId={product.id}
          appraisal={answering}
          version={data.currentVersion}
          onClose={() => setAnswering(null)}
          onSaved={async (next) => {
            setAnswering(null);
            message.success(t('appraisals.signed'));
            await refresh(next);
          }}
        />
      )}
    </Flex>
  );
}

function AppraisalCard(props: {
  productId: string;
  appraisal: TAppraisal;
  withdrawing: boolean;
  onWithdraw: () => Promise<unknown>;
  onAnswer: () => void;
}) {
  const { t, locale } = useI18n();
  const { appraisal } = props;
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{appraisal.unit.name}</span>
          <AppraisalStateTag state={appraisal.state} />
          {appraisal.overdue && <Tag color="red">{t('appraisals.overdue')}</Tag>}
        </Space>
      }
      extra={
        <Space>
          {appraisal.canGiveOpinion && (
            <Button type="primary" size="small" icon={<AuditOutlined />} onClick={props.onAnswer}>
              {t('appraisals.give')}
            </Button>
          )}
          {appraisal.canWithdraw && (
            <Popconfirm
              title={t('appraisals.withdrawConfirm', { unit: appraisal.unit.name })}
              okText={t('appraisals.withdraw')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={props.onWithdraw}
            >
              <Button size="small" danger icon={<DeleteOutlined />} loading={props.withdrawing}>
                {t('appraisals.withdraw')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('appraisals.dueOn')}: {formatDate(appraisal.dueOn)} ·{' '}
        {t('appraisals.requestedBy', { name: appraisal.requestedBy, date: formatDate(appraisal.requestedAt) })}
        {appraisal.note && <> · {appraisal.note}</>}
      </Typography.Paragraph>
      {appraisal.opinions.length === 0 ? (
        <Typography.Text type="secondary">{t('appraisals.noOpinion')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={appraisal.opinions}
          rowKey="id"
          renderItem={(opinion) => (
            <List.Item>
              <Flex vertical gap={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Tag color={VERDICT_COLORS[opinion.verdict]}>{APPRAISAL_VERDICT_LABELS[opinion.verdict][locale]}</Tag>
                  <Typography.Text>{t('appraisals.opinionOn', { version: opinion.productVersion })}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('appraisals.signedBy', { name: opinion.signer.name, date: formatDateTime(opinion.signedAt) })}
                  </Typography.Text>
                </Space>
                {opinion.comments && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                    {opinion.comments}
                  </Typography.Paragraph>
                )}
                {opinion.files.map((file) => (
                  <a
                    key={file.id}
                    href={opinionFileUrl(props.productId, appraisal.id, file.id)}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {file.name}
                  </a>
                ))}
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
