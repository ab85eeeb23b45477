// `npm run loa -- monitor train ARTICLES.jsonl.gz LABELS.jsonl [--out FILE] [--import]`: trains the classifier
// (issue 12 §6). `--out` trains on the whole stream (an article missing from the labels is unrelated) with the default
// lexicon and writes the gzipped JSON of the model, with no database: this is how the shipped model is made.
// `--import` stores the labelled articles as training examples (idempotent by article id) and trains a model row on
// the configured database, as the model screen's "train" does.
import fs from 'node:fs';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { compose } from './composition-root.js';
import { SYSTEM_ACTOR, type Actor } from './platform/actor.js';
import { loadConfig } from './platform/config.js';
import { attachEmbeddedPostgres } from './platform/db/embedded.js';
import { type ArticleLabel, DEFAULT_LEXICON, train } from './modules/monitoring/index.js';
import { labelOfDev, UNRELATED, ZDevLabel } from './modules/monitoring-queries/index.js';
import { openRuntime } from './runtime.js';

export const MONITOR_TRAIN_USAGE = `  monitor train ARTICLES.jsonl.gz LABELS.jsonl [--out FILE.json.gz] [--import]
                                   --out: train on the whole stream (unlabelled = unrelated) with the default
                                   lexicon and write the model (no database); --import: store the labelled
                                   articles as training examples and train a model on the database`;

const CLI_ACTOR: Actor = { ...SYSTEM_ACTOR, fullName: 'Dòng lệnh quản trị (CLI)', username: 'cli' };

interface StreamArticle {
  id: string;
  title: string;
  lead: string;
  body: string;
}

async function* jsonLines(file: string): AsyncGenerator<{ line: number; value: unknown }> {
  const raw = fs.createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
  let line = 0;
  for await (const text of readline.createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    try {
      yield { line, value: JSON.parse(text) as unknown };
    } catch {
      throw new Error(`${file}:${line} is not JSON`);
    }
  }
}

/** The labels by article id (LABELS.md form: relevance 0, 1 or 2); a malformed line stops with its number. */
export async function readLabels(file: string): Promise<Map<string, ArticleLabel>> {
  const labels = new Map<string, ArticleLabel>();
  for await (const { line, value } of jsonLines(file)) {
    const parsed = ZDevLabel.safeParse(value);
    if (!parsed.success) throw new Error(`${file}:${line}: not a label (${parsed.error.issues[0]?.message ?? ''})`);
    const { id, ...label } = parsed.data;
    labels.set(id, labelOfDev(label));
  }
  return labels;
}

async function* articles(file: string): AsyncGenerator<StreamArticle> {
  for await (const { line, value } of jsonLines(file)) {
    const a = value as Partial<Record<keyof StreamArticle, unknown>>;
    if ((typeof a.id !== 'string' && typeof a.id !== 'number') || typeof a.title !== 'string')
      throw new Error(`${file}:${line}: an article needs an id and a title`);
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    yield { id: String(a.id), title: a.title, lead: text(a.lead), body: text(a.body) };
  }
}

async function writeModel(articlesFile: string, labels: Map<string, ArticleLabel>, out: string): Promise<void> {
  const examples = [];
  for await (const a of articles(articlesFile)) {
    examples.push({ article: { title: a.title, lead: a.lead, body: a.body }, label: labels.get(a.id) ?? UNRELATED });
  }
  console.error(`monitor train: ${examples.length} articles, ${labels.size} labelled; training…`);
  const model = train(examples, { lexicon: DEFAULT_LEXICON });
  const json = JSON.stringify(model);
  const gz = zlib.gzipSync(json, { level: 9 });
  fs.writeFileSync(out, gz);
  console.error(`monitor train: wrote ${out} (${gz.length} bytes gzipped, ${json.length} bytes of JSON)`);
}

async function importAndTrain(articlesFile: string, labels: Map<string, ArticleLabel>): Promise<void> {
  const config = loadConfig();
  const attached = config.databaseUrl ? null : await attachEmbeddedPostgres(config.dataDir);
  const runtime = await openRuntime(attached ? { ...config, databaseUrl: attached } : config, (m) => console.error(m));
  try {
    const services = compose(runtime.database.db, { sessionHours: config.sessionHours });
    const rows = [];
    for await (const a of articles(articlesFile)) {
      const label = labels.get(a.id);
      if (label) rows.push({ externalId: a.id, title: a.title, lead: a.lead, body: a.body, label });
    }
    const counts = await services.monitoringClassifier.importExamples(CLI_ACTOR, rows);
    console.error(`monitor train: ${counts.inserted} labelled articles stored, ${counts.updated} updated; training…`);
    const modelId = await services.monitoringClassifier.trainNow(CLI_ACTOR);
    console.error(
      modelId === null
        ? 'monitor train: another worker is training now; its model will include these examples'
        : `monitor train: model ${modelId} stored; the ingest engine uses it from its next batch`,
    );
  } finally {
    await runtime.close();
  }
}

/** Runs `monitor train …` (argv after "train"); the exit code. */
export async function runMonitorTrain(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, import: { type: 'boolean' } },
  });
  if (positionals.length !== 2 || (!values.out && !values.import)) {
    console.error(`Usage:\n${MONITOR_TRAIN_USAGE}`);
    return 2;
  }
  const [articlesFile, labelsFile] = positionals as [string, string];
  const labels = await readLabels(labelsFile);
  if (values.out) await writeModel(articlesFile, labels, values.out);
  if (values.import) await importAndTrain(articlesFile, labels);
  return 0;
}
