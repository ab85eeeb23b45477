import { passwordProblems, type PasswordProblem } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, type FormRule } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { formErrorText } from '../../shared/errors';
import { fieldMessage, requiredRule } from '../../shared/validation';
import { sessionKeys } from '../auth/auth.api';
import { useCurrentUser } from '../auth/session';
import { changePassword } from './me.api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;
const PROBLEMS: readonly PasswordProblem[] = [
  'too_short',
  'too_long',
  'needs_letter',
  'needs_digit',
  'contains_username',
];

/** Change-password form: checks the new password as the user types, with the server's own rules. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const user = useCurrentUser();
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword }),
    onSuccess: async () => {
      form.resetFields();
      message.success(t('account.password.changed'));
      await queryClient.invalidateQueries({ queryKey: sessionKeys.me });
      onChanged?.();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'auth.wrong_current_password') {
        form.setFields([{ name: 'currentPassword', errors: [error.title] }]);
        return;
      }
      setFormError(formErrorText(form, error, FIELDS, t));
    },
  });

  // One rule per problem, so every unmet requirement is listed at once while typing.
  const passwordRules: FormRule[] = [
    requiredRule(locale),
    ...PROBLEMS.map((problem): FormRule => ({
      validator: async (_rule, value: string | undefined) => {
        if (!value) return;
        if (passwordProblems(value, user.username).includes(problem)) {
          throw new Error(fieldMessage(`password.${problem}`, locale));
        }
      },
    })),
  ];

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={(values) => {
        setFormError(null);
        mutation.mutate(values);
      }}
    >
      <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
      <Form.Item name="currentPassword" label={t('account.password.current')} rules={[requiredRule(locale)]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.password.new')}
        rules={passwordRules}
        extra={t('account.password.hint')}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          requiredRule(locale),
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('account.password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {t('account.password.submit')}
      </Button>
    </Form>
  );
}
