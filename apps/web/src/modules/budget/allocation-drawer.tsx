import {
  FUNDING_SOURCES,
  FUNDING_SOURCE_LABELS,
  ZCreateAllocationRequest,
  type TBudgetCategory,
  type TFiscalYearRow,
  type TFundingSource,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, DatePicker, Drawer, Flex, Form, Input, Row, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { useUnitsInScope } from '../org-units/use-units-in-scope';
import { budgetKeys, createAllocation } from './budget.api';
import { DongInput, categoryOptions, dongRule } from './budget-ui';

interface Values {
  year: number;
  fromUnitId?: string;
  toUnitId: string;
  category: TBudgetCategory;
  source?: TFundingSource;
  amount: number;
  decisionNo: string;
  decidedOn: Dayjs;
  note?: string;
}

const FIELDS = ['year', 'fromUnitId', 'toUnitId', 'category', 'source', 'amount', 'decisionNo', 'decidedOn', 'note'];
const shape = ZCreateAllocationRequest.shape;

/**
 * Phân bổ: a unit allocates money to one of its direct children in a category; the root's leaders and the
 * administrators may also record the appropriation that brings money into the tree from a funding source.
 */
export function AllocationDrawer(props: {
  years: TFiscalYearRow[];
  year: number;
  canAppropriate: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const queryClient = useQueryClient();
  const units = useUnitsInScope();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'child' | 'root'>('child');
  const [failure, setFailure] = useState<string | null>(null);
  const fromUnitId = Form.useWatch('fromUnitId', form);
  const root = useMemo(() => (units.data ?? []).find((u) => u.parentId === null), [units.data]);
  const children = useMemo(
    () => (units.data ?? []).filter((u) => fromUnitId && u.parentId === fromUnitId),
    [units.data, fromUnitId],
  );
  const openYears = props.years.filter((y) => y.status === 'open');
  const picked = { required: true, message: fieldMessage('validation.required', locale) };

  const save = useMutation({
    mutationFn: (values: Values) =>
      createAllocation({
        year: values.year,
        ...(mode === 'child' && values.fromUnitId ? { fromUnitId: values.fromUnitId } : {}),
        toUnitId: mode === 'root' ? (root?.id ?? '') : values.toUnitId,
        category: values.category,
        ...(mode === 'root' && values.source ? { source: values.source } : {}),
        amount: values.amount,
        decisionNo: values.decisionNo.trim(),
        decidedOn: values.decidedOn.format('YYYY-MM-DD'),
        note: cleanText(values.note),
      }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: budgetKeys.all });
      message.success(t('budget.allocation.created', { unit: saved.toUnit.name }));
      props.onClose();
    },
    onError: (error) => setFailure(formErrorText(form, error, FIELDS, t)),
  });

  return (
    <Drawer
      open
      size={640}
      title={t('budget.allocation.createTitle')}
      onClose={props.onClose}
      destroyOnHidden
      extra={
        <Flex gap={8}>
          <Button onClick={props.onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()} data-testid="allocation-save">
            {t('budget.allocation.submit')}
          </Button>
        </Flex>
      }
    >
      {props.canAppropriate && (
        <Segmented<'child' | 'root'>
          block
          value={mode}
          onChange={(value) => setMode(value)}
          options={[
            { value: 'child', label: t('budget.allocation.modeChild') },
            { value: 'root', label: t('budget.allocation.modeRoot') },
          ]}
          style={{ marginBottom: 16 }}
        />
      )}
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 16 }} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          year: openYears.some((y) => y.year === props.year) ? props.year : openYears[0]?.year,
          fromUnitId: user.orgUnit.id,
          decidedOn: dayjs(),
        }}
        onValuesChange={(changed: Partial<Values>) => {
          if ('fromUnitId' in changed) form.setFieldValue('toUnitId', undefined);
        }}
        onFinish={(values) => {
          setFailure(null);
          save.mutate(values);
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="year" label={t('budget.field.year')} rules={[picked]}>
              <Select options={openYears.map((y) => ({ value: y.year, label: String(y.year) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="category" label={t('budget.field.category')} rules={[picked]}>
              <Select options={categoryOptions(locale)} data-testid="allocation-category" />
            </Form.Item>
          </Col>
        </Row>
        {mode === 'child' ? (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="fromUnitId" label={t('budget.field.fromUnit')} rules={[picked]}>
                <OrgUnitTreeSelect data-testid="allocation-from" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="toUnitId"
                label={t('budget.field.toUnit')}
                extra={t('budget.allocation.childHint')}
                rules={[picked]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={units.isLoading}
                  notFoundContent={t('budget.allocation.noChildren')}
                  options={children.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
                  data-testid="allocation-to"
                />
              </Form.Item>
            </Col>
          </Row>
        ) : (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label={t('budget.field.toUnit')}>
                <Input value={root?.name ?? ''} disabled />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="source" label={t('budget.field.source')} rules={[picked]}>
                <Select options={FUNDING_SOURCES.map((s) => ({ value: s, label: FUNDING_SOURCE_LABELS[s][locale] }))} />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item
          name="amount"
          label={t('budget.field.amount')}
          validateTrigger={['onChange', 'onBlur']}
          rules={[dongRule(locale)]}
        >
          <DongInput data-testid="allocation-amount" />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={14}>
            <Form.Item
              name="decisionNo"
              label={t('budget.field.decisionNo')}
              rules={[requiredRule(locale), schemaRule(shape.decisionNo, locale)]}
            >
              <Input placeholder={t('budget.field.decisionNoHint')} data-testid="allocation-decision" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="decidedOn" label={t('budget.field.decidedOn')} rules={[picked]}>
              <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="note" label={t('budget.field.note')} rules={[schemaRule(shape.note, locale)]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
