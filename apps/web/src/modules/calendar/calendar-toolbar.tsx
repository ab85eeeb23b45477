import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Space, Typography } from 'antd';
import { useI18n } from '../../app/i18n/i18n';
import { CALENDAR_VIEWS, dayParts, formatDay, visibleRange, type CalendarView } from './calendar-days';

/** The title of the period a view shows: "Tháng 12/2026", or "Tuần 14/12 – 20/12/2026". */
export function usePeriodTitle() {
  const { t } = useI18n();
  return (view: CalendarView, anchor: string) => {
    if (view === 'week') {
      const { from, to } = visibleRange('week', anchor);
      return t('calendar.period.week', { from: formatDay(from).slice(0, 5), to: formatDay(to) });
    }
    const { year, month } = dayParts(anchor);
    return t('calendar.period.month', { month, year });
  };
}

interface Props {
  view: CalendarView;
  title: string;
  onView: (view: CalendarView) => void;
  /** −1 for the previous period, +1 for the next, 0 for today's. */
  onStep: (step: -1 | 0 | 1) => void;
}

/** Month / week / list, and previous / today / next with the period's title. */
export function CalendarToolbar({ view, title, onView, onStep }: Props) {
  const { t } = useI18n();
  return (
    <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 12 }}>
      <Flex align="center" gap={12} wrap>
        <Space.Compact>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.nav.previous')} onClick={() => onStep(-1)} />
          <Button onClick={() => onStep(0)}>{t('calendar.nav.today')}</Button>
          <Button icon={<RightOutlined />} aria-label={t('calendar.nav.next')} onClick={() => onStep(1)} />
        </Space.Compact>
        <Typography.Title
          level={2}
          style={{ fontSize: 18, margin: 0 }}
          aria-live="polite"
          data-testid="calendar-period"
        >
          {title}
        </Typography.Title>
      </Flex>
      <Segmented<CalendarView>
        aria-label={t('calendar.view.label')}
        value={view}
        onChange={onView}
        options={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`calendar.view.${v}`) }))}
      />
    </Flex>
  );
}
