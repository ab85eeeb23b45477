import { WEEKDAYS, type TRecurrence, type TWeekday } from '@loa/contracts';
import { Alert, Checkbox, Col, DatePicker, Form, InputNumber, Radio, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useI18n } from '../../app/i18n/i18n';
import { fieldMessage } from '../../shared/validation';
import { isDay } from './calendar-days';
import { REPEAT_ENDS, REPEAT_KINDS, toRecurrence, type RepeatForm, type RepeatKind } from './recurrence-form';
import { describeRecurrence } from './recurrence-text';

/** The repeat part of the item form, as antd keeps it (the end date as a Dayjs). */
export type RepeatValues = Omit<RepeatForm, 'until' | 'custom'> & { until: Dayjs | null };

export function toRepeatForm(values: RepeatValues, custom: TRecurrence | null): RepeatForm {
  return { ...values, until: values.until ? values.until.format('YYYY-MM-DD') : null, custom };
}

const NTHS = [1, 2, 3, 4, 5, -1] as const;
const MONTH_DAYS = [...Array.from({ length: 31 }, (_, i) => i + 1), -1];

interface Props {
  /** The form's start date (yyyy-mm-dd), which plain rules repeat. */
  startsOn: string | undefined;
  /** The series' current rule when the form cannot show it (kept unless another kind is chosen). */
  custom: TRecurrence | null;
  /** Whether "does not repeat" may be chosen (not for an occurrence of a series: delete the rest instead). */
  allowNone: boolean;
}

/**
 * Recurrence: none, yearly, monthly on day N or on the nth weekday, weekly on chosen days; every n periods; until
 * a day or a number of times. Shows the rule in words as it is built.
 */
export function RecurrenceFields({ startsOn, custom, allowNone }: Props) {
  const { t, locale } = useI18n();
  const form = Form.useFormInstance();
  const values = Form.useWatch<RepeatValues | undefined>('repeat', { form, preserve: true });
  const kind: RepeatKind = values?.kind ?? 'none';
  const kinds = REPEAT_KINDS.filter((k) => (k !== 'none' || allowNone) && (k !== 'custom' || custom !== null));
  const unit = (k: RepeatKind): 'yearly' | 'monthly' | 'weekly' => {
    if (k === 'custom') return custom?.freq === 'WEEKLY' ? 'weekly' : custom?.freq === 'MONTHLY' ? 'monthly' : 'yearly';
    return k === 'yearly' ? 'yearly' : k === 'weekly' ? 'weekly' : 'monthly';
  };

  const rule = values && isDay(startsOn) ? toRecurrence(toRepeatForm(values, custom), startsOn) : null;
  const ordinal = (nth: number) =>
    nth < 0 ? t('calendar.ordinal.last') : t(`calendar.ordinal.${nth as 1 | 2 | 3 | 4 | 5}`);

  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={14}>
          <Form.Item name={['repeat', 'kind']} label={t('calendar.repeat.kind')}>
            <Select<RepeatKind> options={kinds.map((k) => ({ value: k, label: t(`calendar.repeat.${k}`) }))} />
          </Form.Item>
        </Col>
        {kind !== 'none' && (
          <Col xs={24} md={10}>
            <Form.Item
              name={['repeat', 'interval']}
              label={t('calendar.repeat.interval')}
              rules={[
                {
                  required: true,
                  type: 'integer',
                  min: 1,
                  max: 99,
                  message: fieldMessage('validation.invalid_recurrence', locale),
                },
              ]}
            >
              <InputNumber
                min={1}
                max={99}
                precision={0}
                suffix={t(`calendar.repeat.intervalUnit.${unit(kind)}`)}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        )}
      </Row>
      {kind === 'monthly_day' && (
        <Form.Item name={['repeat', 'monthDay']} label={t('calendar.repeat.monthDay')}>
          <Select<number>
            options={MONTH_DAYS.map((day) => ({
              value: day,
              label: day === -1 ? t('calendar.repeat.lastDay') : t('calendar.repeat.dayN', { day }),
            }))}
          />
        </Form.Item>
      )}
      {kind === 'monthly_weekday' && (
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name={['repeat', 'nth']} label={t('calendar.repeat.nth')}>
              <Select<number> options={NTHS.map((nth) => ({ value: nth, label: ordinal(nth) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name={['repeat', 'weekday']} label={t('calendar.repeat.weekday')}>
              <Select<TWeekday> options={WEEKDAYS.map((w) => ({ value: w, label: t(`calendar.weekday.${w}`) }))} />
            </Form.Item>
          </Col>
        </Row>
      )}
      {kind === 'weekly' && (
        <Form.Item
          name={['repeat', 'weekdays']}
          label={t('calendar.repeat.weekdays')}
          rules={[{ required: true, type: 'array', min: 1, message: t('calendar.repeat.pickWeekday') }]}
        >
          <Checkbox.Group options={WEEKDAYS.map((w) => ({ value: w, label: t(`calendar.weekday.${w}`) }))} />
        </Form.Item>
      )}
      {kind !== 'none' && (
        <Row gutter={16} align="bottom">
          <Col xs={24} md={12}>
            <Form.Item name={['repeat', 'end']} label={t('calendar.repeat.end')}>
              <Radio.Group
                options={REPEAT_ENDS.map((end) => ({ value: end, label: t(`calendar.repeat.end.${end}`) }))}
                optionType="button"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            {values?.end === 'until' && (
              <Form.Item
                name={['repeat', 'until']}
                label={t('calendar.repeat.until')}
                dependencies={['startsOn']}
                rules={[
                  { required: true, message: fieldMessage('validation.required', locale) },
                  ({ getFieldValue }) => ({
                    validator: async (_rule, value: Dayjs | null | undefined) => {
                      const start = getFieldValue('startsOn') as Dayjs | null | undefined;
                      if (value && start && value.isBefore(start, 'day'))
                        throw new Error(t('calendar.repeat.untilBeforeStart'));
                    },
                  }),
                ]}
              >
                <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
              </Form.Item>
            )}
            {values?.end === 'count' && (
              <Form.Item
                name={['repeat', 'count']}
                label={t('calendar.repeat.count')}
                rules={[
                  {
                    required: true,
                    type: 'integer',
                    min: 1,
                    max: 500,
                    message: fieldMessage('validation.invalid_recurrence', locale),
                  },
                ]}
              >
                <InputNumber min={1} max={500} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            )}
          </Col>
        </Row>
      )}
      {rule && isDay(startsOn) && (
        <Alert
          type="info"
          showIcon
          title={t('calendar.repeat.summary', { text: describeRecurrence(rule, startsOn, t) })}
          description={<Typography.Text type="secondary">{t('calendar.repeat.rruleHint')}</Typography.Text>}
          style={{ marginBottom: 16 }}
          data-testid="recurrence-summary"
        />
      )}
    </>
  );
}
