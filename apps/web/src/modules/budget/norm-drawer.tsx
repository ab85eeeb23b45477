import {
  NORM_UNITS,
  NORM_UNIT_LABELS,
  ZCreateNormRequest,
  type TBudgetCategory,
  type TNorm,
  type TNormUnit,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { budgetKeys, createNorm, updateNorm } from './budget.api';
import { DongInput, categoryOptions, dongRule } from './budget-ui';

interface Values {
  code: string;
  name: string;
  category: TBudgetCategory | 'all';
  unit: TNormUnit;
  maxAmount: number;
  legalBasis: string;
  validFrom: Dayjs;
  validTo?: Dayjs | null;
  note?: string;
}

const FIELDS = ['code', 'name', 'category', 'unit', 'maxAmount', 'legalBasis', 'validFrom', 'validTo', 'note'];
const shape = ZCreateNormRequest.shape;

/** Adds or edits a spending norm (administrators); a norm already cited is closed by its end date, not deleted. */
export function NormDrawer({ norm, onClose }: { norm: TNorm | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [failure, setFailure] = useState<string | null>(null);
  const readOnly = norm !== null && !norm.canEdit;
  const picked = { required: true, message: fieldMessage('validation.required', locale) };

  const save = useMutation({
    mutationFn: (values: Values) => {
      const request = {
        code: values.code.trim(),
        name: values.name.trim(),
        category: values.category === 'all' ? null : values.category,
        unit: values.unit,
        maxAmount: values.maxAmount,
        legalBasis: values.legalBasis.trim(),
        validFrom: values.validFrom.format('YYYY-MM-DD'),
        validTo: values.validTo ? values.validTo.format('YYYY-MM-DD') : null,
        note: cleanText(values.note),
      };
      return norm ? updateNorm(norm.id, { ...request, version: norm.version }) : createNorm(request);
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: budgetKeys.all });
      message.success(t('budget.norm.saved', { code: saved.code }));
      onClose();
    },
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  const initial: Partial<Values> = norm
    ? {
        code: norm.code,
        name: norm.name,
        category: norm.category ?? 'all',
        unit: norm.unit,
        maxAmount: norm.maxAmount,
        legalBasis: norm.legalBasis,
        validFrom: dayjs(norm.validFrom),
        validTo: norm.validTo ? dayjs(norm.validTo) : null,
        note: norm.note ?? undefined,
      }
    : { category: 'all', unit: 'per_attendee', validFrom: dayjs() };

  return (
    <Drawer
      open
      size={640}
      title={norm ? t('budget.norm.editTitle', { code: norm.code }) : t('budget.norm.createTitle')}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          {!readOnly && (
            <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          )}
        </Flex>
      }
    >
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      {norm && norm.usedBy > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('budget.norm.usedBy', { count: norm.usedBy })}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={initial}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="code"
              label={t('budget.field.code')}
              validateTrigger={['onChange', 'onBlur']}
              rules={[requiredRule(locale), schemaRule(shape.code, locale)]}
            >
              <Input placeholder="TT40-MEAL-PROV" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="name"
              label={t('budget.field.name')}
              rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="category" label={t('budget.field.category')} rules={[picked]}>
              <Select options={[{ value: 'all', label: t('budget.norm.allCategories') }, ...categoryOptions(locale)]} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="unit" label={t('budget.field.normUnit')} rules={[picked]}>
              <Select options={NORM_UNITS.map((u) => ({ value: u, label: NORM_UNIT_LABELS[u][locale] }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="maxAmount"
          label={t('budget.field.maxAmount')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[dongRule(locale)]}
        >
          <DongInput />
        </Form.Item>
        <Form.Item
          name="legalBasis"
          label={t('budget.field.legalBasis')}
          rules={[requiredRule(locale), schemaRule(shape.legalBasis, locale)]}
        >
          <Input placeholder={t('budget.field.legalBasisHint')} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="validFrom" label={t('budget.field.validFrom')} rules={[picked]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="validTo" label={t('budget.field.validTo')} extra={t('budget.norm.validToHint')}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('budget.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
