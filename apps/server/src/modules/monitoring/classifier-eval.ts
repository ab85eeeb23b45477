// Measuring the classifier as issue 12 §6 asks: on a whole stream (unlabelled articles are unrelated), with held-out
// predictions from k-fold cross-validation, beside a one-line keyword rule on title and lead.
import {
  compileLexicon,
  compileTerm,
  DEFAULT_LEXICON,
  hasAnyTerm,
  MONITORING_FLAGS,
  type MonitoringFlag,
  type OwningUnit,
  type RelevanceLevel,
  type Sentiment,
} from './classifier-lexicon.js';
import { type ArticleText, articleFeatures, passesGate, prepareArticle } from './classifier-features.js';
import { type ArticleLabel, type TrainOptions, type TrainingRow, trainRows } from './classifier-model.js';
import { classifyPrepared } from './classifier.js';
import { seededRandom } from './classifier-softmax.js';

export interface Prediction {
  relevance: RelevanceLevel;
  sentiment: Sentiment | 'na';
  flags: readonly MonitoringFlag[];
  unit: OwningUnit;
}

export interface ScoredItem {
  gold: ArticleLabel;
  predicted: Prediction;
}

export interface PrecisionRecall {
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  predicted: number;
  actual: number;
}

export interface ClassifierMetrics {
  /** Core vs the rest, over the whole stream. */
  core: PrecisionRecall;
  /** Core or peripheral vs unrelated, over the whole stream. */
  relevant: PrecisionRecall;
  /** Negative sentiment among the truly relevant items. */
  negative: PrecisionRecall;
  /** Share of truly core items whose predicted unit is the labelled one. */
  unitAccuracyCore: number;
  /** Flags micro-averaged over the truly relevant items. */
  flags: PrecisionRecall;
  items: number;
}

export function precisionRecall(truePositives: number, predicted: number, actual: number): PrecisionRecall {
  const precision = predicted === 0 ? 0 : truePositives / predicted;
  const recall = actual === 0 ? 0 : truePositives / actual;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositives, predicted, actual };
}

function countBinary(items: readonly ScoredItem[], test: (label: ArticleLabel | Prediction) => boolean) {
  let tp = 0;
  let predicted = 0;
  let actual = 0;
  for (const { gold, predicted: p } of items) {
    const g = test(gold);
    const q = test(p);
    if (q) predicted++;
    if (g) actual++;
    if (g && q) tp++;
  }
  return precisionRecall(tp, predicted, actual);
}

/** The metrics of item 6 over scored items (every article of the stream, labelled or not). */
export function evaluate(items: readonly ScoredItem[]): ClassifierMetrics {
  const relevantItems = items.filter((i) => i.gold.relevance !== 'unrelated');
  const coreItems = items.filter((i) => i.gold.relevance === 'core');
  let flagTp = 0;
  let flagPredicted = 0;
  let flagActual = 0;
  for (const { gold, predicted } of relevantItems) {
    flagPredicted += predicted.flags.length;
    flagActual += gold.flags.length;
    flagTp += predicted.flags.filter((f) => gold.flags.includes(f)).length;
  }
  return {
    core: countBinary(items, (l) => l.relevance === 'core'),
    relevant: countBinary(items, (l) => l.relevance !== 'unrelated'),
    negative: countBinary(relevantItems, (l) => l.sentiment === 'negative'),
    unitAccuracyCore:
      coreItems.length === 0 ? 0 : coreItems.filter((i) => i.predicted.unit === i.gold.unit).length / coreItems.length,
    flags: precisionRecall(flagTp, flagPredicted, flagActual),
    items: items.length,
  };
}

const terms = (...words: string[]) => words.map(compileTerm);
const KEYWORD_SCHEMES = terms('bảo hiểm xã hội', 'bảo hiểm y tế', 'bảo hiểm thất nghiệp', 'lương hưu', 'tuổi nghỉ hưu');
const KEYWORD_UNITS: [OwningUnit, string[]][] = [
  ['thanhtra', terms('trục lợi', 'gian lận', 'thanh tra', 'kiểm toán')],
  ['thu', terms('nợ', 'trốn đóng', 'chậm đóng', 'mức đóng', 'tham gia')],
  ['sothe', terms('thẻ', 'sổ')],
  ['csxh', terms('hưu', 'thai sản', 'một lần', 'trợ cấp', 'chế độ')],
  ['cshyt', terms('bảo hiểm y tế', 'viện phí', 'bệnh viện', 'khám')],
];
const keywordLexicon = compileLexicon(DEFAULT_LEXICON);

/** The one-line keyword rule the product must beat: a scheme's name in the title or lead makes an article core, in the
 *  body peripheral; the first unit whose keyword is in the title or lead owns it (else the Communication Center); a
 *  negative word there makes it negative; each flag's lexicon terms there raise the flag. */
export function keywordRule(article: ArticleText): Prediction {
  const prepared = prepareArticle(article);
  const head = `${prepared.title}|${prepared.lead}`;
  const relevance: RelevanceLevel = hasAnyTerm(head, KEYWORD_SCHEMES)
    ? 'core'
    : hasAnyTerm(prepared.all, KEYWORD_SCHEMES)
      ? 'peripheral'
      : 'unrelated';
  if (relevance === 'unrelated') return { relevance, sentiment: 'na', flags: [], unit: 'none' };
  const group = (name: string) => keywordLexicon.groups.find(([n]) => n === name)?.[1] ?? [];
  return {
    relevance,
    sentiment: hasAnyTerm(head, group('negative')) ? 'negative' : 'neutral',
    flags: MONITORING_FLAGS.filter((flag) => hasAnyTerm(head, group(flag))),
    unit: KEYWORD_UNITS.find(([, words]) => hasAnyTerm(head, words))?.[0] ?? 'truyenthong',
  };
}

export interface StreamArticle {
  id: string;
  article: ArticleText;
  label: ArticleLabel;
}

export interface CrossValidationOptions {
  folds: number;
  seed: number;
  /** Articles of one group (a near-duplicate cluster) always fall in the same fold, so that a syndicated copy of a
   *  test article is never in its training part. */
  groupOf: (id: string) => string;
  train: Partial<TrainOptions>;
}

/** Held-out predictions for every article of the stream by k-fold cross-validation (folds stratified by relevance and
 *  grouped by `groupOf`), in the order of the input. */
export function crossValidate(stream: readonly StreamArticle[], options: Partial<CrossValidationOptions> = {}) {
  const folds = options.folds ?? 5;
  const groupOf = options.groupOf ?? ((id: string) => id);
  const lexicon = compileLexicon(options.train?.lexicon ?? DEFAULT_LEXICON);
  const prepared = stream.map((s) => prepareArticle(s.article));
  const rows: TrainingRow[] = stream.map((s, i) => ({
    features: passesGate(prepared[i]!, lexicon) ? articleFeatures(prepared[i]!, lexicon) : null,
    label: s.label,
    weight: 1,
  }));

  // Stratify: deal the groups of each relevance level round-robin over the folds, in a seeded order.
  const groups = new Map<string, { level: number; members: number[] }>();
  stream.forEach((s, i) => {
    const key = groupOf(s.id);
    const level = ['unrelated', 'peripheral', 'core'].indexOf(s.label.relevance);
    const group = groups.get(key) ?? { level, members: [] };
    group.level = Math.max(group.level, level);
    group.members.push(i);
    groups.set(key, group);
  });
  const random = seededRandom(options.seed ?? 7);
  const ordered = [...groups.values()]
    .map((g) => ({ g, r: random() }))
    .sort((a, b) => a.g.level - b.g.level || a.r - b.r);
  const foldOf = new Int32Array(stream.length);
  ordered.forEach(({ g }, n) => g.members.forEach((i) => (foldOf[i] = n % folds)));

  const predictions: Prediction[] = new Array(stream.length);
  for (let fold = 0; fold < folds; fold++) {
    const model = trainRows(
      rows.filter((_, i) => foldOf[i] !== fold),
      options.train,
    );
    stream.forEach((_, i) => {
      if (foldOf[i] !== fold) return;
      const c = classifyPrepared(prepared[i]!, rows[i]!.features, model, lexicon);
      predictions[i] = { relevance: c.relevance.level, sentiment: c.sentiment, flags: c.flags, unit: c.unit };
    });
  }
  return predictions;
}
