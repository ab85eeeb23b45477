// Classifying one article: the lexicon's gate, the trained models, then the lexicon's rules, which override the models
// where LABELS.md is categorical (a scam using the agency's name is core, negative and the Communication Center's).
import {
  type ClassifierLexicon,
  compileLexicon,
  type CompiledLexicon,
  type LexiconRule,
  MONITORING_FLAGS,
  type MonitoringFlag,
  type OwningUnit,
  RELEVANCE_LEVELS,
  type RelevanceLevel,
  type Sentiment,
} from './classifier-lexicon.js';
import {
  type ArticleText,
  articleFeatures,
  type FeatureVector,
  passesGate,
  type PreparedArticle,
  prepareArticle,
} from './classifier-features.js';
import type { ClassifierModel } from './classifier-model.js';
import { predictSoftmax, probabilityOf } from './classifier-softmax.js';

export interface Classification {
  /** `score` is the probability that the article is relevant (core or peripheral), 0 to 1. */
  relevance: { level: RelevanceLevel; score: number };
  sentiment: Sentiment | 'na';
  flags: MonitoringFlag[];
  unit: OwningUnit;
  /** The names of the lexicon rules that fired (shown to officers as the reason of an override). */
  rules: string[];
}

export interface ClassifySignals {
  /** Flags raised by other detectors with their own evidence (the official-channels registry raises
   *  scam_impersonation); they take the effects of the lexicon rule that raises the same flag. */
  flags?: readonly MonitoringFlag[];
}

const rank = (level: RelevanceLevel) => RELEVANCE_LEVELS.indexOf(level);
/** The least score shown for an article a rule made relevant. */
const RULE_SCORE = 0.95;

/** Whether a rule fires: every one of its term groups occurs (in the title or lead only, when the rule says so). */
export function ruleFires(rule: CompiledLexicon['rules'][number], prepared: PreparedArticle): boolean {
  const text = rule.titleOrLead ? `${prepared.title}|${prepared.lead}` : prepared.all;
  return rule.compiled.every((group) => group.some((term) => text.includes(term)));
}

/** Classifies an article with a trained model and a lexicon (pure; the lexicon is compiled once per object). */
export function classify(
  article: ArticleText,
  model: ClassifierModel,
  lexicon: ClassifierLexicon,
  signals: ClassifySignals = {},
): Classification {
  const compiled = compileLexicon(lexicon);
  const prepared = prepareArticle(article);
  const features = passesGate(prepared, compiled) ? articleFeatures(prepared, compiled) : null;
  return classifyPrepared(prepared, features, model, compiled, signals);
}

/** classify() on an article already prepared, with its features (null when it fails the gate). */
export function classifyPrepared(
  prepared: PreparedArticle,
  features: FeatureVector | null,
  model: ClassifierModel,
  lexicon: CompiledLexicon,
  signals: ClassifySignals = {},
): Classification {
  let level: RelevanceLevel = 'unrelated';
  let score = 0;
  if (features) {
    const p = predictSoftmax(model.relevance, features);
    const of = (l: RelevanceLevel) => p[model.relevance.classes.indexOf(l)] ?? 0;
    score = of('peripheral') + of('core');
    if (of('core') >= model.thresholds.core) level = 'core';
    else if (score >= model.thresholds.relevant) level = 'peripheral';
  }

  const fired: LexiconRule[] = lexicon.rules.filter((rule) => ruleFires(rule, prepared));
  for (const flag of signals.flags ?? []) {
    if (fired.some((rule) => rule.flag === flag)) continue;
    fired.push(lexicon.rules.find((rule) => rule.flag === flag) ?? { name: `signal:${flag}`, allOf: [], flag });
  }
  for (const rule of fired) {
    if (rule.minRelevance && rank(rule.minRelevance) > rank(level)) {
      level = rule.minRelevance;
      score = Math.max(score, RULE_SCORE);
    }
  }
  const rules = fired.map((rule) => rule.name);
  if (level === 'unrelated') return { relevance: { level, score }, sentiment: 'na', flags: [], unit: 'none', rules };

  const learnt = features ?? articleFeatures(prepared, lexicon);
  const flags = new Set<MonitoringFlag>();
  for (const flag of MONITORING_FLAGS) {
    const flagModel = model.flags[flag];
    if (flagModel && probabilityOf(flagModel, learnt, 'yes') >= model.thresholds.flag) flags.add(flag);
  }
  for (const rule of fired) if (rule.flag) flags.add(rule.flag);

  return {
    relevance: { level, score },
    sentiment: fired.find((rule) => rule.sentiment)?.sentiment ?? learntSentiment(model, learnt),
    flags: MONITORING_FLAGS.filter((flag) => flags.has(flag)),
    unit: fired.find((rule) => rule.unit)?.unit ?? learntUnit(model, learnt),
    rules,
  };
}

function learntSentiment(model: ClassifierModel, features: FeatureVector): Sentiment {
  if (!model.sentiment) return 'neutral';
  const p = predictSoftmax(model.sentiment, features);
  const of = (s: Sentiment) => p[model.sentiment!.classes.indexOf(s)] ?? 0;
  if (of('negative') >= model.thresholds.negative) return 'negative';
  return of('positive') > of('neutral') ? 'positive' : 'neutral';
}

function learntUnit(model: ClassifierModel, features: FeatureVector): OwningUnit {
  if (!model.unit) return 'truyenthong';
  const p = predictSoftmax(model.unit, features);
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return model.unit.classes[best] as OwningUnit;
}
