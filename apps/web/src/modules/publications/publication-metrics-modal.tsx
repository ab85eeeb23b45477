import {
  METRIC_CAPS,
  METRIC_LABELS,
  METRICS,
  type TMetric,
  type TMetricReading,
  type TPublication,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, InputNumber, Modal, Row, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDate, formatDateTime, vnCalendarDate } from '../../shared/format';
import { fieldMessage } from '../../shared/validation';
import { metricHistory, publicationKeys, recordMetrics } from './publications.api';

type FormValues = { readOn: Dayjs } & Partial<Record<TMetric, number | null>>;
const FIELDS = ['readOn', 'values'] as const;

/** Figures read by hand on one day (each checked as typed: whole, not negative, not absurd), and their history. */
export function PublicationMetricsModal({ publication, onClose }: { publication: TPublication; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const history = useQuery({
    queryKey: publicationKeys.metrics(publication.id),
    queryFn: () => metricHistory(publication.id),
  });
  const publishedOn = dayjs(vnCalendarDate(publication.publishedAt));

  const mutation = useMutation({
    mutationFn: (values: FormValues) => {
      const entries = METRICS.flatMap((metric) => {
        const value = values[metric];
        return value === null || value === undefined ? [] : [[metric, value] as const];
      });
      return recordMetrics(publication.id, {
        readOn: values.readOn.format('YYYY-MM-DD'),
        values: Object.fromEntries(entries),
      });
    },
    onSuccess: async () => {
      message.success(t('publications.metrics.saved'));
      await queryClient.invalidateQueries({ queryKey: publicationKeys.all });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      width={720}
      title={t('publications.metrics.title', { outlet: publication.outlet })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{ readOn: dayjs() }}
        onFinish={(values) => {
          setFormError(null);
          if (METRICS.every((m) => values[m] === null || values[m] === undefined)) {
            setFormError(t('publications.metrics.atLeastOne'));
            return;
          }
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="readOn"
          label={t('publications.metrics.readOn')}
          extra={t('publications.metrics.readOnHint')}
          rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
        >
          <DatePicker
            format="DD/MM/YYYY"
            disabledDate={(day) => day.isAfter(dayjs(), 'day') || day.isBefore(publishedOn, 'day')}
          />
        </Form.Item>
        <Row gutter={12}>
          {METRICS.map((metric) => (
            <Col key={metric} xs={12} md={8}>
              <Form.Item
                name={metric}
                label={METRIC_LABELS[metric][locale]}
                rules={[
                  {
                    validator: async (_rule, value: number | null | undefined) => {
                      if (value === null || value === undefined) return;
                      if (!Number.isInteger(value)) throw new Error(fieldMessage('validation.not_integer', locale));
                      if (value < 0) throw new Error(fieldMessage('validation.negative', locale));
                      if (value > METRIC_CAPS[metric])
                        throw new Error(fieldMessage('metric.absurd', locale, { maximum: METRIC_CAPS[metric] }));
                    },
                  },
                ]}
              >
                <InputNumber<number> style={{ width: '100%' }} precision={0} />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Typography.Title level={3} style={{ fontSize: 15 }}>
        {t('publications.metrics.history')}
      </Typography.Title>
      <Table<TMetricReading>
        size="small"
        loading={history.isLoading}
        dataSource={history.data ?? []}
        rowKey={(r) => `${r.readOn}-${r.metric}`}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('publications.metrics.noHistory') }}
        columns={[
          { title: t('publications.metrics.readOn'), dataIndex: 'readOn', render: (d: string) => formatDate(d) },
          {
            title: t('publications.metrics.metric'),
            dataIndex: 'metric',
            render: (m: TMetric) => METRIC_LABELS[m][locale],
          },
          {
            title: t('publications.metrics.value'),
            dataIndex: 'value',
            align: 'right',
            render: (v: number) => v.toLocaleString(locale),
          },
          {
            title: t('publications.metrics.source'),
            dataIndex: 'source',
            render: (s: TMetricReading['source']) => t(`publications.metrics.source.${s}`),
          },
          {
            title: t('publications.metrics.recordedBy'),
            key: 'by',
            render: (_: unknown, r) => `${r.recordedBy ?? ''} ${formatDateTime(r.recordedAt)}`.trim(),
          },
        ]}
      />
    </Modal>
  );
}
