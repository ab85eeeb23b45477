// What the units of a case are told (notification kind `incident`), and who hears of a missed deadline.
import { INCIDENT_SEVERITY_LABELS, type TIncidentSeverity, type TNotificationKind, type TRole } from '@loa/contracts';
import type { DeadlineKind } from './deadlines.js';

type Text = { vi: string; en: string };

export interface NoticeCase {
  id: string;
  code: string;
  title: string;
  severity: TIncidentSeverity;
}

export interface Notice {
  kind: TNotificationKind;
  title: Text;
  body?: Text;
  link: string;
  entityType: string;
  entityId: string;
  dedupeKey: string;
}

/** Officers who handle a case; leaders are told separately (escalation). */
export const OFFICER_ROLES: readonly TRole[] = [
  'comms_center',
  'unit_officer',
  'press_office',
  'province_officer',
  'district_officer',
];

const DEADLINE_LABELS: Record<DeadlineKind, Text> = {
  assess: { vi: 'đánh giá ban đầu', en: 'first assessment' },
  respond: { vi: 'xử lý, phản hồi', en: 'response' },
};

/** "14:05 25/11/2026" in Vietnam's time. */
export function vnTime(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`;
}

const base = (c: NoticeCase, dedupeKey: string) => ({
  kind: 'incident' as const,
  link: `/incidents/${c.id}`,
  entityType: 'incident',
  entityId: c.id,
  dedupeKey,
});

const severity = (c: NoticeCase, locale: 'vi' | 'en') => INCIDENT_SEVERITY_LABELS[c.severity][locale].toLowerCase();

/** To the owning unit when a case is opened. */
export function openedNotice(c: NoticeCase, assessDueAt: Date): Notice {
  const due = vnTime(assessDueAt);
  return {
    ...base(c, `incident:${c.id}:opened`),
    title: {
      vi: `Sự cố truyền thông mới ${c.code} (mức ${severity(c, 'vi')}): ${c.title}`,
      en: `New media incident ${c.code} (${severity(c, 'en')}): ${c.title}`,
    },
    body: {
      vi: `Đơn vị được giao chủ trì xử lý. Hạn đánh giá ban đầu: ${due}.`,
      en: `Your unit owns the case. First assessment due: ${due}.`,
    },
  };
}

/** To a unit that newly owns (`owner`) or supports a case; `round` keeps a later hand-over from being deduplicated. */
export function assignedNotice(c: NoticeCase, role: 'owner' | 'supporting', unitId: string, round: number): Notice {
  const owner = role === 'owner';
  return {
    ...base(c, `incident:${c.id}:${role}:${unitId}:${round}`),
    title: owner
      ? {
          vi: `Đơn vị được giao chủ trì xử lý sự cố ${c.code}: ${c.title}`,
          en: `Your unit now owns incident ${c.code}: ${c.title}`,
        }
      : {
          vi: `Đơn vị được đề nghị phối hợp xử lý sự cố ${c.code}: ${c.title}`,
          en: `Your unit is asked to support incident ${c.code}: ${c.title}`,
        },
  };
}

/** To the leaders of the owning unit and of its parent, and the owning unit's officers, when a deadline passes. */
export function escalationNotice(c: NoticeCase, deadline: DeadlineKind, dueAt: Date): Notice {
  const label = DEADLINE_LABELS[deadline];
  const due = vnTime(dueAt);
  return {
    ...base(c, `incident:${c.id}:escalated:${deadline}`),
    title: {
      vi: `Sự cố ${c.code} quá hạn ${label.vi}: ${c.title}`,
      en: `Incident ${c.code} missed its ${label.en} deadline: ${c.title}`,
    },
    body: {
      vi: `Hạn ${label.vi} là ${due} (mức ${severity(c, 'vi')}); đề nghị lãnh đạo chỉ đạo xử lý.`,
      en: `The ${label.en} was due at ${due} (${severity(c, 'en')}); leaders are asked to step in.`,
    },
  };
}

/** Whom an escalation goes to: leaders of the owning unit and its parent; the owning unit's officers. */
export function escalationRecipients(owningUnitId: string, parentUnitId: string | null) {
  return [
    { orgUnitIds: parentUnitId ? [owningUnitId, parentUnitId] : [owningUnitId], roles: ['leader'] as TRole[] },
    { orgUnitIds: [owningUnitId], roles: [...OFFICER_ROLES] },
  ];
}
