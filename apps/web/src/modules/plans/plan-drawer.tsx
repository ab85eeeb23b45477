import { CheckOutlined, DeleteOutlined, EditOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import {
  PLAN_METRIC_LABELS,
  planPeriodLabel,
  ZReturnPlanRequest,
  type TPlanDetail,
  type TPlanTarget,
} from '@loa/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Spin,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { errorText } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { requiredRule, schemaRule } from '../../shared/validation';
import { PlanFormModal } from './plan-form-modal';
import { PlanStatusTag, Progress, Shortfall, TargetValue } from './plan-labels';
import { formatTargetValue } from './plan-tree';
import { deletePlan, getPlan, planKeys, transitionPlan, type PlanTransition } from './plans.api';
import { TargetsEditor } from './targets-editor';

/** One plan: its state, who did what, its targets with their split and progress, and what the user may do. */
export function PlanDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [editingTargets, setEditingTargets] = useState(false);
  const [returning, setReturning] = useState(false);
  const [returnForm] = Form.useForm<{ reason: string }>();
  const plan = useQuery({ queryKey: planKeys.detail(id), queryFn: () => getPlan(id) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: planKeys.all });

  const transition = useMutation({
    mutationFn: ({ action, reason }: { action: PlanTransition; reason?: string }) =>
      transitionPlan(id, action, plan.data!.version, reason),
    onSuccess: async (saved, { action }) => {
      message.success(t(`plans.done.${action}`));
      setReturning(false);
      queryClient.setQueryData(planKeys.detail(id), saved);
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });
  const remove = useMutation({
    mutationFn: () => deletePlan(id),
    onSuccess: async () => {
      message.success(t('plans.done.delete'));
      onClose();
      queryClient.removeQueries({ queryKey: planKeys.detail(id) });
      await refresh();
    },
    onError: (error) => message.error(errorText(error, t)),
  });

  const columns: TableColumnsType<TPlanTarget> = [
    { title: t('plans.target.metric'), key: 'metric', render: (_, x) => PLAN_METRIC_LABELS[x.metric][locale] },
    { title: t('plans.target.period'), key: 'period', width: 110, render: (_, x) => planPeriodLabel(x.period, locale) },
    {
      title: t('plans.target.theme'),
      key: 'theme',
      width: 110,
      render: (_, x) =>
        x.themeCode ?? <Typography.Text type="secondary">{t('plans.target.allThemes')}</Typography.Text>,
    },
    {
      title: t('plans.target.audience'),
      key: 'audience',
      width: 120,
      render: (_, x) =>
        x.audienceCode ?? <Typography.Text type="secondary">{t('plans.target.allAudiences')}</Typography.Text>,
    },
    {
      title: t('plans.target.value'),
      key: 'value',
      align: 'right',
      render: (_, x) => <TargetValue value={x.value} metric={x.metric} />,
    },
    {
      title: t('plans.target.split'),
      key: 'split',
      render: (_, x) =>
        x.childrenSum === null ? null : (
          <Flex vertical gap={2}>
            <span>{formatTargetValue(x.childrenSum, x.metric, locale)}</span>
            <Shortfall value={x.shortfall} metric={x.metric} />
          </Flex>
        ),
    },
    {
      title: t('plans.col.progress'),
      key: 'progress',
      render: (_, x) => <Progress progress={x.progress} target={x.value} />,
    },
    { title: t('plans.target.note'), key: 'note', dataIndex: 'note' },
  ];

  const act = (action: PlanTransition) => transition.mutate({ action });
  let body;
  const data: TPlanDetail | undefined = plan.data;
  if (plan.isPending) body = <Spin description={t('common.loading')} />;
  else if (plan.isError || !data)
    body = <Alert type="error" showIcon title={errorText(plan.error, t) || t('plans.loadFailed')} />;
  else {
    const byAt = (who: { fullName: string } | null, at: string | null) =>
      who && at ? t('plans.detail.byAt', { name: who.fullName, at: formatDateTime(at) }) : t('common.none');
    body = (
      <Flex vertical gap={16}>
        {data.status === 'returned' && data.returnedReason && (
          <Alert type="warning" showIcon title={t('plans.detail.returnedReason', { reason: data.returnedReason })} />
        )}
        {data.status === 'submitted' && data.returnedReason && data.returnedAt && (
          <Alert
            type="info"
            showIcon
            title={t('plans.detail.lastReturn', { at: formatDateTime(data.returnedAt), reason: data.returnedReason })}
          />
        )}
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'unit', label: t('plans.field.unit'), children: data.orgUnit.name },
            { key: 'year', label: t('plans.field.year'), children: data.year },
            { key: 'status', label: t('common.status'), children: <PlanStatusTag status={data.status} /> },
            { key: 'guidance', label: t('plans.field.guidanceYear'), children: data.guidanceYear },
            {
              key: 'submitted',
              label: t('plans.detail.submittedBy'),
              children: byAt(data.submittedBy, data.submittedAt),
            },
            { key: 'approved', label: t('plans.detail.approvedBy'), children: byAt(data.approvedBy, data.approvedAt) },
            ...(data.returnedAt
              ? [
                  {
                    key: 'returned',
                    label: t('plans.detail.returnedBy'),
                    children: byAt(data.returnedBy, data.returnedAt),
                  },
                ]
              : []),
            { key: 'notes', label: t('plans.field.notes'), span: 'filled', children: data.notes ?? t('common.none') },
          ]}
        />
        {data.parentPlan && (
          <Typography.Text type="secondary">
            {t('plans.detail.parentPlan', { unit: data.parentPlan.orgUnit.name })}{' '}
            <PlanStatusTag status={data.parentPlan.status} />
          </Typography.Text>
        )}
        <Flex gap={8} wrap>
          {data.can.edit && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button icon={<EditOutlined />} onClick={() => setEditingTargets(true)}>
                {t('plans.action.editTargets')}
              </Button>
            </>
          )}
          {data.can.submit && (
            <Popconfirm
              title={t('plans.confirm.submit')}
              description={t('plans.confirm.submitExplain')}
              okText={t('plans.action.submit')}
              cancelText={t('common.cancel')}
              onConfirm={() => act('submit')}
            >
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={transition.isPending}
                disabled={data.targets.length === 0}
                title={data.targets.length === 0 ? t('plans.detail.noTargets') : undefined}
              >
                {t('plans.action.submit')}
              </Button>
            </Popconfirm>
          )}
          {data.can.review && data.status === 'submitted' && (
            <Popconfirm
              title={t('plans.confirm.approve')}
              okText={t('plans.action.approve')}
              cancelText={t('common.cancel')}
              onConfirm={() => act('approve')}
            >
              <Button type="primary" icon={<CheckOutlined />} loading={transition.isPending}>
                {t('plans.action.approve')}
              </Button>
            </Popconfirm>
          )}
          {data.can.review && (
            <Button icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
              {t('plans.action.return')}
            </Button>
          )}
          {data.can.delete && (
            <Popconfirm
              title={t('plans.confirm.delete')}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('plans.action.delete')}
              </Button>
            </Popconfirm>
          )}
        </Flex>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('plans.detail.targets')}
        </Typography.Title>
        <Table<TPlanTarget>
          size="small"
          rowKey={(x) => `${x.metric}|${x.period}|${x.themeCode ?? ''}|${x.audienceCode ?? ''}`}
          columns={columns}
          dataSource={data.targets}
          pagination={false}
          locale={{ emptyText: t('plans.detail.noTargets') }}
          scroll={{ x: 900 }}
        />
      </Flex>
    );
  }

  return (
    <Drawer open size={1000} title={data?.title ?? t('common.loading')} onClose={onClose} destroyOnHidden>
      {body}
      {data && editing && (
        <PlanFormModal target={{ plan: data }} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {data && editingTargets && <TargetsEditor plan={data} onClose={() => setEditingTargets(false)} />}
      {data && returning && (
        <Modal
          open
          title={t('plans.return.title')}
          okText={t('plans.action.return')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          confirmLoading={transition.isPending}
          onOk={() => returnForm.submit()}
          onCancel={() => setReturning(false)}
          destroyOnHidden
        >
          <Form
            form={returnForm}
            layout="vertical"
            onFinish={({ reason }) => transition.mutate({ action: 'return', reason: reason.trim() })}
          >
            <Form.Item
              name="reason"
              label={t('plans.return.reason')}
              extra={t('plans.return.reasonHint')}
              validateFirst
              rules={[requiredRule(locale), schemaRule(ZReturnPlanRequest.shape.reason, locale)]}
            >
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} showCount maxLength={2000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </Drawer>
  );
}
