import {
  FLAG_LABELS,
  MONITORING_FLAGS,
  OWNING_UNIT_LABELS,
  OWNING_UNITS,
  RELEVANCE_LABELS,
  RELEVANCE_LEVELS,
  SENTIMENT_LABELS,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type TArticleSentiment,
  type TClassification,
  type TCorrectArticleRequest,
  type TLocale,
} from '@loa/contracts';

/** What the correction form holds. */
export interface CorrectionFormValues {
  relevance: RelevanceLevel;
  sentiment: TArticleSentiment;
  flags: MonitoringFlag[];
  unit: OwningUnit;
  note?: string | undefined;
}

/** The form's starting values: the article's current classification. */
export function correctionInitialValues(current: TClassification): CorrectionFormValues {
  return {
    relevance: current.relevance.level,
    sentiment: current.sentiment,
    flags: [...current.flags],
    unit: current.unit,
    note: '',
  };
}

/**
 * The correction to send: only the fields that differ from the current classification (flags compared as a set,
 * sent in the vocabulary's order); null when nothing changed. The note rides along only with a change.
 */
export function correctionRequest(
  current: TClassification,
  values: CorrectionFormValues,
): TCorrectArticleRequest | null {
  const request: TCorrectArticleRequest = {};
  if (values.relevance !== current.relevance.level) request.relevance = values.relevance;
  if (values.sentiment !== current.sentiment) request.sentiment = values.sentiment;
  const flags = MONITORING_FLAGS.filter((flag) => values.flags.includes(flag));
  const before = new Set(current.flags);
  if (flags.length !== before.size || flags.some((flag) => !before.has(flag))) request.flags = flags;
  if (values.unit !== current.unit) request.unit = values.unit;
  if (Object.keys(request).length === 0) return null;
  const note = values.note?.trim();
  if (note) request.note = note;
  return request;
}

const isOneOf = <T extends string>(value: unknown, allowed: readonly T[]): value is T =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value);

/**
 * A corrected field's value before or after, in words: a relevance level (alone or as {level, score}), a sentiment,
 * a list of flags, a unit. Anything unknown is shown as it is; nothing at all as an em dash.
 */
export function correctionValueText(field: string, value: unknown, locale: TLocale): string {
  if (value === null || value === undefined) return '—';
  if (field === 'relevance') {
    const level = typeof value === 'object' && !Array.isArray(value) ? (value as { level?: unknown }).level : value;
    if (isOneOf(level, RELEVANCE_LEVELS)) return RELEVANCE_LABELS[level][locale];
  }
  if (field === 'sentiment' && isOneOf(value, [...Object.keys(SENTIMENT_LABELS)] as TArticleSentiment[])) {
    return SENTIMENT_LABELS[value][locale];
  }
  if (field === 'unit' && isOneOf(value, OWNING_UNITS)) return OWNING_UNIT_LABELS[value][locale];
  if (field === 'flags' && Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((flag) => (isOneOf(flag, MONITORING_FLAGS) ? FLAG_LABELS[flag][locale] : String(flag))).join(', ');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The body's paragraphs: split at blank lines or line breaks, trimmed, empty ones dropped. */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\r?\n+/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

/** Tag colours: bad news and the flags that need action at once stand out. */
export const SENTIMENT_COLORS: Record<TArticleSentiment, string | undefined> = {
  negative: 'red',
  neutral: undefined,
  positive: 'green',
  na: undefined,
};
export const RELEVANCE_COLORS: Record<RelevanceLevel, string | undefined> = {
  core: 'blue',
  peripheral: 'cyan',
  unrelated: undefined,
};
export function flagColor(flag: MonitoringFlag): string {
  if (flag === 'scam_impersonation' || flag === 'book_trading') return 'volcano';
  if (flag === 'misinformation' || flag === 'fraud') return 'orange';
  return 'gold';
}
