import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { LangSwitch } from '../../app/layout/lang-switch';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { checkInput } from './official-channels.api';
import { VerdictCard } from './verdict-card';

/** The text a citizen checks; the server answers for links, domains and phone numbers in it. */
export function CheckForm({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ input: string }>();
  const check = useMutation({ mutationFn: checkInput });
  const problem = check.error instanceof ApiError ? check.error.errors[0]?.message : undefined;
  return (
    <Flex vertical gap={16}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          if (values.input?.trim()) check.mutate(values.input.trim());
        }}
      >
        <Form.Item
          name="input"
          label={compact ? undefined : t('publicCheck.label')}
          validateStatus={problem ? 'error' : undefined}
          help={problem}
          style={{ marginBottom: 8 }}
        >
          <Input.TextArea
            autoSize={{ minRows: compact ? 1 : 2, maxRows: 8 }}
            maxLength={2000}
            aria-label={t('publicCheck.label')}
            placeholder={compact ? t('channels.check.placeholder') : t('publicCheck.placeholder')}
            data-testid="check-input"
            onPressEnter={(event) => {
              if (!event.shiftKey) {
                event.preventDefault();
                form.submit();
              }
            }}
          />
        </Form.Item>
        <Button
          type="primary"
          size={compact ? 'middle' : 'large'}
          block={!compact}
          htmlType="submit"
          loading={check.isPending}
          data-testid="check-submit"
        >
          {t('publicCheck.submit')}
        </Button>
      </Form>
      {check.isError && !problem && (
        <Alert type="error" showIcon title={errorText(check.error, t) || t('publicCheck.failed')} />
      )}
      {check.data && <VerdictCard result={check.data} />}
    </Flex>
  );
}

/**
 * Kiểm tra — the citizens' page, without login: paste a link, domain, phone number or message and learn whether it
 * is an official channel of the agency, a reported fake, a look-alike of one (and which), or unknown.
 */
export function PublicCheckPage() {
  const { t } = useI18n();
  return (
    <main style={{ maxWidth: 640, margin: '0 auto', padding: '16px 12px 32px' }}>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          <SafetyCertificateOutlined aria-hidden /> {t('publicCheck.title')}
        </Typography.Title>
        <LangSwitch />
      </Flex>
      <Typography.Paragraph type="secondary">{t('publicCheck.intro')}</Typography.Paragraph>
      <CheckForm />
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, textAlign: 'center' }}>
        {t('publicCheck.officialList')}
        <br />
        <a href="tel:19009068">{t('publicCheck.hotline')}</a>
      </Typography.Paragraph>
    </main>
  );
}
