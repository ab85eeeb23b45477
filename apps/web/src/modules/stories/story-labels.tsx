import type { TConsentStatus, TStoryStatus } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

const STATUS_COLORS: Record<TStoryStatus, string> = { draft: 'default', usable: 'green', archived: 'purple' };
const CONSENT_COLORS: Record<TConsentStatus, string> = {
  pending: 'gold',
  obtained: 'green',
  not_needed: 'blue',
  refused: 'red',
};

export function StoryStatusTag({ status }: { status: TStoryStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`stories.status.${status}`)}</Tag>;
}

export function ConsentTag({ consent }: { consent: TConsentStatus }) {
  const { t } = useI18n();
  return <Tag color={CONSENT_COLORS[consent]}>{t(`stories.consent.${consent}`)}</Tag>;
}
