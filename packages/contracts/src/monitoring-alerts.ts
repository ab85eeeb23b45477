// Alerts on monitored articles (issue 8 §4): rules on saved queries and classifications notify the owning unit within
// a minute of ingestion, one alert per story; spikes compare the last hour with the previous day's baseline.
import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZMonitoringFlag, ZOwningUnit, ZRelevanceLevel, ZSentiment } from './monitoring.js';

type Label = { vi: string; en: string };

export const ALERT_KINDS = ['rule', 'spike'] as const;
export const ZAlertKind = z.enum(ALERT_KINDS);
export type TAlertKind = z.infer<typeof ZAlertKind>;
export const ALERT_KIND_LABELS: Record<TAlertKind, Label> = {
  rule: { vi: 'Tin khớp quy tắc', en: 'Rule match' },
  spike: { vi: 'Tăng đột biến', en: 'Spike' },
};

/** new → acknowledged (seen, being handled) or dismissed; `incident` once a case is opened from it. */
export const ALERT_STATUSES = ['new', 'acknowledged', 'dismissed', 'incident'] as const;
export const ZAlertStatus = z.enum(ALERT_STATUSES);
export type TAlertStatus = z.infer<typeof ZAlertStatus>;
export const ALERT_STATUS_LABELS: Record<TAlertStatus, Label> = {
  new: { vi: 'Mới', en: 'New' },
  acknowledged: { vi: 'Đã tiếp nhận', en: 'Acknowledged' },
  dismissed: { vi: 'Bỏ qua', en: 'Dismissed' },
  incident: { vi: 'Đã mở sự cố', en: 'Incident opened' },
};

/**
 * A rule matches an article when every condition set holds: one of its saved queries matched (if any are set), the
 * relevance is at least `minRelevance`, the sentiment is one of `sentiments` (if set), one of `flags` is present (if
 * set), the owning unit is one of `units` (if set). At least one condition besides relevance is required.
 */
export const ZAlertRule = z.object({
  id: ZId,
  name: z.string(),
  description: z.string().nullable(),
  /** The unit notified (and whose alert inbox shows it); `routeToOwningUnit` sends to the article's unit instead. */
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  routeToOwningUnit: z.boolean(),
  queries: z.array(z.object({ id: ZId, name: z.string() })),
  minRelevance: ZRelevanceLevel,
  sentiments: z.array(ZSentiment),
  flags: z.array(ZMonitoringFlag),
  units: z.array(ZOwningUnit),
  enabled: z.boolean(),
  seeded: z.boolean(),
  alerts30d: z.number().int(),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TAlertRule = z.infer<typeof ZAlertRule>;

const ruleValues = {
  name: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.too_long' }),
  description: z.string().trim().max(2000, { message: 'validation.too_long' }).nullable().optional(),
  orgUnitId: ZId.optional(),
  routeToOwningUnit: z.boolean(),
  queryIds: z.array(ZId).max(50),
  minRelevance: ZRelevanceLevel,
  sentiments: z.array(ZSentiment).max(3),
  flags: z.array(ZMonitoringFlag).max(20),
  units: z.array(ZOwningUnit).max(10),
  enabled: z.boolean(),
};
/** A rule with no condition besides relevance is refused: field `queryIds`, code `alert_rule.no_condition`. */
export const ZCreateAlertRuleRequest = z.strictObject({
  ...ruleValues,
  routeToOwningUnit: ruleValues.routeToOwningUnit.default(false),
  queryIds: ruleValues.queryIds.default([]),
  minRelevance: ruleValues.minRelevance.default('peripheral'),
  sentiments: ruleValues.sentiments.default([]),
  flags: ruleValues.flags.default([]),
  units: ruleValues.units.default([]),
  enabled: ruleValues.enabled.default(true),
});
export type TCreateAlertRuleRequest = z.infer<typeof ZCreateAlertRuleRequest>;
/** Only the fields sent change (no defaults here: zod would fill them in and reset what was left out). */
export const ZUpdateAlertRuleRequest = z
  .strictObject({ ...ruleValues, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateAlertRuleRequest = z.infer<typeof ZUpdateAlertRuleRequest>;
export const ZAlertRuleListQuery = ZListQuery.extend({
  enabled: z.enum(['true', 'false']).optional(),
  orgUnitId: ZId.optional(),
});
export type TAlertRuleListQuery = z.infer<typeof ZAlertRuleListQuery>;

export const ZAlertArticle = z.object({
  id: ZId,
  title: z.string(),
  sourceName: z.string(),
  url: z.string(),
  publishedAt: z.iso.datetime(),
  relevance: ZRelevanceLevel,
  sentiment: z.string(),
  flags: z.array(ZMonitoringFlag),
});
export type TAlertArticle = z.infer<typeof ZAlertArticle>;

/**
 * One alert: a story (cluster) that matched rules for a unit — one alert per story and unit however many copies and
 * rules (in-app and e-mail per each user's notification settings, kind `monitoring_alert`) — or a spike of a query or
 * a flag in one hour.
 */
export const ZAlert = z.object({
  id: ZId,
  kind: ZAlertKind,
  title: z.string(),
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  /** The rules that matched, and the saved queries with `alert: immediate` that matched (implicit rules). */
  rules: z.array(z.object({ id: ZId, name: z.string() })),
  queries: z.array(z.object({ id: ZId, name: z.string() })),
  /** For spikes: what spiked (a saved query or a flag), the hour's count and the previous day's hourly baseline. */
  spike: z
    .object({
      query: z.object({ id: ZId, name: z.string() }).nullable(),
      flag: ZMonitoringFlag.nullable(),
      hourStart: z.iso.datetime(),
      count: z.number().int(),
      baseline: z.number(),
    })
    .nullable(),
  clusterId: ZId.nullable(),
  /** Articles behind the alert: the story's copies as they arrive, or the spike's hour. */
  articleCount: z.number().int(),
  articles: z.array(ZAlertArticle),
  relevance: ZRelevanceLevel.nullable(),
  sentiment: z.string().nullable(),
  flags: z.array(ZMonitoringFlag),
  status: ZAlertStatus,
  incidentId: ZId.nullable(),
  handledBy: z.string().nullable(),
  handledAt: z.iso.datetime().nullable(),
  firstSeenAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  version: ZVersion,
});
export type TAlert = z.infer<typeof ZAlert>;

export const ZAlertListQuery = ZListQuery.extend({
  kind: ZAlertKind.optional(),
  /** Comma-separated statuses; default all. */
  status: z.string().max(100).optional(),
  orgUnitId: ZId.optional(),
  ruleId: ZId.optional(),
  flag: ZMonitoringFlag.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type TAlertListQuery = z.infer<typeof ZAlertListQuery>;

/** Acknowledge, dismiss or reopen (back to `new`); `incident` is set only by opening a case. */
export const ZUpdateAlertRequest = z.strictObject({
  version: ZVersion,
  status: z.enum(['new', 'acknowledged', 'dismissed']),
  note: z.string().trim().max(1000, { message: 'validation.too_long' }).optional(),
});
export type TUpdateAlertRequest = z.infer<typeof ZUpdateAlertRequest>;

export const ZAlertCounts = z.object({ new: z.number().int(), acknowledged: z.number().int() });
export type TAlertCounts = z.infer<typeof ZAlertCounts>;
