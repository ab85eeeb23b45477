import { describe, expect, it } from 'vitest';
import { DEFAULT_LEXICON } from '../monitoring/index.js';
import { asClassifierLexicon, lexiconProblems } from './lexicon-check.js';

describe('lexiconProblems', () => {
  it('accepts the default lexicon', () => {
    expect(lexiconProblems(DEFAULT_LEXICON)).toEqual([]);
  });

  it('names each term without words and each value outside the vocabulary by its path', () => {
    const lexicon = {
      schemeGate: ['bảo hiểm', '—'],
      groups: { fraud: ['trục lợi', '&&'] },
      rules: [
        { name: 'r', allOf: [['sổ BHXH', '...']], flag: 'phishing', unit: 'thu', sentiment: 'angry' },
        { name: 'r', allOf: [['cầm sổ BHXH']], unit: 'marketing' },
      ],
    };
    expect(lexiconProblems(lexicon).map((p) => [p.field, p.code])).toEqual([
      ['lexicon.schemeGate.1', 'monitoring.term_without_words'],
      ['lexicon.groups.fraud.1', 'monitoring.term_without_words'],
      ['lexicon.rules.0.allOf.0.1', 'monitoring.term_without_words'],
      ['lexicon.rules.0.flag', 'validation.invalid_value'],
      ['lexicon.rules.0.sentiment', 'validation.invalid_value'],
      ['lexicon.rules.1.name', 'validation.duplicate'],
      ['lexicon.rules.1.unit', 'validation.invalid_value'],
    ]);
  });

  it('keeps what a rule sets when typing the lexicon for the classifier', () => {
    const typed = asClassifierLexicon({
      schemeGate: ['bảo hiểm'],
      groups: {},
      rules: [{ name: 'x', allOf: [['a b']], flag: 'fraud', unit: 'thanhtra', minRelevance: 'core' }],
    });
    expect(typed.rules[0]).toEqual({
      name: 'x',
      allOf: [['a b']],
      flag: 'fraud',
      unit: 'thanhtra',
      minRelevance: 'core',
    });
  });
});
