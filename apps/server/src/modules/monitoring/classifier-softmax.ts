// Multinomial logistic regression on sparse features: L2-regularised, trained by seeded stochastic gradient descent
// with AdaGrad steps. Small, deterministic and JSON-serialisable: the weights are a plain object keyed by feature.
import type { FeatureVector } from './classifier-features.js';

export interface SoftmaxModel {
  classes: string[];
  /** Per feature, one weight per class; features absent here weigh nothing. */
  weights: Record<string, number[]>;
}

export interface SoftmaxExample {
  features: FeatureVector;
  label: string;
  weight: number;
}

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  /** Features seen in fewer training examples are dropped (lexicon features `x:…` and `bias` are always kept). */
  minDocumentFrequency: number;
  /** Reweight classes toward equal total weight; the power dampens it (0 = off, 1 = fully balanced). */
  balancePower: number;
  seed: number;
}

export const SOFTMAX_DEFAULTS: SoftmaxOptions = {
  epochs: 20,
  learningRate: 0.2,
  l2: 1e-4,
  minDocumentFrequency: 2,
  balancePower: 0.5,
  seed: 12,
};

/** mulberry32: a small seeded generator, so that training twice gives the same weights. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The smallest weight kept in the exported model. */
const MIN_WEIGHT = 2e-3;

const isAlwaysKept = (feature: string) => feature === 'bias' || feature.startsWith('x:');

/** Trains one model over the given classes; examples whose label is not among them are ignored. */
export function trainSoftmax(
  examples: readonly SoftmaxExample[],
  classes: readonly string[],
  options: Partial<SoftmaxOptions> = {},
): SoftmaxModel {
  const o = { ...SOFTMAX_DEFAULTS, ...options };
  const K = classes.length;
  const used = examples.filter((e) => classes.includes(e.label) && e.weight > 0);

  const df = new Map<string, number>();
  for (const e of used) for (const f of e.features.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df.keys()].filter((f) => isAlwaysKept(f) || df.get(f)! >= o.minDocumentFrequency).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));

  const classTotals = classes.map((c) => used.filter((e) => e.label === c).reduce((s, e) => s + e.weight, 0));
  const total = classTotals.reduce((s, w) => s + w, 0);
  const classFactor = classTotals.map((w) => (w > 0 ? Math.pow(total / (K * w), o.balancePower) : 0));

  const rows = used.map((e) => {
    const entries = [...e.features].filter(([f]) => index.has(f));
    return {
      idx: Int32Array.from(entries, ([f]) => index.get(f)!),
      val: Float64Array.from(entries, ([, v]) => v),
      y: classes.indexOf(e.label),
      w: e.weight * classFactor[classes.indexOf(e.label)]!,
    };
  });

  const W = new Float64Array(vocabulary.length * K);
  const G = new Float64Array(vocabulary.length * K).fill(1e-8);
  const random = seededRandom(o.seed);
  const order = rows.map((_, i) => i);
  const p = new Float64Array(K);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const r of order) {
      const row = rows[r]!;
      scoresInto(p, row.idx, row.val, W, K);
      for (let k = 0; k < K; k++) p[k] = (p[k]! - (k === row.y ? 1 : 0)) * row.w;
      for (let n = 0; n < row.idx.length; n++) {
        const base = row.idx[n]! * K;
        const x = row.val[n]!;
        for (let k = 0; k < K; k++) {
          const g = p[k]! * x + o.l2 * W[base + k]!;
          const at = base + k;
          G[at] = G[at]! + g * g;
          W[at] = W[at]! - (o.learningRate * g) / Math.sqrt(G[at]!);
        }
      }
    }
  }

  // Weights too small to move a probability are dropped: the model stays a few hundred KiB of JSON.
  const weights: Record<string, number[]> = {};
  vocabulary.forEach((f, i) => {
    const row = Array.from(W.subarray(i * K, i * K + K), (w) => Math.round(w * 1e4) / 1e4);
    if (row.some((w) => Math.abs(w) >= MIN_WEIGHT)) weights[f] = row;
  });
  return { classes: [...classes], weights };
}

/** Softmax of the class scores of one row, written into `out`. */
function scoresInto(out: Float64Array, idx: Int32Array, val: Float64Array, W: Float64Array, K: number): void {
  out.fill(0);
  for (let n = 0; n < idx.length; n++) {
    const base = idx[n]! * K;
    for (let k = 0; k < K; k++) out[k] = out[k]! + W[base + k]! * val[n]!;
  }
  softmaxInPlace(out);
}

function softmaxInPlace(scores: Float64Array | number[]): void {
  let max = -Infinity;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    scores[k] = Math.exp(scores[k]! - max);
    sum += scores[k]!;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = scores[k]! / sum;
}

/** The class probabilities of a feature vector, in the model's class order. */
export function predictSoftmax(model: SoftmaxModel, features: FeatureVector): number[] {
  const scores = new Array<number>(model.classes.length).fill(0);
  for (const [feature, value] of features) {
    const row = model.weights[feature];
    if (!row) continue;
    for (let k = 0; k < scores.length; k++) scores[k]! += row[k]! * value;
  }
  softmaxInPlace(scores);
  return scores;
}

/** The probability of one class (0 when the model does not know it). */
export function probabilityOf(model: SoftmaxModel, features: FeatureVector, label: string): number {
  const k = model.classes.indexOf(label);
  return k === -1 ? 0 : predictSoftmax(model, features)[k]!;
}
