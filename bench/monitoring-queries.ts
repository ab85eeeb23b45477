// Saved-query matching on the whole shared news corpus (14,501 articles) against 10,000 generated queries: the query
// index (candidates from the article's tokens, then verification) against the naive evaluator that tries every query
// on every article, in the same run and on one core, with the results compared article by article. The naive
// evaluator is timed on an evenly spread sample of the articles (it needs minutes for the whole corpus); the index
// runs on all of them. Tokenising an article (prepareArticle) is the same for both and is reported apart.
import { performance } from 'node:perf_hooks';
import { QueryIndex, type KeyFrequency } from '../apps/server/src/modules/monitoring/query-index.js';
import {
  matchEveryQuery,
  prepareArticle,
  type MonitoredText,
  type PreparedArticle,
} from '../apps/server/src/modules/monitoring/query-matcher.js';
import { parseQuery, type QueryNode } from '../apps/server/src/modules/monitoring/query-parser.js';
import { loadNewsArticles, type NewsArticle } from '../apps/server/test/news-corpus.js';
import { buildVocabulary, generateQuery, seededRandom } from '../apps/server/test/query-generator.js';

export interface QueryBenchmarkOptions {
  queries: number;
  /** Articles the naive evaluator is timed on (spread evenly over the corpus). */
  naiveSample: number;
  /** The first articles, taken as the "history" the vocabulary and the key frequencies come from. */
  historyArticles: number;
  seed: number;
}

export const QUERY_BENCHMARK_DEFAULTS: QueryBenchmarkOptions = {
  queries: 10_000,
  naiveSample: 1_000,
  historyArticles: 3_000,
  seed: 12,
};

export interface QueryBenchmarkFigures {
  articles: number;
  queries: number;
  alwaysCandidates: number;
  indexBuildSeconds: number;
  prepareSeconds: number;
  indexMatchSeconds: number;
  matchedPairs: number;
  candidatesPerArticle: number;
  naiveArticles: number;
  naiveMatchSeconds: number;
  /** The index on the naive evaluator's sample (mean of five warm passes). */
  indexSampleSeconds: number;
  /** Articles of the naive sample where both gave the same set of queries. */
  identical: number;
  peakRssMiB: number;
}

/** The corpus has one source (news.example.vn/baomoi) for every article: no source scope could select anything,
 *  so the articles are matched without one and no query is scoped to it. */
const monitoredText = (article: NewsArticle): MonitoredText => ({
  title: article.title,
  lead: article.lead,
  body: article.body,
});

/** Key frequencies as the share of the history articles containing the token (or a token with the prefix). */
function historyFrequency(history: readonly PreparedArticle[]): KeyFrequency {
  const tokens = new Map<string, number>();
  const prefixes = new Map<string, number>();
  for (const article of history) {
    const seen = new Set<string>();
    for (const token of article.positions.keys()) {
      tokens.set(token, (tokens.get(token) ?? 0) + 1);
      for (let n = 3; n <= token.length; n++) seen.add(token.slice(0, n));
    }
    for (const prefix of seen) prefixes.set(prefix, (prefixes.get(prefix) ?? 0) + 1);
  }
  const total = history.length;
  return (key, isPrefix) => ((isPrefix ? prefixes : tokens).get(key) ?? 0.5) / total;
}

export function measureQueryMatching(
  articles: readonly NewsArticle[],
  options: QueryBenchmarkOptions = QUERY_BENCHMARK_DEFAULTS,
): QueryBenchmarkFigures {
  const texts = articles.map(monitoredText);
  const history = texts.slice(0, options.historyArticles);
  const vocabulary = buildVocabulary(history, {
    maxDocumentShare: 0.03,
    minDocuments: 2,
    minPrefix: 4,
    phrases: 5_000,
    seed: options.seed,
  });
  const random = seededRandom(options.seed);
  const queries: { id: string; query: QueryNode }[] = [];
  for (let i = 0; i < options.queries; i++) {
    queries.push({ id: `q${i}`, query: parseQuery(generateQuery(random, vocabulary, { maxTerms: 4, nesting: 0.05 })) });
  }

  const buildStarted = performance.now();
  const index = new QueryIndex(historyFrequency(history.map(prepareArticle)));
  for (const { id, query } of queries) index.add(id, query);
  const indexBuildSeconds = (performance.now() - buildStarted) / 1000;

  // In batches of 500 as they would arrive: tokenise the batch, then match it (so each phase is timed with its own
  // garbage), keeping the results and the spread sample the naive evaluator will see.
  const step = Math.max(1, Math.floor(texts.length / options.naiveSample));
  const results: string[][] = new Array<string[]>(texts.length);
  const sample: { at: number; article: PreparedArticle }[] = [];
  let prepareSeconds = 0;
  let indexMatchSeconds = 0;
  let candidates = 0;
  let matchedPairs = 0;
  for (let from = 0; from < texts.length; from += 500) {
    const t0 = performance.now();
    const batch = texts.slice(from, from + 500).map(prepareArticle);
    const t1 = performance.now();
    batch.forEach((article, k) => {
      const result = index.match(article);
      results[from + k] = result.matched;
      candidates += result.candidates;
      matchedPairs += result.matched.length;
    });
    indexMatchSeconds += (performance.now() - t1) / 1000;
    prepareSeconds += (t1 - t0) / 1000;
    batch.forEach((article, k) => {
      if ((from + k) % step === 0 && sample.length < options.naiveSample) sample.push({ at: from + k, article });
    });
  }

  const naive: string[][] = [];
  const started = performance.now();
  for (const { article } of sample) naive.push(matchEveryQuery(queries, article));
  const naiveMatchSeconds = (performance.now() - started) / 1000;
  // The index again on the same sample, warm like the naive evaluator: the like-for-like ratio.
  const again = performance.now();
  for (let round = 0; round < 5; round++) for (const { article } of sample) index.match(article);
  const indexSampleSeconds = (performance.now() - again) / 1000 / 5;
  let identical = 0;
  sample.forEach(({ at }, k) => {
    const a = [...results[at]!].sort();
    const b = [...naive[k]!].sort();
    if (a.length === b.length && a.every((id, j) => id === b[j])) identical++;
  });

  return {
    articles: texts.length,
    queries: queries.length,
    alwaysCandidates: index.stats().alwaysCandidates,
    indexBuildSeconds,
    prepareSeconds,
    indexMatchSeconds,
    matchedPairs,
    candidatesPerArticle: candidates / texts.length,
    naiveArticles: sample.length,
    naiveMatchSeconds,
    indexSampleSeconds,
    identical,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

export async function runQueryBenchmark(): Promise<void> {
  const articles = await loadNewsArticles();
  const f = measureQueryMatching(articles);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const prepareRate = f.articles / f.prepareSeconds;
  const indexRate = f.articles / f.indexMatchSeconds;
  const sampleIndexRate = f.naiveArticles / f.indexSampleSeconds;
  const naiveRate = f.naiveArticles / f.naiveMatchSeconds;
  const withTokens = (rate: number) => 1 / (1 / rate + 1 / prepareRate);
  console.log(`\nmonitoring queries: ${fmt(f.queries)} generated queries × ${fmt(f.articles)} articles, one core`);
  console.log(
    `  index: built in ${f.indexBuildSeconds.toFixed(2)} s; ${f.alwaysCandidates} queries without a required term ` +
      `(always candidates); ${f.candidatesPerArticle.toFixed(1)} candidates verified per article; ` +
      `${(f.matchedPairs / f.articles).toFixed(1)} matches per article`,
  );
  console.log(
    `  matching, whole corpus in arrival order: index ${fmt(indexRate)} articles/s (target ≥ 5,000); ` +
      `tokenising ${fmt(prepareRate)} articles/s (shared with every other stage); both ${fmt(withTokens(indexRate))}`,
  );
  console.log(
    `  matching, ${f.naiveArticles} spread articles, warm: index ${fmt(sampleIndexRate)} articles/s, naive ` +
      `${fmt(naiveRate)} articles/s: ${(sampleIndexRate / naiveRate).toFixed(0)}× (target ≥ 50×); with tokenising ` +
      `${(withTokens(sampleIndexRate) / withTokens(naiveRate)).toFixed(0)}×`,
  );
  console.log(
    `  identical results on ${f.identical} of ${f.naiveArticles} sampled articles` +
      `${f.identical === f.naiveArticles ? '' : ' — MISMATCH'}; peak RSS ${f.peakRssMiB.toFixed(0)} MiB (corpus included)`,
  );
  if (f.identical !== f.naiveArticles) process.exitCode = 1;
}
