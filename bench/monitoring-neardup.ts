// Near-duplicate detection on the whole shared news corpus (14,501 articles, in file order as they would arrive):
// articles per second of fingerprinting + LSH filing, recall on the listed pairs of neardup-dev.json, precision
// judged by the exact similarity of every pair put together, and memory. The exact similarity is the dataset's own
// definition (see the decision doc 0029): 5-shingles of the first 600 lower-cased words of lead + body.
import { performance } from 'node:perf_hooks';
import {
  articleSignature,
  createNearDuplicateIndex,
  NEAR_DUPLICATE_DEFAULTS,
  type NearDuplicateOptions,
} from '../apps/server/src/modules/monitoring/neardup.js';
import {
  datasetShingles,
  jaccard,
  loadNeardupDev,
  loadNewsArticles,
  type NeardupDev,
  type NewsArticle,
} from '../apps/server/test/news-corpus.js';

export interface NeardupFigures {
  articles: number;
  seconds: number;
  clusters: number;
  articlesInClusters: number;
  listedPairs: number;
  listedFound: number;
  pairsTogether: number;
  pairsTogetherTrue: number;
  directLinks: number;
  directLinksTrue: number;
  signatureBytes: number;
}

/** Clusters `articles` in order with the index and scores the result against the listed pairs. */
export function evaluateNearDuplicates(
  articles: readonly NewsArticle[],
  dev: NeardupDev,
  options: Partial<NearDuplicateOptions> = {},
): NeardupFigures {
  const settings = { ...NEAR_DUPLICATE_DEFAULTS, ...options };
  const index = createNearDuplicateIndex(settings);
  const links: [string, string][] = [];
  const started = performance.now();
  for (const article of articles) {
    const match = index.add({ id: article.id, signature: articleSignature(article, settings) });
    if (match.nearest) links.push([article.id, match.nearest]);
  }
  const seconds = (performance.now() - started) / 1000;

  const members = new Map<string, string[]>();
  for (const article of articles) {
    const cluster = index.clusterOf(article.id)!;
    members.set(cluster, [...(members.get(cluster) ?? []), article.id]);
  }
  const byId = new Map(articles.map((article) => [article.id, article]));
  const shingleCache = new Map<string, Set<string>>();
  const shinglesOf = (id: string) => {
    let cached = shingleCache.get(id);
    if (!cached) shingleCache.set(id, (cached = datasetShingles(byId.get(id)!)));
    return cached;
  };
  const isTrue = (a: string, b: string) => jaccard(shinglesOf(a), shinglesOf(b)) >= 0.5;

  let pairsTogether = 0;
  let pairsTogetherTrue = 0;
  let articlesInClusters = 0;
  let clusters = 0;
  for (const ids of members.values()) {
    if (ids.length < 2) continue;
    clusters++;
    articlesInClusters += ids.length;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        pairsTogether++;
        if (isTrue(ids[i]!, ids[j]!)) pairsTogetherTrue++;
      }
    }
  }
  const listed = dev.pairs.filter(({ a, b }) => byId.has(a) && byId.has(b));
  return {
    articles: articles.length,
    seconds,
    clusters,
    articlesInClusters,
    listedPairs: listed.length,
    listedFound: listed.filter(({ a, b }) => index.clusterOf(a) === index.clusterOf(b)).length,
    pairsTogether,
    pairsTogetherTrue,
    directLinks: links.length,
    directLinksTrue: links.filter(([a, b]) => isTrue(a, b)).length,
    signatureBytes: index.signatureBytes,
  };
}

const ratio = (part: number, whole: number) => (whole === 0 ? 'n/a' : (part / whole).toFixed(3));

export async function runNeardupBenchmark(): Promise<void> {
  const loadStarted = performance.now();
  const [articles, dev] = await Promise.all([loadNewsArticles(), loadNeardupDev()]);
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  const f = evaluateNearDuplicates(articles, dev);
  const { bands, bandRows, threshold, maxTokens, shingleSize } = NEAR_DUPLICATE_DEFAULTS;
  console.log(
    `near-duplicates: ${f.articles} articles (loaded in ${loadSeconds.toFixed(1)} s); MinHash LSH ${bands} bands × ${bandRows}, ` +
      `Jaccard threshold ${threshold}, ${shingleSize}-shingles of ${maxTokens} tokens`,
  );
  console.log(
    `  fingerprint + LSH: ${(f.articles / f.seconds).toFixed(0)} articles/s (${f.seconds.toFixed(2)} s, one core)`,
  );
  console.log(
    `  recall on neardup-dev.json: ${ratio(f.listedFound, f.listedPairs)} (${f.listedFound}/${f.listedPairs} pairs in one cluster)` +
      '  target ≥ 0.95',
  );
  console.log(
    `  precision, every pair in a cluster: ${ratio(f.pairsTogetherTrue, f.pairsTogether)} ` +
      `(${f.pairsTogetherTrue}/${f.pairsTogether} with exact Jaccard ≥ 0.5)  target ≥ 0.95`,
  );
  console.log(
    `  precision, each article and its nearest match: ${ratio(f.directLinksTrue, f.directLinks)} ` +
      `(${f.directLinksTrue}/${f.directLinks}); ${f.clusters} clusters holding ${f.articlesInClusters} articles`,
  );
  console.log(
    `  memory: index ${(f.signatureBytes / 2 ** 20).toFixed(1)} MiB ` +
      `(${Math.round(f.signatureBytes / f.articles)} B/article); ` +
      `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB (the corpus itself included)`,
  );
}
