// Training the classifier's models from labelled articles and officers' corrections: one model per task (relevance
// 3-way on articles that pass the lexicon's gate; sentiment, owning unit and one-vs-rest flags on relevant articles).
import {
  type ClassifierLexicon,
  compileLexicon,
  type CompiledLexicon,
  DEFAULT_LEXICON,
  MONITORING_FLAGS,
  type MonitoringFlag,
  OWNING_UNITS,
  type OwningUnit,
  RELEVANCE_LEVELS,
  type RelevanceLevel,
  type Sentiment,
  SENTIMENTS,
} from './classifier-lexicon.js';
import {
  type ArticleText,
  articleFeatures,
  type FeatureVector,
  passesGate,
  prepareArticle,
} from './classifier-features.js';
import { type SoftmaxExample, type SoftmaxModel, type SoftmaxOptions, trainSoftmax } from './classifier-softmax.js';

/** What a reader decides about an article (the vocabulary of LABELS.md). */
export interface ArticleLabel {
  relevance: RelevanceLevel;
  sentiment: Sentiment | 'na';
  flags: MonitoringFlag[];
  unit: OwningUnit;
}

export interface LabelledArticle {
  article: ArticleText;
  label: ArticleLabel;
}

/** An officer's correction: the fields they set on one article; every other field teaches nothing. */
export interface Correction {
  article: ArticleText;
  label: Partial<ArticleLabel>;
}

export interface ClassifierModel {
  version: 1;
  relevance: SoftmaxModel;
  sentiment: SoftmaxModel | null;
  unit: SoftmaxModel | null;
  /** Flags seen in training; the others come from the lexicon's rules only. */
  flags: Partial<Record<MonitoringFlag, SoftmaxModel>>;
  thresholds: ClassifierThresholds;
}

export interface ClassifierThresholds {
  /** An article is core when the probability of core reaches this. */
  core: number;
  /** Otherwise peripheral when the probability of core or peripheral reaches this. */
  relevant: number;
  /** Negative sentiment is chosen when its probability reaches this, whatever the other two. */
  negative: number;
  /** A flag is raised when its model's probability reaches this. */
  flag: number;
}

export interface TrainOptions {
  lexicon: ClassifierLexicon;
  corrections: readonly Correction[];
  /** How many labelled articles one correction weighs: an officer's word on a new kind of article must count. */
  correctionWeight: number;
  /** Extra weight of core articles when learning the owning unit (the unit is measured on core items). */
  coreUnitWeight: number;
  thresholds: ClassifierThresholds;
  softmax: Partial<SoftmaxOptions>;
}

/** The flag threshold is 0.5 since the lexicon's flag rules (evasion, fraud, policy) took over much of the recall:
 *  0.45–0.55 gave the same held-out flag F1, 0.35 (before the rules) added false flags. */
export const DEFAULT_THRESHOLDS: ClassifierThresholds = { core: 0.6, relevant: 0.3, negative: 0.4, flag: 0.5 };

/** One article ready for training: its features (null when it fails the gate) and the fields it teaches. */
export interface TrainingRow {
  features: FeatureVector | null;
  label: Partial<ArticleLabel>;
  weight: number;
}

/** The owning unit is learnt from the title and the lexicon only: LABELS.md gives it to the unit "whose work the
 *  headline is about", and the body's words, on so few examples, teach more noise than signal (0.73 → 0.78 held out). */
const UNIT_PREFIXES = ['t:', 'x:', 'bias'];
const only = (features: FeatureVector, prefixes: readonly string[]): FeatureVector =>
  new Map([...features].filter(([f]) => prefixes.some((p) => f.startsWith(p))));

/** Features of an article, or null when it does not pass the lexicon's gate (unrelated without reading). */
export function gatedFeatures(article: ArticleText, lexicon: CompiledLexicon): FeatureVector | null {
  const prepared = prepareArticle(article);
  return passesGate(prepared, lexicon) ? articleFeatures(prepared, lexicon) : null;
}

/** Trains every model from labelled articles plus corrections (a pure function: nothing is stored). */
export function train(examples: readonly LabelledArticle[], options: Partial<TrainOptions> = {}): ClassifierModel {
  const lexicon = compileLexicon(options.lexicon ?? DEFAULT_LEXICON);
  const correctionWeight = options.correctionWeight ?? 5;
  const rows: TrainingRow[] = [
    ...examples.map((e) => ({ features: gatedFeatures(e.article, lexicon), label: e.label, weight: 1 })),
    ...(options.corrections ?? []).map((c) => ({
      features: gatedFeatures(c.article, lexicon),
      label: c.label,
      weight: correctionWeight,
    })),
  ];
  return trainRows(rows, options);
}

/** train() on rows whose features are computed already (cross-validation computes them once for every fold). */
export function trainRows(rows: readonly TrainingRow[], options: Partial<TrainOptions> = {}): ClassifierModel {
  const softmax = options.softmax ?? {};
  const coreUnitWeight = options.coreUnitWeight ?? 2;
  const gated = rows.filter((r): r is TrainingRow & { features: FeatureVector } => r.features !== null);
  const relevant = gated.filter((r) => r.label.relevance === undefined || r.label.relevance !== 'unrelated');
  const examplesOf = (from: typeof gated, labelOf: (row: TrainingRow) => string | undefined, weightOf = 1) =>
    from.flatMap((r): SoftmaxExample[] => {
      const label = labelOf(r);
      return label === undefined ? [] : [{ features: r.features, label, weight: r.weight * weightOf }];
    });

  const relevance = trainSoftmax(
    examplesOf(gated, (r) => r.label.relevance),
    RELEVANCE_LEVELS,
    softmax,
  );
  const sentimentExamples = examplesOf(relevant, (r) => (r.label.sentiment === 'na' ? undefined : r.label.sentiment));
  const unitExamples = relevant.flatMap((r): SoftmaxExample[] =>
    r.label.unit === undefined
      ? []
      : [
          {
            features: only(r.features, UNIT_PREFIXES),
            label: r.label.unit,
            weight: r.weight * (r.label.relevance === 'core' ? coreUnitWeight : 1),
          },
        ],
  );
  const flags: Partial<Record<MonitoringFlag, SoftmaxModel>> = {};
  for (const flag of MONITORING_FLAGS) {
    const flagExamples = examplesOf(relevant, (r) =>
      r.label.flags === undefined ? undefined : r.label.flags.includes(flag) ? 'yes' : 'no',
    );
    if (flagExamples.some((e) => e.label === 'yes') && flagExamples.some((e) => e.label === 'no')) {
      flags[flag] = trainSoftmax(flagExamples, ['no', 'yes'], softmax);
    }
  }
  return {
    version: 1,
    relevance,
    sentiment: sentimentExamples.length > 0 ? trainSoftmax(sentimentExamples, SENTIMENTS, softmax) : null,
    unit: unitExamples.length > 0 ? trainSoftmax(unitExamples, OWNING_UNITS, softmax) : null,
    flags,
    thresholds: options.thresholds ?? DEFAULT_THRESHOLDS,
  };
}
