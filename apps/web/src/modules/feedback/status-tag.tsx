import { FEEDBACK_STATUS_LABELS, type TFeedback, type TFeedbackStatus } from '@loa/contracts';
import { Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

const COLORS: Record<TFeedbackStatus, string> = { new: 'gold', routed: 'blue', answered: 'green', closed: 'default' };

/** The status of a feedback, with "overdue" beside it when the answer is late. */
export function StatusTag({ item }: { item: Pick<TFeedback, 'status' | 'overdue'> }) {
  const { t, locale } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[item.status]}>{FEEDBACK_STATUS_LABELS[item.status][locale]}</Tag>
      {item.overdue && <Tag color="red">{t('feedback.overdue')}</Tag>}
    </Space>
  );
}
