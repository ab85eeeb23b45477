import { DeleteOutlined, PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { ZUpdateReportRequest, type TReport, type TReportSection, type TUpdateReportRequest } from '@loa/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Divider, Flex, Form, Input, Row, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { requiredRule, schemaRule, type SafeParser } from '../../shared/validation';
import { showFormErrors } from './form-errors';
import { PlaceholderField, placeholderRule } from './placeholder-field';
import { updateReport } from './reports.api';
import { SectionsEditor } from './sections-editor';

interface Values {
  number: string;
  subject: string;
  parentAgency: string;
  issuer: string;
  place: string;
  signedOn: Dayjs | null;
  recipients: string[];
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  sections: TReportSection[];
}
type Editable = Omit<TUpdateReportRequest, 'version'>;

const FIELDS = [
  'number',
  'subject',
  'parentAgency',
  'issuer',
  'place',
  'signedOn',
  'recipients',
  'signerAuthority',
  'signerTitle',
  'signerName',
  'sections',
] as const;
// The update's fields are optional (a patch); each is checked on its own as the user types.
const shape = ZUpdateReportRequest.shape;
const rule = (field: (typeof FIELDS)[number]) => shape[field] as unknown as SafeParser;

function valuesOf(report: TReport): Values {
  return {
    number: report.number ?? '',
    subject: report.subject,
    parentAgency: report.parentAgency,
    issuer: report.issuer,
    place: report.place,
    signedOn: report.signedOn ? dayjs(report.signedOn) : null,
    recipients: report.recipients,
    signerAuthority: report.signerAuthority,
    signerTitle: report.signerTitle,
    signerName: report.signerName,
    sections: report.sections,
  };
}

function toRequest(values: Values): Required<Editable> {
  const number = values.number.trim();
  return {
    number: number === '' ? null : number,
    subject: values.subject.trim(),
    parentAgency: values.parentAgency.trim(),
    issuer: values.issuer.trim(),
    place: values.place.trim(),
    signedOn: values.signedOn ? values.signedOn.format('YYYY-MM-DD') : null,
    recipients: values.recipients.map((line) => line.trim()).filter(Boolean),
    signerAuthority: values.signerAuthority.trim(),
    signerTitle: values.signerTitle.trim(),
    signerName: values.signerName.trim(),
    sections: values.sections.map((section) => ({
      heading: section.heading.trim(),
      text: section.text,
      table: section.table,
    })),
  };
}

/** Only what changed goes with the edit, with the version the user saw; null when nothing changed. */
function changes(report: TReport, values: Values): TUpdateReportRequest | null {
  const next = toRequest(values);
  const before = toRequest(valuesOf(report));
  const patch: TUpdateReportRequest = { version: report.version };
  let changed = false;
  for (const key of Object.keys(next) as (keyof Editable)[]) {
    if (JSON.stringify(next[key]) !== JSON.stringify(before[key])) {
      Object.assign(patch, { [key]: next[key] });
      changed = true;
    }
  }
  return changed ? patch : null;
}

/**
 * The draft's header (Nghị định 30/2020: number, place, date, recipients, signature) and body, checked as the user
 * types; saving generates the documents again. A version conflict says so and offers to reload.
 */
export function ReportForm({
  report,
  disabled,
  onSaved,
  onReload,
}: {
  report: TReport;
  /** While the documents are generated the text is being filled in: the form waits. */
  disabled: boolean;
  onSaved: (report: TReport) => void;
  onReload: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const save = useMutation({
    mutationFn: (patch: TUpdateReportRequest) => updateReport(report.id, patch),
    onSuccess: (saved) => {
      message.success(t('reports.saved'));
      onSaved(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'conflict.version') setConflict(true);
      else setFormError(showFormErrors(form, error, FIELDS, t));
    },
  });

  const text = (name: (typeof FIELDS)[number], label: string, required = true) => (
    <Form.Item
      name={name}
      label={label}
      rules={[...(required ? [requiredRule(locale)] : []), schemaRule(rule(name), locale)]}
    >
      <Input autoComplete="off" />
    </Form.Item>
  );

  return (
    <>
      {disabled && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('reports.waitForGeneration')} />}
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label={t('reports.form')}
        disabled={disabled}
        initialValues={valuesOf(report)}
        onValuesChange={() => setFormError(null)}
        onFinish={(values) => {
          setFormError(null);
          const patch = changes(report, values);
          if (patch) save.mutate(patch);
          else message.info(t('reports.noChanges'));
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {text('parentAgency', t('reports.field.parentAgency'))}
          </Col>
          <Col xs={24} md={12}>
            {text('issuer', t('reports.field.issuer'))}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="number"
              label={t('reports.field.number')}
              extra={t('reports.numberHint')}
              rules={[schemaRule(rule('number'), locale)]}
            >
              <Input autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            {text('place', t('reports.field.place'))}
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="signedOn" label={t('reports.field.signedOn')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="subject"
              label={t('reports.field.subject')}
              rules={[requiredRule(locale), schemaRule(rule('subject'), locale), placeholderRule(t)]}
            >
              <PlaceholderField maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start">{t('reports.sections.title')}</Divider>
        <SectionsEditor disabled={disabled} />
        <Divider titlePlacement="start">{t('reports.field.recipients')}</Divider>
        <Form.List name="recipients">
          {(fields, { add, remove }) => (
            <Flex vertical gap={8} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => (
                <Flex key={field.key} gap={8} align="flex-start">
                  <Form.Item
                    name={field.name}
                    style={{ flex: 1, marginBottom: 0 }}
                    rules={[requiredRule(locale), { max: 300, message: t('reports.recipientTooLong') }]}
                  >
                    <Input aria-label={t('reports.recipient', { number: index + 1 })} autoComplete="off" />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('reports.recipientRemove', { number: index + 1 })}
                    onClick={() => remove(field.name)}
                  />
                </Flex>
              ))}
              {fields.length === 0 && (
                <Typography.Text type="secondary">{t('reports.recipientsEmpty')}</Typography.Text>
              )}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                disabled={disabled || fields.length >= 30}
                onClick={() => add('')}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('reports.recipientAdd')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Divider titlePlacement="start">{t('reports.signature')}</Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            {text('signerAuthority', t('reports.field.signerAuthority'), false)}
          </Col>
          <Col xs={24} md={8}>
            {text('signerTitle', t('reports.field.signerTitle'), false)}
          </Col>
          <Col xs={24} md={8}>
            {text('signerName', t('reports.field.signerName'), false)}
          </Col>
        </Row>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('reports.conflict')}
            action={
              <Button size="small" onClick={onReload}>
                {t('reports.reload')}
              </Button>
            }
          />
        )}
        {formError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={formError} />}
        <Flex gap={8} justify="flex-end">
          <Button icon={<UndoOutlined />} onClick={() => form.resetFields()}>
            {t('reports.discard')}
          </Button>
          <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending}>
            {t('reports.save')}
          </Button>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, textAlign: 'right' }}>
          {t('reports.saveHint')}
        </Typography.Paragraph>
      </Form>
    </>
  );
}
