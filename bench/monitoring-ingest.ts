// End to end into PostgreSQL: all 14,501 articles of the shared corpus through the real ingest service (validation,
// URL keys, one tokenisation, saved queries, near-duplicates, classification, official-channels check, bulk writes,
// clusters, audit, alerts) in batches of 500, on an embedded PostgreSQL with the seeded saved queries. Beside it, in
// the same run: the pipeline alone in memory (what the database adds), and the baseline of one article per batch (what
// bulk writing saves) on a sample into a second database.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../apps/server/src/bootstrap.js';
import { compose } from '../apps/server/src/composition-root.js';
import { SYSTEM_ACTOR } from '../apps/server/src/platform/actor.js';
import { ensureDatabase, openDatabase } from '../apps/server/src/platform/db/client.js';
import { startEmbeddedPostgres } from '../apps/server/src/platform/db/embedded.js';
import { migrate } from '../apps/server/src/platform/db/migrate.js';
import { compileLexicon, DEFAULT_LEXICON } from '../apps/server/src/modules/monitoring/classifier-lexicon.js';
import { type ClassifierModel, train } from '../apps/server/src/modules/monitoring/classifier-model.js';
import { processArticle } from '../apps/server/src/modules/monitoring/ingest-pipeline.js';
import { QueryIndex } from '../apps/server/src/modules/monitoring/query-index.js';
import { tryParseQuery } from '../apps/server/src/modules/monitoring/query-parser.js';
import { loadShippedModel } from '../apps/server/src/modules/monitoring/shipped-model.repository.js';
import { loadDevLabels, type NewsArticle } from '../apps/server/test/news-corpus.js';
import { toArticleLabel } from './monitoring-classifier.js';
import { freePort } from './support.js';

const BATCH = 500;
const BASELINE_ARTICLES = 500;

/** The shipped model, else one trained here on the whole dev stream (the bench then says so). */
async function modelFor(articles: readonly NewsArticle[]): Promise<{ model: ClassifierModel; origin: string }> {
  const shipped = await loadShippedModel();
  if (shipped) return { model: shipped, origin: 'shipped-model.json.gz' };
  const labels = await loadDevLabels();
  const started = performance.now();
  const model = train(articles.map((a) => ({ article: a, label: toArticleLabel(labels.get(a.id)) })));
  return { model, origin: `trained here on the dev stream in ${((performance.now() - started) / 1000).toFixed(1)} s` };
}

const toItem = (a: NewsArticle) => ({ url: a.url, title: a.title, lead: a.lead, body: a.body, source: 'Báo mẫu' });

async function openBenchDatabase(embeddedUrl: string, name: string, model: ClassifierModel) {
  const database = openDatabase(await ensureDatabase(embeddedUrl, name), 4);
  await migrate(database.pool);
  const services = compose(database.db, { sessionHours: 12 });
  await bootstrap(services, { orgPreset: '34-provinces', demo: false, adminPassword: 'Bench-password-2026' });
  await database.pool.query(`INSERT INTO monitoring_models (model, examples, corrections) VALUES ($1, 0, 0)`, [
    JSON.stringify(model),
  ]);
  return { database, services };
}

export async function runIngestBenchmark(articles: readonly NewsArticle[]): Promise<void> {
  const { model, origin } = await modelFor(articles);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'loa-bench-monitoring-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  try {
    const { database, services } = await openBenchDatabase(embedded.url, 'loa_bench_ingest', model);
    const { rows: queryRows } = await database.pool.query<{ id: string; text: string }>(
      'SELECT id, text FROM monitoring_queries WHERE enabled',
    );
    console.log(
      `ingest end to end: ${articles.length} articles, batches of ${BATCH}, ${queryRows.length} seeded saved queries, ` +
        `model ${origin}`,
    );

    // The pipeline alone, in memory, with the same state the engine holds.
    const queries = new QueryIndex();
    for (const q of queryRows) {
      const parsed = tryParseQuery(q.text);
      if (parsed.ok) queries.add(q.id, parsed.query);
    }
    const state = { lexicon: compileLexicon(DEFAULT_LEXICON), model, queries, registry: [] };
    const fetchedAt = new Date();
    let started = performance.now();
    for (const a of articles) processArticle(toItem(a), { fetchedAt, sourceName: null }, state);
    const pipelineSeconds = (performance.now() - started) / 1000;
    console.log(
      `  pipeline in memory (normalise, tokenise once, queries, signature, classify): ` +
        `${(articles.length / pipelineSeconds).toFixed(0)} articles/s (${pipelineSeconds.toFixed(1)} s, one core)`,
    );

    started = performance.now();
    let accepted = 0;
    let duplicates = 0;
    let relevant = 0;
    // Two batches in flight, as the fetcher's workers or the CLI send them: one is classified while the other is
    // written under the ingest lock, so Node and PostgreSQL each keep a core busy.
    const batches: NewsArticle[][] = [];
    for (let i = 0; i < articles.length; i += BATCH) batches.push(articles.slice(i, i + BATCH));
    const worker = async () => {
      for (let batch = batches.shift(); batch; batch = batches.shift()) {
        const response = await services.monitoringIngest.ingest(SYSTEM_ACTOR, { articles: batch.map(toItem) }, 'vi');
        accepted += response.accepted;
        for (const r of response.results) {
          if ('error' in r) continue;
          if (r.duplicateOf) duplicates++;
          if (r.relevance.level !== 'unrelated') relevant++;
        }
      }
    };
    await Promise.all([worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  end to end into PostgreSQL: ${(articles.length / seconds).toFixed(0)} articles/s ` +
        `(${seconds.toFixed(1)} s; ${accepted} stored, ${duplicates} near-duplicates, ${relevant} relevant)  ` +
        'target ≥ 1,000',
    );
    const again = performance.now();
    const known = await services.monitoringIngest.ingest(
      SYSTEM_ACTOR,
      { articles: articles.slice(0, BATCH).map(toItem) },
      'vi',
    );
    console.log(
      `  a batch of ${BATCH} known articles again: ${known.known} known, ${known.accepted} written, ` +
        `${((performance.now() - again) / 1000).toFixed(2)} s`,
    );
    await database.close();

    // Baseline: the same service with one article per batch (one transaction, lock and sync per article).
    const baseline = await openBenchDatabase(embedded.url, 'loa_bench_ingest_baseline', model);
    const sample = articles.slice(0, BASELINE_ARTICLES);
    started = performance.now();
    for (const a of sample) {
      await baseline.services.monitoringIngest.ingest(SYSTEM_ACTOR, { articles: [toItem(a)] }, 'vi');
    }
    const baselineSeconds = (performance.now() - started) / 1000;
    const baselineRate = sample.length / baselineSeconds;
    console.log(
      `  baseline, one article per batch (first ${sample.length}): ${baselineRate.toFixed(0)} articles/s — ` +
        `batches of ${BATCH} are ${(articles.length / seconds / baselineRate).toFixed(1)}× faster`,
    );
    await baseline.database.close();
  } finally {
    await embedded.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
