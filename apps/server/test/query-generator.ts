// Random saved queries for the query-index property test and the matching benchmark: words, phrases and sources of a
// set of articles combined with every operator of the language (query-parser.ts), reproducibly from a seed.
import type { MonitoredText } from '../src/modules/monitoring/query-matcher.js';
import { foldVi, matchTokens } from '../src/modules/monitoring/vn-text.js';

/** mulberry32: a small seeded generator of numbers in [0, 1). */
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

export interface QueryVocabulary {
  /** Words as written in the articles (accents, capitals). */
  words: string[];
  /** Runs of two or three consecutive words of one sentence. */
  phrases: string[];
  /** Prefixes (without the *) of the kept words' tokens, each shorter than its token. */
  prefixes: string[];
  sources: string[];
}

export interface VocabularyOptions {
  /** Leave out the words whose rarest token is in more than this share of the articles (function words nobody
   *  monitors). */
  maxDocumentShare?: number;
  /** Leave out the words found in fewer articles than this (typos, one-off codes). */
  minDocuments?: number;
  /** Characters a prefix keeps before the * (at least 3, the language's minimum). */
  minPrefix?: number;
  /** Phrases to keep; each holds at least one kept word. */
  phrases?: number;
  seed?: number;
}

const WORD_EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
/** Letters and digits, maybe hyphenated ("covid-19"): nothing the query syntax would read as an operator. */
const PLAIN_WORD = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;
const OPERATOR = /^(?:AND|OR|NOT|NEAR)$/;

export function buildVocabulary(articles: readonly MonitoredText[], options: VocabularyOptions = {}): QueryVocabulary {
  const random = seededRandom(options.seed ?? 1);
  const documents = new Map<string, number>();
  const surface = new Map<string, string>();
  const sentences: string[][] = [];
  const tokenDocuments = new Map<string, number>();
  for (const article of articles) {
    const seen = new Set<string>();
    const tokens = new Set(matchTokens(`${article.title} ${article.lead ?? ''} ${article.body ?? ''}`));
    for (const token of tokens) tokenDocuments.set(token, (tokenDocuments.get(token) ?? 0) + 1);
    for (const text of [article.title, article.lead ?? '', article.body ?? '']) {
      for (const sentence of text.split(/[.!?;:,()"“”]+/)) {
        const words = sentence
          .split(/\s+/)
          .map((word) => word.replace(WORD_EDGE, ''))
          .filter((word) => PLAIN_WORD.test(word) && !OPERATOR.test(word.toUpperCase()));
        for (const word of words) {
          const key = foldVi(word);
          seen.add(key);
          if (!surface.has(key)) surface.set(key, word);
        }
        if (words.length >= 2) sentences.push(words);
      }
    }
    for (const key of seen) documents.set(key, (documents.get(key) ?? 0) + 1);
  }
  const most = (options.maxDocumentShare ?? 1) * articles.length;
  const least = options.minDocuments ?? 1;
  // A word counts as often as its rarest token: "2-1" or "nội-thành" is a rare word made of everyday tokens.
  const rarestToken = (key: string) => Math.min(...matchTokens(key).map((token) => tokenDocuments.get(token) ?? 0));
  const kept = new Set([...documents].filter(([key, n]) => n >= least && rarestToken(key) <= most).map(([key]) => key));
  const words = [...kept].sort().map((key) => surface.get(key)!);

  const phrases: string[] = [];
  const wantedPhrases = options.phrases ?? 2000;
  for (let tries = 0; phrases.length < wantedPhrases && tries < wantedPhrases * 50 && sentences.length > 0; tries++) {
    const sentence = sentences[Math.floor(random() * sentences.length)]!;
    const length = sentence.length >= 3 && random() < 0.4 ? 3 : 2;
    const start = Math.floor(random() * (sentence.length - length + 1));
    const phrase = sentence.slice(start, start + length);
    if (phrase.some((word) => kept.has(foldVi(word)))) phrases.push(phrase.join(' '));
  }
  // Prefixes of the kept words' tokens that are no more common than the kept words ("viet*" would be "Việt").
  const shortest = Math.max(3, options.minPrefix ?? 3);
  const prefixDocuments = new Map<string, number>();
  for (const [token, n] of tokenDocuments) {
    for (let end = shortest; end <= token.length; end++) {
      const prefix = token.slice(0, end);
      prefixDocuments.set(prefix, (prefixDocuments.get(prefix) ?? 0) + n);
    }
  }
  const prefixes: string[] = [];
  for (const token of new Set(words.flatMap((word) => matchTokens(word)))) {
    for (let end = shortest; end < token.length; end++) {
      const prefix = token.slice(0, end);
      if (prefixDocuments.get(prefix)! > most || random() < 0.5) continue;
      prefixes.push(prefix);
      break;
    }
  }
  const sources = [...new Set(articles.map((article) => article.source ?? '').filter((source) => source !== ''))];
  return { words, phrases, prefixes, sources };
}

export interface GeneratorOptions {
  /** Terms per query: 1 to this. */
  maxTerms?: number;
  /** Chance that a clause is a nested parenthesised sub-query. */
  nesting?: number;
  /** Allow conjunctions of NOT clauses only ("NOT a -b"), which match nearly everything: no saved query of an
   *  officer looks like that, but the index must still handle them. */
  pureNot?: boolean;
}

/** One random query in the language, always syntactically valid. */
export function generateQuery(random: () => number, vocabulary: QueryVocabulary, options: GeneratorOptions = {}) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const word = () => {
    const chosen = pick(vocabulary.words);
    const roll = random();
    if (roll < 0.2) return foldVi(chosen); // typed without accents
    if (roll < 0.25) return chosen.toUpperCase();
    return chosen;
  };
  const phrase = () => `"${random() < 0.2 ? foldVi(pick(vocabulary.phrases)) : pick(vocabulary.phrases)}"`;
  const prefix = () => (vocabulary.prefixes.length > 0 ? `${pick(vocabulary.prefixes)}*` : word());
  const atom = () => {
    const roll = random();
    return roll < 0.6 ? word() : roll < 0.85 ? phrase() : prefix();
  };
  const clause = (depth: number): string => {
    const roll = random();
    if (roll < (options.nesting ?? 0) && depth < 2) return `(${query(depth + 1, 3)})`;
    if (roll < 0.4) return word();
    if (roll < 0.52) return phrase();
    if (roll < 0.6) return prefix();
    if (roll < 0.74) {
      const alternatives = Array.from({ length: 2 + Math.floor(random() * 2) }, atom);
      return `(${alternatives.join(' OR ')})`;
    }
    if (roll < 0.84) return random() < 0.5 ? `NOT ${atom()}` : `-${atom()}`;
    if (roll < 0.92) return `${atom()} NEAR/${1 + Math.floor(random() * 8)} ${atom()}`;
    const fieldRoll = random();
    // A source scope is only worth generating where the articles come from several sources.
    if (fieldRoll < 0.2 && vocabulary.sources.length > 1) return `source:${pick(vocabulary.sources)}`;
    if (fieldRoll < 0.6) return `title:${atom()}`;
    if (fieldRoll < 0.8) return `lead:${atom()}`;
    return `body:(${atom()} OR ${atom()})`;
  };
  const isNegative = (text: string) => text.startsWith('NOT ') || text.startsWith('-');
  /** A conjunction, given a positive clause when it has none and pure NOTs are not wanted. */
  const conjunction = (clauses: string[], joiner: string) => {
    if (!options.pureNot && clauses.every(isNegative)) clauses.push(word());
    return clauses.join(joiner);
  };
  const query = (depth: number, maxTerms: number): string => {
    const clauses = Array.from({ length: 1 + Math.floor(random() * maxTerms) }, () => clause(depth));
    if (clauses.length >= 2 && random() < 0.15) {
      const cut = 1 + Math.floor(random() * (clauses.length - 1));
      return `${conjunction(clauses.slice(0, cut), ' ')} OR ${conjunction(clauses.slice(cut), ' AND ')}`;
    }
    return conjunction(clauses, random() < 0.3 ? ' AND ' : ' ');
  };
  return query(0, options.maxTerms ?? 4);
}
