import { describe, expect, it } from 'vitest';
import type { ArticleLabel } from './classifier-model.js';
import { evaluate, keywordRule, type Prediction, precisionRecall } from './classifier-eval.js';

const item = (gold: ArticleLabel, predicted: Prediction) => ({ gold, predicted });
const unrelated: ArticleLabel = { relevance: 'unrelated', sentiment: 'na', flags: [], unit: 'none' };

describe('precisionRecall', () => {
  it('computes F1 from counts and is 0 when nothing is predicted', () => {
    const m = precisionRecall(3, 4, 6);
    expect(m.precision).toBe(0.75);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBeCloseTo(0.6, 10);
    expect(precisionRecall(0, 0, 5).f1).toBe(0);
  });
});

describe('evaluate', () => {
  it('scores relevance over the whole stream and the rest over the truly relevant items', () => {
    const core: ArticleLabel = {
      relevance: 'core',
      sentiment: 'negative',
      flags: ['fraud', 'evasion_debt'],
      unit: 'thanhtra',
    };
    const peripheral: ArticleLabel = { relevance: 'peripheral', sentiment: 'neutral', flags: [], unit: 'cshyt' };
    const m = evaluate([
      item(core, { relevance: 'core', sentiment: 'negative', flags: ['fraud'], unit: 'thanhtra' }),
      item(core, { relevance: 'peripheral', sentiment: 'neutral', flags: ['policy_change'], unit: 'thu' }),
      item(peripheral, { relevance: 'unrelated', sentiment: 'na', flags: [], unit: 'none' }),
      item(unrelated, { relevance: 'core', sentiment: 'negative', flags: ['fraud'], unit: 'thu' }),
      item(unrelated, unrelated),
    ]);
    // core: predicted 2 (one right) of 2 actual
    expect(m.core).toMatchObject({ truePositives: 1, predicted: 2, actual: 2 });
    // relevant: predicted 3 (two right) of 3 actual
    expect(m.relevant).toMatchObject({ truePositives: 2, predicted: 3, actual: 3 });
    // negative on the 3 truly relevant items: 1 right of 2 actual, 1 predicted
    expect(m.negative).toMatchObject({ truePositives: 1, predicted: 1, actual: 2 });
    expect(m.unitAccuracyCore).toBe(0.5);
    // flags on the truly relevant items: predicted fraud, policy_change; actual fraud, evasion_debt ×2
    expect(m.flags).toMatchObject({ truePositives: 1, predicted: 2, actual: 4 });
    expect(m.items).toBe(5);
  });
});

describe('keywordRule', () => {
  it('makes a scheme in the headline core and in the body peripheral, with a unit from keywords', () => {
    const core = keywordRule({ title: 'Trục lợi bảo hiểm y tế ở bệnh viện', lead: '', body: '' });
    expect(core).toMatchObject({ relevance: 'core', unit: 'thanhtra', sentiment: 'negative' });
    expect(core.flags).toContain('fraud');
    expect(keywordRule({ title: 'Tin buổi sáng', lead: '', body: 'Một đoạn về BHXH.' }).relevance).toBe('peripheral');
    expect(keywordRule({ title: 'Giá vàng', lead: '', body: 'Bảo hiểm xe tăng.' })).toEqual({
      relevance: 'unrelated',
      sentiment: 'na',
      flags: [],
      unit: 'none',
    });
  });
});
