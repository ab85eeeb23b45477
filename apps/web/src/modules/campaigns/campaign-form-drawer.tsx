import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  CAMPAIGN_METRIC_LABELS,
  CAMPAIGN_METRICS,
  campaignPeriodProblem,
  ZCampaignGoal,
  ZCreateCampaignRequest,
  type TCampaignDetail,
  type TCampaignMetric,
  type TCreateCampaignRequest,
  type TUpdateCampaignRequest,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { GuidanceCodeSelect, useGuidanceYear } from '../calendar/calendar-pickers';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { CampaignUnitSelect } from './campaign-unit-select';
import { campaignKeys, createCampaign, updateCampaign } from './campaigns.api';

interface Values {
  name: string;
  description?: string;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  ownerUnitId?: string;
  participatingUnitIds: string[];
  channelCodes: string[];
  goals: { metric?: TCampaignMetric; target?: number | null }[];
}

const FIELDS = [
  'name',
  'description',
  'startsOn',
  'endsOn',
  'ownerUnitId',
  'participatingUnitIds',
  'channelCodes',
  'goals',
] as const;
const shape = ZCreateCampaignRequest.shape;
const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : '');

function toRequest(values: Values): TCreateCampaignRequest {
  return {
    name: values.name.trim(),
    description: values.description?.trim() ?? '',
    startsOn: day(values.startsOn),
    endsOn: day(values.endsOn),
    ...(values.ownerUnitId ? { ownerUnitId: values.ownerUnitId } : {}),
    participatingUnitIds: values.participatingUnitIds ?? [],
    channelCodes: values.channelCodes ?? [],
    goals: (values.goals ?? []).map((g) => ({ metric: g.metric!, target: g.target ?? 0 })),
  };
}

/** Only what changed is sent with an edit, with the version the user saw. */
function changedFields(campaign: TCampaignDetail, values: Values): TUpdateCampaignRequest {
  const next = toRequest(values);
  const before: Record<keyof TCreateCampaignRequest, unknown> = {
    name: campaign.name,
    description: campaign.description,
    startsOn: campaign.startsOn,
    endsOn: campaign.endsOn,
    ownerUnitId: campaign.ownerUnit.id,
    participatingUnitIds: campaign.participatingUnits.map((u) => u.id),
    channelCodes: campaign.channelCodes,
    goals: campaign.goals,
  };
  const patch: TUpdateCampaignRequest = { version: campaign.version };
  for (const [key, value] of Object.entries(next) as [keyof TCreateCampaignRequest, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) Object.assign(patch, { [key]: value });
  }
  return patch;
}

interface Props {
  /** The campaign to edit; null to create one. */
  campaign: TCampaignDetail | null;
  onClose: () => void;
  onSaved: (campaign: TCampaignDetail) => void;
}

/** Creates or edits a campaign; every field is checked as the user types, with the contract's rules. */
export function CampaignFormDrawer({ campaign, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const startsOn = Form.useWatch('startsOn', form);
  const { year } = useGuidanceYear(startsOn?.isValid() ? day(startsOn) : dayjs().format('YYYY-MM-DD'));

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      campaign ? updateCampaign(campaign.id, changedFields(campaign, values)) : createCampaign(toRequest(values)),
    onSuccess: async (saved) => {
      message.success(campaign ? t('common.saved') : t('campaigns.created', { name: saved.name }));
      await queryClient.invalidateQueries({ queryKey: campaignKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<Values> = campaign
    ? {
        name: campaign.name,
        description: campaign.description,
        startsOn: dayjs(campaign.startsOn),
        endsOn: dayjs(campaign.endsOn),
        ownerUnitId: campaign.ownerUnit.id,
        participatingUnitIds: campaign.participatingUnits.map((u) => u.id),
        channelCodes: campaign.channelCodes,
        goals: campaign.goals,
      }
    : { ownerUnitId: user.orgUnit.id, participatingUnitIds: [], channelCodes: [], goals: [{ metric: 'products' }] };

  const required = { required: true, message: fieldMessage('validation.required', locale) };

  return (
    <Drawer
      open
      size={760}
      title={campaign ? t('campaigns.editTitle', { name: campaign.name }) : t('campaigns.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="name"
          label={t('campaigns.field.name')}
          rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('campaigns.field.description')}
          rules={[schemaRule(shape.description, locale)]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="startsOn" label={t('campaigns.field.startsOn')} rules={[required]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="endsOn"
              label={t('campaigns.field.endsOn')}
              dependencies={['startsOn']}
              rules={[
                required,
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null) => {
                    const start = getFieldValue('startsOn') as Dayjs | null;
                    if (!start || !value) return;
                    const problem = campaignPeriodProblem(day(start), day(value));
                    if (problem) throw new Error(fieldMessage(problem.code, locale));
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ownerUnitId" label={t('campaigns.field.ownerUnit')} rules={[required]}>
              <OrgUnitTreeSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="channelCodes" label={t('campaigns.field.channels')}>
              <GuidanceCodeSelect year={year} segment="channels" mode="multiple" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="participatingUnitIds"
          label={t('campaigns.field.participatingUnits')}
          extra={t('campaigns.field.participatingHint')}
        >
          <CampaignUnitSelect known={campaign?.participatingUnits ?? []} />
        </Form.Item>
        <Form.Item label={t('campaigns.field.goals')} required={false}>
          <Form.List name="goals">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} align="baseline">
                    <Form.Item
                      name={[field.name, 'metric']}
                      rules={[
                        required,
                        ({ getFieldValue }) => ({
                          validator: async (_rule, value?: TCampaignMetric) => {
                            const goals = (getFieldValue('goals') as Values['goals']) ?? [];
                            if (value && goals.filter((g) => g?.metric === value).length > 1)
                              throw new Error(fieldMessage('validation.duplicate', locale));
                          },
                        }),
                      ]}
                      style={{ flex: 1 }}
                    >
                      <Select<TCampaignMetric>
                        aria-label={t('campaigns.field.metric')}
                        placeholder={t('campaigns.field.metric')}
                        options={CAMPAIGN_METRICS.map((m) => ({ value: m, label: CAMPAIGN_METRIC_LABELS[m][locale] }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'target']}
                      rules={[required, schemaRule(ZCampaignGoal.shape.target, locale)]}
                    >
                      <InputNumber<number>
                        aria-label={t('campaigns.field.target')}
                        placeholder={t('campaigns.field.target')}
                        min={1}
                        precision={0}
                        style={{ width: 160 }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<MinusCircleOutlined />}
                      aria-label={t('campaigns.removeGoal')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                {fields.length < CAMPAIGN_METRICS.length && (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="campaign-add-goal">
                    {t('campaigns.addGoal')}
                  </Button>
                )}
              </>
            )}
          </Form.List>
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="campaign-save">
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
