import {
  UNIT_KINDS,
  ZCreateOrgUnitRequest,
  type TCreateOrgUnitRequest,
  type TOrgUnit,
  type TUnitKind,
  type TUpdateOrgUnitRequest,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { OrgUnitTreeSelect } from './org-unit-tree-select';
import { createUnit, orgUnitKeys, updateUnit } from './org-units.api';
import { subtreeIds } from './unit-tree';
import { useUnitsInScope } from './use-units-in-scope';

interface Values {
  code: string;
  name: string;
  shortName?: string;
  kind: TUnitKind;
  parentId?: string;
  adminUnitCode?: string;
  activeFrom?: Dayjs | null;
  activeTo?: Dayjs | null;
}

const FIELDS = ['code', 'name', 'shortName', 'kind', 'parentId', 'adminUnitCode', 'activeFrom', 'activeTo'] as const;
const shape = ZCreateOrgUnitRequest.shape;
const DEFAULT_CHILD_KIND: Partial<Record<TUnitKind, TUnitKind>> = { province: 'district', agency: 'central_unit' };

export type UnitFormMode = { kind: 'create'; parent: TOrgUnit } | { kind: 'edit'; unit: TOrgUnit };

function toValues(mode: UnitFormMode): Partial<Values> {
  if (mode.kind === 'create') {
    const kind = DEFAULT_CHILD_KIND[mode.parent.kind];
    return { parentId: mode.parent.id, ...(kind ? { kind } : {}) };
  }
  const { unit } = mode;
  return {
    code: unit.code,
    name: unit.name,
    shortName: unit.shortName ?? '',
    kind: unit.kind,
    ...(unit.parentId ? { parentId: unit.parentId } : {}),
    adminUnitCode: unit.adminUnitCode ?? '',
    activeFrom: unit.activeFrom ? dayjs(unit.activeFrom) : null,
    activeTo: unit.activeTo ? dayjs(unit.activeTo) : null,
  };
}

function toRequest(values: Values) {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    shortName: cleanText(values.shortName),
    kind: values.kind,
    adminUnitCode: cleanText(values.adminUnitCode),
    activeFrom: values.activeFrom ? values.activeFrom.format('YYYY-MM-DD') : null,
    activeTo: values.activeTo ? values.activeTo.format('YYYY-MM-DD') : null,
  };
}

/** Only what changed is sent with an edit, with the version the user saw. */
function changedFields(unit: TOrgUnit, values: Values): TUpdateOrgUnitRequest {
  const next = { ...toRequest(values), ...(values.parentId ? { parentId: values.parentId } : {}) };
  const patch: TUpdateOrgUnitRequest = { version: unit.version };
  for (const [key, value] of Object.entries(next) as [keyof typeof next, string | null][]) {
    if (value !== (unit[key] ?? null)) Object.assign(patch, { [key]: value });
  }
  return patch;
}

/** Creates a child unit or edits a unit. */
export function UnitFormModal({
  mode,
  onClose,
  onSaved,
}: {
  mode: UnitFormMode;
  onClose: () => void;
  onSaved: (unit: TOrgUnit) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const units = useUnitsInScope();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const editing = mode.kind === 'edit' ? mode.unit : null;
  const blocked = useMemo(
    () => (editing ? subtreeIds(units.data ?? [], editing.id) : undefined),
    [editing, units.data],
  );

  const mutation = useMutation({
    mutationFn: (values: Values): Promise<TOrgUnit> => {
      if (editing) return updateUnit(editing.id, changedFields(editing, values));
      const request: TCreateOrgUnitRequest = { ...toRequest(values), parentId: values.parentId ?? '' };
      return createUnit(request);
    },
    onSuccess: async (unit) => {
      message.success(editing ? t('common.saved') : t('orgUnits.created', { name: unit.name }));
      await queryClient.invalidateQueries({ queryKey: orgUnitKeys.all });
      onSaved(unit);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Modal
      open
      width={720}
      title={editing ? t('orgUnits.editTitle', { name: editing.name }) : t('orgUnits.createTitle')}
      okText={editing ? t('common.save') : t('orgUnits.createSubmit')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(mode)}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('orgUnits.field.code')}
              normalize={(value: string | undefined) => value?.toUpperCase()}
              rules={[requiredRule(locale), schemaRule(shape.code, locale)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('orgUnits.field.name')}
              rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="shortName"
              label={t('orgUnits.field.shortName')}
              rules={[schemaRule(shape.shortName, locale)]}
            >
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="kind"
              label={t('orgUnits.field.kind')}
              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
            >
              <Select<TUnitKind> options={UNIT_KINDS.map((kind) => ({ value: kind, label: t(`unitKind.${kind}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="adminUnitCode"
              label={t('orgUnits.field.adminUnitCode')}
              extra={t('orgUnits.adminUnitCodeHint')}
              rules={[schemaRule(shape.adminUnitCode, locale)]}
            >
              <Input autoComplete="off" inputMode="numeric" />
            </Form.Item>
          </Col>
          {(mode.kind === 'create' || editing?.parentId) && (
            <Col span={24}>
              <Form.Item
                name="parentId"
                label={t('orgUnits.field.parent')}
                rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
              >
                <OrgUnitTreeSelect disabledIds={blocked} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item name="activeFrom" label={t('orgUnits.field.activeFrom')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name="activeTo"
              label={t('orgUnits.field.activeTo')}
              dependencies={['activeFrom']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_rule, value: Dayjs | null | undefined) => {
                    const from = getFieldValue('activeFrom') as Dayjs | null | undefined;
                    if (value && from && value.isBefore(from, 'day'))
                      throw new Error(fieldMessage('validation.date_order', locale));
                  },
                }),
              ]}
            >
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
