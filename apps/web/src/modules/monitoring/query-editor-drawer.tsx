import {
  QUERY_ALERT_LABELS,
  QUERY_ALERTS,
  RELEVANCE_LABELS,
  RELEVANCE_LEVELS,
  ZCreateQueryRequest,
  type RelevanceLevel,
  type TCreateQueryRequest,
  type TMonitoringQuery,
  type TQueryAlert,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { QueryCheckPanel } from './query-check-panel';
import { QuerySyntaxHelp } from './query-syntax-help';
import { UnitPicker } from './source-pickers';
import { createQuery, queryKeys, updateQuery } from './queries.api';

interface Values {
  name: string;
  text: string;
  description?: string;
  orgUnitId: string;
  enabled: boolean;
  alert: TQueryAlert;
  alertMinRelevance: RelevanceLevel;
}

const FIELDS = ['name', 'text', 'description', 'orgUnitId', 'enabled', 'alert', 'alertMinRelevance'] as const;
const shape = ZCreateQueryRequest.shape;
const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** Writes a saved query: the text in a monospace editor checked as it is typed, the unit and how it alerts. */
export function QueryEditorDrawer({ query, onClose }: { query: TMonitoringQuery | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const text = Form.useWatch('text', form) as string | undefined;
  const alert = (Form.useWatch('alert', form) as TQueryAlert | undefined) ?? query?.alert ?? 'none';

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const request: TCreateQueryRequest = {
        name: values.name.trim(),
        text: values.text,
        description: cleanText(values.description),
        orgUnitId: values.orgUnitId,
        enabled: values.enabled,
        alert: values.alert,
        alertMinRelevance: values.alertMinRelevance,
      };
      if (query) return updateQuery(query.id, { ...request, version: query.version });
      return createQuery(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.all });
      message.success(query ? t('common.saved') : t('monQueries.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={query ? t('monQueries.editTitle', { name: query.name }) : t('monQueries.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="query-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          query
            ? {
                name: query.name,
                text: query.text,
                description: query.description ?? undefined,
                orgUnitId: query.orgUnit.id,
                enabled: query.enabled,
                alert: query.alert,
                alertMinRelevance: query.alertMinRelevance,
              }
            : { orgUnitId: user.orgUnit.id, enabled: true, alert: 'none', alertMinRelevance: 'peripheral' }
        }
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('monQueries.field.name')}
          rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
        >
          <Input data-testid="query-name" />
        </Form.Item>
        <Form.Item
          name="text"
          label={
            <Flex gap={4} align="center">
              {t('monQueries.field.text')}
              <QuerySyntaxHelp />
            </Flex>
          }
          rules={[requiredRule(locale), schemaRule(shape.text, locale)]}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            rows={5}
            spellCheck={false}
            autoComplete="off"
            data-testid="query-text"
            style={{ fontFamily: MONO }}
            placeholder={t('monQueries.field.textPlaceholder')}
          />
        </Form.Item>
        <div style={{ marginBottom: 24 }} aria-live="polite">
          <QueryCheckPanel text={text} />
        </div>
        <Form.Item
          name="description"
          label={t('monQueries.field.description')}
          rules={[schemaRule(shape.description, locale)]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="orgUnitId"
              label={t('monQueries.field.orgUnit')}
              extra={t('monQueries.field.orgUnitHint')}
              rules={[requiredRule(locale)]}
            >
              <UnitPicker current={query?.orgUnit ?? user.orgUnit} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="enabled" label={t('monQueries.field.enabled')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="alert" label={t('monQueries.field.alert')} rules={[requiredRule(locale)]}>
              <Select
                data-testid="query-alert"
                options={QUERY_ALERTS.map((a) => ({ value: a, label: QUERY_ALERT_LABELS[a][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="alertMinRelevance"
              label={t('monQueries.field.minRelevance')}
              extra={t('monQueries.field.minRelevanceHint')}
            >
              <Select
                disabled={alert === 'none'}
                options={RELEVANCE_LEVELS.map((r) => ({ value: r, label: RELEVANCE_LABELS[r][locale] }))}
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
