import {
  REPORT_PERIOD_KIND_LABELS,
  REPORT_PERIOD_KINDS,
  type TReportPeriod,
  type TReportPeriodKind,
  type TReportTemplate,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Drawer, Flex, Form, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useI18n, type Translate } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { vnCalendarDate } from '../../shared/format';
import { fieldMessage } from '../../shared/validation';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { showFormErrors } from './form-errors';
import { createReport, listReports, listTemplates, reportKeys } from './reports.api';
import { currentPeriod, existingReportId, fitsKind, periodNumbers } from './report-values';

interface Values {
  orgUnitId: string;
  period: { kind: TReportPeriodKind; year: number; number: number };
  templateId?: string;
}

const ROMAN = ['I', 'II', 'III', 'IV'];
/** "Tháng 7", "Quý III", "6 tháng đầu năm", "Cả năm" (and the English). */
export function periodNumberLabel(kind: TReportPeriodKind, number: number, t: Translate): string {
  if (kind === 'month') return t('reports.number.month', { number });
  if (kind === 'quarter') return t('reports.number.quarter', { roman: ROMAN[number - 1] ?? String(number) });
  if (kind === 'half') return t(number === 1 ? 'reports.number.half1' : 'reports.number.half2');
  return t('reports.number.year');
}

/** The templates offered for a kind: those for every kind or naming it. */
const templatesFor = (templates: TReportTemplate[], kind: TReportPeriodKind) =>
  templates.filter((template) => template.periodKinds.length === 0 || template.periodKinds.includes(kind));

/** The live report of the same unit and period, when the server's 409 does not name it. */
async function findExisting(orgUnitId: string, period: TReportPeriod): Promise<string | null> {
  const page = await listReports({ orgUnitId, periodKind: period.kind, year: period.year }, 1, 100);
  const found = page.items.find(
    (report) =>
      report.orgUnit.id === orgUnitId && report.period.number === period.number && report.status !== 'archived',
  );
  return found?.id ?? null;
}

/**
 * Lập báo cáo: the unit (of the user's scope), the kind, year and period (checked against the kind as it changes) and
 * the template; the report opens at once while its documents are generated. One live report per unit and period:
 * when it exists, the drawer offers to open it.
 */
export function CreateReportDrawer({
  defaultUnitId,
  onClose,
  onOpen,
}: {
  defaultUnitId: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const [existing, setExisting] = useState<{ id: string | null } | null>(null);
  const templates = useQuery({ queryKey: reportKeys.templates, queryFn: listTemplates });
  const kind = Form.useWatch(['period', 'kind'], form) ?? 'quarter';
  const offered = templatesFor(templates.data ?? [], kind);

  const create = useMutation({
    mutationFn: (values: Values) =>
      createReport({
        orgUnitId: values.orgUnitId,
        period: values.period,
        ...(values.templateId ? { templateId: values.templateId } : {}),
      }),
    onSuccess: async (report) => {
      await queryClient.invalidateQueries({ queryKey: reportKeys.all });
      onOpen(report.id);
    },
    onError: async (error, values) => {
      if (error instanceof ApiError && error.code === 'report.exists') {
        const id = existingReportId(error.body) ?? (await findExisting(values.orgUnitId, values.period));
        setExisting({ id });
        return;
      }
      setFormError(showFormErrors(form, error, ['orgUnitId', 'period', 'templateId'], t));
    },
  });

  const today = vnCalendarDate(new Date());
  const initial = currentPeriod(today, 'quarter');
  return (
    <Drawer open size={520} title={t('reports.createTitle')} onClose={onClose} destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        aria-label={t('reports.createTitle')}
        initialValues={{ orgUnitId: defaultUnitId, period: { kind: 'quarter', ...initial } }}
        onValuesChange={(changed: Partial<Values>) => {
          setExisting(null);
          setFormError(null);
          // Another kind may not offer the chosen template.
          if (changed.period?.kind) {
            const chosen = form.getFieldValue('templateId') as string | undefined;
            if (chosen && !templatesFor(templates.data ?? [], changed.period.kind).some((x) => x.id === chosen))
              form.setFieldValue('templateId', undefined);
          }
        }}
        onFinish={(values) => {
          setFormError(null);
          setExisting(null);
          create.mutate(values);
        }}
      >
        <Form.Item
          name="orgUnitId"
          label={t('reports.field.unit')}
          rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
        >
          <OrgUnitTreeSelect />
        </Form.Item>
        <Form.Item
          name={['period', 'kind']}
          label={t('reports.field.kind')}
          rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
        >
          <Select<TReportPeriodKind>
            options={REPORT_PERIOD_KINDS.map((value) => ({
              value,
              label: REPORT_PERIOD_KIND_LABELS[value][locale],
            }))}
          />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name={['period', 'year']}
            label={t('reports.field.year')}
            rules={[
              { required: true, message: fieldMessage('validation.required', locale) },
              { type: 'integer', min: 2000, max: 2100, message: t('reports.yearRange') },
            ]}
          >
            <InputNumber min={2000} max={2100} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name={['period', 'number']}
            label={t('reports.field.periodNumber')}
            required
            dependencies={[['period', 'kind']]}
            style={{ flex: 1 }}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: number | undefined) => {
                  if (value === undefined || value === null)
                    throw new Error(fieldMessage('validation.required', locale));
                  const currentKind = getFieldValue(['period', 'kind']) as TReportPeriodKind;
                  if (!fitsKind(currentKind, value))
                    throw new Error(
                      t('reports.periodNumberInvalid', {
                        kind: REPORT_PERIOD_KIND_LABELS[currentKind][locale].toLocaleLowerCase(locale),
                      }),
                    );
                },
              }),
            ]}
          >
            <Select<number>
              options={periodNumbers(kind).map((number) => ({
                value: number,
                label: periodNumberLabel(kind, number, t),
              }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="templateId" label={t('reports.field.template')} extra={t('reports.templateHint')}>
          <Select<string>
            allowClear
            loading={templates.isLoading}
            placeholder={t('reports.templateDefault')}
            options={offered.map((template) => ({
              value: template.id,
              label: template.isDefault ? `${template.name} (${t('reports.templates.default')})` : template.name,
            }))}
          />
        </Form.Item>
        {existing && (
          <Alert
            type="warning"
            showIcon
            role="alert"
            style={{ marginBottom: 16 }}
            title={t('reports.exists')}
            action={
              existing.id && (
                <Button size="small" type="primary" onClick={() => existing.id && onOpen(existing.id)}>
                  {t('reports.openExisting')}
                </Button>
              )
            }
          />
        )}
        {formError && <Alert type="error" showIcon role="alert" style={{ marginBottom: 16 }} title={formError} />}
        <Flex gap={8} justify="flex-end">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('reports.createSubmit')}
          </Button>
        </Flex>
      </Form>
    </Drawer>
  );
}
