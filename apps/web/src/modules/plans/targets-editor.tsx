import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  MAX_TARGET_VALUE,
  PLAN_METRIC_LABELS,
  PLAN_METRICS,
  PLAN_PERIODS,
  planPeriodLabel,
  planTargetKey,
  type TGuidanceItem,
  type TPlanDetail,
  type TPlanMetric,
  type TPlanPeriod,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { fieldMessage } from '../../shared/validation';
import { guidanceKeys, listItems } from '../guidance/guidance.api';
import { formatCount, formatTargetValue, targetMessages, type TargetDraft } from './plan-tree';
import { planKeys, replaceTargets } from './plans.api';

interface Row extends TargetDraft {
  note?: string | null;
}
type Values = { targets: (Row | undefined)[] };

const required = (locale: 'vi' | 'en') => ({ required: true, message: fieldMessage('validation.required', locale) });

/** Edits a plan's whole target set; the same rules as the server's are checked as the user types. */
export function TargetsEditor({ plan, onClose }: { plan: TPlanDetail; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const rows = Form.useWatch('targets', form) ?? [];
  const messages = targetMessages(rows, plan.parentLimits, plan.childrenSums, locale);
  const themes = useQuery({
    queryKey: guidanceKeys.items(plan.guidanceYear, 'themes'),
    queryFn: () => listItems(plan.guidanceYear, 'themes'),
  });
  const audiences = useQuery({
    queryKey: guidanceKeys.items(plan.guidanceYear, 'audiences'),
    queryFn: () => listItems(plan.guidanceYear, 'audiences'),
  });
  const options = (items: TGuidanceItem[] | undefined) =>
    (items ?? []).map((item) => ({
      value: item.code,
      label: `${item.code} ${locale === 'vi' ? item.nameVi : item.nameEn}`,
    }));
  const limits = new Map(plan.parentLimits.map((limit) => [planTargetKey(limit), limit]));
  const held = new Map(plan.childrenSums.map((sum) => [planTargetKey(sum), sum.sum]));

  const mutation = useMutation({
    mutationFn: (values: Values) =>
      replaceTargets(
        plan.id,
        plan.version,
        values.targets
          .filter((row): row is Row => Boolean(row))
          .map((row) => ({
            metric: row.metric!,
            period: row.period!,
            themeCode: row.themeCode ?? null,
            audienceCode: row.audienceCode ?? null,
            value: row.value!,
            note: row.note?.trim() || null,
          })),
      ),
    onSuccess: async (saved) => {
      message.success(t('plans.done.targets'));
      queryClient.setQueryData(planKeys.detail(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: planKeys.all });
      onClose();
    },
    onError: (error) => {
      // "targets.2.value" goes under that row's field.
      const problems = error instanceof ApiError ? error.errors.filter((e) => e.field.startsWith('targets.')) : [];
      form.setFields(
        problems.map((problem) => ({
          name: problem.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) as [
            'targets',
            number,
            keyof Row,
          ],
          errors: [problem.message],
        })),
      );
      setFormError(errorText(error, t));
    },
  });

  /** The cross-row message of a field, shown in place of its own when there is one. */
  const crossRow = (index: number, field: 'metric' | 'value') => {
    const text = messages.get(`${index}.${field}`);
    return text ? { validateStatus: 'error' as const, help: text } : {};
  };
  const hint = (row: Row | undefined) => {
    if (!row?.metric || !row.period) return undefined;
    const key = planTargetKey({ ...row, metric: row.metric, period: row.period });
    const limit = limits.get(key);
    const parts = [
      limit &&
        t('plans.target.available', {
          value: formatTargetValue(Math.max(0, limit.parentValue - limit.siblingsSum), row.metric, locale),
        }),
      held.get(key) !== undefined &&
        t('plans.target.held', { value: formatTargetValue(held.get(key)!, row.metric, locale) }),
    ].filter(Boolean);
    return parts.length > 0 ? parts.join(' · ') : undefined;
  };

  return (
    <Modal
      open
      width={1180}
      title={t('plans.target.editorTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      okButtonProps={{ disabled: messages.size > 0 }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('plans.target.editorExplain')} style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          targets: plan.targets.map(({ metric, period, themeCode, audienceCode, value, note }) => ({
            metric,
            period,
            themeCode,
            audienceCode,
            value,
            note,
          })),
        }}
        onFinish={(values) => {
          setFormError(null);
          if (messages.size === 0) mutation.mutate(values);
        }}
      >
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" wrap>
                  <Col xs={24} md={5}>
                    <Form.Item
                      name={[field.name, 'metric']}
                      label={t('plans.target.metric')}
                      rules={[required(locale)]}
                      {...crossRow(field.name, 'metric')}
                    >
                      <Select<TPlanMetric>
                        options={PLAN_METRICS.map((metric) => ({
                          value: metric,
                          label: PLAN_METRIC_LABELS[metric][locale],
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item
                      name={[field.name, 'period']}
                      label={t('plans.target.period')}
                      rules={[required(locale)]}
                    >
                      <Select<TPlanPeriod>
                        options={PLAN_PERIODS.map((period) => ({
                          value: period,
                          label: planPeriodLabel(period, locale),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[field.name, 'themeCode']} label={t('plans.target.theme')}>
                      <Select<string>
                        allowClear
                        showSearch={{ optionFilterProp: 'label' }}
                        placeholder={t('plans.target.allThemes')}
                        loading={themes.isPending}
                        options={options(themes.data)}
                        popupMatchSelectWidth={false}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={3}>
                    <Form.Item name={[field.name, 'audienceCode']} label={t('plans.target.audience')}>
                      <Select<string>
                        allowClear
                        placeholder={t('plans.target.allAudiences')}
                        loading={audiences.isPending}
                        options={options(audiences.data)}
                        popupMatchSelectWidth={false}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item
                      name={[field.name, 'value']}
                      label={t('plans.target.value')}
                      rules={[required(locale)]}
                      extra={hint(rows[field.name])}
                      {...crossRow(field.name, 'value')}
                    >
                      <InputNumber<number>
                        min={0}
                        max={MAX_TARGET_VALUE}
                        precision={0}
                        formatter={(value) =>
                          value === undefined || value === null || `${value}` === ''
                            ? ''
                            : formatCount(Number(value), locale)
                        }
                        parser={(text) => Number((text ?? '').replace(/\D/g, ''))}
                        suffix={rows[field.name]?.metric === 'budget_vnd' ? t('plans.target.vnd') : undefined}
                        style={{ width: '100%' }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={20} md={3}>
                    <Form.Item name={[field.name, 'note']} label={t('plans.target.note')}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    <Form.Item label=" ">
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('plans.target.remove')}
                        onClick={() => remove(field.name)}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              {fields.length === 0 && <Typography.Text type="secondary">{t('plans.detail.noTargets')}</Typography.Text>}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ period: 'year' } satisfies Row)}>
                {t('plans.target.add')}
              </Button>
            </Flex>
          )}
        </Form.List>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
      </Form>
    </Modal>
  );
}
