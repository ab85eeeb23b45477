// The classifier on the whole dev stream (all 14,501 articles; an article without a label is unrelated): held-out
// figures from k-fold cross-validation, grouped by near-duplicate cluster, beside the one-line keyword rule.
import { performance } from 'node:perf_hooks';
import type {
  MonitoringFlag,
  OwningUnit,
  Sentiment,
} from '../apps/server/src/modules/monitoring/classifier-lexicon.js';
import type { ArticleLabel } from '../apps/server/src/modules/monitoring/classifier-model.js';
import { train } from '../apps/server/src/modules/monitoring/classifier-model.js';
import {
  type ClassifierMetrics,
  crossValidate,
  evaluate,
  keywordRule,
  type PrecisionRecall,
  type StreamArticle,
} from '../apps/server/src/modules/monitoring/classifier-eval.js';
import { type DevLabel, loadDevLabels, loadNeardupDev, loadNewsArticles } from '../apps/server/test/news-corpus.js';

const LEVELS = ['unrelated', 'peripheral', 'core'] as const;
const UNRELATED: ArticleLabel = { relevance: 'unrelated', sentiment: 'na', flags: [], unit: 'none' };

export function toArticleLabel(label: DevLabel | undefined): ArticleLabel {
  if (!label) return UNRELATED;
  return {
    relevance: LEVELS[label.relevance],
    sentiment: label.sentiment as Sentiment | 'na',
    flags: label.flags as MonitoringFlag[],
    unit: label.unit as OwningUnit,
  };
}

/** The dev stream in file order with labels, and a near-duplicate group for every article. */
export async function loadDevStream() {
  const [articles, labels, neardup] = await Promise.all([loadNewsArticles(), loadDevLabels(), loadNeardupDev()]);
  const cluster = new Map<string, string>();
  for (const members of neardup.clusters) for (const id of members) cluster.set(id, members[0]!);
  const stream: StreamArticle[] = articles.map((a) => ({
    id: a.id,
    article: a,
    label: toArticleLabel(labels.get(a.id)),
  }));
  return { stream, groupOf: (id: string) => cluster.get(id) ?? id };
}

const TARGETS = { core: 0.97, relevant: 0.9, negativeRecall: 0.85, negativePrecision: 0.8, unit: 0.85, flags: 0.8 };

const pct = (x: number) => x.toFixed(3);
const pr = (m: PrecisionRecall) =>
  `F1 ${pct(m.f1)} (P ${pct(m.precision)}, R ${pct(m.recall)}; ${m.truePositives}/${m.predicted}/${m.actual})`;

function printMetrics(name: string, m: ClassifierMetrics): void {
  console.log(`  ${name}`);
  console.log(`    core vs rest        ${pr(m.core)}   target F1 ≥ ${TARGETS.core}`);
  console.log(`    relevant            ${pr(m.relevant)}   target F1 ≥ ${TARGETS.relevant}`);
  console.log(
    `    negative (relevant) recall ${pct(m.negative.recall)} at precision ${pct(m.negative.precision)}   target ≥ ${TARGETS.negativeRecall} at ≥ ${TARGETS.negativePrecision}`,
  );
  console.log(`    unit on core        accuracy ${pct(m.unitAccuracyCore)}   target ≥ ${TARGETS.unit}`);
  console.log(`    flags (relevant)    micro-${pr(m.flags)}   target F1 ≥ ${TARGETS.flags}`);
}

/** Prints item 6's figures: the product's held-out ones (k-fold) and the keyword rule's, on the whole dev stream. */
export async function runClassifierEvaluation(folds = 5): Promise<void> {
  console.log(`\n== monitoring: classifier (whole dev stream, ${folds}-fold cross-validation, held-out figures) ==`);
  const { stream, groupOf } = await loadDevStream();
  const labelled = stream.filter((s) => s.label.relevance !== 'unrelated').length;
  console.log(`  ${stream.length} articles, ${labelled} relevant`);

  const t0 = performance.now();
  const predictions = crossValidate(stream, { folds, groupOf });
  const cvSeconds = (performance.now() - t0) / 1000;
  printMetrics(
    'product (lexicon gate + logistic regression + rules)',
    evaluate(stream.map((s, i) => ({ gold: s.label, predicted: predictions[i]! }))),
  );
  printMetrics(
    'one-line keyword rule (title + lead)',
    evaluate(stream.map((s) => ({ gold: s.label, predicted: keywordRule(s.article) }))),
  );

  const t1 = performance.now();
  const model = train(stream);
  const trainSeconds = (performance.now() - t1) / 1000;
  const weights = JSON.stringify(model).length;
  console.log(
    `  cross-validation ${cvSeconds.toFixed(1)} s; training on the whole stream ${trainSeconds.toFixed(1)} s, model ${(weights / 1024).toFixed(0)} KiB of JSON`,
  );
}
