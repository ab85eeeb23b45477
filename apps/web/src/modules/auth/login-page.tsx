import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n/i18n';
import { LangSwitch } from '../../app/layout/lang-switch';
import { formErrorText } from '../../shared/errors';
import { requiredRule } from '../../shared/validation';
import { login, sessionKeys } from './auth.api';
import { safeNextPath, useSessionQuery } from './session';

interface Values {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

/** Sign-in with a username or e-mail address and a password. */
export function LoginPage() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<Values>();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const [formError, setFormError] = useState<string | null>(null);
  const next = safeNextPath(params.get('next'));

  const mutation = useMutation({
    mutationFn: (values: Values) => login({ username: values.username.trim(), password: values.password }),
    onSuccess: (user) => {
      queryClient.setQueryData(sessionKeys.me, user);
      navigate(next, { replace: true });
    },
    onError: (error) => {
      form.setFieldValue('password', '');
      setFormError(formErrorText(form, error, FIELDS, t));
    },
  });

  if (session.data && !mutation.isPending) return <Navigate to={next} replace />;

  return (
    <Flex
      component="main"
      vertical
      justify="center"
      align="center"
      gap={12}
      style={{ minHeight: '100vh', padding: 16, background: '#f0f2f5' }}
    >
      <Flex justify="flex-end" style={{ width: 400, maxWidth: '100%' }}>
        <LangSwitch />
      </Flex>
      <Card style={{ width: 400, maxWidth: '100%' }}>
        <div style={{ marginBottom: 24 }}>
          <Typography.Title level={1} style={{ margin: 0, fontSize: 28, color: '#0b5cad' }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        {params.get('reason') === 'expired' && !formError && (
          <Alert type="info" showIcon title={t('login.expired')} style={{ marginBottom: 16 }} />
        )}
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => {
            setFormError(null);
            mutation.mutate(values);
          }}
          onValuesChange={() => setFormError(null)}
        >
          <Form.Item name="username" label={t('login.username')} rules={[requiredRule(locale)]}>
            <Input autoComplete="username" autoFocus autoCapitalize="none" spellCheck={false} />
          </Form.Item>
          <Form.Item name="password" label={t('login.password')} rules={[requiredRule(locale)]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {formError && <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 16 }} />}
          <Button type="primary" htmlType="submit" block loading={mutation.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
