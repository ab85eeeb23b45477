// Media incidents and misinformation cases ("sự cố truyền thông", seed §II.1.h, §V.1.a, §V.2; reports to platforms and
// the police per §II.1.đ): opened from items, an alert or by hand, handled to closure against deadlines.
import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZMonitoringFlag } from './monitoring.js';

type Label = { vi: string; en: string };

export const INCIDENT_SEVERITIES = ['low', 'medium', 'high', 'severe'] as const;
export const ZIncidentSeverity = z.enum(INCIDENT_SEVERITIES);
export type TIncidentSeverity = z.infer<typeof ZIncidentSeverity>;
export const INCIDENT_SEVERITY_LABELS: Record<TIncidentSeverity, Label> = {
  low: { vi: 'Thấp', en: 'Low' },
  medium: { vi: 'Trung bình', en: 'Medium' },
  high: { vi: 'Cao', en: 'High' },
  severe: { vi: 'Nghiêm trọng', en: 'Severe' },
};

export const INCIDENT_STATUSES = ['open', 'assessing', 'responding', 'monitoring', 'closed'] as const;
export const ZIncidentStatus = z.enum(INCIDENT_STATUSES);
export type TIncidentStatus = z.infer<typeof ZIncidentStatus>;
export const INCIDENT_STATUS_LABELS: Record<TIncidentStatus, Label> = {
  open: { vi: 'Mới mở', en: 'Open' },
  assessing: { vi: 'Đang đánh giá', en: 'Assessing' },
  responding: { vi: 'Đang xử lý, phản hồi', en: 'Responding' },
  monitoring: { vi: 'Theo dõi sau xử lý', en: 'Monitoring' },
  closed: { vi: 'Đã đóng', en: 'Closed' },
};

/** The severity guide: four questions an officer answers; `suggestSeverity` turns them into a severity. */
export const INCIDENT_REACH = ['local', 'provincial', 'national', 'viral'] as const;
export const INCIDENT_FALSITY = ['accurate', 'misleading', 'false'] as const;
export const ZSeverityGuide = z.strictObject({
  reach: z.enum(INCIDENT_REACH),
  falsity: z.enum(INCIDENT_FALSITY),
  /** Officials or staff of the agency are named. */
  officialsNamed: z.boolean(),
  /** Legal risk: personal data leaked, fraud, defamation, a crime alleged. */
  legalRisk: z.boolean(),
});
export type TSeverityGuide = z.infer<typeof ZSeverityGuide>;
export const INCIDENT_REACH_LABELS: Record<(typeof INCIDENT_REACH)[number], Label> = {
  local: { vi: 'Trong phạm vi huyện, xã', en: 'Local' },
  provincial: { vi: 'Trong tỉnh', en: 'Province-wide' },
  national: { vi: 'Toàn quốc (báo trung ương)', en: 'National' },
  viral: { vi: 'Lan truyền mạnh trên mạng xã hội', en: 'Viral on social media' },
};
export const INCIDENT_FALSITY_LABELS: Record<(typeof INCIDENT_FALSITY)[number], Label> = {
  accurate: { vi: 'Thông tin đúng (phản ánh, khiếu nại)', en: 'Accurate (complaint, criticism)' },
  misleading: { vi: 'Sai lệch một phần, gây hiểu nhầm', en: 'Partly wrong, misleading' },
  false: { vi: 'Sai sự thật, giả mạo', en: 'False or impersonating' },
};

/** The guide's answer: points for reach (0–3), falsity (0–2), officials named (1), legal risk (2). */
export function suggestSeverity(guide: TSeverityGuide): TIncidentSeverity {
  const points =
    INCIDENT_REACH.indexOf(guide.reach) +
    INCIDENT_FALSITY.indexOf(guide.falsity) +
    (guide.officialsNamed ? 1 : 0) +
    (guide.legalRisk ? 2 : 0);
  if (points >= 6) return 'severe';
  if (points >= 4) return 'high';
  if (points >= 2) return 'medium';
  return 'low';
}

/** What officers record; `assessment` meets the first-assessment deadline. */
export const INCIDENT_ACTION_KINDS = [
  'assessment',
  'verified_facts',
  'response_drafted',
  'appraised',
  'correction_published',
  'platform_report',
  'police_report',
  'note',
] as const;
export const ZIncidentActionKind = z.enum(INCIDENT_ACTION_KINDS);
export type TIncidentActionKind = z.infer<typeof ZIncidentActionKind>;
export const INCIDENT_ACTION_LABELS: Record<TIncidentActionKind, Label> = {
  assessment: { vi: 'Đánh giá ban đầu', en: 'First assessment' },
  verified_facts: { vi: 'Xác minh thông tin', en: 'Facts verified' },
  response_drafted: { vi: 'Dự thảo nội dung phản hồi', en: 'Response drafted' },
  appraised: { vi: 'Thẩm định nội dung phản hồi', en: 'Response appraised' },
  correction_published: { vi: 'Đăng tải thông tin cải chính, phản hồi', en: 'Correction published' },
  platform_report: { vi: 'Báo cáo nền tảng mạng xã hội', en: 'Reported to the platform' },
  police_report: { vi: 'Đề nghị cơ quan công an xử lý', en: 'Reported to the police' },
  note: { vi: 'Ghi chú', en: 'Note' },
};

/** Entries the system writes on the timeline besides officers' actions. */
export const INCIDENT_EVENT_KINDS = [
  'opened',
  'status_changed',
  'severity_changed',
  'item_linked',
  'escalated',
  'closed',
  'assigned',
  'item_unlinked',
  'deadline_changed',
] as const;
export const INCIDENT_EVENT_LABELS: Record<(typeof INCIDENT_EVENT_KINDS)[number], Label> = {
  opened: { vi: 'Mở sự cố', en: 'Opened' },
  status_changed: { vi: 'Chuyển trạng thái', en: 'Status changed' },
  severity_changed: { vi: 'Thay đổi mức độ', en: 'Severity changed' },
  item_linked: { vi: 'Gắn tin bài', en: 'Item linked' },
  escalated: { vi: 'Báo cáo lãnh đạo do quá hạn', en: 'Escalated to leaders' },
  closed: { vi: 'Đóng sự cố', en: 'Closed' },
  assigned: { vi: 'Thay đổi đơn vị chủ trì, phối hợp', en: 'Units changed' },
  item_unlinked: { vi: 'Bỏ gắn tin bài', en: 'Item unlinked' },
  deadline_changed: { vi: 'Thay đổi hạn xử lý', en: 'Deadline changed' },
};

/**
 * Actions required before closing: every case needs a first assessment; medium and above also verified facts and a
 * published correction or drafted response; high and severe also an appraised response.
 */
export function requiredActions(severity: TIncidentSeverity): TIncidentActionKind[][] {
  const required: TIncidentActionKind[][] = [['assessment']];
  if (severity === 'low') return required;
  required.push(['verified_facts'], ['correction_published', 'response_drafted']);
  if (severity === 'high' || severity === 'severe') required.push(['appraised']);
  return required;
}

/** Deadlines after opening, in minutes, per severity; admins change them (`/api/incidents/settings`). */
export const ZIncidentDeadlineSettings = z.strictObject({
  assessMinutes: z.record(ZIncidentSeverity, z.number().int().min(5).max(43_200)),
  respondMinutes: z.record(ZIncidentSeverity, z.number().int().min(5).max(129_600)),
});
export type TIncidentDeadlineSettings = z.infer<typeof ZIncidentDeadlineSettings>;
export const DEFAULT_INCIDENT_DEADLINES: TIncidentDeadlineSettings = {
  assessMinutes: { severe: 60, high: 240, medium: 1440, low: 4320 },
  respondMinutes: { severe: 1440, high: 2880, medium: 7200, low: 14_400 },
};

const unitRef = z.object({ id: ZId, code: z.string(), name: z.string() });

export const ZIncidentItem = z.object({
  articleId: ZId,
  title: z.string(),
  sourceName: z.string(),
  url: z.string(),
  publishedAt: z.iso.datetime(),
  flags: z.array(ZMonitoringFlag),
  sentiment: z.string(),
  /** `user` (linked by an officer or at opening) or `matching` (arrived later from the story or the case's query). */
  addedBy: z.enum(['user', 'matching']),
  addedAt: z.iso.datetime(),
});
export type TIncidentItem = z.infer<typeof ZIncidentItem>;

/** One line of the timeline: an officer's action or an event the system recorded. */
export const ZIncidentTimelineEntry = z.object({
  id: ZId,
  kind: z.string(),
  /** Officer actions (`INCIDENT_ACTION_KINDS`) or system events (`INCIDENT_EVENT_KINDS`). */
  system: z.boolean(),
  text: z.string().nullable(),
  /** For `correction_published`: the publication in Loa and/or its public address. */
  publication: z.object({ id: ZId, title: z.string() }).nullable(),
  url: z.string().nullable(),
  /**
   * Event details: { from, to } for status and severity changes and closing; { articleId } for items; { deadline } for
   * escalations; { deadline, from, to } for moved deadlines; { owningUnit: {from, to}, supportingUnits: {added,
   * removed} } (unit names) for changed units.
   */
  detail: z.record(z.string(), z.unknown()).nullable(),
  by: z.string().nullable(),
  at: z.iso.datetime(),
});
export type TIncidentTimelineEntry = z.infer<typeof ZIncidentTimelineEntry>;

export const ZIncidentDeadline = z.object({
  kind: z.enum(['assess', 'respond']),
  dueAt: z.iso.datetime(),
  metAt: z.iso.datetime().nullable(),
  /** Past due and not met. */
  overdue: z.boolean(),
  escalatedAt: z.iso.datetime().nullable(),
});

export const ZIncidentSummary = z.object({
  id: ZId,
  /** "SC-2026-0007". */
  code: z.string(),
  title: z.string(),
  severity: ZIncidentSeverity,
  status: ZIncidentStatus,
  owningUnit: unitRef,
  supportingUnits: z.array(unitRef),
  itemCount: z.number().int(),
  deadlines: z.array(ZIncidentDeadline),
  /** The nearest deadline not met (for sorting and the board's badge). */
  nextDueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  version: ZVersion,
});
export type TIncidentSummary = z.infer<typeof ZIncidentSummary>;

export const ZIncident = ZIncidentSummary.extend({
  description: z.string().nullable(),
  guide: ZSeverityGuide,
  /** Saved query whose new matches join the case (besides later copies of its stories). */
  query: z.object({ id: ZId, name: z.string() }).nullable(),
  alertIds: z.array(ZId),
  items: z.array(ZIncidentItem),
  timeline: z.array(ZIncidentTimelineEntry),
  /** Groups of actions still missing before it can be closed (each group: one of). */
  missingActions: z.array(z.array(ZIncidentActionKind)),
  lessons: z.string().nullable(),
  openedBy: z.string().nullable(),
  canEdit: z.boolean(),
  /** Whether the caller may record actions (the owning unit's officers, and those of the supporting units). */
  canAddActions: z.boolean(),
  /** Statuses it may move to now. */
  nextStatuses: z.array(ZIncidentStatus),
});
export type TIncident = z.infer<typeof ZIncident>;

export const ZIncidentListQuery = ZListQuery.extend({
  /** Comma-separated. */
  status: z.string().max(100).optional(),
  severity: z.string().max(100).optional(),
  owningUnitId: ZId.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TIncidentListQuery = z.infer<typeof ZIncidentListQuery>;

const title = z.string().trim().min(1, { message: 'validation.required' }).max(300, { message: 'validation.too_long' });
const longText = (max: number) => z.string().trim().max(max, { message: 'validation.too_long' });

/** Opened from articles, an alert, or by hand; explicit deadlines must lie in the future (`validation.in_past`). */
export const ZCreateIncidentRequest = z.strictObject({
  title,
  description: longText(10_000).nullable().optional(),
  guide: ZSeverityGuide,
  /** Defaults to the guide's suggestion. */
  severity: ZIncidentSeverity.optional(),
  /** Defaults to the alert's unit, else the caller's. */
  owningUnitId: ZId.optional(),
  supportingUnitIds: z.array(ZId).max(20).default([]),
  articleIds: z.array(ZId).max(200).default([]),
  alertId: ZId.optional(),
  queryId: ZId.nullable().optional(),
  assessDueAt: z.iso.datetime({ offset: true }).optional(),
  respondDueAt: z.iso.datetime({ offset: true }).optional(),
});
export type TCreateIncidentRequest = z.infer<typeof ZCreateIncidentRequest>;

export const ZUpdateIncidentRequest = z.strictObject({
  version: ZVersion,
  title: title.optional(),
  description: longText(10_000).nullable().optional(),
  guide: ZSeverityGuide.optional(),
  severity: ZIncidentSeverity.optional(),
  owningUnitId: ZId.optional(),
  supportingUnitIds: z.array(ZId).max(20).optional(),
  queryId: ZId.nullable().optional(),
  assessDueAt: z.iso.datetime({ offset: true }).optional(),
  respondDueAt: z.iso.datetime({ offset: true }).optional(),
});
export type TUpdateIncidentRequest = z.infer<typeof ZUpdateIncidentRequest>;

/** Moves the case; `closed` needs the required actions (`incident.missing_actions`) and lessons learnt. */
export const ZIncidentTransitionRequest = z.strictObject({
  version: ZVersion,
  status: ZIncidentStatus,
  note: longText(2000).optional(),
  /** Required when closing. */
  lessons: longText(10_000).optional(),
});
export type TIncidentTransitionRequest = z.infer<typeof ZIncidentTransitionRequest>;

export const ZAddIncidentActionRequest = z.strictObject({
  kind: ZIncidentActionKind,
  text: z.string().trim().min(1, { message: 'validation.required' }).max(5000, { message: 'validation.too_long' }),
  /** `correction_published` needs a publication of Loa or a public address (field `publicationId`). */
  publicationId: ZId.optional(),
  url: z
    .url({ protocol: /^https?$/, message: 'validation.invalid_url' })
    .max(2000)
    .optional(),
});
export type TAddIncidentActionRequest = z.infer<typeof ZAddIncidentActionRequest>;

export const ZLinkIncidentItemsRequest = z.strictObject({ articleIds: z.array(ZId).min(1).max(200) });
