import { CheckCircleOutlined } from '@ant-design/icons';
import {
  EVENT_KIND_LABELS,
  EVENT_SEGMENT_LABELS,
  EVENT_SEGMENTS,
  ZCheckInRequest,
  type TCheckInRequest,
  type TCheckInResult,
} from '@loa/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { LangSwitch } from '../../app/layout/lang-switch';
import { errorText, formErrorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { checkIn, eventKeys, getPublicCheckIn } from './events.api';

/** A participant's phone after scanning the QR code: no login, a short form, counted once per phone number. */
export function PublicCheckInPage() {
  const { token = '' } = useParams();
  const { t, locale } = useI18n();
  const [form] = Form.useForm<TCheckInRequest>();
  const [result, setResult] = useState<TCheckInResult | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const event = useQuery({
    queryKey: eventKeys.publicCheckIn(token),
    queryFn: () => getPublicCheckIn(token),
    retry: false,
  });
  const send = useMutation({
    mutationFn: (values: TCheckInRequest) =>
      checkIn(token, {
        fullName: values.fullName.trim(),
        phone: cleanText(values.phone),
        sex: values.sex,
        segment: values.segment ?? null,
      }),
    onSuccess: (done) => {
      setResult(done);
      form.resetFields();
    },
    onError: (error) => setFormError(formErrorText(form, error, ['fullName', 'phone', 'sex', 'segment'], t)),
  });
  const shape = ZCheckInRequest.shape;

  return (
    <main style={{ maxWidth: 520, margin: '0 auto', padding: 16 }}>
      <Flex justify="space-between" align="center" style={{ marginBottom: 12 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('checkIn.title')}
        </Typography.Title>
        <LangSwitch />
      </Flex>
      {event.isLoading && <Spin />}
      {event.isError && <Alert type="error" showIcon title={errorText(event.error, t)} data-testid="check-in-error" />}
      {event.data && (
        <Card>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }} data-testid="check-in-event">
            {event.data.title}
          </Typography.Title>
          <Typography.Paragraph type="secondary">
            {EVENT_KIND_LABELS[event.data.kind][locale]} · {formatDateTime(event.data.startsAt)}
            <br />
            {event.data.place}
            <br />
            {t('checkIn.organiser', { name: event.data.organiser })}
          </Typography.Paragraph>
          {result ? (
            <Result
              icon={<CheckCircleOutlined />}
              status="success"
              title={t(result.counted ? 'checkIn.done' : 'checkIn.already')}
              extra={
                <Button onClick={() => setResult(null)} data-testid="check-in-another">
                  {t('checkIn.another')}
                </Button>
              }
              data-testid="check-in-done"
            />
          ) : (
            <>
              <Typography.Paragraph>{t('checkIn.intro')}</Typography.Paragraph>
              {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} />}
              <Form<TCheckInRequest>
                form={form}
                layout="vertical"
                onFinish={(values) => {
                  setFormError(null);
                  send.mutate(values);
                }}
              >
                <Form.Item
                  name="fullName"
                  label={t('checkIn.fullName')}
                  rules={[requiredRule(locale), schemaRule(shape.fullName, locale)]}
                >
                  <Input autoComplete="name" size="large" data-testid="check-in-name" />
                </Form.Item>
                <Form.Item name="phone" label={t('checkIn.phone')} rules={[schemaRule(shape.phone, locale)]}>
                  <Input inputMode="tel" autoComplete="tel" size="large" data-testid="check-in-phone" />
                </Form.Item>
                <Form.Item name="sex" label={t('checkIn.sex')} rules={[requiredRule(locale)]}>
                  <Radio.Group size="large" data-testid="check-in-sex">
                    <Radio.Button value="female">{t('checkIn.sex.female')}</Radio.Button>
                    <Radio.Button value="male">{t('checkIn.sex.male')}</Radio.Button>
                  </Radio.Group>
                </Form.Item>
                <Form.Item name="segment" label={t('checkIn.segment')}>
                  <Select
                    allowClear
                    size="large"
                    options={EVENT_SEGMENTS.map((s) => ({ value: s, label: EVENT_SEGMENT_LABELS[s][locale] }))}
                  />
                </Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  size="large"
                  block
                  loading={send.isPending}
                  data-testid="check-in-submit"
                >
                  {t('checkIn.submit')}
                </Button>
              </Form>
            </>
          )}
        </Card>
      )}
    </main>
  );
}
