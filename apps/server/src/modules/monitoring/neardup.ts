// Near-duplicate detection for syndicated news: the same story copied by many outlets is one cluster. An article's
// signature is the sorted set of 32-bit hashes of the syllable 5-shingles of the first 600 matching tokens of its lead
// and body (at most 596 numbers, whatever the article's length). A one-permutation MinHash of that set, cut into LSH
// bands, finds the earlier articles that may be copies; their similarity is then the Jaccard index of the two hash
// sets, exact but for 32-bit collisions. Texts are never kept: an article costs its signature and a few band entries.
// Everything is seeded, so the same articles in the same order always give the same clusters. The choice of this
// scheme over a MinHash estimate alone is measured in docs/decisions/0029-vietnamese-text-and-near-duplicates.md.
import { matchTokens } from './vn-text.js';

export interface NearDuplicateOptions {
  /** LSH bands of the MinHash; an earlier article is compared when one whole band agrees. */
  bands: number;
  /** MinHash values per band: the chance of comparing two articles of similarity J is 1 − (1 − J^rows)^bands. */
  bandRows: number;
  /** Jaccard similarity at or above which an article duplicates an earlier one (the dataset's 0.5). */
  threshold: number;
  /** Only the first tokens of lead + body count: copies keep the opening and drift (or get cut) at the end. */
  maxTokens: number;
  shingleSize: number;
  seed: number;
}

export const NEAR_DUPLICATE_DEFAULTS: Readonly<NearDuplicateOptions> = {
  bands: 32,
  bandRows: 3,
  threshold: 0.5,
  maxTokens: 600,
  shingleSize: 5,
  seed: 0x4c6f61,
};

/** What the index says about an arriving article. */
export interface NearDuplicateMatch {
  /** The id of the first article of the cluster the article joins, or null when it starts a cluster of its own. */
  duplicateOf: string | null;
  /** The earlier article it resembles most (at or above the threshold), or null. */
  nearest: string | null;
  /** The Jaccard similarity with `nearest` (1 for the same normalised URL), 0 without one. */
  similarity: number;
}

const fmix32 = (input: number): number => {
  let h = input;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
};

/** One murmur3 mixing round: folds `value` into the running hash `h`. */
const mix = (h: number, value: number): number => {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  const x = h ^ k;
  return (Math.imul((x << 13) | (x >>> 19), 5) + 0xe6546b64) | 0;
};

const hashToken = (token: string, seed: number): number => {
  let h = seed ^ 0x811c9dc5;
  for (let i = 0; i < token.length; i++) h = Math.imul(h ^ token.charCodeAt(i), 0x01000193);
  return fmix32(h);
};

/** A 32-bit hash mapped onto 0 … n−1 without the bias of `%`. */
const scale = (hash: number, n: number): number => Math.floor((hash / 0x100000000) * n);

const checkOptions = (o: NearDuplicateOptions): void => {
  for (const key of ['bands', 'bandRows', 'maxTokens', 'shingleSize'] as const) {
    if (!Number.isInteger(o[key]) || o[key] < 1) throw new Error(`${key} must be a positive integer`);
  }
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new Error('threshold must be in (0, 1]');
};

/** The tokens that count for an article: the first `maxTokens` matching tokens of its lead and body. */
export function fingerprintTokens(lead: string, body: string, maxTokens: number): string[] {
  const text = `${lead}\n${body}`;
  // About 4.5 characters a token in Vietnamese news: tokenise a generous prefix first, the rest only when needed.
  const prefixChars = maxTokens * 12;
  let tokens = text.length > prefixChars ? matchTokens(text.slice(0, prefixChars)) : null;
  if (tokens === null || tokens.length <= maxTokens) tokens = matchTokens(text);
  return tokens.length > maxTokens ? tokens.slice(0, maxTokens) : tokens;
}

/**
 * An article's signature: the sorted, distinct hashes of its shingles, or null when it has no token at all. This is
 * what storage keeps to rebuild the index; a text shorter than a shingle gives one shingle of all its tokens.
 */
export function articleSignature(
  article: { lead: string; body: string },
  options: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS,
): Uint32Array | null {
  checkOptions(options);
  return signatureOfTokens(fingerprintTokens(article.lead, article.body, options.maxTokens), options);
}

/** articleSignature() of the matching tokens of lead + body (only the first `maxTokens` count). */
export function signatureOfTokens(
  allTokens: readonly string[],
  options: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS,
): Uint32Array | null {
  const tokens = allTokens.length > options.maxTokens ? allTokens.slice(0, options.maxTokens) : allTokens;
  if (tokens.length === 0) return null;
  const { shingleSize, seed } = options;
  const tokenHashes = tokens.map((token) => hashToken(token, seed));
  const size = Math.min(shingleSize, tokenHashes.length);
  const hashes = new Uint32Array(tokenHashes.length - size + 1);
  for (let start = 0; start < hashes.length; start++) {
    let h = seed;
    for (let i = 0; i < size; i++) h = mix(h, tokenHashes[start + i]!);
    hashes[start] = fmix32(h ^ size);
  }
  hashes.sort();
  let distinct = hashes.length > 0 ? 1 : 0;
  for (let i = 1; i < hashes.length; i++) if (hashes[i] !== hashes[distinct - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.slice(0, distinct);
}

/** The Jaccard index of two signatures (sorted distinct hashes), by a merge. */
export function signatureJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}

/**
 * The LSH band keys of a signature. The MinHash is one-permutation hashing: each hash lands in one of bands × rows
 * bins, which keeps its smallest value; an empty bin borrows the value of a bin picked by a seeded probe sequence that
 * is the same for every article (optimal densification), so two articles' bins stay comparable.
 */
export function bandKeys(signature: Uint32Array, options: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS): Uint32Array {
  const { bands, bandRows, seed } = options;
  const bins = bands * bandRows;
  const minimum = new Uint32Array(bins).fill(0xffffffff);
  const filled = new Uint8Array(bins);
  for (const hash of signature) {
    const bin = scale(fmix32(hash ^ seed ^ 0x9e3779b9), bins);
    filled[bin] = 1;
    if (hash < minimum[bin]!) minimum[bin] = hash;
  }
  const keys = new Uint32Array(bands);
  for (let band = 0; band < bands; band++) {
    let h = mix(seed, band);
    for (let bin = band * bandRows; bin < (band + 1) * bandRows; bin++) {
      let source = bin;
      for (let attempt = 1; filled[source] === 0; attempt++) source = scale(fmix32(mix(mix(seed, bin), attempt)), bins);
      h = mix(h, minimum[source]!);
    }
    keys[band] = fmix32(h);
  }
  return keys;
}

/**
 * A multimap from 32-bit band keys to article numbers: one open-addressing table of (key, article) pairs with linear
 * probing, where a key may fill several slots. Nearly every band key is unique, so this costs about 11 bytes an entry.
 */
class BandTable {
  private keys = new Uint32Array(1 << 12);
  /** article number + 1; 0 marks an empty slot. */
  private articles = new Int32Array(1 << 12);
  private entries = 0;

  get bytes(): number {
    return this.keys.byteLength + this.articles.byteLength;
  }

  /** Calls `visit` with every article number filed under `key`. */
  forEach(key: number, visit: (articleNumber: number) => void): void {
    const mask = this.keys.length - 1;
    for (let slot = fmix32(key) & mask; this.articles[slot] !== 0; slot = (slot + 1) & mask) {
      if (this.keys[slot] === key) visit(this.articles[slot]! - 1);
    }
  }

  add(key: number, articleNumber: number): void {
    if ((this.entries + 1) * 4 > this.keys.length * 3) this.resize();
    this.place(key, articleNumber + 1);
    this.entries++;
  }

  private place(key: number, stored: number): void {
    const mask = this.keys.length - 1;
    let slot = fmix32(key) & mask;
    while (this.articles[slot] !== 0) slot = (slot + 1) & mask;
    this.keys[slot] = key;
    this.articles[slot] = stored;
  }

  private resize(): void {
    const { keys, articles } = this;
    this.keys = new Uint32Array(keys.length * 2);
    this.articles = new Int32Array(articles.length * 2);
    for (let i = 0; i < keys.length; i++) if (articles[i] !== 0) this.place(keys[i]!, articles[i]!);
  }
}

export interface NearDuplicateIndex {
  /**
   * Files an article (articles arrive one at a time, in publication order) and says which earlier article it
   * duplicates. `urlKey` (see url-normalise.ts) catches the same page under another address before any text is
   * compared; a null signature (no text) starts its own cluster. Adding an id twice is an error.
   */
  add(article: { id: string; urlKey?: string | null; signature: Uint32Array | null }): NearDuplicateMatch;
  /**
   * Files an article whose cluster was decided before (rebuilding the index from storage, in arrival order): nothing is
   * compared. `clusterId` is the id of the cluster's first article, filed earlier (or the article itself); an unknown
   * one makes the article start its own cluster. Restoring an id twice is an error.
   */
  restore(article: { id: string; urlKey?: string | null; signature: Uint32Array | null; clusterId: string }): void;
  /** The cluster (its first article's id) of an article filed earlier, or undefined. */
  clusterOf(id: string): string | undefined;
  readonly size: number;
  /** The bytes held in signatures and band tables (ids and URL keys not counted). */
  readonly signatureBytes: number;
}

export function createNearDuplicateIndex(overrides: Partial<NearDuplicateOptions> = {}): NearDuplicateIndex {
  const options: NearDuplicateOptions = { ...NEAR_DUPLICATE_DEFAULTS, ...overrides };
  checkOptions(options);
  const ids: string[] = [];
  const clusters: number[] = [];
  const signatures: (Uint32Array | null)[] = [];
  const numberOf = new Map<string, number>();
  const byUrl = new Map<string, number>();
  const table = new BandTable();
  /** seen[n] === the arriving article's number once candidate n was compared with it (each candidate once). */
  let seen = new Int32Array(1 << 10).fill(-1);
  let signatureBytes = 0;

  const file = (
    id: string,
    cluster: number,
    signature: Uint32Array | null,
    keys: Uint32Array | null,
    url?: string | null,
  ) => {
    const number = ids.length;
    ids.push(id);
    clusters.push(cluster);
    signatures.push(signature);
    numberOf.set(id, number);
    if (url && !byUrl.has(url)) byUrl.set(url, number);
    if (signature && keys) {
      signatureBytes += signature.byteLength;
      for (const key of keys) table.add(key, number);
    }
  };

  return {
    add({ id, urlKey, signature }) {
      if (numberOf.has(id)) throw new Error(`Article ${id} is already in the near-duplicate index`);
      const keys = signature ? bandKeys(signature, options) : null;
      const sameUrl = urlKey ? byUrl.get(urlKey) : undefined;
      if (sameUrl !== undefined) {
        file(id, clusters[sameUrl]!, signature, keys, urlKey);
        return { duplicateOf: ids[clusters[sameUrl]!]!, nearest: ids[sameUrl]!, similarity: 1 };
      }
      let best = -1;
      let bestSimilarity = 0;
      if (signature && keys) {
        const arrival = ids.length;
        // Marks are arrival numbers and only grow, so a fresh array needs no copy of the old marks.
        if (seen.length < arrival) seen = new Int32Array(seen.length * 2).fill(-1);
        for (const key of keys) {
          table.forEach(key, (candidate) => {
            if (seen[candidate] === arrival) return;
            seen[candidate] = arrival;
            const similarity = signatureJaccard(signature, signatures[candidate]!);
            // Ties go to the earliest article, so the order of band postings cannot change the answer.
            if (similarity > bestSimilarity || (similarity === bestSimilarity && candidate < best)) {
              best = candidate;
              bestSimilarity = similarity;
            }
          });
        }
      }
      if (best !== -1 && bestSimilarity >= options.threshold) {
        file(id, clusters[best]!, signature, keys, urlKey);
        return { duplicateOf: ids[clusters[best]!]!, nearest: ids[best]!, similarity: bestSimilarity };
      }
      file(id, ids.length, signature, keys, urlKey);
      return { duplicateOf: null, nearest: null, similarity: 0 };
    },
    restore({ id, urlKey, signature, clusterId }) {
      if (numberOf.has(id)) throw new Error(`Article ${id} is already in the near-duplicate index`);
      const first = numberOf.get(clusterId);
      const cluster = first === undefined ? ids.length : clusters[first]!;
      file(id, cluster, signature, signature ? bandKeys(signature, options) : null, urlKey);
    },
    clusterOf(id) {
      const number = numberOf.get(id);
      return number === undefined ? undefined : ids[clusters[number]!];
    },
    get size() {
      return ids.length;
    },
    get signatureBytes() {
      return signatureBytes + table.bytes + seen.byteLength;
    },
  };
}
