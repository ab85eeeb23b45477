import { FileTextOutlined, SyncOutlined } from '@ant-design/icons';
import type { TCalendarEntry, TCalendarItem } from '@loa/contracts';
import type { DragEvent } from 'react';
import { useI18n } from '../../app/i18n/i18n';
import { formatDay } from './calendar-days';

/** Where an entry goes when clicked, and the drag it may start. */
export interface EntryActions {
  onOpen: (entry: TCalendarEntry) => void;
  /** Called when dragging an editable item starts from the cell of `day`. */
  onDragStart: (item: TCalendarItem, day: string) => void;
  onDragEnd: () => void;
  /** Items whose move is being saved (shown faded). */
  pendingIds: ReadonlySet<string>;
}

/** Whether an entry can be dragged to another day: the caller's own editorial items, not regulation tasks. */
export const isMovable = (entry: TCalendarEntry): entry is TCalendarItem => entry.kind === 'item' && entry.canEdit;

/** The tooltip of an entry: its dates, status and owner. */
function useEntryDetails() {
  const { t } = useI18n();
  return (entry: TCalendarEntry) => {
    const dates = entry.endsOn
      ? `${formatDay(entry.startsOn)} – ${formatDay(entry.endsOn)}`
      : formatDay(entry.startsOn);
    const status =
      entry.kind === 'item'
        ? t(`calendar.status.${entry.status}`)
        : `${t('calendar.kind.task')} · ${entry.regulation.number} · ${t(`regulations.status.${entry.status}`)}`;
    return `${entry.title}\n${dates} · ${status}\n${entry.ownerUnit.name}`;
  };
}

/**
 * One entry in a day cell: a button named by its title, coloured by status; regulation tasks are dashed and
 * purple. Editable items can be dragged to another day (the drawer has date fields for keyboard users).
 */
export function CalendarEntryChip({
  entry,
  day,
  actions,
}: {
  entry: TCalendarEntry;
  day: string;
  actions: EntryActions;
}) {
  const details = useEntryDetails();
  const movable = isMovable(entry);
  const variant = entry.kind === 'task' ? 'task' : entry.status;
  const classes = [
    'loa-cal-entry',
    `loa-cal-entry--${variant}`,
    entry.kind === 'task' && entry.overdue ? 'loa-cal-entry--overdue' : '',
    actions.pendingIds.has(entry.id) ? 'loa-cal-entry--pending' : '',
  ].filter(Boolean);

  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    if (!movable) return;
    event.dataTransfer.setData('text/plain', entry.id);
    event.dataTransfer.effectAllowed = 'move';
    actions.onDragStart(entry, day);
  };

  return (
    <button
      type="button"
      className={classes.join(' ')}
      title={details(entry)}
      draggable={movable}
      onDragStart={onDragStart}
      onDragEnd={actions.onDragEnd}
      onClick={() => actions.onOpen(entry)}
      data-entry-kind={entry.kind}
      data-status={entry.status}
    >
      {entry.kind === 'task' && <FileTextOutlined aria-hidden />}
      {entry.kind === 'item' && entry.series && <SyncOutlined aria-hidden />}
      <span className="loa-cal-entry__title">{entry.title}</span>
    </button>
  );
}
