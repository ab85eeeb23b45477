import {
  REVIEW_KIND_LABELS,
  REVIEW_KINDS,
  REVIEW_SECTION_LABELS,
  REVIEW_SECTIONS,
  type TReviewKind,
  type TReviewSection,
  type TReviewSubscription,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Col, Drawer, Flex, Form, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { requiredRule } from '../../shared/validation';
import { PersonSelect } from '../users/person-select';
import { EditionUnitSelect, ProvincesSelect } from './edition-unit-select';
import { createSubscription, reviewKeys, updateSubscription } from './press-reviews.api';

interface Values {
  kind: TReviewKind;
  userId: string | null;
  sourceUnitId?: string | null;
  sections: TReviewSection[];
  provinceIds: string[];
  email: boolean;
  active: boolean;
}

const FIELDS = ['kind', 'userId', 'sourceUnitId', 'sections', 'provinceIds', 'email', 'active'];

/** Adds or changes who receives an edition, which sections and provinces, by e-mail or only in the app. */
export function SubscriptionDrawer({
  subscription,
  onClose,
}: {
  subscription: TReviewSubscription | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (values: Values) => {
      const common = {
        sections: REVIEW_SECTIONS.filter((s) => values.sections.includes(s)),
        provinceIds: values.provinceIds,
        email: values.email,
        active: values.active,
      };
      if (subscription) {
        const sourceChanged = values.sourceUnitId && values.sourceUnitId !== subscription.sourceUnit.id;
        return updateSubscription(subscription.id, {
          ...common,
          ...(sourceChanged ? { sourceUnitId: values.sourceUnitId ?? undefined } : {}),
          version: subscription.version,
        });
      }
      return createSubscription({
        ...common,
        kind: values.kind,
        userId: values.userId ?? '',
        ...(values.sourceUnitId ? { sourceUnitId: values.sourceUnitId } : {}),
      });
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: reviewKeys.subscriptions });
      message.success(subscription ? t('common.saved') : t('reviews.subs.created', { name: saved.user.fullName }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size="large"
      title={
        subscription ? t('reviews.subs.editTitle', { name: subscription.user.fullName }) : t('reviews.subs.createTitle')
      }
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          subscription
            ? {
                kind: subscription.kind,
                userId: subscription.user.id,
                sourceUnitId: subscription.sourceUnit.id,
                sections: subscription.sections,
                provinceIds: subscription.provinces.map((p) => p.id),
                email: subscription.email,
                active: subscription.active,
              }
            : { kind: 'review', userId: null, sections: [], provinceIds: [], email: true, active: true }
        }
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="userId" label={t('reviews.subs.user')} rules={[requiredRule(locale)]}>
              {subscription ? (
                <Select disabled options={[{ value: subscription.user.id, label: subscription.user.fullName }]} />
              ) : (
                <PersonSelect endpoint="/api/review-subscriptions/people" />
              )}
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="kind" label={t('reviews.subs.kind')} rules={[requiredRule(locale)]}>
              <Select
                disabled={subscription !== null}
                options={REVIEW_KINDS.map((k) => ({ value: k, label: REVIEW_KIND_LABELS[k][locale] }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="sourceUnitId" label={t('reviews.subs.sourceUnit')} extra={t('reviews.subs.sourceUnitHint')}>
          <EditionUnitSelect
            placeholder={t('reviews.subs.sourceUnitDefault')}
            known={subscription ? [subscription.sourceUnit] : []}
          />
        </Form.Item>
        <Form.Item name="sections" label={t('reviews.subs.sections')} extra={t('reviews.subs.sectionsHint')}>
          <Checkbox.Group
            options={REVIEW_SECTIONS.map((s) => ({ value: s, label: REVIEW_SECTION_LABELS[s][locale] }))}
          />
        </Form.Item>
        <Form.Item name="provinceIds" label={t('reviews.subs.provinces')} extra={t('reviews.subs.provincesHint')}>
          <ProvincesSelect placeholder={t('reviews.subs.allProvinces')} known={subscription?.provinces ?? []} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="email"
              label={t('reviews.subs.email')}
              extra={t('reviews.subs.emailHint')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="active" label={t('reviews.subs.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Drawer>
  );
}
