import type { TClassification } from '@loa/contracts';
import { describe, expect, it } from 'vitest';
import { canonicalFlags, planCorrection } from './corrections.js';

const current: TClassification = {
  relevance: { level: 'peripheral', score: 0.62 },
  sentiment: 'neutral',
  flags: ['fraud', 'evasion_debt'],
  unit: 'thu',
};

describe('planCorrection', () => {
  it('records only the fields whose value changes', () => {
    const plan = planCorrection(current, { relevance: 'peripheral', sentiment: 'negative', unit: 'thu' });
    expect(plan.changes).toEqual([{ field: 'sentiment', before: 'neutral', after: 'negative' }]);
    expect(plan.columns).toEqual({ sentiment: 'negative' });
  });

  it('sets the score of a corrected relevance to a certainty', () => {
    expect(planCorrection(current, { relevance: 'core' }).changes).toEqual([
      { field: 'relevance', before: { level: 'peripheral', score: 0.62 }, after: { level: 'core', score: 1 } },
    ]);
    expect(planCorrection(current, { relevance: 'unrelated' }).columns).toEqual({
      relevanceLevel: 'unrelated',
      relevanceScore: 0,
    });
  });

  it('compares flags as sets and stores them in the vocabulary order', () => {
    expect(planCorrection(current, { flags: ['evasion_debt', 'fraud', 'fraud'] }).changes).toEqual([]);
    const plan = planCorrection(current, { flags: ['book_trading', 'evasion_debt'] });
    expect(plan.changes).toEqual([
      { field: 'flags', before: ['evasion_debt', 'fraud'], after: ['evasion_debt', 'book_trading'] },
    ]);
    expect(planCorrection(current, { flags: [] }).columns).toEqual({ flags: [] });
  });

  it('records a unit change with both units', () => {
    expect(planCorrection(current, { unit: 'sothe' }).changes).toEqual([
      { field: 'unit', before: 'thu', after: 'sothe' },
    ]);
  });
});

describe('canonicalFlags', () => {
  it('drops repeats and orders by the vocabulary', () => {
    expect(canonicalFlags(['misinformation', 'fraud', 'misinformation'])).toEqual(['fraud', 'misinformation']);
  });
});
