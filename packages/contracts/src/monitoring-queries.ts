import { z } from 'zod';
import { ZId, ZListQuery, ZVersion } from './common.js';
import { ZRelevanceLevel } from './monitoring.js';

type Label = { vi: string; en: string };

/** How a saved query tells its unit: not at all, at once per matching article, or once a day in a digest. */
export const QUERY_ALERTS = ['none', 'immediate', 'daily'] as const;
export const ZQueryAlert = z.enum(QUERY_ALERTS);
export type TQueryAlert = z.infer<typeof ZQueryAlert>;

export const QUERY_ALERT_LABELS: Record<TQueryAlert, Label> = {
  none: { vi: 'Không cảnh báo', en: 'No alert' },
  immediate: { vi: 'Cảnh báo ngay', en: 'Alert at once' },
  daily: { vi: 'Tổng hợp hằng ngày', en: 'Daily digest' },
};

export const ZMonitoringQuery = z.object({
  id: ZId,
  name: z.string(),
  /** The boolean query (AND, OR, NOT, (), "phrases", NEAR/n, prefix*, title:/lead:/body:/source:). */
  text: z.string(),
  description: z.string().nullable(),
  /** The unit that owns the query and receives its alerts. */
  orgUnit: z.object({ id: ZId, code: z.string(), name: z.string() }),
  enabled: z.boolean(),
  alert: ZQueryAlert,
  /** Alerts only for articles at least this relevant. */
  alertMinRelevance: ZRelevanceLevel,
  /** Articles matched in the last 30 days. */
  matches30d: z.number().int(),
  lastMatchAt: z.iso.datetime().nullable(),
  /** Set on the agency's seeded queries. */
  seeded: z.boolean(),
  createdBy: z.string().nullable(),
  canEdit: z.boolean(),
  version: ZVersion,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type TMonitoringQuery = z.infer<typeof ZMonitoringQuery>;

const queryFields = {
  name: z.string().trim().min(1, { message: 'validation.required' }).max(200, { message: 'validation.too_long' }),
  text: z.string().trim().min(1, { message: 'validation.required' }).max(4000, { message: 'validation.too_long' }),
  description: z.string().trim().max(2000, { message: 'validation.too_long' }).nullable().optional(),
  orgUnitId: ZId.optional(),
  enabled: z.boolean(),
  alert: ZQueryAlert,
  alertMinRelevance: ZRelevanceLevel,
};

/** The text is parsed on the server: a syntax error is a field error `query.<reason>` with its position. */
export const ZCreateQueryRequest = z.strictObject({
  ...queryFields,
  enabled: queryFields.enabled.default(true),
  alert: queryFields.alert.default('none'),
  alertMinRelevance: queryFields.alertMinRelevance.default('peripheral'),
});
export type TCreateQueryRequest = z.infer<typeof ZCreateQueryRequest>;

/** Only the fields sent change (no defaults here: zod would fill them in and reset what was left out). */
export const ZUpdateQueryRequest = z
  .strictObject({ ...queryFields, version: ZVersion })
  .partial()
  .required({ version: true });
export type TUpdateQueryRequest = z.infer<typeof ZUpdateQueryRequest>;

export const ZQueryListQuery = ZListQuery.extend({
  enabled: z.enum(['true', 'false']).optional(),
  alert: ZQueryAlert.optional(),
  orgUnitId: ZId.optional(),
});
export type TQueryListQuery = z.infer<typeof ZQueryListQuery>;

/** Checks a query as the editor types: ok, or the syntax error; with the recent articles it would have matched. */
export const ZCheckQueryRequest = z.strictObject({ text: z.string().max(4000) });
export const ZCheckQueryResponse = z.object({
  ok: z.boolean(),
  error: z.object({ reason: z.string(), position: z.number().int(), message: z.string() }).nullable(),
  /** Matches among the last 30 days' articles (at most 20 shown, all counted). */
  recentMatches: z.number().int(),
  sample: z.array(z.object({ id: ZId, title: z.string(), sourceName: z.string() })),
  /** The check reads at most a few thousand of the newest recent articles: how many it read, of how many. */
  scanned: z.number().int().optional(),
  recentArticles: z.number().int().optional(),
});
export type TCheckQueryResponse = z.infer<typeof ZCheckQueryResponse>;

// ---- The classifier's editable lexicon and trained model (§6). ----

export const ZLexiconRule = z.object({
  name: z.string().min(1).max(100),
  allOf: z.array(z.array(z.string().min(1).max(200)).min(1)).min(1),
  titleOrLead: z.boolean().optional(),
  flag: z.string().optional(),
  minRelevance: ZRelevanceLevel.optional(),
  sentiment: z.string().optional(),
  unit: z.string().optional(),
});

export const ZLexicon = z.object({
  schemeGate: z.array(z.string().min(1).max(200)).min(1),
  groups: z.record(z.string(), z.array(z.string().min(1).max(200))),
  rules: z.array(ZLexiconRule),
});
export type TLexicon = z.infer<typeof ZLexicon>;

export const ZLexiconState = z.object({
  lexicon: ZLexicon,
  version: ZVersion,
  updatedAt: z.iso.datetime().nullable(),
  updatedBy: z.string().nullable(),
  canEdit: z.boolean(),
});
export type TLexiconState = z.infer<typeof ZLexiconState>;

export const ZUpdateLexiconRequest = z.strictObject({ lexicon: ZLexicon, version: ZVersion });

export const ZModelState = z.object({
  trainedAt: z.iso.datetime().nullable(),
  /** Labelled examples and officers' corrections it learnt from. */
  examples: z.number().int(),
  corrections: z.number().int(),
  /** Corrections made since it was trained. */
  pendingCorrections: z.number().int(),
  /** Held-out figures of the last training (cross-validated), when measured. */
  metrics: z.record(z.string(), z.number()).nullable(),
  training: z.boolean(),
  canTrain: z.boolean(),
});
export type TModelState = z.infer<typeof ZModelState>;
