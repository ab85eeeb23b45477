import { ArrowLeftOutlined, PaperClipOutlined } from '@ant-design/icons';
import { FEEDBACK_CATEGORY_LABELS, type TFeedbackDetail, type TFeedbackMessage } from '@loa/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate, formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/page-header';
import { FaqEditorDrawer } from './faq-editor-drawer';
import { FeedbackActionModal, type FeedbackStep } from './feedback-action-modal';
import { feedbackFileUrl, feedbackKeys, getFeedback } from './feedback.api';
import { StatusTag } from './status-tag';

const COLORS: Record<TFeedbackMessage['kind'], string> = {
  report: 'blue',
  route: 'gray',
  answer: 'green',
  reopen: 'red',
  close: 'gray',
};

/** One feedback: what was reported, its thread, and the steps the caller may take now. */
export function FeedbackDetailPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<FeedbackStep | null>(null);
  const [publishing, setPublishing] = useState(false);
  const detail = useQuery({ queryKey: feedbackKeys.detail(id), queryFn: () => getFeedback(id) });

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorText(detail.error, t)} />;
  const feedback = detail.data;

  const saved = async (next: TFeedbackDetail) => {
    setStep(null);
    message.success(t('feedback.saved'));
    queryClient.setQueryData(feedbackKeys.detail(id), next);
    await queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
  };

  const title = (m: TFeedbackMessage) =>
    m.kind === 'route'
      ? t('feedback.kind.route', { unit: m.unit?.name ?? '', due: formatDate(m.dueOn) })
      : t(`feedback.kind.${m.kind}`);
  const lastAnswer = [...feedback.messages].reverse().find((m) => m.kind === 'answer');
  const actions: FeedbackStep[] = (['route', 'answer', 'reopen', 'close'] as const).filter((s) => feedback.can[s]);

  return (
    <>
      <Link to="/feedback">
        <ArrowLeftOutlined /> {t('feedback.back')}
      </Link>
      <PageHeader
        title={feedback.title}
        subtitle={<StatusTag item={feedback} />}
        actions={
          <Space wrap>
            {actions.map((s) => (
              <Button
                key={s}
                type={s === 'answer' || s === 'route' ? 'primary' : 'default'}
                danger={s === 'reopen'}
                data-testid={`feedback-${s}`}
                onClick={() => setStep(s)}
              >
                {t(`feedback.action.${s}`)}
              </Button>
            ))}
            {feedback.can.publish && (
              <Button data-testid="feedback-publish" onClick={() => setPublishing(true)}>
                {t('feedback.action.publish')}
              </Button>
            )}
            {feedback.faqId && <Link to={`/faq?id=${feedback.faqId}`}>{t('feedback.action.viewFaq')}</Link>}
          </Space>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('feedback.field.category')}>
          {FEEDBACK_CATEGORY_LABELS[feedback.category][locale]}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.field.reporterUnit')}>
          {feedback.reporterUnit.name} — {feedback.reportedBy}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.field.routedUnit')}>
          {feedback.routedUnit?.name ?? t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('feedback.field.dueOn')}>
          <Typography.Text type={feedback.overdue ? 'danger' : undefined}>
            {feedback.dueOn ? formatDate(feedback.dueOn) : t('common.none')}
          </Typography.Text>
          {feedback.reopenCount > 0 && (
            <Typography.Text type="secondary">
              {' '}
              · {t('feedback.reopened', { count: feedback.reopenCount })}
            </Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={t('feedback.thread')} data-testid="feedback-thread">
        <Timeline
          items={feedback.messages.map((m) => ({
            color: COLORS[m.kind],
            content: (
              <Flex vertical gap={4}>
                <Typography.Text strong>{title(m)}</Typography.Text>
                <Typography.Text type="secondary">
                  {formatDateTime(m.createdAt)} · {m.authorName}
                  {m.authorUnit ? ` (${m.authorUnit.name})` : ''}
                </Typography.Text>
                {m.body && (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{m.body}</Typography.Paragraph>
                )}
                {m.files.map((file) => (
                  <a key={file.id} href={feedbackFileUrl(feedback.id, file.id)} target="_blank" rel="noreferrer">
                    <PaperClipOutlined /> {file.name}
                  </a>
                ))}
              </Flex>
            ),
          }))}
        />
      </Card>
      {step && <FeedbackActionModal step={step} feedback={feedback} onClose={() => setStep(null)} onSaved={saved} />}
      {publishing && (
        <FaqEditorDrawer
          entry={null}
          source={{
            feedbackId: feedback.id,
            question: feedback.title,
            answer: lastAnswer?.body ?? '',
            category: feedback.category,
          }}
          onClose={() => setPublishing(false)}
          onSaved={async () => {
            setPublishing(false);
            await detail.refetch();
          }}
        />
      )}
    </>
  );
}
