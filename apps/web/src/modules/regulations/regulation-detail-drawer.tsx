import { DeleteOutlined, EditOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { REGULATION_KIND_LABELS, type TRegulationDetail, type TRegulationTask } from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Flex,
  Popconfirm,
  Spin,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDate } from '../../shared/format';
import { hasAnyRole, useCurrentUser } from '../auth/session';
import { RegulationFormDrawer } from './regulation-form-drawer';
import { RegulationAttachments } from './regulation-attachments';
import { RegulationRelations } from './regulation-relations';
import { deleteRegulation, generateTasks, getRegulation, listRegulationTasks, regulationKeys } from './regulations.api';
import { TaskFormModal, type TaskFormMode } from './task-form-modal';
import { TaskTimeline } from './task-timeline';

/** Roles that plan tasks and work on them (the server checks again, with scopes). */
const PLANNERS = ['admin', 'comms_center', 'unit_officer', 'province_officer'] as const;
const WORKERS = [...PLANNERS, 'press_office', 'district_officer'] as const;

/** One document: its fields, relations, attachments and "before, during, after" tasks; edit, delete, plan. */
export function RegulationDetailDrawer({
  id,
  onClose,
  onOpen,
}: {
  id: string;
  onClose: () => void;
  onOpen: (id: string) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const user = useCurrentUser();
  const [editing, setEditing] = useState(false);
  const [taskForm, setTaskForm] = useState<TaskFormMode | null>(null);
  const regulation = useQuery({ queryKey: regulationKeys.detail(id), queryFn: () => getRegulation(id) });
  const tasks = useQuery({ queryKey: regulationKeys.tasks(id), queryFn: () => listRegulationTasks(id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: regulationKeys.all });
  const fail = (error: unknown) => message.error(errorText(error, t));

  const generate = useMutation({
    mutationFn: () => generateTasks(id),
    onSuccess: async ({ created }) => {
      if (created > 0) message.success(t('regulations.tasks.generated', { count: created }));
      else message.info(t('regulations.tasks.noneGenerated'));
      await refresh();
    },
    onError: fail,
  });
  const remove = useMutation({
    mutationFn: (doc: TRegulationDetail) => deleteRegulation(doc.id).then(() => doc),
    onSuccess: async (doc) => {
      message.success(t('regulations.deleted', { number: doc.number }));
      onClose();
      await refresh();
    },
    onError: fail,
  });

  const doc = regulation.data;
  const canPlan = hasAnyRole(user, PLANNERS);
  const canWork = hasAnyRole(user, WORKERS);

  let body;
  if (regulation.isPending) body = <Spin description={t('common.loading')} />;
  else if (regulation.isError || !doc)
    body = <Alert type="error" showIcon title={errorText(regulation.error, t) || t('regulations.detail.loadFailed')} />;
  else
    body = (
      <>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'number', label: t('regulations.field.number'), children: doc.number },
            { key: 'kind', label: t('regulations.field.kind'), children: REGULATION_KIND_LABELS[doc.kind][locale] },
            { key: 'issuer', label: t('regulations.field.issuer'), children: doc.issuer },
            { key: 'signer', label: t('regulations.field.signer'), children: doc.signer ?? t('common.none') },
            { key: 'issuedOn', label: t('regulations.field.issuedOn'), children: formatDate(doc.issuedOn) },
            {
              key: 'effectiveOn',
              label: t('regulations.field.effectiveOn'),
              children: formatDate(doc.effectiveOn) || t('common.none'),
            },
            { key: 'summary', label: t('regulations.field.summary'), span: 'filled', children: doc.summary },
            {
              key: 'draftingUnit',
              label: t('regulations.field.draftingUnit'),
              children: doc.draftingUnitName ?? doc.draftingUnit?.name ?? t('common.none'),
            },
            { key: 'orgUnit', label: t('regulations.field.orgUnit'), children: doc.orgUnit.name },
            {
              key: 'recipients',
              label: t('regulations.field.recipients'),
              span: 'filled',
              children: doc.recipients ?? t('common.none'),
            },
            {
              key: 'tags',
              label: t('regulations.field.tags'),
              children: doc.tags.length ? doc.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : t('common.none'),
            },
            {
              key: 'needsCommunication',
              label: t('regulations.filter.needsCommunication'),
              children: doc.needsCommunication ? t('regulations.yes') : t('regulations.no'),
            },
          ]}
        />
        <Divider titlePlacement="start">{t('regulations.detail.relations')}</Divider>
        <RegulationRelations regulation={doc} onOpen={onOpen} />
        <Divider titlePlacement="start">{t('files.attachments')}</Divider>
        <RegulationAttachments regulation={doc} />
        <Divider titlePlacement="start">{t('regulations.tasks.title')}</Divider>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">{t('regulations.tasks.scopeNote')}</Typography.Text>
          <Flex gap={8}>
            {canPlan && (
              <Button icon={<PlusOutlined />} onClick={() => setTaskForm({ kind: 'create', regulationId: doc.id })}>
                {t('regulations.tasks.add')}
              </Button>
            )}
            {doc.canEdit && (
              <Tooltip title={doc.effectiveOn ? undefined : t('regulations.tasks.needsEffectiveDate')}>
                <Button
                  icon={<ThunderboltOutlined />}
                  disabled={!doc.effectiveOn}
                  loading={generate.isPending}
                  onClick={() => generate.mutate()}
                  data-testid="generate-tasks"
                >
                  {t('regulations.tasks.generate')}
                </Button>
              </Tooltip>
            )}
          </Flex>
        </Flex>
        {tasks.isError ? (
          <Alert type="error" showIcon title={errorText(tasks.error, t)} />
        ) : (
          <Spin spinning={tasks.isFetching}>
            <TaskTimeline
              tasks={tasks.data ?? []}
              canWork={canWork}
              onEdit={(task: TRegulationTask) => setTaskForm({ kind: 'edit', task })}
            />
          </Spin>
        )}
      </>
    );

  return (
    <>
      <Drawer
        open
        size={960}
        title={doc ? `${REGULATION_KIND_LABELS[doc.kind][locale]} ${doc.number}` : t('common.loading')}
        onClose={onClose}
        destroyOnHidden
        extra={
          doc?.canEdit && (
            <Flex gap={8}>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('regulations.deleteConfirm', { number: doc.number })}
                description={t('regulations.deleteExplain')}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(doc).catch(() => undefined)}
              >
                <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </Flex>
          )
        }
      >
        {body}
      </Drawer>
      {editing && doc && (
        <RegulationFormDrawer regulation={doc} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {taskForm && <TaskFormModal mode={taskForm} onClose={() => setTaskForm(null)} />}
    </>
  );
}
