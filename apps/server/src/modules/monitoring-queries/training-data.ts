// Turning stored labelled articles and officers' corrections into what train() takes, and the held-out figures of a
// training run as the model state shows them.
import { ZArticleSentiment, ZMonitoringFlag, ZOwningUnit, ZRelevanceLevel, type RelevanceLevel } from '@loa/contracts';
import { z } from 'zod';
import {
  type ArticleLabel,
  type ClassifierLexicon,
  type ClassifierMetrics,
  type ClassifierModel,
  type Correction,
  crossValidate,
  evaluate,
  type LabelledArticle,
  train,
} from '../monitoring/index.js';

/** A label as stored in monitoring_training_examples.label. */
export const ZStoredLabel = z.object({
  relevance: ZRelevanceLevel,
  sentiment: ZArticleSentiment,
  flags: z.array(ZMonitoringFlag),
  unit: ZOwningUnit,
});

/** A line of labels-dev.jsonl (LABELS.md): relevance 0, 1 or 2. */
export const ZDevLabel = z.object({
  id: z.string().min(1),
  relevance: z.union([z.literal(0), z.literal(1), z.literal(2)]),
  sentiment: ZArticleSentiment,
  flags: z.array(ZMonitoringFlag),
  unit: ZOwningUnit,
});
export type DevLabel = z.infer<typeof ZDevLabel>;

const LEVELS: readonly RelevanceLevel[] = ['unrelated', 'peripheral', 'core'];

export function labelOfDev(label: Omit<DevLabel, 'id'>): ArticleLabel {
  const relevance = LEVELS[label.relevance]!;
  return {
    relevance,
    sentiment: relevance === 'unrelated' ? 'na' : label.sentiment,
    flags: label.flags,
    unit: relevance === 'unrelated' ? 'none' : label.unit,
  };
}

/** What the dev stream says of an article missing from the labels: unrelated. */
export const UNRELATED: ArticleLabel = { relevance: 'unrelated', sentiment: 'na', flags: [], unit: 'none' };

export interface StoredExample {
  externalId: string;
  title: string;
  lead: string;
  body: string;
  label: unknown;
}

/** Stored examples as labelled articles; one whose label does not parse is left out (and counted). */
export function labelledExamples(rows: readonly StoredExample[]): { examples: LabelledArticle[]; skipped: number } {
  const examples: LabelledArticle[] = [];
  let skipped = 0;
  for (const row of rows) {
    const label = ZStoredLabel.safeParse(row.label);
    if (!label.success) {
      skipped++;
      continue;
    }
    examples.push({ article: { title: row.title, lead: row.lead, body: row.body }, label: label.data });
  }
  return { examples, skipped };
}

export interface StoredCorrection {
  articleId: string;
  field: string;
  after: unknown;
  title: string;
  lead: string;
  body: string;
}

/** The value a correction set: the relevance as a level or `{level, score}`, the others as they are. */
function correctedValue(field: string, after: unknown): Partial<ArticleLabel> | null {
  const parse = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  switch (field) {
    case 'relevance': {
      const level = parse(ZRelevanceLevel, after) ?? parse(z.object({ level: ZRelevanceLevel }), after)?.level ?? null;
      return level ? { relevance: level } : null;
    }
    case 'sentiment': {
      const sentiment = parse(ZArticleSentiment, after);
      return sentiment ? { sentiment } : null;
    }
    case 'flags': {
      const flags = parse(z.array(ZMonitoringFlag), after);
      return flags ? { flags } : null;
    }
    case 'unit': {
      const unit = parse(ZOwningUnit, after);
      return unit ? { unit } : null;
    }
    default:
      return null;
  }
}

/** The latest value of each corrected field, one correction per article with every field the officers set. */
export function correctionsOf(rows: readonly StoredCorrection[]): Correction[] {
  const byArticle = new Map<string, Correction>();
  for (const row of rows) {
    const value = correctedValue(row.field, row.after);
    if (!value) continue;
    const correction = byArticle.get(row.articleId) ?? {
      article: { title: row.title, lead: row.lead, body: row.body },
      label: {},
    };
    Object.assign(correction.label, value);
    byArticle.set(row.articleId, correction);
  }
  return [...byArticle.values()];
}

/** Held-out figures are measured only with enough relevant examples for five folds to mean something. */
export const METRICS_MIN_RELEVANT = 25;

/** The figures the model screen shows (names as in decision 0031's table). */
export function metricsRecord(m: ClassifierMetrics): Record<string, number> {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    coreF1: round(m.core.f1),
    relevantF1: round(m.relevant.f1),
    negativeRecall: round(m.negative.recall),
    negativePrecision: round(m.negative.precision),
    unitAccuracyCore: round(m.unitAccuracyCore),
    flagsF1: round(m.flags.f1),
    heldOutArticles: m.items,
  };
}

/** Trains on the examples and corrections; with enough relevant examples, also 5-fold held-out figures of the
 *  examples alone (corrections are not held out: they are few and each weighs as much as five articles). */
export function trainWithMetrics(
  examples: readonly LabelledArticle[],
  corrections: readonly Correction[],
  lexicon: ClassifierLexicon,
): { model: ClassifierModel; metrics: Record<string, number> | null } {
  const model = train(examples, { lexicon, corrections });
  const relevant = examples.filter((e) => e.label.relevance !== 'unrelated').length;
  if (relevant < METRICS_MIN_RELEVANT) return { model, metrics: null };
  const stream = examples.map((e, i) => ({ id: String(i), article: e.article, label: e.label }));
  const predictions = crossValidate(stream, { folds: 5, seed: 7, train: { lexicon } });
  const metrics = evaluate(stream.map((s, i) => ({ gold: s.label, predicted: predictions[i]! })));
  return { model, metrics: metricsRecord(metrics) };
}
