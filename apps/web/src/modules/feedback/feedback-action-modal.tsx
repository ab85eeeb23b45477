import { DEFAULT_FEEDBACK_DAYS, type TFeedbackDetail, type TStoredFile } from '@loa/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import {
  answerFeedback,
  closeFeedback,
  feedbackKeys,
  listCentralUnits,
  reopenFeedback,
  routeFeedback,
} from './feedback.api';
import { FilePicker } from './file-picker';

export type FeedbackStep = 'route' | 'answer' | 'reopen' | 'close';

interface Values {
  unitId?: string;
  dueOn?: Dayjs | null;
  note?: string;
  text?: string;
}
const FIELDS = ['unitId', 'dueOn', 'note', 'answer', 'comment', 'fileIds'] as const;

/** One step of a feedback: route (Communication Center), answer (routed unit), re-open or close (reporter). */
export function FeedbackActionModal(props: {
  step: FeedbackStep;
  feedback: TFeedbackDetail;
  onClose: () => void;
  onSaved: (next: TFeedbackDetail) => void;
}) {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<TStoredFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const { step, feedback } = props;
  const version = feedback.version;
  const units = useQuery({
    queryKey: feedbackKeys.units,
    queryFn: listCentralUnits,
    staleTime: 600_000,
    enabled: step === 'route',
  });
  const required = { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };

  const save = useMutation({
    mutationFn: (values: Values) => {
      const text = values.text?.trim() ?? '';
      switch (step) {
        case 'route':
          return routeFeedback(feedback.id, {
            unitId: values.unitId!,
            note: values.note?.trim() ?? '',
            version,
            ...(values.dueOn ? { dueOn: values.dueOn.format('YYYY-MM-DD') } : {}),
          });
        case 'answer':
          return answerFeedback(feedback.id, { answer: text, fileIds: files.map((f) => f.id), version });
        case 'reopen':
          return reopenFeedback(feedback.id, { comment: text, version });
        case 'close':
          return closeFeedback(feedback.id, { comment: text, version });
      }
    },
    onSuccess: props.onSaved,
    onError: (error) => {
      // The server names the text field after the step; the form has one text box.
      const message = formErrorText(form, error, FIELDS, t);
      setFailure(message);
    },
  });

  return (
    <Modal
      open
      title={t(`feedback.action.${step}`)}
      okText={t(`feedback.action.${step}`)}
      okButtonProps={{ 'data-testid': `feedback-${step}-submit` } as Record<`data-${string}`, string>}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={640}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unitId: feedback.routedUnit?.id ?? feedback.suggestedUnit?.id }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        {step === 'route' && (
          <>
            <Form.Item
              name="unitId"
              label={t('feedback.route.unit')}
              rules={[required]}
              extra={
                feedback.suggestedUnit
                  ? t('feedback.route.suggested', { unit: feedback.suggestedUnit.name })
                  : undefined
              }
            >
              <Select
                showSearch
                optionFilterProp="label"
                loading={units.isFetching}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item
              name="dueOn"
              label={t('feedback.route.dueOn')}
              extra={t('feedback.route.dueHelp', { days: DEFAULT_FEEDBACK_DAYS })}
            >
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="note" label={t('feedback.route.note')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {step !== 'route' && (
          <Form.Item
            name="text"
            label={t(
              step === 'answer'
                ? 'feedback.answer.text'
                : step === 'reopen'
                  ? 'feedback.reopen.comment'
                  : 'feedback.close.comment',
            )}
            rules={step === 'close' ? [{ max: 5000 }] : [required, { max: 10_000 }]}
          >
            <Input.TextArea rows={step === 'answer' ? 8 : 4} />
          </Form.Item>
        )}
        {step === 'answer' && (
          <>
            <Form.Item label={t('feedback.field.attachments')}>
              <FilePicker files={files} onChange={setFiles} />
            </Form.Item>
            <Typography.Text type="secondary">{t('feedback.answer.signed', { name: user.fullName })}</Typography.Text>
          </>
        )}
        {step === 'close' && <Typography.Paragraph>{t('feedback.close.confirm')}</Typography.Paragraph>}
      </Form>
    </Modal>
  );
}
