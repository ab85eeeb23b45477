import {
  FEEDBACK_CATEGORIES,
  FEEDBACK_CATEGORY_LABELS,
  type TFeedbackCategory,
  type TFeedbackDetail,
  type TStoredFile,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { createFeedback, feedbackKeys } from './feedback.api';
import { FilePicker } from './file-picker';

interface Values {
  title: string;
  category: TFeedbackCategory;
  description: string;
}
const FIELDS = ['title', 'category', 'description', 'reporterUnitId', 'fileIds'] as const;

/** "Gửi vướng mắc": a province or district reports a difficulty, with its files. */
export function FeedbackReportDrawer(props: { onClose: () => void; onSaved: (saved: TFeedbackDetail) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<TStoredFile[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const required = { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };

  const save = useMutation({
    mutationFn: (values: Values) => createFeedback({ ...values, fileIds: files.map((f) => f.id) }),
    onSuccess: async (saved) => {
      message.success(t('feedback.created'));
      await queryClient.invalidateQueries({ queryKey: feedbackKeys.all });
      props.onSaved(saved);
    },
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size={640}
      title={t('feedback.createTitle')}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="feedback-submit">
            {t('feedback.createSubmit')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="title" label={t('feedback.field.title')} rules={[required, { max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="category" label={t('feedback.field.category')} rules={[required]}>
          <Select<TFeedbackCategory>
            options={FEEDBACK_CATEGORIES.map((c) => ({ value: c, label: FEEDBACK_CATEGORY_LABELS[c][locale] }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('feedback.field.description')} rules={[required, { max: 10_000 }]}>
          <Input.TextArea rows={8} />
        </Form.Item>
        <Form.Item label={t('feedback.field.attachments')}>
          <FilePicker files={files} onChange={setFiles} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
