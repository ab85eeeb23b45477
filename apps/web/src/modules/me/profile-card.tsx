import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { ZUpdateMeRequest } from '@loa/contracts';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { RoleTags, UnitKindLabel } from '../../shared/ui/labels';
import { requiredRule, schemaRule } from '../../shared/validation';
import { sessionKeys } from '../auth/auth.api';
import { useCurrentUser } from '../auth/session';
import { updateMe } from './me.api';

/** The user's own profile; only the full name can be changed here. */
export function ProfileCard() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ fullName: string }>();

  const mutation = useMutation({
    mutationFn: (fullName: string) => updateMe({ fullName: fullName.trim() }),
    onSuccess: async () => {
      setEditing(false);
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: sessionKeys.me });
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const nameField = editing ? (
    <Form
      form={form}
      layout="inline"
      initialValues={{ fullName: user.fullName }}
      onFinish={(v) => mutation.mutate(v.fullName)}
    >
      <Form.Item
        name="fullName"
        label={<span className="loa-visually-hidden">{t('account.profile.fullName')}</span>}
        rules={[requiredRule(locale), schemaRule(ZUpdateMeRequest.shape.fullName, locale)]}
      >
        <Input autoComplete="name" style={{ width: 280 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit" loading={mutation.isPending}>
          {t('common.save')}
        </Button>
        <Button onClick={() => setEditing(false)}>{t('common.cancel')}</Button>
      </Space>
    </Form>
  ) : (
    <Space>
      {user.fullName}
      <Button size="small" onClick={() => setEditing(true)}>
        {t('common.edit')}
      </Button>
    </Space>
  );

  return (
    <Card size="small" title={t('account.profile.title')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'fullName', label: t('account.profile.fullName'), children: nameField },
          { key: 'username', label: t('account.profile.username'), children: user.username },
          { key: 'email', label: t('account.profile.email'), children: user.email ?? t('common.none') },
          {
            key: 'unit',
            label: t('account.profile.unit'),
            children: (
              <>
                {user.orgUnit.name} ({user.orgUnit.code}) — <UnitKindLabel kind={user.orgUnit.kind} />
              </>
            ),
          },
          { key: 'roles', label: t('account.profile.roles'), children: <RoleTags roles={user.roles} /> },
        ]}
      />
    </Card>
  );
}
