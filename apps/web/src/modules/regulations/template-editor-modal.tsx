import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  offsetFitsPhase,
  TASK_PHASES,
  TEMPLATE_OWNERS,
  ZTaskTemplateStepInput,
  type TTaskPhase,
  type TTaskTemplateItem,
  type TTemplateOwner,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Spin, Switch } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { ApiError } from '../../shared/api';
import { errorText } from '../../shared/errors';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { DraftingUnitSelect } from './drafting-unit-select';
import { listTemplate, regulationKeys, saveTemplate } from './regulations.api';

interface StepValues {
  id?: string;
  version?: number;
  name: string;
  phase: TTaskPhase;
  offsetDays: number;
  owner: TTemplateOwner;
  ownerUnitId?: string | null;
  titleVi: string;
  titleEn: string;
  active: boolean;
}

const shape = ZTaskTemplateStepInput.shape;

function toValues(item: TTaskTemplateItem): StepValues {
  return {
    id: item.id,
    version: item.version,
    name: item.name,
    phase: item.phase,
    offsetDays: item.offsetDays,
    owner: item.owner,
    ownerUnitId: item.ownerUnit?.id ?? null,
    titleVi: item.titleVi,
    titleEn: item.titleEn,
    active: item.active,
  };
}

/** The "before, during, after" template: steps in order; administrators and the Communication Center edit it. */
export function TemplateEditorModal({ canEdit, onClose }: { canEdit: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ items: StepValues[] }>();
  const [formError, setFormError] = useState<string | null>(null);
  const template = useQuery({ queryKey: regulationKeys.template, queryFn: listTemplate });

  const mutation = useMutation({
    mutationFn: (values: { items: StepValues[] }) =>
      saveTemplate({
        items: values.items.map((step) => ({
          ...(step.id ? { id: step.id, version: step.version } : {}),
          name: step.name.trim(),
          phase: step.phase,
          offsetDays: step.offsetDays,
          owner: step.owner,
          ownerUnitId: step.owner === 'unit' ? (step.ownerUnitId ?? null) : null,
          titleVi: step.titleVi.trim(),
          titleEn: step.titleEn.trim(),
          active: step.active,
        })),
      }),
    onSuccess: async () => {
      message.success(t('template.saved'));
      await queryClient.invalidateQueries({ queryKey: regulationKeys.template });
      onClose();
    },
    onError: (error) => {
      // Field errors name their step: "items.2.offsetDays" goes under that step's field.
      const problems = error instanceof ApiError ? error.errors : [];
      form.setFields(
        problems.map((problem) => ({
          name: problem.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) as [
            'items',
            number,
            keyof StepValues,
          ],
          errors: [problem.message],
        })),
      );
      setFormError(errorText(error, t));
    },
  });

  let body;
  if (template.isPending) body = <Spin description={t('common.loading')} />;
  else if (template.isError) body = <Alert type="error" showIcon title={errorText(template.error, t)} />;
  else
    body = (
      <Form
        form={form}
        layout="vertical"
        disabled={!canEdit}
        initialValues={{ items: template.data.map(toValues) }}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        <Form.List name="items">
          {(fields, { add, remove, move }) => (
            <Flex vertical gap={12}>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  title={t('template.step', { index: index + 1 })}
                  extra={
                    canEdit && (
                      <Flex gap={4}>
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowUpOutlined />}
                          aria-label={t('template.moveUp')}
                          disabled={index === 0}
                          onClick={() => move(index, index - 1)}
                        />
                        <Button
                          type="text"
                          size="small"
                          icon={<ArrowDownOutlined />}
                          aria-label={t('template.moveDown')}
                          disabled={index === fields.length - 1}
                          onClick={() => move(index, index + 1)}
                        />
                        <Button
                          type="text"
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('template.removeStep')}
                          disabled={fields.length === 1}
                          onClick={() => remove(field.name)}
                        />
                      </Flex>
                    )
                  }
                >
                  <Row gutter={12}>
                    <Col xs={24} md={6}>
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('template.name')}
                        rules={[requiredRule(locale), schemaRule(shape.name, locale)]}
                      >
                        <Input autoComplete="off" spellCheck={false} />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={6}>
                      <Form.Item name={[field.name, 'phase']} label={t('regulations.task.phase')}>
                        <Select<TTaskPhase>
                          options={TASK_PHASES.map((phase) => ({
                            value: phase,
                            label: t(`regulations.phase.${phase}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Col xs={12} md={4}>
                      <Form.Item
                        name={[field.name, 'offsetDays']}
                        label={t('template.offsetDays')}
                        dependencies={[['items', field.name, 'phase']]}
                        rules={[
                          { required: true, message: fieldMessage('validation.required', locale) },
                          schemaRule(shape.offsetDays, locale),
                          ({ getFieldValue }) => ({
                            validator: async (_rule, value: number | null | undefined) => {
                              const phase = getFieldValue(['items', field.name, 'phase']) as TTaskPhase;
                              if (typeof value === 'number' && !offsetFitsPhase(phase, value))
                                throw new Error(fieldMessage('validation.phase_offset', locale));
                            },
                          }),
                        ]}
                      >
                        <InputNumber min={-365} max={365} precision={0} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={8}>
                      <Form.Item name={[field.name, 'owner']} label={t('template.owner')}>
                        <Select<TTemplateOwner>
                          options={TEMPLATE_OWNERS.map((owner) => ({
                            value: owner,
                            label: t(`template.owner.${owner}`),
                          }))}
                        />
                      </Form.Item>
                    </Col>
                    <Form.Item noStyle dependencies={[['items', field.name, 'owner']]}>
                      {({ getFieldValue }) =>
                        getFieldValue(['items', field.name, 'owner']) === 'unit' && (
                          <Col span={24}>
                            <Form.Item
                              name={[field.name, 'ownerUnitId']}
                              label={t('template.ownerUnit')}
                              rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
                            >
                              <DraftingUnitSelect />
                            </Form.Item>
                          </Col>
                        )
                      }
                    </Form.Item>
                    <Col xs={24} md={12}>
                      <Form.Item
                        name={[field.name, 'titleVi']}
                        label={t('template.titleVi')}
                        rules={[requiredRule(locale), schemaRule(shape.titleVi, locale)]}
                      >
                        <Input lang="vi" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={10}>
                      <Form.Item
                        name={[field.name, 'titleEn']}
                        label={t('template.titleEn')}
                        rules={[requiredRule(locale), schemaRule(shape.titleEn, locale)]}
                      >
                        <Input lang="en" />
                      </Form.Item>
                    </Col>
                    <Col xs={24} md={2}>
                      <Form.Item name={[field.name, 'active']} label={t('template.active')} valuePropName="checked">
                        <Switch size="small" />
                      </Form.Item>
                    </Col>
                  </Row>
                </Card>
              ))}
              {canEdit && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      name: `step_${fields.length + 1}`,
                      phase: 'during',
                      offsetDays: 0,
                      owner: 'comms_center',
                      titleVi: '',
                      titleEn: '',
                      active: true,
                    } satisfies StepValues)
                  }
                >
                  {t('template.addStep')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginTop: 12 }} />}
      </Form>
    );

  return (
    <Modal
      open
      width={1000}
      title={t('template.title')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !canEdit || !template.data }}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert
        type="info"
        showIcon
        title={canEdit ? t('template.explain') : t('template.readOnly')}
        style={{ marginBottom: 12 }}
      />
      {body}
    </Modal>
  );
}
