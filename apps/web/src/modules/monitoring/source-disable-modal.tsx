import { ZSetSourceEnabledRequest, type TMonitoringSource } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { setSourceEnabled, sourceKeys } from './sources.api';

const reasonSchema = ZSetSourceEnabledRequest.shape.reason;

/** Disabling a source by hand: the reason is required and shown on the list. */
export function SourceDisableModal({ source, onClose }: { source: TMonitoringSource; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (reason: string) =>
      setSourceEnabled(source.id, { enabled: false, reason: reason.trim(), version: source.version }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: sourceKeys.all });
      message.success(t('monSources.disabled', { name: saved.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, ['reason'], t)),
  });

  return (
    <Modal
      open
      title={t('monSources.disable.title', { name: source.name })}
      okText={t('monSources.disable.submit')}
      okButtonProps={{ danger: true, loading: save.isPending }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values.reason);
        }}
      >
        <Form.Item
          name="reason"
          label={t('monSources.disable.reason')}
          extra={t('monSources.disable.reasonHint')}
          rules={[requiredRule(locale), schemaRule(reasonSchema, locale)]}
        >
          <Input.TextArea rows={3} autoFocus data-testid="source-disable-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
