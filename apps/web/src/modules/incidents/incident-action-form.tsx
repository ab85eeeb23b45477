import {
  INCIDENT_ACTION_KINDS,
  INCIDENT_ACTION_LABELS,
  ZAddIncidentActionRequest,
  type TIncident,
  type TIncidentActionKind,
} from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { ACTION_KINDS_WITH_URL, toActionRequest, type ActionFormValues as Values } from './incident-form';
import { PublicationSelect } from './incident-pickers';
import { addIncidentAction } from './incidents.api';

const FIELDS = ['kind', 'text', 'publicationId', 'url'] as const;
const shape = ZAddIncidentActionRequest.shape;

interface Props {
  incident: TIncident;
  onCancel: () => void;
  onSaved: (incident: TIncident) => Promise<void>;
}

/** "Thêm hành động": what an officer did (facts verified, response drafted, correction published, reports …). */
export function IncidentActionForm({ incident, onCancel, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  const save = useMutation({
    mutationFn: (values: Values) => addIncidentAction(incident.id, toActionRequest(values)),
    onSuccess: async (next) => {
      message.success(t('incidents.action.saved'));
      await onSaved(next);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  // Start from what the case still needs before it can be closed.
  const firstMissing = incident.missingActions[0]?.[0];

  return (
    <Card size="small" type="inner" title={t('incidents.action.add')}>
      <Form<Values>
        form={form}
        name="incident-action"
        layout="vertical"
        initialValues={{ kind: firstMissing ?? 'note', text: '', publicationId: null, url: '' }}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="kind"
          label={t('incidents.action.kind')}
          rules={[{ required: true, message: t('incidents.validation.kind') }]}
        >
          {/* A short list: real options only (no hidden copies), each named by its own text. */}
          <Select<TIncidentActionKind>
            virtual={false}
            options={INCIDENT_ACTION_KINDS.map((value) => ({ value, label: INCIDENT_ACTION_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item
          name="text"
          label={t('incidents.action.text')}
          rules={[requiredRule(locale), schemaRule(shape.text, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        {kind === 'correction_published' && (
          <Form.Item
            name="publicationId"
            label={t('incidents.action.publication')}
            extra={t('incidents.action.publicationHint')}
            dependencies={['url']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | null | undefined) => {
                  const url = (getFieldValue('url') as string | undefined)?.trim();
                  if (!value && !url) throw new Error(t('incidents.validation.publicationOrUrl'));
                },
              }),
            ]}
          >
            <PublicationSelect />
          </Form.Item>
        )}
        {kind !== undefined && ACTION_KINDS_WITH_URL.includes(kind) && (
          <Form.Item name="url" label={t('incidents.action.url')} rules={[schemaRule(shape.url, locale)]}>
            <Input type="url" inputMode="url" autoComplete="off" placeholder="https://" />
          </Form.Item>
        )}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="incident-action-submit">
            {t('incidents.action.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
