import { TASK_STATUSES, type TRegulationTask, type TTaskPhase, type TTaskStatus } from '@loa/contracts';
import { Select, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatDate } from '../../shared/format';
import { PHASE_COLORS, STATUS_COLORS } from './task-groups';

export function TaskStatusTag({ status }: { status: TTaskStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`regulations.status.${status}`)}</Tag>;
}

export function PhaseTag({ phase }: { phase: TTaskPhase }) {
  const { t } = useI18n();
  return <Tag color={PHASE_COLORS[phase]}>{t(`regulations.phaseShort.${phase}`)}</Tag>;
}

/** The due date, dd/mm/yyyy, in red with an "overdue" tag when the task is late. */
export function TaskDue({ task }: { task: Pick<TRegulationTask, 'dueOn' | 'overdue'> }) {
  const { t } = useI18n();
  return (
    <Space size={4} wrap>
      <Typography.Text type={task.overdue ? 'danger' : undefined} strong={task.overdue}>
        {formatDate(task.dueOn)}
      </Typography.Text>
      {task.overdue && <Tag color="red">{t('regulations.task.overdue')}</Tag>}
    </Space>
  );
}

/** A compact status picker for quick changes in lists. */
export function TaskStatusSelect({
  value,
  disabled,
  loading,
  onChange,
  label,
}: {
  value: TTaskStatus;
  disabled?: boolean;
  loading?: boolean;
  onChange: (status: TTaskStatus) => void;
  label: string;
}) {
  const { t } = useI18n();
  return (
    <Select<TTaskStatus>
      size="small"
      aria-label={label}
      value={value}
      disabled={disabled}
      loading={loading}
      onChange={onChange}
      popupMatchSelectWidth={false}
      style={{ minWidth: 130 }}
      options={TASK_STATUSES.map((status) => ({ value: status, label: t(`regulations.status.${status}`) }))}
    />
  );
}
