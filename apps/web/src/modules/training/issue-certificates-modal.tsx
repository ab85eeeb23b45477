import { ZIssueCertificatesRequest } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { issueCertificates, trainingKeys } from './training.api';

interface Values {
  signerName: string;
  signerTitle: string;
  issuedOn: Dayjs;
}

const shape = ZIssueCertificatesRequest.shape;

/** Issues numbered certificates to every trainee who passed and has none, signed by the leader typed here. */
export function IssueCertificatesModal({
  courseId,
  eligible,
  onClose,
}: {
  courseId: string;
  eligible: number;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const issue = useMutation({
    mutationFn: (values: Values) =>
      issueCertificates(courseId, {
        signerName: values.signerName.trim(),
        signerTitle: values.signerTitle.trim(),
        issuedOn: values.issuedOn.format('YYYY-MM-DD'),
      }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: trainingKeys.all });
      message.success(t('training.certificates.issued', { count: result.issued.length }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, ['signerName', 'signerTitle', 'issuedOn'], t)),
  });

  return (
    <Modal
      open
      title={t('training.certificates.issueTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('training.certificates.issue')}
      okButtonProps={{
        loading: issue.isPending,
        disabled: eligible === 0,
        'data-testid': 'certificates-issue-confirm',
      }}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Typography.Paragraph>{t('training.certificates.issueIntro', { count: eligible })}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ issuedOn: dayjs() }}
        onFinish={(values) => {
          setFormError(null);
          issue.mutate(values);
        }}
      >
        <Form.Item
          name="signerName"
          label={t('training.certificates.signerName')}
          rules={[requiredRule(locale), schemaRule(shape.signerName, locale)]}
        >
          <Input data-testid="certificate-signer" />
        </Form.Item>
        <Form.Item
          name="signerTitle"
          label={t('training.certificates.signerTitle')}
          rules={[requiredRule(locale), schemaRule(shape.signerTitle, locale)]}
        >
          <Input placeholder={t('training.certificates.signerTitlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('training.certificates.issuedOn')}
          rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
        >
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
