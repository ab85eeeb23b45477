import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  ANSWER_CHANNEL_LABELS,
  PRESS_REQUEST_ACTIONS,
  type TPressRequestAction,
  type TPressRequestDetail,
} from '@loa/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { PressActionModal } from './press-action-modal';
import { getPressRequest, pressKeys } from './press-requests.api';
import { PressStatusTag } from './press-status-tag';

/** One press request: the journalist's questions, the draft, the history, and the steps the caller may take. */
export function PressRequestDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<TPressRequestAction | null>(null);
  const detail = useQuery({ queryKey: pressKeys.detail(id), queryFn: () => getPressRequest(id) });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error, t)} />;
  const request = detail.data;

  const saved = async (next: TPressRequestDetail) => {
    setStep(null);
    message.success(t('press.saved'));
    queryClient.setQueryData(pressKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: pressKeys.all });
  };
  const actions = PRESS_REQUEST_ACTIONS.filter((a) => request.can[a]);
  const none = t('common.none');

  return (
    <>
      <Link to="/press/requests">
        <ArrowLeftOutlined /> {t('press.back')}
      </Link>
      <PageHeader
        title={request.topic}
        subtitle={<PressStatusTag item={request} />}
        actions={
          <Space wrap>
            {actions.map((a) => (
              <Button
                key={a}
                type={a === 'decline' || a === 'return' ? 'default' : 'primary'}
                danger={a === 'decline'}
                data-testid={`press-${a}`}
                onClick={() => setStep(a)}
              >
                {t(`press.action.${a}`)}
              </Button>
            ))}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('press.field.outletName')}>
          {request.outletName}
          {request.outletId && (
            <>
              {' · '}
              <Link
                to={`/press/outlets?${new URLSearchParams({ tab: 'contacts', outletId: request.outletId }).toString()}`}
              >
                {t('press.media.openContacts')}
              </Link>
            </>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('press.field.journalistName')}>
          {[request.journalistName, request.journalistPhone, request.journalistEmail].filter(Boolean).join(' · ')}
        </Descriptions.Item>
        <Descriptions.Item label={t('press.field.receivedAt')}>
          {formatDateTime(request.receivedAt)} — {request.receivingUnit.name} ({request.receivedBy})
        </Descriptions.Item>
        <Descriptions.Item label={t('press.field.deadline')}>
          <Typography.Text type={request.overdue ? 'danger' : undefined}>
            {formatDateTime(request.deadline)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('press.field.owningUnit')}>{request.owningUnit?.name ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('press.field.spokesperson')}>
          {request.spokesperson?.name ?? none}
        </Descriptions.Item>
        <Descriptions.Item label={t('press.field.draftedBy')}>{request.draftedBy ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('press.field.approvedBy')}>{request.approvedBy ?? none}</Descriptions.Item>
        {request.answerSentOn && request.answerChannel && (
          <Descriptions.Item label={t('press.field.answerSent')} span={2}>
            {formatDate(request.answerSentOn)} · {ANSWER_CHANNEL_LABELS[request.answerChannel][locale]}
          </Descriptions.Item>
        )}
        {request.declineReason && (
          <Descriptions.Item label={t('press.field.declineReason')} span={2}>
            {request.declineReason}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex vertical gap={16}>
        <Card size="small" title={t('press.field.questions')}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{request.questions}</Typography.Paragraph>
        </Card>
        {request.draftAnswer && (
          <Card size="small" title={t('press.field.draftAnswer')} data-testid="press-draft">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {request.draftAnswer}
            </Typography.Paragraph>
          </Card>
        )}
        <Card size="small" title={t('press.steps')}>
          <Timeline
            items={request.steps.map((s) => ({
              color: s.kind === 'return' || s.kind === 'decline' ? 'red' : s.kind === 'answer' ? 'green' : 'blue',
              content: (
                <Flex vertical gap={4}>
                  <Typography.Text strong>{t(`press.kind.${s.kind}`)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {formatDateTime(s.createdAt)} · {s.authorName}
                  </Typography.Text>
                  {s.body && s.kind !== 'draft' && (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{s.body}</Typography.Paragraph>
                  )}
                </Flex>
              ),
            }))}
          />
        </Card>
      </Flex>
      {step && <PressActionModal step={step} request={request} onClose={() => setStep(null)} onSaved={saved} />}
    </>
  );
}
