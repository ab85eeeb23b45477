import type { TProductAppraisals } from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Drawer, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage } from '../../shared/validation';
import { requestAppraisal } from './appraisals.api';

interface Values {
  unitIds: string[];
  dueOn: Dayjs | null;
  note?: string;
}
const FIELDS = ['unitIds', 'dueOn', 'note'] as const;
/** The due date offered by default: a week from today. */
const DEFAULT_DAYS = 7;

/** "Đề nghị thẩm định": the owner asks central units, the units in charge of the themes preselected. */
export function RequestAppraisalDrawer(props: {
  productId: string;
  data: TProductAppraisals;
  onClose: () => void;
  onSaved: (next: TProductAppraisals) => void | Promise<void>;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const asked = new Set(props.data.appraisals.filter((a) => a.state !== 'withdrawn').map((a) => a.unit.id));
  const suggested = new Set(props.data.suggestedUnits.map((u) => u.id));
  const options = props.data.centralUnits
    .filter((unit) => !asked.has(unit.id))
    .map((unit) => ({
      value: unit.id,
      label: suggested.has(unit.id) ? `${unit.name} (${t('appraisals.suggested')})` : unit.name,
    }));

  const save = useMutation({
    mutationFn: (values: Values) =>
      requestAppraisal(props.productId, {
        unitIds: values.unitIds,
        dueOn: values.dueOn!.format('YYYY-MM-DD'),
        ...(cleanText(values.note) ? { note: cleanText(values.note)! } : {}),
      }),
    onSuccess: props.onSaved,
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      title={t('appraisals.requestTitle')}
      size={520}
      onClose={props.onClose}
      extra={
        <Space>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('appraisals.send')}
          </Button>
        </Space>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ unitIds: props.data.suggestedUnits.map((u) => u.id), dueOn: dayjs().add(DEFAULT_DAYS, 'day') }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Form.Item
          name="unitIds"
          label={t('appraisals.units')}
          extra={t('appraisals.unitsHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: fieldMessage('validation.required', locale) }]}
        >
          <Select mode="multiple" options={options} optionFilterProp="label" />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('appraisals.dueOn')}
          rules={[
            { required: true, message: fieldMessage('validation.required', locale) },
            {
              validator: async (_rule, value: Dayjs | null) => {
                if (value && value.isBefore(dayjs(), 'day'))
                  throw new Error(fieldMessage('validation.due_in_past', locale));
              },
            },
          ]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('appraisals.note')}
          rules={[{ max: 1000, message: fieldMessage('validation.too_long', locale, { maximum: 1000 }) }]}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
