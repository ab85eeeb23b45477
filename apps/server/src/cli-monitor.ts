// `npm run loa -- monitor <ingest|eval|train> …`: media monitoring from the shell (issue 12 §8). `ingest` writes one
// JSON object per input line to stdout and nothing else (every log goes to stderr); `eval` needs no database.
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { INGEST_MAX_ARTICLES, type TIngestResponse, type TLocale } from '@loa/contracts';
import { compose } from './composition-root.js';
import { SYSTEM_ACTOR, type Actor } from './platform/actor.js';
import { loadConfig } from './platform/config.js';
import { attachEmbeddedPostgres } from './platform/db/embedded.js';
import { AppError } from './platform/errors.js';
import { errorMessage } from './platform/i18n/messages.js';
import {
  type ArticleLabel,
  type ClassifierMetrics,
  createNearDuplicateIndex,
  crossValidate,
  evaluate,
  keywordRule,
} from './modules/monitoring/index.js';
import { articleSignature } from './modules/monitoring/neardup.js';
import { openRuntime } from './runtime.js';
import { MONITOR_TRAIN_USAGE, runMonitorTrain } from './cli-monitor-train.js';

export const MONITOR_USAGE = `  monitor ingest FILE.jsonl --json [--lang vi|en]
                                   ingest articles ({"url","title","lead","body","publishedAt","source"} per
                                   line, .gz allowed); prints one JSON result per line, in order
  monitor eval ARTICLES.jsonl.gz LABELS.jsonl
                                   held-out classifier figures (5-fold cross-validation) beside the keyword rule
${MONITOR_TRAIN_USAGE}`;

const CLI_ACTOR: Actor = { ...SYSTEM_ACTOR, fullName: 'Dòng lệnh quản trị (CLI)', username: 'cli' };
/** Articles per ingest batch: large enough for bulk writes, small enough to keep one transaction short. */
const BATCH = Math.min(500, INGEST_MAX_ARTICLES);

async function* lines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const raw = fs.createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
  let line = 0;
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() !== '') yield { line, text };
  }
}

const out = (value: unknown) =>
  new Promise<void>((resolve) =>
    process.stdout.write(`${JSON.stringify(value)}\n`) ? resolve() : process.stdout.once('drain', resolve),
  );

async function ingestFile(file: string, lang: TLocale): Promise<number> {
  const config = loadConfig();
  const attached = config.databaseUrl ? null : await attachEmbeddedPostgres(config.dataDir);
  const runtime = await openRuntime(attached ? { ...config, databaseUrl: attached } : config, (m) => console.error(m));
  let failed = 0;
  try {
    const services = compose(runtime.database.db, { sessionHours: config.sessionHours });
    let pending: { line: number; value: unknown }[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      const articles = batch.filter((p) => p.value !== BROKEN).map((p) => p.value);
      const response: TIngestResponse =
        articles.length > 0
          ? await services.monitoringIngest.ingest(CLI_ACTOR, { articles }, lang)
          : { results: [], accepted: 0, known: 0, rejected: 0 };
      let next = 0;
      for (const { line, value } of batch) {
        if (value === BROKEN) {
          failed++;
          await out({
            line,
            error: { code: 'request.malformed_json', message: errorMessage('request.malformed_json', lang) },
          });
          continue;
        }
        const result = response.results[next++]!;
        if ('error' in result) {
          failed++;
          await out({ line, error: result.error });
        } else await out(result);
      }
      console.error(`monitor ingest: ${response.accepted} new, ${response.known} known, ${response.rejected} rejected`);
    };
    for await (const { line, text } of lines(file)) {
      let value: unknown = BROKEN;
      try {
        value = JSON.parse(text);
      } catch {
        // reported in its place
      }
      pending.push({ line, value });
      if (pending.length >= BATCH) await flush();
    }
    await flush();
  } finally {
    await runtime.close();
  }
  if (failed > 0) console.error(`monitor ingest: ${failed} line(s) rejected (see their "error" on stdout)`);
  return 0;
}
const BROKEN = Symbol('broken line');

const LEVELS = ['unrelated', 'peripheral', 'core'] as const;
const UNRELATED: ArticleLabel = { relevance: 'unrelated', sentiment: 'na', flags: [], unit: 'none' };

/** The dev labels' form (relevance 0/1/2) or the classifier's. */
function toLabel(raw: Record<string, unknown>): ArticleLabel {
  const relevance = typeof raw.relevance === 'number' ? LEVELS[raw.relevance] : raw.relevance;
  return { ...UNRELATED, ...(raw as Partial<ArticleLabel>), relevance: relevance as ArticleLabel['relevance'] };
}

const f3 = (x: number) => x.toFixed(3);

/** The figures of issue 12 §6 as a table: the product's held-out figures beside the keyword rule's. */
export function metricsTable(product: ClassifierMetrics, keyword: ClassifierMetrics): string {
  const rows: [string, (m: ClassifierMetrics) => string, string][] = [
    ['core vs rest F1', (m) => f3(m.core.f1), '≥ 0.97'],
    ['relevant F1', (m) => f3(m.relevant.f1), '≥ 0.90'],
    ['negative recall', (m) => f3(m.negative.recall), '≥ 0.85'],
    ['negative precision', (m) => f3(m.negative.precision), '≥ 0.80'],
    ['unit accuracy (core)', (m) => f3(m.unitAccuracyCore), '≥ 0.85'],
    ['flags micro-F1', (m) => f3(m.flags.f1), '≥ 0.80'],
  ];
  const header = ['metric', 'product (held out)', 'keyword rule', 'target'];
  const body = rows.map(([name, value, target]) => [name, value(product), value(keyword), target]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

async function evalFiles(articlesFile: string, labelsFile: string): Promise<number> {
  const labels = new Map<string, ArticleLabel>();
  for await (const { text } of lines(labelsFile)) {
    const raw = JSON.parse(text) as Record<string, unknown>;
    labels.set(String(raw.id), toLabel(raw));
  }
  // Copies of one story fall in one fold: grouped by the engine's own near-duplicate clusters.
  const neardup = createNearDuplicateIndex();
  const stream = [];
  for await (const { text } of lines(articlesFile)) {
    const a = JSON.parse(text) as { id: string | number; url?: string; title: string; lead?: string; body?: string };
    const article = { title: a.title, lead: a.lead ?? '', body: a.body ?? '' };
    const id = String(a.id);
    neardup.add({ id, signature: articleSignature(article) });
    stream.push({ id, article, label: labels.get(id) ?? UNRELATED });
  }
  console.error(`monitor eval: ${stream.length} articles, ${labels.size} labelled; 5-fold cross-validation…`);
  const predictions = crossValidate(stream, { folds: 5, groupOf: (id) => neardup.clusterOf(id) ?? id });
  const product = evaluate(stream.map((s, i) => ({ gold: s.label, predicted: predictions[i]! })));
  const keyword = evaluate(stream.map((s) => ({ gold: s.label, predicted: keywordRule(s.article) })));
  process.stdout.write(`${metricsTable(product, keyword)}\n`);
  return 0;
}

/** Runs `monitor …` (argv after "monitor"); the exit code. */
export async function runMonitorCommand(argv: string[]): Promise<number> {
  const sub = argv[0];
  try {
    // Each subcommand parses its own options.
    const { positionals, values } =
      sub === 'ingest' || sub === 'eval'
        ? parseArgs({
            args: argv.slice(1),
            allowPositionals: true,
            options: { json: { type: 'boolean' }, lang: { type: 'string', default: 'vi' } },
          })
        : { positionals: [], values: { json: false, lang: 'vi' } };
    const files = positionals;
    switch (sub) {
      case 'ingest': {
        if (files.length !== 1 || !values.json) throw new Error('monitor ingest needs FILE.jsonl and --json');
        return await ingestFile(files[0]!, values.lang === 'en' ? 'en' : 'vi');
      }
      case 'eval': {
        if (files.length !== 2) throw new Error('monitor eval needs ARTICLES.jsonl.gz and LABELS.jsonl');
        return await evalFiles(files[0]!, files[1]!);
      }
      case 'train':
        return await runMonitorTrain(argv.slice(1));
      default:
        console.error(`Usage:\n${MONITOR_USAGE}`);
        return 2;
    }
  } catch (error) {
    console.error(
      error instanceof AppError ? `${error.code}: ${errorMessage(error.code, 'en', error.params)}` : String(error),
    );
    return 1;
  }
}
