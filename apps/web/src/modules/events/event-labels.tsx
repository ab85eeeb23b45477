import { EVENT_STATUS_LABELS, type TEvent, type TEventStatus } from '@loa/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { formatCount } from '../../shared/format';

const STATUS_COLORS: Record<TEventStatus, string> = {
  planned: 'blue',
  held: 'gold',
  reported: 'green',
  cancelled: 'default',
};

export function EventStatusTag({ status }: { status: TEventStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="event-status">
      {EVENT_STATUS_LABELS[status][locale]}
    </Tag>
  );
}

/** The place of an event in one line: address, commune, district, province. */
export function placeText(event: Pick<TEvent, 'address' | 'commune' | 'district' | 'province'>): string {
  return [event.address, event.commune?.name, event.district?.name, event.province?.name].filter(Boolean).join(', ');
}

/** An amount of đồng: "4.500.000 đ" / "4,500,000 VND". */
export function formatVnd(amount: number, locale: 'vi' | 'en'): string {
  return locale === 'vi' ? `${formatCount(amount, 'vi')} đ` : `${formatCount(amount, 'en')} VND`;
}
