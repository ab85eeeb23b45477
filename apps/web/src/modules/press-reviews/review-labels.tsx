import {
  DELIVERY_STATUS_LABELS,
  DELIVERY_STATUSES,
  REVIEW_STATUS_LABELS,
  type TDeliveryStatus,
  type TReviewDeliverySummary,
  type TReviewStatus,
} from '@loa/contracts';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

export const DELIVERY_COLORS: Record<TDeliveryStatus, string> = {
  pending: 'processing',
  sent: 'success',
  failed: 'error',
  held: 'warning',
};

/** An edition's status: a draft, or approved and sent. */
export function ReviewStatusTag({ status }: { status: TReviewStatus }) {
  const { locale } = useI18n();
  return (
    <Tag color={status === 'approved' ? 'green' : 'gold'} data-testid="review-status">
      {REVIEW_STATUS_LABELS[status][locale]}
    </Tag>
  );
}

export function DeliveryStatusTag({ status }: { status: TDeliveryStatus }) {
  const { locale } = useI18n();
  return <Tag color={DELIVERY_COLORS[status]}>{DELIVERY_STATUS_LABELS[status][locale]}</Tag>;
}

/** How many e-mail copies are sent, waiting, failed or held; "not sent" when there are none. */
export function DeliverySummary({ summary }: { summary: TReviewDeliverySummary }) {
  const { t, locale } = useI18n();
  const shown = DELIVERY_STATUSES.filter((status) => summary[status] > 0);
  if (shown.length === 0) return <Typography.Text type="secondary">{t('reviews.delivery.none')}</Typography.Text>;
  return (
    <>
      {shown.map((status) => (
        <Tag key={status} color={DELIVERY_COLORS[status]} style={{ marginBlock: 2 }}>
          {DELIVERY_STATUS_LABELS[status][locale]}: {summary[status]}
        </Tag>
      ))}
    </>
  );
}
