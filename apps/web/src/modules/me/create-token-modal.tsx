import { ZCreateApiTokenRequest, type TCreatedApiToken } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { createToken, meKeys } from './me.api';

interface Values {
  name: string;
  expiresInDays: number | 'never';
}

const FIELDS = ['name', 'expiresInDays'] as const;
const LIFETIMES = [30, 90, 180, 366] as const;

/** Asks for a token's name and lifetime, then creates it. */
export function CreateTokenModal(props: {
  open: boolean;
  onClose: () => void;
  onCreated: (token: TCreatedApiToken) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      createToken({
        name: values.name.trim(),
        expiresInDays: values.expiresInDays === 'never' ? null : values.expiresInDays,
      }),
    onSuccess: async (token) => {
      form.resetFields();
      props.onCreated(token);
      await queryClient.invalidateQueries({ queryKey: meKeys.all });
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open={props.open}
      title={t('account.tokens.create')}
      okText={t('account.tokens.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={() => {
        setFormError(null);
        props.onClose();
      }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ expiresInDays: 90 }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('account.tokens.name')}
          extra={t('account.tokens.nameHint')}
          rules={[requiredRule(locale), schemaRule(ZCreateApiTokenRequest.shape.name, locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="expiresInDays" label={t('account.tokens.lifetime')}>
          <Select<Values['expiresInDays']>
            options={[
              ...LIFETIMES.map((days) => ({ value: days, label: t('account.tokens.days', { days }) })),
              { value: 'never' as const, label: t('account.tokens.never') },
            ]}
          />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
