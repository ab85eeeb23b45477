import {
  CONTACT_CHANNELS,
  CONTACT_ROLES,
  CONTACT_ROLE_LABELS,
  ZAddContactHistoryRequest,
  ZCreateContactRequest,
  formatVnPhone,
  isVnPhone,
  type TContact,
  type TContactChannel,
  type TContactRole,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Timeline,
  Typography,
  type FormRule,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n, type MessageKey } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { ContactPressRequests } from './linked-press-requests';
import { addHistory, createContact, listHistory, listOutlets, pressKeys, updateContact } from './press-outlets.api';

interface Values {
  outletId: string;
  fullName: string;
  role: TContactRole;
  beats?: string[];
  phones?: string[];
  emails?: string[];
  note?: string;
}

interface HistoryValues {
  contactedOn: Dayjs;
  channel: TContactChannel;
  summary: string;
}

const FIELDS = ['outletId', 'fullName', 'role', 'beats', 'phones', 'emails', 'note'];
const shape = ZCreateContactRequest.shape;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

interface Props {
  /** The contact to show and edit; null to add one (to `outletId` when given). */
  contact: TContact | null;
  outletId?: string | undefined;
  onClose: () => void;
}

/** Adds or edits a journalist or editor; an existing one shows the history of contacts and logs a new one. */
export function ContactDrawer({ contact, outletId, onClose }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [historyForm] = Form.useForm<HistoryValues>();
  const [formError, setFormError] = useState<string | null>(null);
  const readOnly = contact !== null && !contact.canEdit;
  const outlets = useQuery({
    queryKey: pressKeys.outlets({ active: 'true' }, 1, 1000),
    queryFn: () => listOutlets({ active: 'true' }, 1, 1000),
  });
  const history = useQuery({
    queryKey: pressKeys.history(contact?.id ?? ''),
    queryFn: () => listHistory(contact!.id),
    enabled: contact !== null,
  });

  /** Every item of a tag list checked as typed: the first bad one is shown. */
  const eachRule = (valid: (value: string) => boolean, code: string): FormRule => ({
    validator: async (_rule, value?: string[]) => {
      const bad = (value ?? []).find((v) => !valid(v.trim()));
      if (bad !== undefined) throw new Error(`${bad}: ${fieldMessage(code, locale)}`);
    },
  });

  const save = useMutation({
    mutationFn: async (values: Values) => {
      const request = {
        outletId: values.outletId,
        fullName: values.fullName.trim(),
        role: values.role,
        beats: values.beats ?? [],
        phones: (values.phones ?? []).map((p) => p.trim()),
        emails: (values.emails ?? []).map((e) => e.trim()),
        note: cleanText(values.note),
      };
      return contact ? updateContact(contact.id, { ...request, version: contact.version }) : createContact(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: pressKeys.all });
      message.success(contact ? t('common.saved') : t('pressContacts.created', { name: saved.fullName }));
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const log = useMutation({
    mutationFn: (values: HistoryValues) =>
      addHistory(contact!.id, {
        contactedOn: values.contactedOn.format('YYYY-MM-DD'),
        channel: values.channel,
        summary: values.summary.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: pressKeys.all });
      historyForm.resetFields();
      message.success(t('pressContacts.history.added'));
    },
    onError: (error) => message.error(formErrorText(historyForm, error, ['contactedOn', 'channel', 'summary'], t)),
  });

  const initial: Partial<Values> = contact
    ? {
        outletId: contact.outlet.id,
        fullName: contact.fullName,
        role: contact.role,
        beats: contact.beats,
        phones: contact.phones.map(formatVnPhone),
        emails: contact.emails,
        note: contact.note ?? undefined,
      }
    : { role: 'reporter', outletId, beats: [], phones: [], emails: [] };
  const outletOptions = (outlets.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }));
  if (contact && !outletOptions.some((o) => o.value === contact.outlet.id))
    outletOptions.push({ value: contact.outlet.id, label: contact.outlet.name });

  return (
    <Drawer
      open
      size="large"
      title={contact ? contact.fullName : t('pressContacts.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="contact-save">
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
        <Form.Item name="outletId" label={t('pressContacts.field.outlet')} rules={[requiredRule(locale)]}>
          <Select showSearch={{ optionFilterProp: 'label' }} loading={outlets.isLoading} options={outletOptions} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={16}>
            <Form.Item
              name="fullName"
              label={t('pressContacts.field.fullName')}
              rules={[requiredRule(locale), schemaRule(shape.fullName, locale)]}
            >
              <Input data-testid="contact-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="role" label={t('pressContacts.field.role')} rules={[requiredRule(locale)]}>
              <Select options={CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LABELS[r][locale] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="phones"
          label={t('pressContacts.field.phones')}
          extra={t('pressContacts.field.listHint')}
          rules={[eachRule(isVnPhone, 'validation.invalid_phone')]}
        >
          <Select mode="tags" open={false} aria-label={t('pressContacts.field.phones')} />
        </Form.Item>
        <Form.Item
          name="emails"
          label={t('pressContacts.field.emails')}
          rules={[eachRule((e) => EMAIL.test(e), 'validation.invalid_email')]}
        >
          <Select mode="tags" open={false} aria-label={t('pressContacts.field.emails')} />
        </Form.Item>
        <Form.Item name="beats" label={t('pressContacts.field.beats')}>
          <Select mode="tags" open={false} aria-label={t('pressContacts.field.beats')} />
        </Form.Item>
        <Form.Item name="note" label={t('pressContacts.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {contact && (
        <>
          <Divider />
          <Typography.Title level={5}>{t('pressContacts.requests')}</Typography.Title>
          <ContactPressRequests contactId={contact.id} />
          <Divider />
          <Typography.Title level={5}>{t('pressContacts.history')}</Typography.Title>
          {contact.canEdit && (
            <Form<HistoryValues>
              form={historyForm}
              layout="vertical"
              initialValues={{ contactedOn: dayjs(), channel: 'call' }}
              onFinish={(values) => log.mutate(values)}
            >
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item name="contactedOn" label={t('pressContacts.history.date')} rules={[requiredRule(locale)]}>
                    <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item name="channel" label={t('pressContacts.history.channel')} rules={[requiredRule(locale)]}>
                    <Select
                      options={CONTACT_CHANNELS.map((c) => ({
                        value: c,
                        label: t(`pressContacts.channel.${c}` as MessageKey),
                      }))}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item
                name="summary"
                label={t('pressContacts.history.summary')}
                rules={[requiredRule(locale), schemaRule(ZAddContactHistoryRequest.shape.summary, locale)]}
              >
                <Input.TextArea rows={2} data-testid="history-summary" />
              </Form.Item>
              <Button htmlType="submit" loading={log.isPending} data-testid="history-add">
                {t('pressContacts.history.add')}
              </Button>
            </Form>
          )}
          {history.data?.length === 0 && (
            <Typography.Paragraph type="secondary">{t('pressContacts.history.empty')}</Typography.Paragraph>
          )}
          <Timeline
            style={{ marginTop: 16 }}
            items={(history.data ?? []).map((entry) => ({
              key: entry.id,
              content: (
                <>
                  <Typography.Text strong>
                    {formatDate(entry.contactedOn)} · {t(`pressContacts.channel.${entry.channel}` as MessageKey)}
                  </Typography.Text>
                  <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>
                    {entry.summary}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary">
                    {t('pressContacts.history.by', { name: entry.officer.name })}
                  </Typography.Text>
                </>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
