import {
  REPORT_PERIOD_KIND_LABELS,
  REPORT_PERIOD_KINDS,
  ZCreateReportTemplateRequest,
  type TCreateReportTemplateRequest,
  type TReportPeriodKind,
  type TReportTemplate,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Divider, Drawer, Flex, Form, Input, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { requiredRule, schemaRule } from '../../shared/validation';
import { showFormErrors } from './form-errors';
import { PlaceholderField, placeholderRule } from './placeholder-field';
import { createTemplate, reportKeys, updateTemplate } from './reports.api';
import { SectionsEditor } from './sections-editor';

type Values = TCreateReportTemplateRequest;
const FIELDS = ['name', 'periodKinds', 'subject', 'sections', 'isDefault'] as const;
const shape = ZCreateReportTemplateRequest.shape;

const NEW_TEMPLATE: Values = {
  name: '',
  periodKinds: [],
  subject: 'Báo cáo kết quả công tác truyền thông {{ky_bao_cao}}',
  sections: [{ heading: 'I. KẾT QUẢ THỰC HIỆN', text: '', table: 'figures' }],
  isDefault: false,
};

/**
 * A template: its name, the kinds of report it is offered for, the subject line and the sections, with the placeholder
 * menu and checks; read-only for those who may not keep templates. The server's 422 problems go under their fields.
 */
export function TemplateEditorDrawer({
  template,
  canEdit,
  onClose,
}: {
  /** null: a new template. */
  template: TReportTemplate | null;
  canEdit: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const request: Values = { ...values, name: values.name.trim(), subject: values.subject.trim() };
      return template
        ? updateTemplate(template.id, { ...request, version: template.version })
        : createTemplate(request);
    },
    onSuccess: async () => {
      message.success(t('reports.templates.saved'));
      await queryClient.invalidateQueries({ queryKey: reportKeys.templates });
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict.version') setFormError(t('reports.templates.conflict'));
      else setFormError(showFormErrors(form, error, FIELDS, t));
    },
  });

  const title = !template
    ? t('reports.templates.createTitle')
    : canEdit
      ? t('reports.templates.editTitle', { name: template.name })
      : template.name;
  return (
    <Drawer open size={820} title={title} onClose={onClose} destroyOnHidden data-testid="template-editor">
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={!canEdit}
        aria-label={title}
        initialValues={
          template
            ? {
                name: template.name,
                periodKinds: template.periodKinds,
                subject: template.subject,
                sections: template.sections,
                isDefault: template.isDefault,
              }
            : NEW_TEMPLATE
        }
        onValuesChange={() => setFormError(null)}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('reports.templates.name')}
          rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item name="periodKinds" label={t('reports.templates.kinds')} extra={t('reports.templates.kindsHint')}>
          <Checkbox.Group<TReportPeriodKind>
            options={REPORT_PERIOD_KINDS.map((kind) => ({
              value: kind,
              label: REPORT_PERIOD_KIND_LABELS[kind][locale],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="isDefault"
          label={t('reports.templates.default')}
          extra={t('reports.templates.defaultHint')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item
          name="subject"
          label={t('reports.field.subject')}
          rules={[requiredRule(locale), schemaRule(shape.subject, locale), placeholderRule(t)]}
        >
          <PlaceholderField disabled={!canEdit} maxLength={500} />
        </Form.Item>
        <Divider titlePlacement="start">{t('reports.sections.title')}</Divider>
        <SectionsEditor disabled={!canEdit} />
        {formError && <Alert type="error" showIcon role="alert" style={{ marginTop: 16 }} title={formError} />}
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
          <Button disabled={false} onClick={onClose}>
            {canEdit ? t('common.cancel') : t('reports.close')}
          </Button>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Flex>
      </Form>
    </Drawer>
  );
}
