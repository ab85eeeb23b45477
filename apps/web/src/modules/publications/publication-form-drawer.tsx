import {
  ONLINE_CHANNELS,
  PUBLICATION_CHANNEL_LABELS,
  PUBLICATION_CHANNELS,
  ZCreatePublicationRequest,
  type TProductDetail,
  type TPublication,
  type TPublicationChannel,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { changedFields, publishedAtProblem, toCreateRequest, urlProblem } from './publication-form';
import { createPublication, publicationKeys, updatePublication } from './publications.api';

const FIELDS = ['channel', 'outlet', 'url', 'publishedAt', 'note'] as const;
const shape = ZCreatePublicationRequest.shape;

interface FormValues {
  channel: TPublicationChannel;
  outlet: string;
  url: string | null;
  publishedAt: Dayjs | null;
  note: string | null;
}

interface Props {
  product: Pick<TProductDetail, 'id' | 'readyAt'>;
  /** The publication to edit; null to record a new one. */
  publication: TPublication | null;
  onClose: () => void;
}

/** Records or edits where and when a product went out; every field is checked as the officer types. */
export function PublicationFormDrawer({ product, publication, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const channel = Form.useWatch('channel', form) ?? publication?.channel;
  const approvedAt = product.readyAt ? formatDateTime(product.readyAt) : null;

  const mutation = useMutation({
    mutationFn: async (values: FormValues) => {
      const input = {
        channel: values.channel,
        outlet: values.outlet ?? '',
        url: values.url,
        publishedAt: values.publishedAt!.toDate().toISOString(),
        note: values.note,
      };
      return publication
        ? updatePublication(publication.id, changedFields(publication, input))
        : createPublication(toCreateRequest(product.id, input));
    },
    onSuccess: async () => {
      message.success(t(publication ? 'publications.saved' : 'publications.created'));
      await queryClient.invalidateQueries({ queryKey: publicationKeys.all });
      // The product's first publication publishes it.
      await queryClient.invalidateQueries({ queryKey: ['products'] });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<FormValues> = publication
    ? {
        channel: publication.channel,
        outlet: publication.outlet,
        url: publication.url,
        publishedAt: dayjs(publication.publishedAt),
        note: publication.note,
      }
    : { channel: 'press', publishedAt: null };

  return (
    <Drawer
      open
      size={640}
      title={t(publication ? 'publications.editTitle' : 'publications.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      {approvedAt && (
        <Alert
          type="info"
          showIcon
          title={t('publications.approvedAt', { date: approvedAt })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="channel" label={t('publications.field.channel')} rules={[requiredRule(locale)]}>
              <Select<TPublicationChannel>
                options={PUBLICATION_CHANNELS.map((value) => ({
                  value,
                  label: PUBLICATION_CHANNEL_LABELS[value][locale],
                }))}
                onChange={() => void form.validateFields(['url']).catch(() => undefined)}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="publishedAt"
              label={t('publications.field.publishedAt')}
              rules={[
                {
                  validator: async (_rule, value: Dayjs | null) => {
                    const code = publishedAtProblem(value?.toDate().toISOString(), product.readyAt, new Date());
                    if (code) throw new Error(fieldMessage(code, locale, { approvedAt: approvedAt ?? '' }));
                  },
                },
              ]}
            >
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="DD/MM/YYYY HH:mm"
                style={{ width: '100%' }}
                disabledDate={(day) =>
                  day.isAfter(dayjs(), 'day') || (product.readyAt ? day.isBefore(dayjs(product.readyAt), 'day') : false)
                }
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="outlet"
          label={t('publications.field.outlet')}
          extra={t('publications.field.outletHint')}
          validateFirst
          rules={[requiredRule(locale), schemaRule(shape.outlet, locale)]}
        >
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="url"
          label={t('publications.field.url')}
          extra={channel && ONLINE_CHANNELS.includes(channel) ? t('publications.field.urlHintOnline') : undefined}
          dependencies={['channel']}
          rules={[
            {
              validator: async (_rule, value: string | null) => {
                const code = urlProblem(form.getFieldValue('channel') as TPublicationChannel, value);
                if (code) throw new Error(fieldMessage(code, locale));
              },
            },
          ]}
        >
          <Input type="url" autoComplete="off" maxLength={2000} placeholder="https://" />
        </Form.Item>
        <Form.Item name="note" label={t('publications.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} showCount />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending}>
            {t('common.save')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
