import { ZReverseRequest } from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';

interface Values {
  reason: string;
  voucherNo?: string;
}

/**
 * Asks for the reason of a decision before it is sent: reversing an entry (destructive, a new entry of the opposite
 * sign), or approving/rejecting an exception. With `voucher`, also the voucher number of the correcting entry.
 */
export function ReasonModal(props: {
  title: string;
  intro: ReactNode;
  okText: string;
  danger?: boolean;
  voucher?: boolean;
  submit: (values: { reason: string; voucherNo?: string }) => Promise<unknown>;
  onDone: () => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (values: Values) => {
      const voucherNo = values.voucherNo?.trim();
      return props.submit({ reason: values.reason.trim(), ...(voucherNo ? { voucherNo } : {}) });
    },
    onSuccess: () => props.onDone(),
    onError: (error) => setFailure(formErrorText(form, error, ['reason', 'voucherNo'], t)),
  });
  return (
    <Modal
      open
      title={props.title}
      okText={props.okText}
      okButtonProps={{ danger: props.danger, loading: run.isPending, 'data-testid': 'reason-ok' }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.intro}</Typography.Paragraph>
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFailure(null);
          run.mutate(values);
        }}
      >
        <Form.Item
          name="reason"
          label={t('budget.field.reason')}
          rules={[requiredRule(locale), schemaRule(ZReverseRequest.shape.reason, locale)]}
        >
          <Input.TextArea rows={3} data-testid="reason-text" />
        </Form.Item>
        {props.voucher && (
          <Form.Item
            name="voucherNo"
            label={t('budget.field.reverseVoucher')}
            extra={t('budget.reverse.voucherHint')}
            rules={[schemaRule(ZReverseRequest.shape.voucherNo, locale)]}
          >
            <Input />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
