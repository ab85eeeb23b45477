import { PRESS_REQUEST_STATUS_LABELS, type TPressRequest, type TPressRequestStatus } from '@loa/contracts';
import { Space, Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

const COLORS: Record<TPressRequestStatus, string> = {
  received: 'gold',
  routed: 'blue',
  drafted: 'cyan',
  approved: 'purple',
  answered: 'green',
  declined: 'default',
};

/** The status of a press request, with "overdue" beside it when the answer is late. */
export function PressStatusTag({ item }: { item: Pick<TPressRequest, 'status' | 'overdue'> }) {
  const { t, locale } = useI18n();
  return (
    <Space size={4} wrap>
      <Tag color={COLORS[item.status]}>{PRESS_REQUEST_STATUS_LABELS[item.status][locale]}</Tag>
      {item.overdue && <Tag color="red">{t('press.overdue')}</Tag>}
    </Space>
  );
}
