import {
  FLAG_LABELS,
  MONITORING_FLAGS,
  OWNING_UNIT_LABELS,
  OWNING_UNITS,
  RELEVANCE_LABELS,
  RELEVANCE_LEVELS,
  SENTIMENT_LABELS,
  SENTIMENTS,
  ZCreateAlertRuleRequest,
  type TAlertRule,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { UnitPicker } from '../monitoring/source-pickers';
import { SavedQueryPicker } from './alert-pickers';
import { hasCondition, ruleInitialValues, ruleRequest, type RuleFormValues } from './alert-values';
import { alertKeys, alertRuleKeys, createAlertRule, updateAlertRule } from './alerts.api';

const FIELDS = [
  'name',
  'description',
  'orgUnitId',
  'routeToOwningUnit',
  'queryIds',
  'minRelevance',
  'sentiments',
  'flags',
  'units',
  'enabled',
] as const;
const shape = ZCreateAlertRuleRequest.shape;
/** Changing any of these re-checks "at least one condition", shown under the queries. */
const CONDITION_FIELDS = ['sentiments', 'flags', 'units'] as const;

/** Creates or edits an alert rule: who is alerted and which conditions an article must meet. */
export function AlertRuleDrawer({ rule, onClose }: { rule: TAlertRule | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<RuleFormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  // Only administrators and the Communication Center route alerts to the articles' owning units (central units).
  const canRoute = hasAnyRole(user, ['admin', 'comms_center']);

  const save = useMutation({
    mutationFn: (values: RuleFormValues) => {
      const request = ruleRequest(values);
      return rule ? updateAlertRule(rule.id, { ...request, version: rule.version }) : createAlertRule(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: alertRuleKeys.all });
      await queryClient.invalidateQueries({ queryKey: alertKeys.all });
      message.success(rule ? t('common.saved') : t('monAlertRules.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const labelled = <T extends string>(values: readonly T[], labels: Record<T, { vi: string; en: string }>) =>
    values.map((value) => ({ value, label: labels[value][locale] }));

  return (
    <Drawer
      open
      size="large"
      title={rule ? t('monAlertRules.editTitle', { name: rule.name }) : t('monAlertRules.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="alert-rule-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<RuleFormValues>
        form={form}
        layout="vertical"
        initialValues={ruleInitialValues(rule, user.orgUnit.id)}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('monAlertRules.field.name')}
          rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
        >
          <Input data-testid="alert-rule-name" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('monAlertRules.field.description')}
          rules={[schemaRule(shape.description, locale)]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="orgUnitId"
              label={t('monAlertRules.field.orgUnit')}
              extra={t('monAlertRules.field.orgUnitHint')}
              rules={[requiredRule(locale)]}
            >
              <UnitPicker current={rule?.orgUnit ?? user.orgUnit} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name="routeToOwningUnit"
              label={t('monAlertRules.field.routeToOwningUnit')}
              extra={t(
                canRoute
                  ? 'monAlertRules.field.routeToOwningUnitHint'
                  : 'monAlertRules.field.routeToOwningUnitManagers',
              )}
              valuePropName="checked"
            >
              <Switch disabled={!canRoute} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={2} style={{ fontSize: 16, marginTop: 8 }}>
          {t('monAlertRules.conditionsSection')}
        </Typography.Title>
        <Form.Item
          name="queryIds"
          label={t('monAlertRules.field.queries')}
          extra={t('monAlertRules.field.queriesHint')}
          dependencies={[...CONDITION_FIELDS]}
          rules={[
            ({ getFieldsValue }) => ({
              validator: async () => {
                const values = getFieldsValue(['queryIds', ...CONDITION_FIELDS]) as Partial<RuleFormValues>;
                if (!hasCondition(values)) throw new Error(t('monAlertRules.noCondition'));
              },
            }),
          ]}
        >
          <SavedQueryPicker current={rule?.queries ?? []} placeholder={t('monAlertRules.field.queriesPlaceholder')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="minRelevance" label={t('monAlertRules.field.minRelevance')} rules={[requiredRule(locale)]}>
              <Select options={labelled(RELEVANCE_LEVELS, RELEVANCE_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="sentiments"
              label={t('monAlertRules.field.sentiments')}
              extra={t('monAlertRules.field.sentimentsHint')}
            >
              <Select mode="multiple" allowClear options={labelled(SENTIMENTS, SENTIMENT_LABELS)} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="flags" label={t('monAlertRules.field.flags')} extra={t('monAlertRules.field.flagsHint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={labelled(MONITORING_FLAGS, FLAG_LABELS)}
            data-testid="alert-rule-flags"
          />
        </Form.Item>
        <Form.Item name="units" label={t('monAlertRules.field.units')} extra={t('monAlertRules.field.unitsHint')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={labelled(OWNING_UNITS, OWNING_UNIT_LABELS)}
          />
        </Form.Item>
        <Form.Item name="enabled" label={t('monAlertRules.field.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
