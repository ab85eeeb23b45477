import {
  TASK_PHASES,
  TASK_STATUSES,
  ZCreateTaskRequest,
  type TRegulationTask,
  type TTaskPhase,
  type TTaskStatus,
  type TUpdateTaskRequest,
} from '@loa/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formErrorText } from '../../shared/errors';
import { fieldMessage, requiredRule, schemaRule } from '../../shared/validation';
import { useCurrentUser } from '../auth/session';
import { OrgUnitTreeSelect } from '../org-units/org-unit-tree-select';
import { PersonSelect } from '../users/person-select';
import { createTask, regulationKeys, updateTask } from './regulations.api';
import { formatOffset } from './task-groups';

interface Values {
  phase: TTaskPhase;
  title: string;
  ownerUnitId: string;
  dueOn: Dayjs | null;
  status: TTaskStatus;
  assigneeUserId: string | null;
}

const FIELDS = ['phase', 'title', 'ownerUnitId', 'dueOn', 'status', 'assigneeUserId'] as const;
const shape = ZCreateTaskRequest.shape;

export type TaskFormMode = { kind: 'create'; regulationId: string } | { kind: 'edit'; task: TRegulationTask };

/** Adds a task to a document or edits one: status, owner unit (of the user's scope), assignee, due date, title. */
export function TaskFormModal({ mode, onClose }: { mode: TaskFormMode; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string | null>(null);
  const task = mode.kind === 'edit' ? mode.task : null;
  const ownerUnitId = Form.useWatch('ownerUnitId', form);

  const mutation = useMutation({
    mutationFn: (values: Values) => {
      const dueOn = values.dueOn ? values.dueOn.format('YYYY-MM-DD') : '';
      if (!task) {
        return createTask(mode.kind === 'create' ? mode.regulationId : '', {
          phase: values.phase,
          title: values.title.trim(),
          ownerUnitId: values.ownerUnitId,
          dueOn,
          assigneeUserId: values.assigneeUserId ?? null,
        });
      }
      const patch: TUpdateTaskRequest = { version: task.version };
      if (values.title.trim() !== task.title) patch.title = values.title.trim();
      if (values.ownerUnitId !== task.ownerUnit.id) patch.ownerUnitId = values.ownerUnitId;
      if (dueOn !== task.dueOn) patch.dueOn = dueOn;
      if (values.status !== task.status) patch.status = values.status;
      const assignee = values.assigneeUserId ?? null;
      if (assignee !== (task.assignee?.id ?? null)) patch.assigneeUserId = assignee;
      return updateTask(task.id, patch);
    },
    onSuccess: async () => {
      message.success(t('common.saved'));
      await queryClient.invalidateQueries({ queryKey: regulationKeys.all });
      onClose();
    },
    onError: (error) => setFormError(formErrorText(form, error, FIELDS, t)),
  });

  const initialValues: Partial<Values> = task
    ? {
        phase: task.phase,
        title: task.title,
        ownerUnitId: task.ownerUnit.id,
        dueOn: dayjs(task.dueOn),
        status: task.status,
        assigneeUserId: task.assignee?.id ?? null,
      }
    : { phase: 'before', assigneeUserId: null, ownerUnitId: user.orgUnit.id };

  return (
    <Modal
      open
      width={640}
      title={task ? t('regulations.task.editTitle') : t('regulations.task.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {task && (
        <Typography.Paragraph type="secondary">
          {task.regulationNumber}
          {task.offsetDays !== null && ` · ${t('regulations.task.offset', { days: formatOffset(task.offsetDays) })}`}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(values) => {
          setFormError(null);
          mutation.mutate(values);
        }}
      >
        {!task && (
          <Form.Item
            name="phase"
            label={t('regulations.task.phase')}
            rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
          >
            <Select<TTaskPhase>
              options={TASK_PHASES.map((phase) => ({ value: phase, label: t(`regulations.phase.${phase}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('regulations.task.title')}
          rules={[requiredRule(locale), schemaRule(shape.title, locale)]}
        >
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={300} />
        </Form.Item>
        <Form.Item
          name="ownerUnitId"
          label={t('regulations.task.owner')}
          rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
        >
          <OrgUnitTreeSelect />
        </Form.Item>
        <Form.Item
          name="dueOn"
          label={t('regulations.task.dueOn')}
          rules={[{ required: true, message: fieldMessage('validation.required', locale) }]}
        >
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        {task && (
          <Form.Item name="status" label={t('regulations.task.status')}>
            <Select<TTaskStatus>
              options={TASK_STATUSES.map((status) => ({ value: status, label: t(`regulations.status.${status}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item name="assigneeUserId" label={t('regulations.task.assignee')}>
          <PersonSelect orgUnitId={ownerUnitId} current={task?.assignee ?? null} />
        </Form.Item>
        {formError && <Alert type="error" showIcon title={formError} />}
      </Form>
    </Modal>
  );
}
