import { ZCopyGuidanceRequest, type TGuidanceYear } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { copyYear, guidanceKeys } from './guidance.api';

interface Values {
  toYear: number;
  documentNo: string;
  title: string;
  issuedOn?: Dayjs | null;
}

const FIELDS = ['toYear', 'documentNo', 'title', 'issuedOn'] as const;
const shape = ZCopyGuidanceRequest.shape;

/** Creates next year's guidance as a copy of `source`, with its own document number and title. */
export function CopyYearModal({
  source,
  onClose,
  onCopied,
}: {
  source: TGuidanceYear;
  onClose: () => void;
  onCopied: (year: number) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      copyYear(source.year, {
        toYear: values.toYear,
        documentNo: values.documentNo.trim(),
        title: values.title.trim(),
        issuedOn: values.issuedOn ? values.issuedOn.format('YYYY-MM-DD') : null,
      }),
    onSuccess: async (_created, values) => {
      message.success(t('guidance.copied', { year: values.toYear }));
      await queryClient.invalidateQueries({ queryKey: guidanceKeys.all });
      onCopied(values.toYear);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      title={t('guidance.copyTitle', { year: source.year })}
      okText={t('guidance.copySubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ toYear: source.year + 1 }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="toYear"
          label={t('guidance.field.toYear')}
          rules={[
            { required: true, message: fieldMessage('validation.required', locale) },
            schemaRule(shape.toYear, locale),
          ]}
        >
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item
          name="documentNo"
          label={t('guidance.field.documentNo')}
          extra={t('guidance.documentNoHint')}
          rules={[requiredRule(locale), schemaRule(shape.documentNo, locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('guidance.field.title')}
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="issuedOn" label={t('guidance.field.issuedOn')}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
