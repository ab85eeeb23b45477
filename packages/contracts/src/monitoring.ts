import { z } from 'zod';
type Label = { vi: string; en: string };

/**
 * The fields a saved monitoring query can be scoped to (`title:`, `lead:`, `body:`, `source:`); an unscoped term
 * looks in the title, the lead and the body.
 */
export const QUERY_FIELDS = ['title', 'lead', 'body', 'source'] as const;
export const ZQueryField = z.enum(QUERY_FIELDS);
export type TQueryField = z.infer<typeof ZQueryField>;

/** The largest n of `NEAR/n`. */
export const QUERY_MAX_NEAR_DISTANCE = 100;
/** The deepest nesting of parentheses, NOT and field scopes a query may have. */
export const QUERY_MAX_DEPTH = 32;

/**
 * Why a saved query does not parse. The field message of a reason is `query.<reason>` in FIELD_MESSAGES, with the
 * params `position` (0-based character offset, for a caret) and `column` (1-based, for people).
 */
export const QUERY_SYNTAX_REASONS = [
  'empty_query',
  'unbalanced_parenthesis',
  'empty_group',
  'dangling_operator',
  'unterminated_phrase',
  'empty_phrase',
  'empty_term',
  'near_distance',
  'near_operand',
  'bad_field',
  'short_prefix',
  'misplaced_wildcard',
  'too_deep',
] as const;
export const ZQuerySyntaxReason = z.enum(QUERY_SYNTAX_REASONS);
export type TQuerySyntaxReason = z.infer<typeof ZQuerySyntaxReason>;

/** A syntax error of a saved query, as the server reports it and the query editor places its caret. */
export const ZQuerySyntaxError = z.object({
  reason: ZQuerySyntaxReason,
  position: z.number().int().min(0),
});
export type TQuerySyntaxError = z.infer<typeof ZQuerySyntaxError>;

// ---- The vocabulary of classification (../shared/data/news/LABELS.md). ----

export const RELEVANCE_LEVELS = ['unrelated', 'peripheral', 'core'] as const;
export const ZRelevanceLevel = z.enum(RELEVANCE_LEVELS);
export type RelevanceLevel = z.infer<typeof ZRelevanceLevel>;

export const SENTIMENTS = ['negative', 'neutral', 'positive'] as const;
export const ZSentiment = z.enum(SENTIMENTS);
export type Sentiment = z.infer<typeof ZSentiment>;
/** The sentiment of an unrelated article is not assessed. */
export const ZArticleSentiment = z.enum([...SENTIMENTS, 'na']);
export type TArticleSentiment = z.infer<typeof ZArticleSentiment>;

export const MONITORING_FLAGS = [
  'evasion_debt',
  'fraud',
  'lump_sum',
  'book_trading',
  'scam_impersonation',
  'service_complaint',
  'policy_change',
  'enrolment',
  'misinformation',
] as const;
export const ZMonitoringFlag = z.enum(MONITORING_FLAGS);
export type MonitoringFlag = z.infer<typeof ZMonitoringFlag>;

/** The unit of the agency that must act on an article; `none` for unrelated ones and those no unit would answer. */
export const OWNING_UNITS = ['thu', 'cshyt', 'csxh', 'sothe', 'thanhtra', 'truyenthong', 'none'] as const;
export const ZOwningUnit = z.enum(OWNING_UNITS);
export type OwningUnit = z.infer<typeof ZOwningUnit>;

/** The org unit (code of the seeded tree) an owning unit routes to; `none` routes nowhere. */
export const OWNING_UNIT_CODES: Record<OwningUnit, string | null> = {
  thu: 'THU',
  cshyt: 'CSYT',
  csxh: 'CSXH',
  sothe: 'ST',
  thanhtra: 'TTKT',
  truyenthong: 'TT',
  none: null,
};

export const RELEVANCE_LABELS: Record<RelevanceLevel, Label> = {
  core: { vi: 'Trọng tâm', en: 'Core' },
  peripheral: { vi: 'Có liên quan', en: 'Peripheral' },
  unrelated: { vi: 'Không liên quan', en: 'Unrelated' },
};

export const SENTIMENT_LABELS: Record<TArticleSentiment, Label> = {
  negative: { vi: 'Tiêu cực', en: 'Negative' },
  neutral: { vi: 'Trung tính', en: 'Neutral' },
  positive: { vi: 'Tích cực', en: 'Positive' },
  na: { vi: 'Không đánh giá', en: 'Not assessed' },
};

export const FLAG_LABELS: Record<MonitoringFlag, Label> = {
  evasion_debt: { vi: 'Trốn đóng, nợ đóng', en: 'Evasion and debt' },
  fraud: { vi: 'Gian lận, trục lợi quỹ', en: 'Fraud on the funds' },
  lump_sum: { vi: 'Hưởng BHXH một lần', en: 'Lump-sum withdrawal' },
  book_trading: { vi: 'Mua bán, cầm cố sổ BHXH, thẻ BHYT', en: 'Book and card trading' },
  scam_impersonation: { vi: 'Lừa đảo, giả mạo cơ quan BHXH', en: 'Scam or impersonation' },
  service_complaint: { vi: 'Phản ánh về phục vụ', en: 'Service complaint' },
  policy_change: { vi: 'Thay đổi chính sách', en: 'Policy change' },
  enrolment: { vi: 'Phát triển người tham gia', en: 'Enrolment and coverage' },
  misinformation: { vi: 'Thông tin sai lệch', en: 'Misinformation' },
};

export const OWNING_UNIT_LABELS: Record<OwningUnit, Label> = {
  thu: { vi: 'Ban Thu', en: 'Contributions Department' },
  cshyt: { vi: 'Ban Thực hiện chính sách BHYT', en: 'Health Insurance Policy Department' },
  csxh: { vi: 'Ban Thực hiện chính sách BHXH', en: 'Social Insurance Policy Department' },
  sothe: { vi: 'Ban Sổ - Thẻ', en: 'Books and Cards Department' },
  thanhtra: { vi: 'Vụ Thanh tra - Kiểm tra', en: 'Inspection Department' },
  truyenthong: { vi: 'Trung tâm Truyền thông', en: 'Communication Center' },
  none: { vi: 'Không đơn vị nào', en: 'No unit' },
};

/** What a classifier decides about an article (the machine's or an officer's). */
export const ZClassification = z.object({
  relevance: z.object({ level: ZRelevanceLevel, score: z.number().min(0).max(1) }),
  sentiment: ZArticleSentiment,
  flags: z.array(ZMonitoringFlag),
  unit: ZOwningUnit,
});
export type TClassification = z.infer<typeof ZClassification>;
