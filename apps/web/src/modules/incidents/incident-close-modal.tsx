import { ZIncidentTransitionRequest, type TIncident } from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { applyFieldErrors, errorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { missingActionTexts } from './incident-values';
import { transitionIncident } from './incidents.api';

interface Props {
  incident: TIncident;
  /** The note typed on the page, sent with the closure. */
  note: string;
  onCancel: () => void;
  onClosed: (incident: TIncident) => Promise<void>;
}

/** Closing a case: lessons learnt are required, and so are the actions its severity calls for. */
export function IncidentCloseModal({ incident, note, onCancel, onClosed }: Props) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ lessons: string }>();
  const [problem, setProblem] = useState<{ title: string; lines: string[] } | null>(null);
  const missing = missingActionTexts(incident.missingActions, locale, t('incidents.close.or'));

  const close = useMutation({
    mutationFn: (lessons: string) =>
      transitionIncident(incident.id, {
        version: incident.version,
        status: 'closed',
        lessons: lessons.trim(),
        ...(note ? { note } : {}),
      }),
    onSuccess: onClosed,
    onError: (error) => {
      // `lessons` goes under the box; the missing actions (field `actions`) and anything else are listed above it.
      const rest = applyFieldErrors(form, error, ['lessons']);
      setProblem({ title: errorText(error, t), lines: rest.map((field) => field.message) });
    },
  });

  return (
    <Modal
      open
      title={t('incidents.close.title', { code: incident.code })}
      okText={t('incidents.close')}
      okButtonProps={{ danger: true, 'data-testid': 'incident-close-submit' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={close.isPending}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
    >
      {missing.length > 0 && !problem && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('incidents.close.missing')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="incident-missing-actions">
              {missing.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {problem && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={problem.title}
          description={
            problem.lines.length > 0 ? (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problem.lines.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Form
        form={form}
        name="incident-close"
        layout="vertical"
        onFinish={(values) => {
          setProblem(null);
          close.mutate(values.lessons);
        }}
      >
        <Form.Item
          name="lessons"
          label={t('incidents.field.lessons')}
          extra={t('incidents.close.lessonsHint')}
          rules={[requiredRule(locale), schemaRule(ZIncidentTransitionRequest.shape.lessons, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} autoFocus />
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('incidents.close.hint')}
      </Typography.Text>
    </Modal>
  );
}
