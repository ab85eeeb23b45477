import {
  CONTACT_ROLE_LABELS,
  NATIONAL_AREA,
  OUTLET_KINDS,
  OUTLET_KIND_LABELS,
  ZCreateOutletRequest,
  formatVnPhone,
  type TOutlet,
  type TOutletKind,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Drawer, Flex, Form, Input, List, Row, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { OutletPressRequestCount } from './linked-press-requests';
import { createOutlet, listContacts, listProvinces, pressKeys, updateOutlet } from './press-outlets.api';

interface Values {
  name: string;
  kind: TOutletKind;
  governingBody?: string;
  area: string;
  beats?: string[];
  website?: string;
  phone?: string;
  email?: string;
  address?: string;
  note?: string;
  active: boolean;
}

const FIELDS = ['name', 'kind', 'governingBody', 'area', 'beats', 'website', 'phone', 'email', 'address', 'note'];
const shape = ZCreateOutletRequest.shape;

interface Props {
  /** The outlet to edit; null to add one. */
  outlet: TOutlet | null;
  onClose: () => void;
}

/** Adds or edits an outlet, checking fields as the officer types; an existing outlet shows its contacts. */
export function OutletFormDrawer({ outlet, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const readOnly = outlet !== null && !outlet.canEdit;
  const provinces = useQuery({ queryKey: ['press-outlets', 'provinces'], queryFn: listProvinces, staleTime: Infinity });
  const contacts = useQuery({
    queryKey: pressKeys.contacts({ outletId: outlet?.id }, 1, 100),
    queryFn: () => listContacts({ outletId: outlet?.id }, 1, 100),
    enabled: outlet !== null,
  });

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const request = {
        name: values.name.trim(),
        kind: values.kind,
        governingBody: cleanText(values.governingBody),
        area: values.area,
        beats: values.beats ?? [],
        website: cleanText(values.website),
        phone: cleanText(values.phone),
        email: cleanText(values.email),
        address: cleanText(values.address),
        note: cleanText(values.note),
        active: values.active,
      };
      return outlet ? updateOutlet(outlet.id, { ...request, version: outlet.version }) : createOutlet(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: pressKeys.all });
      message.success(outlet ? t('common.saved') : t('pressOutlets.created', { name: saved.name }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initial: Partial<Values> = outlet
    ? {
        name: outlet.name,
        kind: outlet.kind,
        governingBody: outlet.governingBody ?? undefined,
        area: outlet.area,
        beats: outlet.beats,
        website: outlet.website ?? undefined,
        phone: outlet.phone ? formatVnPhone(outlet.phone) : undefined,
        email: outlet.email ?? undefined,
        address: outlet.address ?? undefined,
        note: outlet.note ?? undefined,
        active: outlet.active,
      }
    : { kind: 'newspaper', area: NATIONAL_AREA, beats: [], active: true };

  return (
    <Drawer
      open
      size="large"
      title={outlet ? t('pressOutlets.editTitle', { name: outlet.name }) : t('pressOutlets.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="outlet-save">
              {t('common.save')}
            </Button>
          )}
        </Flex>
      }
    >
      {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={initial}
        onFinish={(values) => {
          setFormError(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('pressOutlets.field.name')}
              rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
            >
              <Input data-testid="outlet-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t('pressOutlets.field.kind')} rules={[requiredRule(locale)]}>
              <Select options={OUTLET_KINDS.map((k) => ({ value: k, label: OUTLET_KIND_LABELS[k][locale] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="governingBody"
              label={t('pressOutlets.field.governingBody')}
              rules={[schemaRule(shape.governingBody, locale)]}
            >
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="area" label={t('pressOutlets.field.area')} rules={[requiredRule(locale)]}>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                loading={provinces.isLoading}
                options={[
                  { value: NATIONAL_AREA, label: t('pressOutlets.national') },
                  ...(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="beats" label={t('pressOutlets.field.beats')} extra={t('pressContacts.field.listHint')}>
          <Select mode="tags" open={false} aria-label={t('pressOutlets.field.beats')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="phone"
              label={t('pressOutlets.field.phone')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[schemaRule(shape.phone, locale)]}
            >
              <Input inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="email"
              label={t('pressOutlets.field.email')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[schemaRule(shape.email, locale)]}
            >
              <Input inputMode="email" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="website"
              label={t('pressOutlets.field.website')}
              rules={[schemaRule(shape.website, locale)]}
            >
              <Input placeholder="https://" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="address" label={t('pressOutlets.field.address')} rules={[schemaRule(shape.address, locale)]}>
          <Input />
        </Form.Item>
        <Form.Item name="note" label={t('pressOutlets.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="active" label={t('pressOutlets.field.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
      {outlet && (
        <>
          <Typography.Title level={5}>{t('pressOutlets.requests')}</Typography.Title>
          <Typography.Paragraph>
            <OutletPressRequestCount outletId={outlet.id} />
          </Typography.Paragraph>
          <Typography.Title level={5}>{t('pressOutlets.contactsOfOutlet')}</Typography.Title>
          <List
            size="small"
            loading={contacts.isLoading}
            locale={{ emptyText: t('pressOutlets.noContacts') }}
            dataSource={contacts.data?.items ?? []}
            renderItem={(c) => (
              <List.Item>
                <List.Item.Meta
                  title={`${c.fullName} — ${CONTACT_ROLE_LABELS[c.role][locale]}`}
                  description={[...c.phones.map(formatVnPhone), ...c.emails].join(' · ')}
                />
              </List.Item>
            )}
          />
        </>
      )}
    </Drawer>
  );
}
