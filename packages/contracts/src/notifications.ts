import { z } from 'zod';
import { ZId, ZListQuery } from './common.js';

/** What a notification is about; each kind has its own in-app and e-mail switch per user. */
export const NOTIFICATION_KINDS = [
  'assignment',
  'status_change',
  'proposal_decision',
  'deadline_approaching',
  'deadline_missed',
  'monitoring_alert',
  'incident',
  'press_review',
] as const;
export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

export const NOTIFICATION_KIND_LABELS: Record<TNotificationKind, { vi: string; en: string }> = {
  assignment: { vi: 'Được giao việc', en: 'Assignment' },
  status_change: { vi: 'Thay đổi trạng thái', en: 'Status change' },
  proposal_decision: { vi: 'Quyết định về đề xuất', en: 'Decision on a proposal' },
  deadline_approaching: { vi: 'Sắp đến hạn', en: 'Deadline approaching' },
  deadline_missed: { vi: 'Quá hạn', en: 'Deadline missed' },
  monitoring_alert: { vi: 'Cảnh báo tin báo chí', en: 'Press monitoring alert' },
  incident: { vi: 'Sự cố truyền thông', en: 'Media incident' },
  press_review: { vi: 'Điểm báo, bản tin', en: 'Press review and bulletin' },
};

const ZLocalized = z.object({ vi: z.string(), en: z.string() });

/** One entry of a user's inbox, in both languages so the UI can switch without reloading. */
export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  title: ZLocalized,
  body: ZLocalized.nullable(),
  /** A path inside the web app, or null. */
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationListQuery = ZListQuery.extend({
  unread: z.enum(['true', 'false']).optional(),
  kind: ZNotificationKind.optional(),
});
export type TNotificationListQuery = z.infer<typeof ZNotificationListQuery>;

export const ZUnreadCount = z.object({ count: z.number().int() });
export type TUnreadCount = z.infer<typeof ZUnreadCount>;

export const ZNotificationPreference = z.strictObject({
  kind: ZNotificationKind,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

/** Changes some kinds' switches; kinds left out keep theirs. Each kind at most once. */
export const ZUpdateNotificationPreferencesRequest = z
  .array(ZNotificationPreference)
  .min(1)
  .max(NOTIFICATION_KINDS.length)
  .superRefine((items, context) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      if (seen.has(item.kind))
        context.addIssue({ code: 'custom', message: 'validation.duplicate', path: [index, 'kind'] });
      seen.add(item.kind);
    });
  });
export type TUpdateNotificationPreferencesRequest = z.infer<typeof ZUpdateNotificationPreferencesRequest>;

/** `held`: no SMTP server was configured when it was written; an administrator sends it once there is one. */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'held'] as const;
export const ZOutboxStatus = z.enum(OUTBOX_STATUSES);
export type TOutboxStatus = z.infer<typeof ZOutboxStatus>;

/** An outgoing e-mail as administrators see it. */
export const ZOutboxMessage = z.object({
  id: ZId,
  notificationId: ZId.nullable(),
  recipient: z.object({ id: ZId, username: z.string(), fullName: z.string(), orgUnitCode: z.string() }),
  toAddress: z.string(),
  subject: z.string(),
  text: z.string(),
  status: ZOutboxStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime(),
  sentAt: z.iso.datetime().nullable(),
});
export type TOutboxMessage = z.infer<typeof ZOutboxMessage>;

export const ZOutboxListQuery = ZListQuery.extend({ status: ZOutboxStatus.optional() });
export type TOutboxListQuery = z.infer<typeof ZOutboxListQuery>;

export const ZReadAllResponse = z.object({ count: z.number().int() });
export type TReadAllResponse = z.infer<typeof ZReadAllResponse>;
