// The saved-query index, in the manner of Lucene Monitor: each query is filed under a few keys (tokens, or prefixes of
// at least three characters) at least one of which every article it matches must contain; an article looks up its own
// distinct tokens (and their prefixes), and only the queries found are verified with the matcher. The keys of a query:
// a phrase needs all its tokens, so one (the rarest) is enough; AND needs every child, so the cheapest child's keys;
// OR needs one child, so the union of all; NEAR needs both sides, so the cheaper; NOT promises nothing. A query that
// ends with no keys (a pure NOT, or an OR with a NOT branch) is an "always candidate" verified on every article.
import type { QueryNode, QueryPhrase } from './query-parser.js';
import { matchQuery, type PreparedArticle } from './query-matcher.js';

/** Shortest prefix the language accepts (query-parser's short_prefix rule), hence the shortest prefix key. */
const MIN_PREFIX = 3;

/** The key of a token's first three characters: a small integer for ASCII (most folded tokens), which a Map finds
 *  faster than a fresh three-character string; the string itself otherwise. */
function headKey(token: string): number | string {
  const a = token.charCodeAt(0);
  const b = token.charCodeAt(1);
  const c = token.charCodeAt(2);
  return (a | b | c) < 128 ? (a << 14) | (b << 7) | c : token.slice(0, MIN_PREFIX);
}

/**
 * How many articles (or what share of them) are expected to contain a key: the index prefers the rarest keys. A prefix
 * key stands for every token it begins. Without corpus statistics the default guesses from the length: Vietnamese
 * syllables are short, the frequent ones shortest.
 */
export type KeyFrequency = (key: string, isPrefix: boolean) => number;

export const lengthKeyFrequency: KeyFrequency = (key, isPrefix) => (isPrefix ? 4 : 1) / (key.length * key.length);

/** A set of alternatives: exact tokens and prefixes, with the summed frequency as the cost of the set. */
interface KeySet {
  tokens: string[];
  prefixes: string[];
  cost: number;
}

export interface QueryIndexStats {
  queries: number;
  /** Queries with no required key, verified against every article. */
  alwaysCandidates: number;
  tokenKeys: number;
  prefixKeys: number;
}

export interface QueryIndexMatch {
  /** Ids of the matching queries, in no particular order. */
  matched: string[];
  /** How many queries were verified with the matcher. */
  candidates: number;
}

interface Slot {
  id: string;
  query: QueryNode;
  keys: KeySet | null;
}

export class QueryIndex {
  private readonly slots: (Slot | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private readonly slotById = new Map<string, number>();
  private readonly byToken = new Map<string, number[]>();
  /** Prefix keys by their first three characters: an article token costs one lookup whatever the prefixes. */
  private readonly byPrefix = new Map<number | string, Map<string, number[]>>();
  private prefixKeys = 0;
  private readonly always = new Set<number>();
  private seen = new Uint32Array(64);
  private epoch = 0;

  constructor(private readonly frequency: KeyFrequency = lengthKeyFrequency) {}

  get size(): number {
    return this.slotById.size;
  }

  /** Files the query under its keys, replacing any query of the same id. */
  add(id: string, query: QueryNode): void {
    this.remove(id);
    const slot = this.freeSlots.pop() ?? this.slots.length;
    const keys = this.requiredKeys(query);
    this.slots[slot] = { id, query, keys };
    this.slotById.set(id, slot);
    if (slot >= this.seen.length) {
      const grown = new Uint32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    if (!keys) {
      this.always.add(slot);
      return;
    }
    for (const token of keys.tokens) file(this.byToken, token, slot);
    for (const prefix of keys.prefixes) {
      const head = headKey(prefix);
      let prefixes = this.byPrefix.get(head);
      if (!prefixes) this.byPrefix.set(head, (prefixes = new Map()));
      if (!prefixes.has(prefix)) this.prefixKeys++;
      file(prefixes, prefix, slot);
    }
  }

  /** Takes the query out; false when there was none of that id. */
  remove(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    const { keys } = this.slots[slot]!;
    if (!keys) this.always.delete(slot);
    else {
      for (const token of keys.tokens) unfile(this.byToken, token, slot);
      for (const prefix of keys.prefixes) {
        const head = headKey(prefix);
        const prefixes = this.byPrefix.get(head);
        if (!prefixes) continue;
        if (unfile(prefixes, prefix, slot)) this.prefixKeys--;
        if (prefixes.size === 0) this.byPrefix.delete(head);
      }
    }
    this.slots[slot] = undefined;
    this.slotById.delete(id);
    this.freeSlots.push(slot);
    return true;
  }

  /** The keys a query is filed under (null: always a candidate). */
  keysOf(id: string): { tokens: string[]; prefixes: string[] } | null | undefined {
    const slot = this.slotById.get(id);
    if (slot === undefined) return undefined;
    const keys = this.slots[slot]!.keys;
    return keys && { tokens: [...keys.tokens], prefixes: [...keys.prefixes] };
  }

  stats(): QueryIndexStats {
    return {
      queries: this.slotById.size,
      alwaysCandidates: this.always.size,
      tokenKeys: this.byToken.size,
      prefixKeys: this.prefixKeys,
    };
  }

  /** The queries the article matches: candidates from its tokens, each verified. */
  match(article: PreparedArticle): QueryIndexMatch {
    const epoch = this.nextEpoch();
    const seen = this.seen;
    const candidates: number[] = [];
    const take = (slots: readonly number[] | Set<number>) => {
      for (const slot of slots) {
        if (seen[slot] === epoch) continue;
        seen[slot] = epoch;
        candidates.push(slot);
      }
    };
    const { byToken, byPrefix } = this;
    const withPrefixes = byPrefix.size > 0;
    for (const token of article.positions.keys()) {
      const exact = byToken.get(token);
      if (exact) take(exact);
      if (!withPrefixes || token.length < MIN_PREFIX) continue;
      const prefixes = byPrefix.get(headKey(token));
      if (prefixes) for (const [prefix, slots] of prefixes) if (token.startsWith(prefix)) take(slots);
    }
    take(this.always);
    const matched: string[] = [];
    for (const slot of candidates) {
      const { id, query } = this.slots[slot]!;
      if (matchQuery(query, article)) matched.push(id);
    }
    return { matched, candidates: candidates.length };
  }

  private nextEpoch(): number {
    if (this.epoch === 0xffffffff) {
      this.seen.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }

  private requiredKeys(node: QueryNode): KeySet | null {
    switch (node.kind) {
      case 'phrase':
        return this.phraseKeys(node);
      case 'near':
        return cheaper(this.phraseKeys(node.left), this.phraseKeys(node.right));
      case 'not':
        return null;
      case 'and':
        return node.children.map((child) => this.requiredKeys(child)).reduce(cheaper, null);
      case 'or': {
        const union: KeySet = { tokens: [], prefixes: [], cost: 0 };
        for (const child of node.children) {
          const keys = this.requiredKeys(child);
          if (!keys) return null;
          for (const token of keys.tokens) if (!union.tokens.includes(token)) union.tokens.push(token);
          for (const prefix of keys.prefixes) if (!union.prefixes.includes(prefix)) union.prefixes.push(prefix);
          union.cost += keys.cost;
        }
        return union;
      }
    }
  }

  /** The rarest single key of a phrase: any of its exact tokens, or its final prefix (if long enough to file). */
  private phraseKeys(phrase: QueryPhrase): KeySet | null {
    let best: KeySet | null = null;
    phrase.tokens.forEach((token, i) => {
      const isPrefix = phrase.prefix && i === phrase.tokens.length - 1;
      if (isPrefix && token.length < MIN_PREFIX) return;
      const cost = this.frequency(token, isPrefix);
      if (best && best.cost <= cost) return;
      best = isPrefix ? { tokens: [], prefixes: [token], cost } : { tokens: [token], prefixes: [], cost };
    });
    return best;
  }
}

function cheaper(a: KeySet | null, b: KeySet | null): KeySet | null {
  if (!a) return b;
  if (!b) return a;
  return b.cost < a.cost ? b : a;
}

// A key's slots are a plain array: iterated for every article, changed only when queries are added or removed.
function file(map: Map<string, number[]>, key: string, slot: number): void {
  const slots = map.get(key);
  if (slots) slots.push(slot);
  else map.set(key, [slot]);
}

/** Takes the slot off the key; true when the key is left with no slot and is gone. */
function unfile(map: Map<string, number[]>, key: string, slot: number): boolean {
  const slots = map.get(key);
  const at = slots ? slots.indexOf(slot) : -1;
  if (at < 0) return false;
  slots!.splice(at, 1);
  if (slots!.length > 0) return false;
  map.delete(key);
  return true;
}
