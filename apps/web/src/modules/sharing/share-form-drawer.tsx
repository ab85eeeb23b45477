import {
  SHARE_METRICS,
  SHARE_NETWORK_LABELS,
  SHARE_NETWORKS,
  urlMatchesNetwork,
  webHost,
  ZCreateShareRequest,
  type TShare,
  type TShareNetwork,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDate, vnCalendarDate } from '../../shared/format';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { sharedOnProblem, toCreateRequest, toUpdateRequest, type ShareFormValues } from './share-form';
import { createShare, sharingKeys, updateShare } from './sharing.api';

type Values = Omit<ShareFormValues, 'sharedOn'> & { sharedOn: Dayjs | null };

const FIELDS = ['network', 'url', 'sharedOn', ...SHARE_METRICS] as const;
const shape = ZCreateShareRequest.shape;

interface Props {
  product: { id: string; title: string; readyAt: string | null };
  /** The share to edit; absent to record a new one. */
  share?: TShare;
  onClose: () => void;
}

/** "I shared this": network, link, date and, when known, the reach — validated as the officer types. */
export function ShareFormDrawer({ product, share, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const today = vnCalendarDate(new Date());
  const readyDay = product.readyAt ? vnCalendarDate(product.readyAt) : null;

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      const formValues = { ...values, sharedOn: values.sharedOn?.format('YYYY-MM-DD') ?? '' };
      if (!share) return createShare(product.id, toCreateRequest(formValues));
      const request = toUpdateRequest(formValues, share);
      return request ? updateShare(share.id, request) : share;
    },
    onSuccess: async () => {
      message.success(t(share ? 'sharing.saved' : 'sharing.recorded'));
      await queryClient.invalidateQueries({ queryKey: sharingKeys.all });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={share ? t('sharing.editTitle') : t('sharing.recordTitle', { title: product.title })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={mutation.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          network: share?.network ?? 'facebook',
          url: share?.url ?? '',
          sharedOn: dayjs(share?.sharedOn ?? today),
          views: share?.views ?? null,
          reactions: share?.reactions ?? null,
          comments: share?.comments ?? null,
          shares: share?.shares ?? null,
        }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item name="network" label={t('sharing.field.network')} rules={[requiredRule(locale)]}>
          <Select<TShareNetwork>
            options={SHARE_NETWORKS.map((value) => ({ value, label: SHARE_NETWORK_LABELS[value][locale] }))}
          />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('sharing.field.url')}
          dependencies={['network']}
          validateFirst
          rules={[
            requiredRule(locale),
            schemaRule(shape.url, locale),
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                const network = getFieldValue('network') as TShareNetwork;
                if (value && webHost(value) && !urlMatchesNetwork(network, value))
                  throw new Error(fieldMessage('validation.share_url_network', locale));
              },
            }),
          ]}
        >
          <Input inputMode="url" placeholder="https://www.facebook.com/…" />
        </Form.Item>
        <Form.Item
          name="sharedOn"
          label={t('sharing.field.sharedOn')}
          rules={[
            { required: true, message: fieldMessage('validation.required', locale) },
            {
              validator: async (_rule, value: Dayjs | null) => {
                const problem = value ? sharedOnProblem(value.format('YYYY-MM-DD'), today, readyDay) : null;
                if (problem) throw new Error(fieldMessage(problem, locale, { date: formatDate(readyDay) }));
              },
            },
          ]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(day) => {
              const value = day.format('YYYY-MM-DD');
              return sharedOnProblem(value, today, readyDay) !== null;
            }}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('sharing.reachHint')}</Typography.Paragraph>
        <Flex gap={12} wrap>
          {SHARE_METRICS.map((metric) => (
            <Form.Item
              key={metric}
              name={metric}
              label={t(`sharing.field.${metric}`)}
              rules={[schemaRule(shape[metric], locale)]}
            >
              <InputNumber min={0} precision={0} style={{ width: 160 }} />
            </Form.Item>
          ))}
        </Flex>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Drawer>
  );
}
