import { TRAINING_STATUS_LABELS, type TTrainingStatus } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

const STATUS_COLORS: Record<TTrainingStatus, string> = { planned: 'blue', held: 'green', closed: 'default' };

/** A course's status as a coloured tag. */
export function TrainingStatusTag({ status }: { status: TTrainingStatus }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{TRAINING_STATUS_LABELS[status][locale]}</Tag>;
}
