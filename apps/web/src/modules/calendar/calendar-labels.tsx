import { FileTextOutlined } from '@ant-design/icons';
import { CALENDAR_STATUSES, type TCalendarStatus } from '@loa/contracts';
import { Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';

/** Tag colours of the statuses, matching the entries in the grids (calendar.css). */
export const STATUS_COLORS: Record<TCalendarStatus, string> = {
  planned: 'blue',
  in_production: 'orange',
  published: 'green',
  cancelled: 'default',
};

export function CalendarStatusTag({ status }: { status: TCalendarStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLORS[status]}>{t(`calendar.status.${status}`)}</Tag>;
}

/** What the colours of the grid mean: one sample per status, and the regulation tasks. */
export function CalendarLegend() {
  const { t } = useI18n();
  return (
    <div className="loa-cal-legend" role="note" aria-label={t('calendar.legend')}>
      <Typography.Text type="secondary">{t('calendar.legend')}:</Typography.Text>
      {CALENDAR_STATUSES.map((status) => (
        <span key={status} className={`loa-cal-entry loa-cal-entry--${status}`}>
          {t(`calendar.status.${status}`)}
        </span>
      ))}
      <span className="loa-cal-entry loa-cal-entry--task">
        <FileTextOutlined aria-hidden /> {t('calendar.legend.task')}
      </span>
      <Typography.Text type="secondary">{t('calendar.dragHint')}</Typography.Text>
    </div>
  );
}
