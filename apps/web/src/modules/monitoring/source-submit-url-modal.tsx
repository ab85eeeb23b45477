import { ZSubmitUrlRequest, type TIngestResponse, type TMonitoringSource } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule, schemaRule } from '../../shared/validation';
import { IngestReport } from './source-ingest-report';
import { sourceKeys, submitUrl } from './sources.api';

/** An officer submits one article's address: fetched politely, extracted, classified; the result is shown. */
export function SourceSubmitUrlModal({ source, onClose }: { source: TMonitoringSource | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ url: string }>();
  const [report, setReport] = useState<TIngestResponse | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const send = useMutation({
    mutationFn: (url: string) => submitUrl({ url, ...(source ? { sourceId: source.id } : {}) }),
    onSuccess: async (result) => {
      setReport(result);
      await queryClient.invalidateQueries({ queryKey: sourceKeys.all });
    },
    onError: (error) => setFormError(formErrorText(form, error, ['url', 'sourceId'], t)),
  });

  return (
    <Modal
      open
      width={820}
      title={source ? t('monSources.submit.titleFor', { name: source.name }) : t('monSources.submit.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Flex gap={8} justify="end">
          <Button onClick={onClose}>{report ? t('monSources.close') : t('common.cancel')}</Button>
          <Button type="primary" loading={send.isPending} onClick={() => form.submit()} data-testid="submit-url-save">
            {t('monSources.submit.submit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('monSources.submit.hint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          setFormError(null);
          setReport(null);
          send.mutate(values.url.trim());
        }}
      >
        <Form.Item
          name="url"
          label={t('monSources.submit.url')}
          rules={[requiredRule(locale), schemaRule(ZSubmitUrlRequest.shape.url, locale)]}
        >
          <Input inputMode="url" placeholder="https://" autoFocus data-testid="submit-url" />
        </Form.Item>
      </Form>
      {report && <IngestReport report={report} />}
    </Modal>
  );
}
