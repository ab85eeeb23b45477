import { ZCreatePlanRequest, type TPlanDetail } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { cleanText, requiredRule, schemaRule } from '../../shared/validation';
import { guidanceKeys, listYears } from '../guidance/guidance.api';
import { createPlan, planKeys, updatePlan } from './plans.api';

interface Values {
  title: string;
  notes?: string;
  guidanceYear?: number;
}

const FIELDS = ['title', 'notes', 'guidanceYear', 'year', 'orgUnitId'] as const;
const shape = ZCreatePlanRequest.shape;

/** What a new plan needs: its unit and year (chosen on the tree). */
export interface PlanStart {
  unit: { id: string; name: string };
  year: number;
}

interface Props {
  /** The plan to edit, or where to start a new one. */
  target: { plan: TPlanDetail } | { start: PlanStart };
  onClose: () => void;
  onSaved: (plan: TPlanDetail) => void;
}

/** Starts a unit's plan for a year, or changes a plan's title, notes and guidance year. */
export function PlanFormModal({ target, onClose, onSaved }: Props) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const years = useQuery({ queryKey: guidanceKeys.years, queryFn: listYears });
  const plan = 'plan' in target ? target.plan : null;
  const start = 'start' in target ? target.start : null;

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const notes = cleanText(values.notes);
      if (plan) {
        return updatePlan(plan.id, {
          version: plan.version,
          title: values.title.trim(),
          notes,
          ...(values.guidanceYear !== undefined ? { guidanceYear: values.guidanceYear } : {}),
        });
      }
      return createPlan({
        orgUnitId: start!.unit.id,
        year: start!.year,
        title: values.title.trim(),
        notes,
        ...(values.guidanceYear !== undefined ? { guidanceYear: values.guidanceYear } : {}),
      });
    },
    onSuccess: async (saved) => {
      message.success(plan ? t('common.saved') : t('plans.created', { year: saved.year, unit: saved.orgUnit.name }));
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onSaved(saved);
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Values = plan
    ? { title: plan.title, notes: plan.notes ?? '', guidanceYear: plan.guidanceYear }
    : { title: t('plans.defaultTitle', { year: start!.year, unit: start!.unit.name }) };

  return (
    <Modal
      open
      title={plan ? t('plans.editTitle') : t('plans.startFor', { year: start!.year, unit: start!.unit.name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
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
          name="title"
          label={t('plans.field.title')}
          validateFirst
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="guidanceYear" label={t('plans.field.guidanceYear')}>
          <Select<number>
            allowClear={!plan}
            loading={years.isPending}
            options={(years.data ?? []).map((year) => ({
              value: year.year,
              label: `${year.year} — ${year.documentNo}`,
            }))}
          />
        </Form.Item>
        <Form.Item name="notes" label={t('plans.field.notes')} rules={[schemaRule(shape.notes, locale)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} showCount maxLength={5000} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
