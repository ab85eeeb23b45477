import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_PARTNER_LABELS,
  EVENT_PARTNERS,
  EVENT_SEGMENT_LABELS,
  EVENT_SEGMENTS,
  ZCreateEventRequest,
  type TCreateEventRequest,
  type TEvent,
  type TEventKind,
  type TEventPartner,
  type TEventSegment,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { useDebouncedValue } from '../../shared/use-debounced-value';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { AgentPlaceSelect } from '../agents/agent-place-select';
import { agentKeys, listPlaces } from '../agents/agents.api';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { GuidanceCodeSelect, useGuidanceYear } from '../calendar/calendar-pickers';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { findActiveRestrictions, restrictionKeys } from '../restrictions/restrictions.api';
import { createEvent, eventKeys, updateEvent } from './events.api';

/** "Required" for values that are not text (dates, lists): the shared rule's whitespace check is for text. */
const pickedRule = (locale: 'vi' | 'en') => ({ required: true, message: fieldMessage('validation.required', locale) });

interface Values {
  kind: TEventKind;
  title: string;
  orgUnitId: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  provinceCode?: string;
  districtCode?: string;
  communeCode?: string;
  address?: string;
  segments: TEventSegment[];
  themeCodes: string[];
  partners: TEventPartner[];
  partnerNote?: string;
  plannedAttendance?: number | null;
  costVnd?: number | null;
  note?: string;
  overrideReason?: string;
}

const FIELDS = [
  'kind',
  'title',
  'orgUnitId',
  'startsAt',
  'endsAt',
  'provinceCode',
  'districtCode',
  'communeCode',
  'address',
  'segments',
  'themeCodes',
  'partners',
  'partnerNote',
  'plannedAttendance',
  'costVnd',
  'note',
] as const;
const shape = ZCreateEventRequest.shape;

function toRequest(values: Values): TCreateEventRequest {
  const reason = values.overrideReason?.trim();
  return {
    kind: values.kind,
    title: values.title.trim(),
    orgUnitId: values.orgUnitId,
    startsAt: values.startsAt.toDate().toISOString(),
    endsAt: values.endsAt ? values.endsAt.toDate().toISOString() : null,
    provinceCode: values.provinceCode ?? null,
    districtCode: values.districtCode ?? null,
    communeCode: values.communeCode ?? null,
    address: cleanText(values.address),
    segments: values.segments ?? [],
    themeCodes: values.themeCodes ?? [],
    partners: values.partners ?? [],
    partnerNote: cleanText(values.partnerNote),
    plannedAttendance: values.plannedAttendance ?? null,
    costVnd: values.costVnd ?? null,
    note: cleanText(values.note),
    ...(reason ? { override: { reason } } : {}),
  };
}

function initialValues(event: TEvent | null, unitId: string): Partial<Values> {
  if (!event) return { kind: 'dialogue', orgUnitId: unitId, segments: [], themeCodes: [], partners: [] };
  return {
    kind: event.kind,
    title: event.title,
    orgUnitId: event.orgUnit.id,
    startsAt: dayjs(event.startsAt),
    endsAt: event.endsAt ? dayjs(event.endsAt) : null,
    provinceCode: event.province?.code,
    districtCode: event.district?.code,
    communeCode: event.commune?.code,
    address: event.address ?? undefined,
    segments: event.segments,
    themeCodes: event.themeCodes,
    partners: event.partners,
    partnerNote: event.partnerNote ?? undefined,
    plannedAttendance: event.plannedAttendance,
    costVnd: event.costVnd,
    note: event.note ?? undefined,
  };
}

interface Props {
  /** The event to edit; null to plan one. */
  event: TEvent | null;
  onClose: () => void;
}

/**
 * Plans or edits a direct event. As the officer types, it asks which restrictions block this form at the
 * organising unit at that time and shows them; a leader can go ahead with a written reason.
 */
export function EventFormDrawer({ event, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isLeader = hasAnyRole(user, ['leader', 'admin']);
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form) as TEventKind | undefined;
  const unitId = Form.useWatch('orgUnitId', form) as string | undefined;
  const startsAt = Form.useWatch('startsAt', form) as Dayjs | undefined;
  const province = Form.useWatch('provinceCode', form) as string | undefined;
  const district = Form.useWatch('districtCode', form) as string | undefined;
  const at = useDebouncedValue(startsAt?.isValid() ? startsAt.toDate().toISOString() : '', 300);
  const { year } = useGuidanceYear(startsAt?.isValid() ? startsAt.format('YYYY-MM-DD') : dayjs().format('YYYY-MM-DD'));

  const blocking = useQuery({
    queryKey: restrictionKeys.active(unitId ?? '', at, kind ?? 'dialogue'),
    queryFn: () => findActiveRestrictions(unitId!, at, kind!),
    enabled: Boolean(unitId && at && kind),
  });
  const restrictions = blocking.data ?? [];
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
      return event ? updateEvent(event.id, { ...request, version: event.version }) : createEvent(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: eventKeys.all });
      message.success(event ? t('common.saved') : t('events.created', { title: saved.title }));
      onClose();
      if (!event) void navigate(`/events/${saved.id}`);
    },
    onError: (error) => setFormError(formErrorText(form, error, [...FIELDS, 'override'], t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={event ? t('events.editTitle', { title: event.title }) : t('events.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="event-save">
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && (
        <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} data-testid="event-form-error" />
      )}
      {restrictions.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="event-restricted"
          title={t('events.restricted.title')}
          description={
            <>
              {restrictions.map((r) => (
                <div key={r.id}>
                  {t('events.restricted.item', {
                    area: r.orgUnit.name,
                    from: formatDate(r.startsOn),
                    to: r.endsOn ? formatDate(r.endsOn) : t('restrictions.untilLifted'),
                    basis: [r.regulation?.number, r.basisText].filter(Boolean).join('; '),
                  })}
                </div>
              ))}
              {!isLeader && <div>{t('events.restricted.officer')}</div>}
            </>
          }
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues(event, user.orgUnit.id)}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        {isLeader && restrictions.length > 0 && (
          <Form.Item
            name="overrideReason"
            label={t('events.override.reason')}
            extra={t('events.override.hint')}
            rules={[requiredRule(locale), schemaRule(shape.override.unwrap().shape.reason, locale)]}
          >
            <Input.TextArea rows={2} data-testid="event-override-reason" />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item name="kind" label={t('events.field.kind')} rules={[requiredRule(locale)]}>
              <Select
                data-testid="event-kind"
                options={EVENT_KINDS.map((k) => ({ value: k, label: EVENT_KIND_LABELS[k][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={14}>
            <Form.Item name="orgUnitId" label={t('events.field.orgUnit')} rules={[requiredRule(locale)]}>
              <OrgUnitTreeSelect data-testid="event-unit" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="title"
          label={t('events.field.title')}
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input data-testid="event-title" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="startsAt" label={t('events.field.startsAt')} rules={[pickedRule(locale)]}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="DD/MM/YYYY HH:mm"
                style={{ width: '100%' }}
                data-testid="event-starts"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="endsAt"
              label={t('events.field.endsAt')}
              dependencies={['startsAt']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | null | undefined) => {
                    const start = getFieldValue('startsAt') as Dayjs | undefined;
                    return !value || !start || !value.isBefore(start)
                      ? Promise.resolve()
                      : Promise.reject(new Error(fieldMessage('validation.date_order', locale)));
                  },
                }),
              ]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="DD/MM/YYYY HH:mm" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary">{t('events.field.placeHint')}</Typography.Paragraph>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="provinceCode" label={t('events.field.province')}>
              <AgentPlaceSelect
                parent={null}
                data-testid="event-province"
                onChange={(value) =>
                  form.setFieldsValue({ provinceCode: value, districtCode: undefined, communeCode: undefined })
                }
              />
            </Form.Item>
          </Col>
          {hasDistricts && (
            <Col xs={24} md={8}>
              <Form.Item name="districtCode" label={t('events.field.district')}>
                <AgentPlaceSelect
                  parent={province}
                  level={2}
                  data-testid="event-district"
                  onChange={(value) => form.setFieldsValue({ districtCode: value, communeCode: undefined })}
                />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={8}>
            <Form.Item name="communeCode" label={t('events.field.commune')}>
              <AgentPlaceSelect parent={communeParent} level={3} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="address"
          label={t('events.field.address')}
          dependencies={['provinceCode']}
          rules={[
            schemaRule(shape.address, locale),
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                getFieldValue('provinceCode') || value?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('events.field.placeHint'))),
            }),
          ]}
        >
          <Input data-testid="event-address" />
        </Form.Item>
        <Form.Item name="segments" label={t('events.field.segments')}>
          <Select
            mode="multiple"
            options={EVENT_SEGMENTS.map((s) => ({ value: s, label: EVENT_SEGMENT_LABELS[s][locale] }))}
          />
        </Form.Item>
        <Form.Item name="themeCodes" label={t('events.field.themes')}>
          <GuidanceCodeSelect year={year} segment="themes" mode="multiple" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="partners" label={t('events.field.partners')}>
              <Select
                mode="multiple"
                options={EVENT_PARTNERS.map((p) => ({ value: p, label: EVENT_PARTNER_LABELS[p][locale] }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="partnerNote"
              label={t('events.field.partnerNote')}
              rules={[schemaRule(shape.partnerNote, locale)]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="plannedAttendance"
              label={t('events.field.plannedAttendance')}
              rules={[schemaRule(shape.plannedAttendance, locale)]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="costVnd" label={t('events.field.cost')} rules={[schemaRule(shape.costVnd, locale)]}>
              <InputNumber min={0} precision={0} step={100_000} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('events.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
