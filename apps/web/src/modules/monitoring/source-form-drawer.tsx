import {
  SOURCE_KIND_LABELS,
  SOURCE_KINDS,
  SOURCE_LANGUAGES,
  SOURCE_TIER_LABELS,
  SOURCE_TIERS,
  ZCreateSourceRequest,
  type TCreateSourceRequest,
  type TMonitoringSource,
  type TSourceKind,
  type TSourceTier,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { OutletPicker, UnitPicker } from './source-pickers';
import { isPolledKind, POLL_MAX_MINUTES, POLL_MIN_MINUTES, pollMinutes, pollSecondsOf } from './sources-helpers';
import { createSource, sourceKeys, updateSource } from './sources.api';

interface Values {
  name: string;
  kind: TSourceKind;
  url?: string;
  linkSelector?: string;
  outletId?: string | null;
  areaUnitId?: string | null;
  tier: TSourceTier;
  language: 'vi' | 'en';
  orgUnitId: string;
  pollMinutes?: number | null;
  enabled?: boolean;
}

const FIELDS = ['name', 'kind', 'url', 'linkSelector', 'outletId', 'areaUnitId', 'tier', 'language', 'orgUnitId'];
const shape = ZCreateSourceRequest.shape;

/** Adds or edits a monitoring source; the address and selector are checked against the kind as the officer types. */
export function SourceFormDrawer({ source, onClose }: { source: TMonitoringSource | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) as TSourceKind | undefined) ?? source?.kind ?? 'feed';
  const polled = isPolledKind(kind);

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const pollSeconds = pollSecondsOf(values.pollMinutes);
      const request = {
        name: values.name.trim(),
        kind: values.kind,
        url: polled ? cleanText(values.url) : null,
        linkSelector: values.kind === 'html' ? cleanText(values.linkSelector) : null,
        outletId: values.outletId ?? null,
        areaUnitId: values.areaUnitId ?? null,
        tier: values.tier,
        language: values.language,
        orgUnitId: values.orgUnitId,
        ...(pollSeconds !== null && polled ? { pollSeconds } : {}),
      } satisfies Omit<TCreateSourceRequest, 'enabled'>;
      if (source) return updateSource(source.id, { ...request, version: source.version });
      return createSource({ ...request, enabled: values.enabled ?? false });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: sourceKeys.all });
      message.success(source ? t('common.saved') : t('monSources.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, [...FIELDS, 'pollSeconds'], t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={source ? t('monSources.editTitle', { name: source.name }) : t('monSources.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="source-save">
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
          source
            ? {
                name: source.name,
                kind: source.kind,
                url: source.url ?? undefined,
                linkSelector: source.linkSelector ?? undefined,
                outletId: source.outlet?.id ?? null,
                areaUnitId: source.area?.id ?? null,
                tier: source.tier,
                language: source.language,
                orgUnitId: source.orgUnit.id,
                pollMinutes: pollMinutes(source.pollSeconds),
              }
            : { kind: 'feed', tier: 'national', language: 'vi', orgUnitId: user.orgUnit.id, enabled: true }
        }
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('monSources.field.name')}
          rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
        >
          <Input data-testid="source-name" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('monSources.field.kind')} rules={[requiredRule(locale)]}>
              <Select
                data-testid="source-kind"
                options={SOURCE_KINDS.map((k) => ({ value: k, label: SOURCE_KIND_LABELS[k][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tier" label={t('monSources.field.tier')} rules={[requiredRule(locale)]}>
              <Select options={SOURCE_TIERS.map((k) => ({ value: k, label: SOURCE_TIER_LABELS[k][locale] }))} />
            </Form.Item>
          </Col>
        </Row>
        {polled && (
          <Form.Item
            name="url"
            label={t('monSources.field.url')}
            extra={t(`monSources.field.urlHint.${kind === 'html' ? 'html' : kind === 'sitemap' ? 'sitemap' : 'feed'}`)}
            dependencies={['kind']}
            rules={[requiredRule(locale), schemaRule(shape.url, locale)]}
          >
            <Input data-testid="source-url" inputMode="url" placeholder="https://" />
          </Form.Item>
        )}
        {kind === 'html' && (
          <Form.Item
            name="linkSelector"
            label={t('monSources.field.linkSelector')}
            extra={t('monSources.field.linkSelectorHint')}
            dependencies={['kind']}
            rules={[requiredRule(locale), schemaRule(shape.linkSelector, locale)]}
          >
            <Input style={{ fontFamily: 'monospace' }} data-testid="source-link-selector" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="outletId" label={t('monSources.field.outlet')}>
              <OutletPicker current={source?.outlet ?? null} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="areaUnitId" label={t('monSources.field.area')} extra={t('monSources.field.areaHint')}>
              <UnitPicker provincesOnly current={source?.area ?? null} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="orgUnitId" label={t('monSources.field.orgUnit')} rules={[requiredRule(locale)]}>
              <UnitPicker current={source?.orgUnit ?? user.orgUnit} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="language" label={t('monSources.field.language')} rules={[requiredRule(locale)]}>
              <Select options={SOURCE_LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))} />
            </Form.Item>
          </Col>
        </Row>
        {polled && (
          <Form.Item
            name="pollMinutes"
            label={t('monSources.field.pollMinutes')}
            extra={t('monSources.field.pollHint', { min: POLL_MIN_MINUTES, max: POLL_MAX_MINUTES })}
            rules={[
              {
                validator: async (_rule, value: number | null | undefined) => {
                  if (value !== null && value !== undefined && pollSecondsOf(value) === null)
                    throw new Error(t('monSources.field.pollRange', { min: POLL_MIN_MINUTES, max: POLL_MAX_MINUTES }));
                },
              },
            ]}
          >
            <InputNumber min={1} step={5} precision={0} style={{ width: 200 }} suffix={t('monSources.minutes')} />
          </Form.Item>
        )}
        {!source && (
          <Form.Item name="enabled" label={t('monSources.field.enabledOnCreate')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
