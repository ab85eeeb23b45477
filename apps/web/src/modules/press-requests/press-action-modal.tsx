import {
  ANSWER_CHANNELS,
  ANSWER_CHANNEL_LABELS,
  type TAnswerChannel,
  type TPressRequestAction,
  type TPressRequestDetail,
} from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { PeopleSelect } from './people-select';
import {
  approvePressAnswer,
  declinePressRequest,
  draftPressAnswer,
  returnPressRequest,
  routePressRequest,
  sendPressAnswer,
} from './press-requests.api';
import { useRoutingUnits } from './use-routing-units';

interface Values {
  owningUnitId?: string;
  spokespersonId?: string;
  text?: string;
  sentOn?: Dayjs;
  channel?: TAnswerChannel;
}
const FIELDS = ['owningUnitId', 'spokespersonId', 'sentOn', 'channel'] as const;
/** One step of a press request: route, draft, approve, return, record the answer sent, or decline. */
export function PressActionModal(props: {
  step: TPressRequestAction;
  request: TPressRequestDetail;
  onClose: () => void;
  onSaved: (next: TPressRequestDetail) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const { step, request } = props;
  const version = request.version;
  const units = useRoutingUnits();
  const required = { required: true, whitespace: true, message: fieldMessage('validation.required', locale) };
  const textRequired = step === 'draft' || step === 'return' || step === 'decline';

  const save = useMutation({
    mutationFn: (values: Values) => {
      const text = values.text?.trim() ?? '';
      switch (step) {
        case 'route':
          return routePressRequest(request.id, {
            owningUnitId: values.owningUnitId!,
            spokespersonId: values.spokespersonId!,
            note: text,
            version,
          });
        case 'draft':
          return draftPressAnswer(request.id, { draftAnswer: text, version });
        case 'approve':
          return approvePressAnswer(request.id, { comment: text, version });
        case 'return':
          return returnPressRequest(request.id, { comment: text, version });
        case 'answer':
          return sendPressAnswer(request.id, {
            sentOn: values.sentOn!.format('YYYY-MM-DD'),
            channel: values.channel!,
            version,
          });
        case 'decline':
          return declinePressRequest(request.id, { reason: text, version });
      }
    },
    onSuccess: props.onSaved,
    // The text box's errors (named after the step by the server) show in the alert above the form.
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      title={t(`press.action.${step}`)}
      okText={t(`press.action.${step}`)}
      okButtonProps={{ 'data-testid': `press-${step}-submit` } as Record<`data-${string}`, string>}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      width={680}
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          owningUnitId: request.owningUnit?.id,
          spokespersonId: request.spokesperson?.id,
          text: step === 'draft' ? request.draftAnswer : '',
          sentOn: dayjs(),
          channel: 'email',
        }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        {step === 'route' && (
          <>
            <Form.Item name="owningUnitId" label={t('press.field.owningUnit')} rules={[required]}>
              <Select showSearch optionFilterProp="label" loading={units.loading} options={units.options} />
            </Form.Item>
            <Form.Item name="spokespersonId" label={t('press.field.spokesperson')} rules={[required]}>
              <PeopleSelect known={request.spokesperson ? [request.spokesperson] : []} />
            </Form.Item>
          </>
        )}
        {step === 'answer' && (
          <>
            <Form.Item name="sentOn" label={t('press.field.sentOn')} rules={[{ required: true }]}>
              <DatePicker format="DD/MM/YYYY" />
            </Form.Item>
            <Form.Item name="channel" label={t('press.field.channel')} rules={[{ required: true }]}>
              <Select<TAnswerChannel>
                options={ANSWER_CHANNELS.map((c) => ({ value: c, label: ANSWER_CHANNEL_LABELS[c][locale] }))}
              />
            </Form.Item>
          </>
        )}
        {step === 'approve' && <Typography.Paragraph>{t('press.approveHelp')}</Typography.Paragraph>}
        {step !== 'answer' && (
          <Form.Item
            name="text"
            label={t(
              step === 'route'
                ? 'press.field.note'
                : step === 'draft'
                  ? 'press.field.draftAnswer'
                  : step === 'decline'
                    ? 'press.field.reason'
                    : 'press.field.comment',
            )}
            rules={textRequired ? [required] : []}
          >
            <Input.TextArea rows={step === 'draft' ? 10 : 3} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
