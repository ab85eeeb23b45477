import {
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  ZLiftRestrictionRequest,
  type TEventKind,
  type TRestriction,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { RegulationSelect } from '../calendar/calendar-pickers';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { createRestriction, liftRestriction, restrictionKeys } from './restrictions.api';

/** "Required" for values that are not text (dates, lists): the shared rule's whitespace check is for text. */
const pickedRule = (locale: 'vi' | 'en') => ({ required: true, message: fieldMessage('validation.required', locale) });

interface CreateValues {
  orgUnitId: string;
  startsOn: Dayjs;
  endsOn?: Dayjs | null;
  regulationId?: string | null;
  basisText?: string;
  kinds: TEventKind[];
  note?: string;
}

const CREATE_FIELDS = ['orgUnitId', 'startsOn', 'endsOn', 'regulationId', 'basisText', 'kinds', 'note'] as const;

/** Declares a restriction: area, period, legal basis and the forms blocked (every direct form by default). */
export function RestrictionCreateModal({ onClose }: { onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<CreateValues>();
  const user = useCurrentUser();
  const [formError, setFormError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (values: CreateValues) =>
      createRestriction({
        orgUnitId: values.orgUnitId,
        startsOn: values.startsOn.format('YYYY-MM-DD'),
        endsOn: values.endsOn?.format('YYYY-MM-DD') ?? null,
        regulationId: values.regulationId ?? null,
        basisText: cleanText(values.basisText),
        kinds: values.kinds,
        note: cleanText(values.note),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: restrictionKeys.all });
      message.success(t('restrictions.created', { area: saved.orgUnit.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, CREATE_FIELDS, t)),
  });
  return (
    <Modal
      open
      title={t('restrictions.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      okButtonProps={{ id: 'restriction-save' }}
      width={640}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<CreateValues>
        form={form}
        layout="vertical"
        initialValues={{ kinds: [...EVENT_KINDS], orgUnitId: user.orgUnit.id }}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Form.Item name="orgUnitId" label={t('restrictions.field.area')} rules={[requiredRule(locale)]}>
          <OrgUnitTreeSelect data-testid="restriction-area" />
        </Form.Item>
        <Form.Item name="startsOn" label={t('restrictions.field.startsOn')} rules={[pickedRule(locale)]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid="restriction-starts" />
        </Form.Item>
        <Form.Item
          name="endsOn"
          label={t('restrictions.field.endsOn')}
          dependencies={['startsOn']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: Dayjs | null | undefined) => {
                const start = getFieldValue('startsOn') as Dayjs | undefined;
                return !value || !start || !value.isBefore(start, 'day')
                  ? Promise.resolve()
                  : Promise.reject(new Error(fieldMessage('validation.date_order', locale)));
              },
            }),
          ]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="regulationId" label={t('restrictions.field.regulation')}>
          <RegulationSelect />
        </Form.Item>
        <Form.Item
          name="basisText"
          label={t('restrictions.field.basisText')}
          dependencies={['regulationId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                getFieldValue('regulationId') || value?.trim()
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('restrictions.field.regulation'))),
            }),
          ]}
        >
          <Input data-testid="restriction-basis" />
        </Form.Item>
        <Form.Item name="kinds" label={t('restrictions.field.kinds')} rules={[pickedRule(locale)]}>
          <Select
            mode="multiple"
            options={EVENT_KINDS.map((kind) => ({ value: kind, label: EVENT_KIND_LABELS[kind][locale] }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('restrictions.field.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Records the lifting of a restriction with its reason. */
export function RestrictionLiftModal({ restriction, onClose }: { restriction: TRestriction; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const lift = useMutation({
    mutationFn: (reason: string) => liftRestriction(restriction.id, { version: restriction.version, reason }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: restrictionKeys.all });
      message.success(t('restrictions.lifted', { area: restriction.orgUnit.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, ['reason'], t)),
  });
  return (
    <Modal
      open
      title={t('restrictions.liftTitle', { area: restriction.orgUnit.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('restrictions.lift')}
      cancelText={t('common.cancel')}
      confirmLoading={lift.isPending}
      okButtonProps={{ id: 'restriction-lift-confirm' }}
      destroyOnHidden
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(values) => lift.mutate(values.reason.trim())}>
        <Form.Item
          name="reason"
          label={t('restrictions.liftReason')}
          rules={[requiredRule(locale), schemaRule(ZLiftRestrictionRequest.shape.reason, locale)]}
        >
          <Input.TextArea rows={3} data-testid="restriction-lift-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
