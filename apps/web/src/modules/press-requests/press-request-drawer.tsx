import type { TPressRequestDetail } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Form, Input, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { MediaLinkFields } from './media-link-fields';
import { createPressRequest, pressKeys } from './press-requests.api';

interface Values {
  outletId?: string | null;
  contactId?: string | null;
  outletName: string;
  journalistName: string;
  journalistPhone?: string;
  journalistEmail?: string;
  topic: string;
  questions: string;
  receivedAt: Dayjs;
  deadline: Dayjs;
}
const FIELDS = [
  'outletId',
  'contactId',
  'outletName',
  'journalistName',
  'journalistPhone',
  'journalistEmail',
  'topic',
  'questions',
  'receivedAt',
  'deadline',
] as const;

/** "Tiếp nhận yêu cầu": the Communication Center or a province records a journalist's request. */
export function PressRequestDrawer(props: { onClose: () => void; onSaved: (saved: TPressRequestDetail) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const required = { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };
  const requiredDate = { required: true, message: fieldMessage('validation.required', locale) };

  const save = useMutation({
    mutationFn: (values: Values) =>
      createPressRequest({
        outletName: values.outletName,
        outletId: values.outletId ?? null,
        contactId: values.contactId ?? null,
        journalistName: values.journalistName,
        journalistPhone: values.journalistPhone?.trim() ?? '',
        journalistEmail: values.journalistEmail?.trim() ?? '',
        topic: values.topic,
        questions: values.questions,
        receivedAt: values.receivedAt.toISOString(),
        deadline: values.deadline.toISOString(),
      }),
    onSuccess: async (saved) => {
      message.success(t('press.saved'));
      await queryClient.invalidateQueries({ queryKey: pressKeys.all });
      props.onSaved(saved);
    },
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size={640}
      title={t('press.createTitle')}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="press-submit">
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ receivedAt: dayjs(), deadline: dayjs().add(1, 'day') }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <MediaLinkFields form={form} />
        <Form.Item name="outletName" label={t('press.field.outletName')} rules={[required, { max: 300 }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item
            name="journalistName"
            label={t('press.field.journalistName')}
            rules={[required, { max: 200 }]}
            style={{ flex: 2 }}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="journalistPhone"
            label={t('press.field.journalistPhone')}
            rules={[{ max: 40 }]}
            style={{ flex: 1 }}
          >
            <Input maxLength={40} />
          </Form.Item>
        </Space.Compact>
        <Form.Item
          name="journalistEmail"
          label={t('press.field.journalistEmail')}
          rules={[{ type: 'email', message: fieldMessage('validation.invalid_email', locale) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="topic" label={t('press.field.topic')} rules={[required, { max: 500 }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="questions" label={t('press.field.questions')} rules={[required, { max: 20_000 }]}>
          <Input.TextArea rows={6} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="receivedAt" label={t('press.field.receivedAt')} rules={[requiredDate]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item name="deadline" label={t('press.field.deadline')} rules={[requiredDate]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
