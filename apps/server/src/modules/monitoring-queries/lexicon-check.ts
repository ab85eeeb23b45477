// Checking an edited classifier lexicon beyond its shape (ZLexicon): every term must give at least one matching token
// (a term of punctuation only would be dropped silently and the officer's edit would do nothing), and what a rule sets
// must be in the vocabulary of LABELS.md.
import {
  MONITORING_FLAGS,
  OWNING_UNITS,
  SENTIMENTS,
  type MonitoringFlag,
  type OwningUnit,
  type Sentiment,
  type TLexicon,
} from '@loa/contracts';
import { type ClassifierLexicon, matchTokens } from '../monitoring/index.js';

/** A problem of one field, as AppError carries it. */
export interface LexiconProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

const isIn = <T extends string>(list: readonly T[], value: string | undefined): value is T =>
  value !== undefined && (list as readonly string[]).includes(value);

/** The problems of a lexicon, each on the path of its field (`lexicon.groups.fraud.2`), at most `limit` of them. */
export function lexiconProblems(lexicon: TLexicon, limit = 50): LexiconProblem[] {
  const problems: LexiconProblem[] = [];
  const term = (field: string, value: string) => {
    if (matchTokens(value).length === 0)
      problems.push({ field, code: 'monitoring.term_without_words', params: { value } });
  };
  lexicon.schemeGate.forEach((value, i) => term(`lexicon.schemeGate.${i}`, value));
  for (const [name, terms] of Object.entries(lexicon.groups)) {
    if (name.trim() === '' || name.length > 100)
      problems.push({ field: `lexicon.groups.${name}`, code: 'validation.invalid_value' });
    terms.forEach((value, i) => term(`lexicon.groups.${name}.${i}`, value));
  }
  const names = new Set<string>();
  lexicon.rules.forEach((rule, r) => {
    const at = `lexicon.rules.${r}`;
    if (names.has(rule.name)) problems.push({ field: `${at}.name`, code: 'validation.duplicate' });
    names.add(rule.name);
    rule.allOf.forEach((group, g) => group.forEach((value, i) => term(`${at}.allOf.${g}.${i}`, value)));
    if (rule.flag !== undefined && !isIn(MONITORING_FLAGS, rule.flag))
      problems.push({ field: `${at}.flag`, code: 'validation.invalid_value' });
    if (rule.unit !== undefined && !isIn(OWNING_UNITS, rule.unit))
      problems.push({ field: `${at}.unit`, code: 'validation.invalid_value' });
    if (rule.sentiment !== undefined && !isIn(SENTIMENTS, rule.sentiment))
      problems.push({ field: `${at}.sentiment`, code: 'validation.invalid_value' });
  });
  return problems.slice(0, limit);
}

/** The lexicon as the classifier types it, once lexiconProblems() found nothing. */
export function asClassifierLexicon(lexicon: TLexicon): ClassifierLexicon {
  return {
    schemeGate: lexicon.schemeGate,
    groups: lexicon.groups,
    rules: lexicon.rules.map((rule) => ({
      name: rule.name,
      allOf: rule.allOf,
      ...(rule.titleOrLead !== undefined ? { titleOrLead: rule.titleOrLead } : {}),
      ...(rule.flag !== undefined ? { flag: rule.flag as MonitoringFlag } : {}),
      ...(rule.minRelevance !== undefined ? { minRelevance: rule.minRelevance } : {}),
      ...(rule.sentiment !== undefined ? { sentiment: rule.sentiment as Sentiment } : {}),
      ...(rule.unit !== undefined ? { unit: rule.unit as OwningUnit } : {}),
    })),
  };
}
