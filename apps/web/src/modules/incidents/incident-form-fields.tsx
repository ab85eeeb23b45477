import {
  INCIDENT_FALSITY,
  INCIDENT_FALSITY_LABELS,
  INCIDENT_REACH,
  INCIDENT_REACH_LABELS,
  INCIDENT_SEVERITIES,
  INCIDENT_SEVERITY_LABELS,
  suggestSeverity,
  ZCreateIncidentRequest,
  type TIncidentSeverity,
} from '@loa/contracts';
import {
  Card,
  Checkbox,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Select,
  Typography,
  type FormRule,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n/i18n';
import { requiredRule, schemaRule } from '../../shared/validation';
import type { IncidentFormValues } from './incident-form';
import { IncidentUnitSelect, SavedQuerySelect } from './incident-pickers';
import { SeverityTag } from './incident-tags';
import { BLANK_GUIDE, guideOf } from './incident-form';
import type { UnitRef } from './incident-values';

/** The form's own values: deadlines are date-time pickers. */
export type IncidentFormState = Omit<IncidentFormValues, 'assessDueAt' | 'respondDueAt'> & {
  assessDueAt?: Dayjs | null;
  respondDueAt?: Dayjs | null;
};

const shape = ZCreateIncidentRequest.shape;
const DATE_TIME = 'DD/MM/YYYY HH:mm';

interface Props {
  /** The due times the case has now (edit): left as they are, they are not checked against the clock. */
  currentDue?: { assess: string | null; respond: string | null };
  /** Units already on the case or its alert, shown by name in the pickers. */
  knownUnits?: readonly UnitRef[];
}

/** Title, description, the severity guide with its live suggestion, units, the linked query and deadlines. */
export function IncidentFormFields({ currentDue, knownUnits = [] }: Props) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance<IncidentFormState>();
  const reach = Form.useWatch('reach', form) ?? BLANK_GUIDE.reach;
  const falsity = Form.useWatch('falsity', form) ?? BLANK_GUIDE.falsity;
  const officialsNamed = Form.useWatch('officialsNamed', form) ?? false;
  const legalRisk = Form.useWatch('legalRisk', form) ?? false;
  const suggested = suggestSeverity(guideOf({ reach, falsity, officialsNamed, legalRisk }));

  // A deadline the officer sets must lie ahead; one left as it was is the server's business.
  const futureRule = (current: string | null | undefined): FormRule => ({
    validator: async (_rule, value: Dayjs | null | undefined) => {
      if (!value) return;
      if (current && value.isSame(dayjs(current), 'minute')) return;
      if (!value.isAfter(dayjs())) throw new Error(t('incidents.validation.future'));
    },
  });
  const pastDay = (day: Dayjs) => day.isBefore(dayjs(), 'day');

  return (
    <Row gutter={16}>
      <Col span={24}>
        <Form.Item
          name="title"
          label={t('incidents.field.title')}
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input autoComplete="off" maxLength={300} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="description"
          label={t('incidents.field.description')}
          rules={[schemaRule(shape.description, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Card
          size="small"
          title={t('incidents.guide.title')}
          style={{ marginBottom: 16 }}
          role="group"
          aria-label={t('incidents.guide.title')}
        >
          <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
            {t('incidents.guide.hint')}
          </Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="reach" label={t('incidents.guide.reach')}>
                <Radio.Group
                  aria-label={t('incidents.guide.reach')}
                  options={INCIDENT_REACH.map((value) => ({ value, label: INCIDENT_REACH_LABELS[value][locale] }))}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="falsity" label={t('incidents.guide.falsity')}>
                <Radio.Group
                  aria-label={t('incidents.guide.falsity')}
                  options={INCIDENT_FALSITY.map((value) => ({ value, label: INCIDENT_FALSITY_LABELS[value][locale] }))}
                  style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="officialsNamed" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('incidents.guide.officialsNamed')}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="legalRisk" valuePropName="checked" style={{ marginBottom: 8 }}>
                <Checkbox>{t('incidents.guide.legalRisk')}</Checkbox>
              </Form.Item>
            </Col>
          </Row>
          <Flex gap={8} align="center" wrap aria-live="polite" data-testid="incident-suggested-severity">
            <Typography.Text strong>{t('incidents.guide.suggested')}</Typography.Text>
            <SeverityTag severity={suggested} />
          </Flex>
        </Card>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name="severity" label={t('incidents.field.severity')} extra={t('incidents.field.severityHint')}>
          <Select<TIncidentSeverity | null>
            allowClear
            placeholder={t('incidents.field.severityAsSuggested', {
              label: INCIDENT_SEVERITY_LABELS[suggested][locale],
            })}
            options={INCIDENT_SEVERITIES.map((value) => ({ value, label: INCIDENT_SEVERITY_LABELS[value][locale] }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="owningUnitId"
          label={t('incidents.field.owningUnit')}
          rules={[{ required: true, message: t('incidents.validation.owningUnit') }]}
        >
          <IncidentUnitSelect purpose="owning" known={knownUnits} allowClear={false} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item
          name="supportingUnitIds"
          label={t('incidents.field.supportingUnits')}
          dependencies={['owningUnitId']}
          rules={[
            schemaRule(shape.supportingUnitIds, locale),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string[] | undefined) => {
                if (value?.includes(getFieldValue('owningUnitId') as string))
                  throw new Error(t('incidents.validation.supportingIsOwner'));
              },
            }),
          ]}
        >
          <IncidentUnitSelect purpose="supporting" mode="multiple" known={knownUnits} />
        </Form.Item>
      </Col>
      <Col span={24}>
        <Form.Item name="queryId" label={t('incidents.field.query')} extra={t('incidents.field.queryHint')}>
          <SavedQuerySelect />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="assessDueAt"
          label={t('incidents.field.assessDueAt')}
          extra={currentDue ? undefined : t('incidents.field.dueHint')}
          rules={[futureRule(currentDue?.assess)]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME}
            disabledDate={pastDay}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item
          name="respondDueAt"
          label={t('incidents.field.respondDueAt')}
          extra={currentDue ? undefined : t('incidents.field.dueHint')}
          rules={[futureRule(currentDue?.respond)]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format={DATE_TIME}
            disabledDate={pastDay}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
