import type { TCampaignStatus } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

const COLORS: Record<TCampaignStatus, string> = { draft: 'default', active: 'green', closed: 'blue' };

export function CampaignStatusTag({ status }: { status: TCampaignStatus }) {
  const { t } = useI18n();
  return <Tag color={COLORS[status]}>{t(`campaigns.status.${status}`)}</Tag>;
}
