import { ZUpdateGuidanceItemRequest, type TGuidanceItem, type TUpdateGuidanceItemRequest } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { guidanceKeys, updateItem } from './guidance.api';

type Values = Pick<TGuidanceItem, 'nameVi' | 'nameEn' | 'textVi' | 'textEn'>;
const FIELDS = ['nameVi', 'nameEn', 'textVi', 'textEn'] as const;
const shape = ZUpdateGuidanceItemRequest.shape;

/** Edits an item's names and texts in both languages; only changed fields are sent, with the version seen. */
export function EditItemModal({ item, onClose }: { item: TGuidanceItem; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const patch: TUpdateGuidanceItemRequest = { version: item.version };
      for (const field of FIELDS) {
        const value = values[field].trim();
        if (value !== item[field]) patch[field] = value;
      }
      return updateItem(item.year, item.id, patch);
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: guidanceKeys.all });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      width={800}
      title={t('guidance.editTitle', { code: item.code })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ nameVi: item.nameVi, nameEn: item.nameEn, textVi: item.textVi, textEn: item.textEn }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="nameVi"
          label={t('guidance.field.nameVi')}
          rules={[requiredRule(locale), schemaRule(shape.nameVi, locale)]}
        >
          <Input lang="vi" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('guidance.field.nameEn')}
          rules={[requiredRule(locale), schemaRule(shape.nameEn, locale)]}
        >
          <Input lang="en" />
        </Form.Item>
        <Form.Item name="textVi" label={t('guidance.field.textVi')} rules={[schemaRule(shape.textVi, locale)]}>
          <Input.TextArea lang="vi" autoSize={{ minRows: 3, maxRows: 12 }} showCount maxLength={5000} />
        </Form.Item>
        <Form.Item name="textEn" label={t('guidance.field.textEn')} rules={[schemaRule(shape.textEn, locale)]}>
          <Input.TextArea lang="en" autoSize={{ minRows: 3, maxRows: 12 }} showCount maxLength={5000} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
