import { ROLES, ZCreateUserRequest, type TCreatedUser, type TRole, type TUser } from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { createUser, updateUser, userKeys } from './users.api';

interface Values {
  username: string;
  fullName: string;
  email?: string;
  phone?: string;
  title?: string;
  orgUnitId: string;
  roles: TRole[];
}

const FIELDS = ['username', 'fullName', 'email', 'phone', 'title', 'orgUnitId', 'roles'] as const;
const shape = ZCreateUserRequest.shape;

interface Props {
  /** The user to edit; null to create one. */
  user: TUser | null;
  onClose: () => void;
  onCreated: (created: TCreatedUser) => void;
}

function details(values: Values) {
  return {
    fullName: values.fullName.trim(),
    email: cleanText(values.email),
    phone: cleanText(values.phone),
    title: cleanText(values.title),
    orgUnitId: values.orgUnitId,
    roles: values.roles,
  };
}

/** Create or edit a user; every field is checked as the user types with the contract's schema. */
export function UserFormDrawer({ user, onClose, onCreated }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: async (values: Values) => {
      if (!user) return createUser({ username: values.username.trim(), ...details(values) });
      const next = details(values);
      const before: Record<keyof typeof next, unknown> = {
        fullName: user.fullName,
        email: user.email,
        phone: user.phone,
        title: user.title,
        orgUnitId: user.orgUnit.id,
        roles: user.roles,
      };
      // Only what changed is sent, with the version the administrator saw.
      const patch = Object.fromEntries(
        Object.entries(next).filter(
          ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof next]),
        ),
      );
      await updateUser(user.id, { ...patch, version: user.version });
      return null;
    },
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: userKeys.all });
      if (created) onCreated(created);
      else message.success(t('common.saved'));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        fullName: user.fullName,
        email: user.email ?? '',
        phone: user.phone ?? '',
        title: user.title ?? '',
        orgUnitId: user.orgUnit.id,
        roles: user.roles,
      }
    : { roles: [] };

  return (
    <Drawer
      open
      size={520}
      title={user ? t('users.editTitle', { name: user.fullName }) : t('users.createTitle')}
      onClose={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.Item
          name="username"
          label={t('users.field.username')}
          extra={user ? undefined : t('users.usernameHint')}
          rules={user ? [] : [requiredRule(locale), schemaRule(shape.username, locale)]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} disabled={user !== null} />
        </Form.Item>
        <Form.Item
          name="fullName"
          label={t('users.field.fullName')}
          rules={[requiredRule(locale), schemaRule(shape.fullName, locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="email" label={t('users.field.email')} rules={[schemaRule(shape.email, locale)]}>
          <Input inputMode="email" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="phone" label={t('users.field.phone')} rules={[schemaRule(shape.phone, locale)]}>
          <Input inputMode="tel" autoComplete="off" />
        </Form.Item>
        <Form.Item name="title" label={t('users.field.title')} rules={[schemaRule(shape.title, locale)]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          required
          name="orgUnitId"
          label={t('users.field.orgUnit')}
          rules={[schemaRule(shape.orgUnitId, locale)]}
        >
          <OrgUnitTreeSelect />
        </Form.Item>
        <Form.Item required name="roles" label={t('users.field.roles')} rules={[schemaRule(shape.roles, locale)]}>
          <Select<TRole[]>
            mode="multiple"
            placeholder={t('users.rolesPlaceholder')}
            options={ROLES.map((role) => ({ value: role, label: t(`role.${role}`) }))}
          />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={mutation.isPending}
            data-testid={user ? 'edit-user-submit' : 'create-user-submit'}
          >
            {user ? t('common.save') : t('users.createSubmit')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
