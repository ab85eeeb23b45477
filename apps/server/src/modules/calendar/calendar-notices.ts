import { CALENDAR_STATUS_LABELS, viDate, type TCalendarStatus, type TNotificationKind } from '@loa/contracts';

/** What a notice needs to know of an item. */
export interface ItemFacts {
  id: string;
  title: string;
  startsOn: string;
  ownerUnitId: string;
  assigneeId: string | null;
}

export interface ItemNotice {
  recipients: { userIds?: string[]; orgUnitIds?: string[] };
  kind: TNotificationKind;
  title: { vi: string; en: string };
  link: string;
  entityType: string;
  entityId: string;
}

/** The item on the calendar page of the web app. */
export const itemLink = (item: Pick<ItemFacts, 'id'>) => `/calendar?id=${item.id}`;

/** Who hears about an item's deadline: its assignee when there is one, otherwise the users of its owner unit. */
export function itemRecipients(item: Pick<ItemFacts, 'ownerUnitId' | 'assigneeId'>): ItemNotice['recipients'] {
  return item.assigneeId ? { userIds: [item.assigneeId] } : { orgUnitIds: [item.ownerUnitId] };
}

/** An item (or a whole series, `occurrences` > 1) was given to someone: tell them. */
export function assignmentNotice(item: ItemFacts & { assigneeId: string }, occurrences = 1): ItemNotice {
  const day = viDate(item.startsOn);
  const repeated = occurrences > 1;
  return {
    recipients: { userIds: [item.assigneeId] },
    kind: 'assignment',
    title: {
      vi: `Lịch biên tập — bạn được giao: ${item.title} (${repeated ? `${occurrences} lần, từ ${day}` : day})`,
      en: `Editorial calendar — assigned to you: ${item.title} (${repeated ? `${occurrences} times from ${day}` : day})`,
    },
    link: itemLink(item),
    entityType: 'calendar_item',
    entityId: item.id,
  };
}

/** An item's status changed: its owner unit hears (the one who changed it is left out by notify). */
export function statusNotice(item: ItemFacts, status: TCalendarStatus): ItemNotice {
  const label = CALENDAR_STATUS_LABELS[status];
  const day = viDate(item.startsOn);
  return {
    recipients: { orgUnitIds: [item.ownerUnitId] },
    kind: 'status_change',
    title: {
      vi: `Lịch biên tập: "${item.title}" (${day}) chuyển sang ${label.vi.toLowerCase()}`,
      en: `Editorial calendar: "${item.title}" (${day}) is now ${label.en.toLowerCase()}`,
    },
    link: itemLink(item),
    entityType: 'calendar_item',
    entityId: item.id,
  };
}
