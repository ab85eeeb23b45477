import { WEEKDAYS, type TCalendarEntry } from '@loa/contracts';
import { Button, Popover } from 'antd';
import { useMemo } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { daysFrom, entriesByDay, formatDay, monthGrid, visibleRange, weekdayIndex } from './calendar-days';
import { CalendarEntryChip, type EntryActions } from './calendar-entry-chip';
import type { DropTargetProps } from './use-calendar-drag';

/** What both grids need: the entries of the window, today, and drag and drop. */
export interface GridProps {
  anchor: string;
  today: string;
  entries: readonly TCalendarEntry[];
  /** The period's title ("Tháng 12/2026"), for the grid's accessible name. */
  periodLabel: string;
  actions: EntryActions;
  dropTarget: (day: string) => DropTargetProps;
  overDay: string | null;
}

/** A month cell shows this many entries; when there are more it shows one less and "+N more". */
const MONTH_CELL_ENTRIES = 3;

function DayEntries({
  day,
  entries,
  actions,
  limit,
}: {
  day: string;
  entries: TCalendarEntry[];
  actions: EntryActions;
  limit?: number;
}) {
  const { t } = useI18n();
  const shown = limit !== undefined && entries.length > limit ? entries.slice(0, limit - 1) : entries;
  const hidden = entries.length - shown.length;
  return (
    <div className="loa-cal-day__entries">
      {shown.map((entry) => (
        <CalendarEntryChip key={`${entry.kind}-${entry.id}`} entry={entry} day={day} actions={actions} />
      ))}
      {hidden > 0 && (
        <Popover
          trigger="click"
          title={t('calendar.moreTitle', { date: formatDay(day) })}
          content={
            <div className="loa-cal-popover">
              {entries.map((entry) => (
                <CalendarEntryChip key={`${entry.kind}-${entry.id}`} entry={entry} day={day} actions={actions} />
              ))}
            </div>
          }
        >
          <Button type="link" size="small" className="loa-cal-more">
            {t('calendar.more', { count: hidden })}
          </Button>
        </Popover>
      )}
    </div>
  );
}

function cellClass(day: string, props: Pick<GridProps, 'today' | 'overDay'>, inMonth = true): string {
  return [
    'loa-cal-day',
    inMonth ? '' : 'loa-cal-day--outside',
    weekdayIndex(day) >= 5 ? 'loa-cal-day--weekend' : '',
    day === props.today ? 'loa-cal-day--today' : '',
    day === props.overDay ? 'loa-cal-day--drop' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The weekday header row, Monday first; the short names ("T2") carry the full one ("Thứ Hai") as a title. */
function WeekdayHeader({ days }: { days?: string[] }) {
  const { t } = useI18n();
  return (
    <thead>
      <tr>
        {WEEKDAYS.map((weekday, index) => (
          <th key={weekday} scope="col">
            <abbr title={t(`calendar.weekday.${weekday}`)}>
              {days ? t(`calendar.weekday.${weekday}`) : t(`calendar.weekdayShort.${weekday}`)}
            </abbr>
            {days?.[index] && ` ${formatDay(days[index]).slice(0, 5)}`}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The month as 6 weeks × 7 days; each cell is named by its date (dd/mm/yyyy) and accepts dropped items. */
export function MonthGrid(props: GridProps) {
  const grid = useMemo(() => monthGrid(props.anchor), [props.anchor]);
  const range = visibleRange('month', props.anchor);
  const byDay = useMemo(() => entriesByDay(props.entries, range.from, range.to), [props.entries, range.from, range.to]);
  return (
    <table className="loa-cal-grid loa-cal-month" aria-label={props.periodLabel} data-testid="calendar-month">
      <WeekdayHeader />
      <tbody>
        {grid.map((week) => (
          <tr key={week[0]!.day}>
            {week.map((cell) => (
              <td
                key={cell.day}
                aria-label={formatDay(cell.day)}
                aria-current={cell.day === props.today ? 'date' : undefined}
                className={cellClass(cell.day, props, cell.inMonth)}
                {...props.dropTarget(cell.day)}
              >
                <div className="loa-cal-day__number" aria-hidden>
                  {Number(cell.day.slice(8))}
                </div>
                <DayEntries
                  day={cell.day}
                  entries={byDay.get(cell.day) ?? []}
                  actions={props.actions}
                  limit={MONTH_CELL_ENTRIES}
                />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The week as 7 columns, Monday first, each with every entry of its day. */
export function WeekGrid(props: GridProps) {
  const range = visibleRange('week', props.anchor);
  const days = useMemo(() => daysFrom(range.from, range.to), [range.from, range.to]);
  const byDay = useMemo(() => entriesByDay(props.entries, range.from, range.to), [props.entries, range.from, range.to]);
  return (
    <table className="loa-cal-grid loa-cal-week" aria-label={props.periodLabel} data-testid="calendar-week">
      <WeekdayHeader days={days} />
      <tbody>
        <tr>
          {days.map((day) => (
            <td
              key={day}
              aria-label={formatDay(day)}
              aria-current={day === props.today ? 'date' : undefined}
              className={cellClass(day, props)}
              {...props.dropTarget(day)}
            >
              <DayEntries day={day} entries={byDay.get(day) ?? []} actions={props.actions} />
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}
