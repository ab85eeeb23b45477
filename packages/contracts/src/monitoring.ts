import { z } from 'zod';

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
