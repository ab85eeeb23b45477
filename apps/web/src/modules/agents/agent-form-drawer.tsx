import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  AGENT_TYPE_LABELS,
  AGENT_TYPES,
  MAX_AGENT_PHONES,
  ZAgentPhone,
  ZCreateAgentRequest,
  formatVnPhone,
  type TAgent,
  type TAgentType,
  type TCreateAgentRequest,
  type TUpdateAgentRequest,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { AgentPlaceSelect } from './agent-place-select';
import { agentKeys, createAgent, listPlaces, updateAgent } from './agents.api';

interface Values {
  type: TAgentType;
  name: string;
  address: string;
  provinceCode?: string;
  districtCode?: string;
  communeCode?: string;
  phones: string[];
  workingHours?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
  note?: string;
}

const FIELDS = [
  'type',
  'name',
  'address',
  'provinceCode',
  'districtCode',
  'communeCode',
  'phones',
  'workingHours',
  'period',
  'note',
] as const;
const shape = ZCreateAgentRequest.shape;

function toRequest(values: Values): TCreateAgentRequest {
  return {
    type: values.type,
    name: values.name.trim(),
    address: values.address.trim(),
    provinceCode: values.provinceCode ?? '',
    districtCode: values.districtCode ?? null,
    communeCode: values.communeCode ?? null,
    phones: (values.phones ?? []).map((p) => p.trim()).filter(Boolean),
    workingHours: cleanText(values.workingHours),
    activeFrom: values.period?.[0]?.format('YYYY-MM-DD') ?? null,
    activeTo: values.period?.[1]?.format('YYYY-MM-DD') ?? null,
    note: cleanText(values.note),
  };
}

function initialValues(agent: TAgent | null): Partial<Values> {
  if (!agent) return { type: 'commune_agent', phones: [''] };
  return {
    type: agent.type,
    name: agent.name,
    address: agent.address,
    provinceCode: agent.province.code,
    districtCode: agent.district?.code,
    communeCode: agent.commune?.code,
    phones: agent.phones.map(formatVnPhone),
    workingHours: agent.workingHours ?? undefined,
    period: [agent.activeFrom ? dayjs(agent.activeFrom) : null, agent.activeTo ? dayjs(agent.activeTo) : null],
    note: agent.note ?? undefined,
  };
}

interface Props {
  /** The agent to edit; null to add one. */
  agent: TAgent | null;
  onClose: () => void;
}

/** Adds or edits an agent; fields (phone numbers too) are checked as the officer types, with the contract's rules. */
export function AgentFormDrawer({ agent, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const province = Form.useWatch('provinceCode', form) as string | undefined;
  const district = Form.useWatch('districtCode', form) as string | undefined;
  // The 63-province structure has districts under a province; the 34-province one has communes directly.
  const provinceChildren = useQuery({
    queryKey: agentKeys.places(province ?? null),
    queryFn: () => listPlaces(province ?? null),
    enabled: Boolean(province),
    staleTime: Infinity,
  });
  const hasDistricts = (provinceChildren.data ?? []).some((p) => p.level === 2);
  const communeParent = !province ? undefined : hasDistricts ? (district ?? undefined) : province;

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const request = toRequest(values);
      if (!agent) return createAgent(request);
      const patch: TUpdateAgentRequest = { ...request, version: agent.version };
      return updateAgent(agent.id, patch);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: agentKeys.all });
      message.success(agent ? t('common.saved') : t('agents.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => {
      const text = formErrorText(form, error, [...FIELDS, 'activeFrom', 'activeTo'], t);
      setFormError(text);
    },
  });

  return (
    <Drawer
      open
      size="large"
      title={agent ? t('agents.editTitle', { name: agent.name }) : t('agents.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="agent-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(agent)}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="type" label={t('agents.field.type')} rules={[requiredRule(locale)]}>
              <Select options={AGENT_TYPES.map((type) => ({ value: type, label: AGENT_TYPE_LABELS[type][locale] }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('agents.field.name')}
              rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
            >
              <Input data-testid="agent-name" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="address"
          label={t('agents.field.address')}
          rules={[requiredRule(locale), schemaRule(shape.address, locale)]}
        >
          <Input />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('agents.placeHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="provinceCode" label={t('agents.field.province')} rules={[requiredRule(locale)]}>
              <AgentPlaceSelect
                parent={null}
                data-testid="agent-province"
                onChange={(value) =>
                  form.setFieldsValue({ provinceCode: value, districtCode: undefined, communeCode: undefined })
                }
              />
            </Form.Item>
          </Col>
          {hasDistricts && (
            <Col xs={24} md={8}>
              <Form.Item name="districtCode" label={t('agents.field.district')}>
                <AgentPlaceSelect
                  parent={province}
                  level={2}
                  onChange={(value) => form.setFieldsValue({ districtCode: value, communeCode: undefined })}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="communeCode" label={t('agents.field.commune')}>
              <AgentPlaceSelect parent={communeParent} level={3} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="phones">
          {(fields, { add, remove }) => (
            <Form.Item label={t('agents.field.phones')} extra={t('agents.field.phoneHint')} required>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item
                    name={field.name}
                    style={{ flex: 1, marginBottom: 8 }}
                    validateTrigger={['onChange', 'onBlur']}
                    rules={[requiredRule(locale), schemaRule(ZAgentPhone, locale)]}
                  >
                    <Input
                      inputMode="tel"
                      aria-label={t('agents.field.phone', { n: index + 1 })}
                      data-testid={`agent-phone-${index}`}
                    />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined aria-label={t('common.delete')} onClick={() => remove(field.name)} />
                  )}
                </Flex>
              ))}
              {fields.length < MAX_AGENT_PHONES && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
                  {t('agents.field.addPhone')}
                </Button>
              )}
            </Form.Item>
          )}
        </Form.List>
        <Form.Item
          name="workingHours"
          label={t('agents.field.workingHours')}
          rules={[schemaRule(shape.workingHours, locale)]}
        >
          <Input placeholder={t('agents.field.workingHoursPlaceholder')} />
        </Form.Item>
        <Form.Item name="period" label={t('agents.field.activePeriod')}>
          <DatePicker.RangePicker
            format="DD/MM/YYYY"
            allowEmpty={[true, true]}
            placeholder={[t('agents.field.activeFrom'), t('agents.field.activeTo')]}
          />
        </Form.Item>
        <Form.Item name="note" label={t('agents.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
