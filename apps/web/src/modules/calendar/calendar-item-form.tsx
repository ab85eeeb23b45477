import { DeleteOutlined } from '@ant-design/icons';
import {
  CALENDAR_STATUSES,
  ZCreateCalendarItemRequest,
  type TCalendarItem,
  type TCalendarStatus,
  type TEditScope,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Divider, Flex, Form, Input, Radio, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { PersonSelect } from '../users/person-select';
import { formatDay } from './calendar-days';
import { changesSomething, createRequest, updateRequest, type ItemDraft } from './calendar-item-request';
import { GuidanceCodeSelect, RegulationSelect, useGuidanceYear } from './calendar-pickers';
import { calendarKeys, createCalendarItem, deleteCalendarItem, updateCalendarItem } from './calendar.api';
import { RecurrenceFields, toRepeatForm, type RepeatValues } from './recurrence-fields';
import { defaultRepeat, fromRecurrence, toRecurrence } from './recurrence-form';
import { useScopeChoice } from './use-scope-choice';

interface Values {
  title: string;
  description?: string;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  ownerUnitId?: string;
  assigneeId?: string | null;
  status: TCalendarStatus;
  channelCode?: string | null;
  formCode?: string | null;
  themeCodes: string[];
  audienceCodes: string[];
  regulationId?: string | null;
  repeat: RepeatValues;
  scope: TEditScope;
}

const FIELDS = [
  'title',
  'description',
  'startsOn',
  'endsOn',
  'ownerUnitId',
  'assigneeId',
  'status',
  'channelCode',
  'formCode',
  'themeCodes',
  'audienceCodes',
  'regulationId',
  'recurrence',
] as const;
const shape = ZCreateCalendarItemRequest.shape;
const iso = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

function repeatValues(item: TCalendarItem | null, startsOn: string): RepeatValues {
  const form = item?.series ? fromRecurrence(item.series.recurrence, item.startsOn) : defaultRepeat(startsOn);
  return { ...form, until: form.until ? dayjs(form.until) : null };
}

function toDraft(values: Values): ItemDraft {
  return {
    title: values.title.trim(),
    description: cleanText(values.description),
    startsOn: iso(values.startsOn) ?? '',
    endsOn: iso(values.endsOn),
    ownerUnitId: values.ownerUnitId ?? null,
    assigneeId: values.assigneeId ?? null,
    status: values.status,
    channelCode: values.channelCode ?? null,
    formCode: values.formCode ?? null,
    themeCodes: values.themeCodes,
    audienceCodes: values.audienceCodes,
    regulationId: values.regulationId ?? null,
  };
}

interface Props {
  /** The item to edit; null to add one on `defaultDate`. */
  item: TCalendarItem | null;
  defaultDate: string;
  onClose: () => void;
  onOpenRegulation: (id: string) => void;
}

/** Adds or edits an editorial item: every field is checked as the user types; series ask which occurrences. */
export function CalendarItemForm({ item, defaultDate, onClose, onOpenRegulation }: Props) {
  const { t, locale } = useI18n();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const { ask, dialog } = useScopeChoice();
  const [formError, setFormError] = useState<string | null>(null);
  const [initialRepeat] = useState(() => repeatValues(item, defaultDate));
  const startsOn = iso(Form.useWatch('startsOn', form)) ?? item?.startsOn ?? defaultDate;
  const ownerUnitId = Form.useWatch('ownerUnitId', form);
  const catalog = useGuidanceYear(startsOn);
  // An item keeps the catalog it was planned with; a new one takes the catalog in force on its start date.
  const year = item?.guidanceYear ?? catalog.year;
  const custom =
    item?.series && fromRecurrence(item.series.recurrence, item.startsOn).kind === 'custom'
      ? item.series.recurrence
      : null;

  const done = async (text: string, deleted = false) => {
    message.success(text);
    if (deleted) {
      // The item is gone: refresh the views, not the drawer's own query (it would answer "not found").
      onClose();
      await queryClient.invalidateQueries({ queryKey: calendarKeys.lists });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: calendarKeys.all });
    onClose();
  };
  const fail = (error: unknown) => setFormError(formErrorText(form, error, FIELDS, t));

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const draft = toDraft(values);
      const repeat = toRepeatForm(values.repeat, custom);
      const rule = toRecurrence(repeat, draft.startsOn);
      if (!item) return createCalendarItem(createRequest(draft, year, rule));
      const changed = JSON.stringify(values.repeat) !== JSON.stringify(initialRepeat);
      const patch = updateRequest(item, draft, { changed, rule }, values.scope);
      return changesSomething(patch) ? updateCalendarItem(item.id, patch) : item;
    },
    onSuccess: (saved) => {
      const key = item ? 'calendar.saved' : saved.series ? 'calendar.createdSeries' : 'calendar.created';
      return done(t(key, { title: saved.title }));
    },
    onError: fail,
  });

  const remove = useMutation({
    mutationFn: (scope: TEditScope) => deleteCalendarItem(item!.id, item!.version, scope),
    onSuccess: () => done(t('calendar.deleted', { title: item!.title }), true),
    onError: fail,
  });

  const confirmDelete = async () => {
    if (!item) return;
    if (item.series) {
      const scope = await ask({
        title: t('calendar.scope.deleteTitle'),
        text: t('calendar.scope.deleteText', { title: item.title, date: formatDay(item.startsOn) }),
        futureAllowed: true,
        danger: true,
      });
      if (scope) remove.mutate(scope);
      return;
    }
    modal.confirm({
      title: t('calendar.deleteConfirm', { title: item.title }),
      content: t('calendar.deleteExplain'),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () => remove.mutateAsync('one'),
    });
  };

  const initialValues: Values = {
    title: item?.title ?? '',
    description: item?.description ?? '',
    startsOn: dayjs(item?.startsOn ?? defaultDate),
    endsOn: item?.endsOn ? dayjs(item.endsOn) : null,
    ownerUnitId: item?.ownerUnit.id ?? user.orgUnit.id,
    assigneeId: item?.assignee?.id ?? null,
    status: item?.status ?? 'planned',
    channelCode: item?.channelCode ?? null,
    formCode: item?.formCode ?? null,
    themeCodes: item?.themeCodes ?? [],
    audienceCodes: item?.audienceCodes ?? [],
    regulationId: item?.regulation?.id ?? null,
    repeat: initialRepeat,
    scope: 'one',
  };

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    // The assignee must work in the owner unit's subtree; the presets of a rule follow the start date.
    if ('ownerUnitId' in changed) form.setFieldValue('assigneeId', null);
    if (changed.startsOn && all.repeat.kind === 'none') {
      form.setFieldValue('repeat', { ...defaultRepeat(changed.startsOn.format('YYYY-MM-DD')), until: null });
    }
  };
  const repeatNow = Form.useWatch<RepeatValues | undefined>('repeat', { form, preserve: true });
  const repeatChanged = JSON.stringify(repeatNow ?? initialRepeat) !== JSON.stringify(initialRepeat);

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={() => {
        setFormError(null);
        // Every value, also those of repeat fields not shown for the chosen kind (their presets are kept).
        save.mutate(form.getFieldsValue(true) as Values);
      }}
    >
      <Form.Item
        name="title"
        label={t('calendar.field.title')}
        rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
      >
        <Input autoComplete="off" maxLength={300} />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item
            name="startsOn"
            label={t('calendar.field.startsOn')}
            rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="endsOn"
            label={t('calendar.field.endsOn')}
            extra={t('calendar.field.endsOnHint')}
            dependencies={['startsOn']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: Dayjs | null | undefined) => {
                  const start = getFieldValue('startsOn') as Dayjs | null | undefined;
                  if (value && start && value.isBefore(start, 'day'))
                    throw new Error(fieldMessage('validation.date_order', locale));
                },
              }),
            ]}
          >
            <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="status" label={t('calendar.field.status')}>
            <Select<TCalendarStatus>
              options={CALENDAR_STATUSES.map((status) => ({ value: status, label: t(`calendar.status.${status}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="ownerUnitId"
            label={t('calendar.field.ownerUnit')}
            rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
          >
            <OrgUnitTreeSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="assigneeId" label={t('calendar.field.assignee')}>
            <PersonSelect orgUnitId={ownerUnitId} current={item?.assignee ?? null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="channelCode" label={t('calendar.field.channel')}>
            <GuidanceCodeSelect year={year} segment="channels" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="formCode" label={t('calendar.field.form')}>
            <GuidanceCodeSelect year={year} segment="forms" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="themeCodes"
            label={t('calendar.field.themes')}
            rules={[schemaRule(shape.themeCodes, locale)]}
          >
            <GuidanceCodeSelect year={year} segment="themes" mode="multiple" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="audienceCodes"
            label={t('calendar.field.audiences')}
            rules={[schemaRule(shape.audienceCodes, locale)]}
          >
            <GuidanceCodeSelect year={year} segment="audiences" mode="multiple" />
          </Form.Item>
        </Col>
      </Row>
      {year !== undefined && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('calendar.filter.catalogYear', { year })}
        </Typography.Paragraph>
      )}
      {catalog.missing && (
        <Alert type="warning" showIcon title={t('calendar.guidanceMissing')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="regulationId" label={t('calendar.field.regulation')}>
        <RegulationSelect current={item?.regulation ?? null} />
      </Form.Item>
      {item?.regulation && (
        <Button
          type="link"
          style={{ padding: 0, marginTop: -16, marginBottom: 8 }}
          onClick={() => onOpenRegulation(item.regulation!.id)}
        >
          {t('calendar.openRegulation', { number: item.regulation.number })}
        </Button>
      )}
      <Form.Item
        name="description"
        label={t('calendar.field.description')}
        rules={[schemaRule(shape.description, locale)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} showCount maxLength={5000} />
      </Form.Item>
      <Divider titlePlacement="start">{t('calendar.repeat.title')}</Divider>
      <RecurrenceFields startsOn={startsOn} custom={custom} allowNone={!item?.series} />
      {item?.series && (
        <Form.Item
          name="scope"
          label={t('calendar.scope.label')}
          extra={repeatChanged ? t('calendar.repeat.changesFuture') : undefined}
        >
          <Radio.Group
            disabled={repeatChanged}
            options={[
              { value: 'one', label: t('calendar.scope.one') },
              { value: 'future', label: t('calendar.scope.future') },
            ]}
          />
        </Form.Item>
      )}
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Flex gap={8} justify="space-between" wrap>
        <div>
          {item && (
            <Button
              danger
              icon={<DeleteOutlined />}
              loading={remove.isPending}
              onClick={() => void confirmDelete()}
              data-testid="calendar-item-delete"
            >
              {t('common.delete')}
            </Button>
          )}
        </div>
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="calendar-item-submit">
            {item ? t('common.save') : t('calendar.create')}
          </Button>
        </Flex>
      </Flex>
      {dialog}
    </Form>
  );
}
