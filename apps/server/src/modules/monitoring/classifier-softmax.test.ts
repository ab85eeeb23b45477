import { describe, expect, it } from 'vitest';
import { predictSoftmax, seededRandom, type SoftmaxExample, trainSoftmax } from './classifier-softmax.js';

const example = (words: string[], label: string, weight = 1): SoftmaxExample => ({
  features: new Map([['bias', 1], ...words.map((w): [string, number] => [w, 1])]),
  label,
  weight,
});

const data: SoftmaxExample[] = [
  ...['a', 'b', 'c'].flatMap((noise) => [example(['red', noise], 'warm'), example(['orange', noise], 'warm')]),
  ...['a', 'b', 'c'].flatMap((noise) => [example(['blue', noise], 'cold'), example(['green', noise], 'cold')]),
];

describe('trainSoftmax', () => {
  it('learns the words that tell the classes apart', () => {
    const model = trainSoftmax(data, ['warm', 'cold']);
    const [warm, cold] = predictSoftmax(
      model,
      new Map([
        ['bias', 1],
        ['red', 1],
      ]),
    );
    expect(warm).toBeGreaterThan(0.8);
    expect(cold).toBeCloseTo(1 - warm!, 10);
    expect(
      predictSoftmax(
        model,
        new Map([
          ['bias', 1],
          ['green', 1],
        ]),
      )[1],
    ).toBeGreaterThan(0.8);
  });

  it('gives the same weights for the same seed, and JSON keeps them', () => {
    const first = trainSoftmax(data, ['warm', 'cold'], { seed: 3 });
    expect(trainSoftmax(data, ['warm', 'cold'], { seed: 3 })).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it('drops words seen in fewer examples than the minimum, but keeps lexicon features', () => {
    const rare = [...data, example(['x:lexicon', 'unique'], 'warm')];
    const model = trainSoftmax(rare, ['warm', 'cold'], { minDocumentFrequency: 2 });
    expect(model.weights['unique']).toBeUndefined();
    expect(model.weights['x:lexicon']).toBeDefined();
  });

  it('ignores examples of other classes and of no weight', () => {
    const model = trainSoftmax(
      [...data, example(['red'], 'other'), example(['red', 'a'], 'cold', 0)],
      ['warm', 'cold'],
    );
    expect(model.classes).toEqual(['warm', 'cold']);
    expect(
      predictSoftmax(
        model,
        new Map([
          ['bias', 1],
          ['red', 1],
        ]),
      )[0],
    ).toBeGreaterThan(0.8);
  });
});

describe('seededRandom', () => {
  it('repeats its sequence for a seed and stays within [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(Array.from({ length: 100 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });
});
