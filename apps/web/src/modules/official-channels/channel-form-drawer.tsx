import {
  CHANNEL_KIND_LABELS,
  CHANNEL_KINDS,
  CHANNEL_STATUS_LABELS,
  CHANNEL_STATUSES,
  ZCreateOfficialChannelRequest,
  normaliseChannelValue,
  type TChannelKind,
  type TChannelStatus,
  type TCreateOfficialChannelRequest,
  type TOfficialChannel,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { channelKeys, createChannel, updateChannel } from './official-channels.api';

interface Values {
  kind: TChannelKind;
  value: string;
  display?: string;
  status: TChannelStatus;
  note?: string;
  source?: string;
}

const FIELDS = ['kind', 'value', 'display', 'status', 'note', 'source', 'orgUnitId'] as const;
const shape = ZCreateOfficialChannelRequest.shape;

interface Props {
  /** The entry to edit; null to add one. */
  channel: TOfficialChannel | null;
  onClose: () => void;
}

/** Adds or edits a registry entry; the value is checked against its kind as the officer types. */
export function ChannelFormDrawer({ channel, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = (Form.useWatch('kind', form) as TChannelKind | undefined) ?? channel?.kind ?? 'domain';

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const request: TCreateOfficialChannelRequest = {
        kind: values.kind,
        value: values.value.trim(),
        display: cleanText(values.display) ?? values.value.trim(),
        status: values.status,
        note: cleanText(values.note),
        source: cleanText(values.source),
      };
      if (channel) return updateChannel(channel.id, { ...request, version: channel.version });
      // The Communication Center keeps the agency's entries; an administrator adds those of their own unit.
      const orgUnitId = hasAnyRole(user, ['comms_center']) ? undefined : user.orgUnit.id;
      return createChannel({ ...request, ...(orgUnitId ? { orgUnitId } : {}) });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: channelKeys.all });
      message.success(channel ? t('common.saved') : t('channels.created', { name: saved.display }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={channel ? t('channels.editTitle', { name: channel.display }) : t('channels.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="channel-save">
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
          channel
            ? {
                kind: channel.kind,
                value: channel.value,
                display: channel.display,
                status: channel.status,
                note: channel.note ?? undefined,
                source: channel.source ?? undefined,
              }
            : { kind: 'domain', status: 'official' }
        }
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('channels.field.kind')} rules={[requiredRule(locale)]}>
              <Select
                data-testid="channel-kind"
                options={CHANNEL_KINDS.map((k) => ({ value: k, label: CHANNEL_KIND_LABELS[k][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="status" label={t('channels.field.status')} rules={[requiredRule(locale)]}>
              <Select
                data-testid="channel-status"
                options={CHANNEL_STATUSES.map((s) => ({
                  value: s,
                  label: CHANNEL_STATUS_LABELS[s][locale],
                  disabled: kind === 'document' && s === 'official',
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="value"
          label={t('channels.field.value')}
          extra={t('channels.field.valueHint')}
          dependencies={['kind']}
          rules={[
            requiredRule(locale),
            schemaRule(shape.value, locale),
            {
              validator: async (_rule, value: string | undefined) => {
                if (value?.trim() && normaliseChannelValue(kind, value) === null)
                  throw new Error(fieldMessage('validation.invalid_channel_value', locale));
              },
            },
          ]}
        >
          <Input data-testid="channel-value" />
        </Form.Item>
        <Form.Item name="display" label={t('channels.field.display')} rules={[schemaRule(shape.display, locale)]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('channels.field.source')}
          extra={t('channels.field.sourceHint')}
          rules={[schemaRule(shape.source, locale)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('channels.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
