// `npm run bench -- monitoring`: the hot path of media monitoring on the shared news corpus (14,501 real articles),
// one stage at a time, each against its own baseline in the same run — near-duplicates (recall and precision on
// neardup-dev.json), saved-query matching (10,000 generated queries, the query index against the naive
// every-query-every-article evaluator, identical results checked) and classification (held-out cross-validated
// figures of LABELS.md's targets beside the one-line keyword rule) — and end to end into PostgreSQL through the
// ingest service, beside the pipeline alone and one-article batches.
import { loadNewsArticles } from '../apps/server/test/news-corpus.js';
import { runClassifierEvaluation } from './monitoring-classifier.js';
import { runIngestBenchmark } from './monitoring-ingest.js';
import { runNeardupBenchmark } from './monitoring-neardup.js';
import { runQueryBenchmark } from './monitoring-queries.js';

export async function runMonitoringBenchmark(): Promise<void> {
  await runNeardupBenchmark();
  await runQueryBenchmark();
  await runClassifierEvaluation();
  await runIngestBenchmark(await loadNewsArticles());
  const peak = process.resourceUsage().maxRSS / 1024;
  console.log(`monitoring: peak memory of the whole run ${peak.toFixed(0)} MiB (max RSS)`);
}
