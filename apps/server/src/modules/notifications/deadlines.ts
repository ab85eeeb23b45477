import { viDate, type TNotificationKind } from '@loa/contracts';
import { deadlineDedupeKey, type DeadlineState, type Recipients } from './notification-rules.js';

/** Something with a deadline that a module reports to the daily deadline job. */
export interface DueItem {
  /** The record's id: with the source's name and the state it makes the dedupe key. */
  id: string;
  /** `approaching`: due soon (the source decides how soon); `missed`: past due and not done. */
  state: DeadlineState;
  /** The deadline, a Vietnamese calendar day `yyyy-mm-dd`. */
  dueOn: string;
  /** What is due, e.g. the task's title. */
  subject: { vi: string; en: string };
  recipients: Recipients;
  /** Where the record is in the web app. */
  link?: string;
  /** The record's type for the notification ("regulation_task"). */
  entityType?: string;
}

/** The notification a due item becomes: its kind, title in both languages and the key that sends it once. */
export function deadlineNotice(
  source: string,
  item: DueItem,
): { kind: TNotificationKind; title: { vi: string; en: string }; dedupeKey: string } {
  const day = viDate(item.dueOn);
  const approaching = item.state === 'approaching';
  return {
    kind: approaching ? 'deadline_approaching' : 'deadline_missed',
    title: approaching
      ? { vi: `Sắp đến hạn ${day}: ${item.subject.vi}`, en: `Due on ${day}: ${item.subject.en}` }
      : { vi: `Quá hạn (hạn ${day}): ${item.subject.vi}`, en: `Overdue (due ${day}): ${item.subject.en}` },
    dedupeKey: deadlineDedupeKey(source, item.id, item.state),
  };
}
