import {
  REGULATION_KIND_LABELS,
  REGULATION_KINDS,
  ZCreateRegulationRequest,
  type TCreateRegulationRequest,
  type TRegulationDetail,
  type TRegulationKind,
  type TUpdateRegulationRequest,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { DraftingUnitSelect } from './drafting-unit-select';
import { createRegulation, regulationKeys, updateRegulation } from './regulations.api';

interface Values {
  number: string;
  kind: TRegulationKind;
  issuer: string;
  issuedOn: Dayjs | null;
  effectiveOn: Dayjs | null;
  summary: string;
  draftingUnitId?: string | null;
  draftingUnitName?: string;
  recipients?: string;
  signer?: string;
  tags: string[];
  needsCommunication: boolean;
  orgUnitId?: string;
}

const FIELDS = [
  'number',
  'kind',
  'issuer',
  'issuedOn',
  'effectiveOn',
  'summary',
  'draftingUnitId',
  'draftingUnitName',
  'recipients',
  'signer',
  'tags',
  'needsCommunication',
  'orgUnitId',
] as const;
const shape = ZCreateRegulationRequest.shape;
const isoDate = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);

function toRequest(values: Values): TCreateRegulationRequest {
  return {
    number: values.number.trim(),
    kind: values.kind,
    issuer: values.issuer.trim(),
    issuedOn: isoDate(values.issuedOn) ?? '',
    effectiveOn: isoDate(values.effectiveOn),
    summary: values.summary.trim(),
    draftingUnitId: values.draftingUnitId ?? null,
    draftingUnitName: cleanText(values.draftingUnitName),
    recipients: cleanText(values.recipients),
    signer: cleanText(values.signer),
    tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
    needsCommunication: values.needsCommunication,
    ...(values.orgUnitId ? { orgUnitId: values.orgUnitId } : {}),
  };
}

/** Only what changed is sent with an edit, with the version the user saw. */
function changedFields(regulation: TRegulationDetail, values: Values): TUpdateRegulationRequest {
  const next = toRequest(values);
  const before: Record<keyof TCreateRegulationRequest, unknown> = {
    number: regulation.number,
    kind: regulation.kind,
    issuer: regulation.issuer,
    issuedOn: regulation.issuedOn,
    effectiveOn: regulation.effectiveOn,
    summary: regulation.summary,
    draftingUnitId: regulation.draftingUnit?.id ?? null,
    draftingUnitName: regulation.draftingUnitName,
    recipients: regulation.recipients,
    signer: regulation.signer,
    tags: regulation.tags,
    needsCommunication: regulation.needsCommunication,
    orgUnitId: regulation.orgUnit.id,
  };
  const patch: TUpdateRegulationRequest = { version: regulation.version };
  for (const [key, value] of Object.entries(next) as [keyof TCreateRegulationRequest, unknown][]) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) Object.assign(patch, { [key]: value });
  }
  return patch;
}

interface Props {
  /** The document to edit; null to register one. */
  regulation: TRegulationDetail | null;
  onClose: () => void;
  onSaved: (regulation: TRegulationDetail) => void;
}

/** Registers or edits a document; every field is checked as the user types, with the contract's rules. */
export function RegulationFormDrawer({ regulation, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  // Administrators and provinces choose where a document belongs; central roles file under the root.
  const choosesOwner = hasAnyRole(user, ['admin', 'province_officer']);

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      regulation
        ? updateRegulation(regulation.id, changedFields(regulation, values))
        : createRegulation(toRequest(values)),
    onSuccess: async (saved) => {
      message.success(regulation ? t('common.saved') : t('regulations.created', { number: saved.number }));
      await queryClient.invalidateQueries({ queryKey: regulationKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<Values> = regulation
    ? {
        number: regulation.number,
        kind: regulation.kind,
        issuer: regulation.issuer,
        issuedOn: dayjs(regulation.issuedOn),
        effectiveOn: regulation.effectiveOn ? dayjs(regulation.effectiveOn) : null,
        summary: regulation.summary,
        draftingUnitId: regulation.draftingUnit?.id ?? null,
        draftingUnitName: regulation.draftingUnitName ?? '',
        recipients: regulation.recipients ?? '',
        signer: regulation.signer ?? '',
        tags: regulation.tags,
        needsCommunication: regulation.needsCommunication,
        orgUnitId: regulation.orgUnit.id,
      }
    : {
        kind: 'cong_van',
        issuer: t('regulations.defaultIssuer'),
        tags: [],
        needsCommunication: false,
        ...(hasAnyRole(user, ['unit_officer']) ? { draftingUnitId: user.orgUnit.id } : {}),
      };

  return (
    <Drawer
      open
      size={720}
      title={regulation ? t('regulations.editTitle', { number: regulation.number }) : t('regulations.createTitle')}
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
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="number"
              label={t('regulations.field.number')}
              extra={t('regulations.numberHint')}
              rules={[requiredRule(locale), schemaRule(shape.number, locale)]}
            >
              <Input autoComplete="off" spellCheck={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="kind"
              label={t('regulations.field.kind')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <Select<TRegulationKind>
                options={REGULATION_KINDS.map((kind) => ({ value: kind, label: REGULATION_KIND_LABELS[kind][locale] }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="issuer"
              label={t('regulations.field.issuer')}
              rules={[requiredRule(locale), schemaRule(shape.issuer, locale)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="issuedOn"
              label={t('regulations.field.issuedOn')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="effectiveOn"
              label={t('regulations.field.effectiveOn')}
              dependencies={['issuedOn', 'needsCommunication']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const issued = getFieldValue('issuedOn') as Dayjs | null | undefined;
                    if (value && issued && value.isBefore(issued, 'day'))
                      throw new Error(fieldMessage('validation.effective_before_issued', locale));
                    if (!value && getFieldValue('needsCommunication') === true)
                      throw new Error(fieldMessage('validation.required', locale));
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="summary"
              label={t('regulations.field.summary')}
              rules={[requiredRule(locale), schemaRule(shape.summary, locale)]}
            >
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} showCount maxLength={2000} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="draftingUnitId" label={t('regulations.field.draftingUnit')}>
              <DraftingUnitSelect />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="draftingUnitName"
              label={t('regulations.field.draftingUnitName')}
              extra={t('regulations.draftingUnitNameHint')}
              rules={[schemaRule(shape.draftingUnitName, locale)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="signer" label={t('regulations.field.signer')} rules={[schemaRule(shape.signer, locale)]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tags" label={t('regulations.field.tags')} rules={[schemaRule(shape.tags, locale)]}>
              <Select<string[]>
                mode="tags"
                open={false}
                suffixIcon={null}
                placeholder={t('regulations.tagsPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="recipients"
              label={t('regulations.field.recipients')}
              rules={[schemaRule(shape.recipients, locale)]}
            >
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
            </Form.Item>
          </Col>
          {choosesOwner && (
            <Col span={24}>
              <Form.Item name="orgUnitId" label={t('regulations.field.orgUnit')} extra={t('regulations.orgUnitHint')}>
                <OrgUnitTreeSelect allowClear />
              </Form.Item>
            </Col>
          )}
          <Col span={24}>
            <Form.Item
              name="needsCommunication"
              label={t('regulations.field.needsCommunication')}
              extra={t('regulations.needsCommunicationHint')}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 16 }} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="regulation-submit">
            {regulation ? t('common.save') : t('regulations.createSubmit')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
