// The monitoring engine's in-memory state in one process: the near-duplicate index of every stored article, the
// saved-query index, the lexicon, the model and the official-channels registry in force. Each ingest batch syncs
// first, so what other instances and modules changed is picked up with a few cheap
// queries (decision 0033): new articles by `seq`, queries by count and last change, the lexicon by version, the
// model by id, the registry by count and last change. The classifier's state is read before the lock (classifying is
// the costly part and needs no lock); the near-duplicate index inside it.
import type { TChannelKind, TChannelStatus } from '@loa/contracts';
import type { Executor } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors.js';
import type { RegistryEntry } from '../official-channels/index.js';
import { type ClassifierLexicon, compileLexicon, DEFAULT_LEXICON } from './classifier-lexicon.js';
import { type ArticleLabel, type ClassifierModel, train } from './classifier-model.js';
import type { PipelineState } from './ingest-pipeline.js';
import type { MonitoringRepository, QueryRow, StateStamps } from './monitoring.repository.js';
import { createNearDuplicateIndex, type NearDuplicateIndex } from './neardup.js';
import { QueryIndex } from './query-index.js';
import { tryParseQuery } from './query-parser.js';

export interface EngineDeps {
  repo: Pick<
    MonitoringRepository,
    | 'stateStamps'
    | 'signaturesAfter'
    | 'enabledQueries'
    | 'latestLexicon'
    | 'latestModel'
    | 'trainingExamples'
    | 'registryInForce'
  >;
  loadShippedModel(): Promise<ClassifierModel | null>;
  /** Where a skipped saved query or the model's origin is reported (the server's log). */
  warn(message: string): void;
}

/** Where the model in force came from. */
export type ModelOrigin = 'stored' | 'shipped' | 'examples';

const LEVELS = ['unrelated', 'peripheral', 'core'] as const;

/** A stored training label, as `monitor train --import` writes it (the dev labels' 0/1/2 relevance is accepted). */
function toLabel(raw: unknown): ArticleLabel {
  const label = raw as Partial<ArticleLabel> & { relevance?: unknown };
  const relevance = typeof label.relevance === 'number' ? LEVELS[label.relevance] : label.relevance;
  return {
    relevance: (relevance as ArticleLabel['relevance']) ?? 'unrelated',
    sentiment: label.sentiment ?? 'na',
    flags: label.flags ?? [],
    unit: label.unit ?? 'none',
  };
}

export function createMonitoringEngine(deps: EngineDeps) {
  const { repo } = deps;
  let stamps: StateStamps | null = null;
  let neardup: NearDuplicateIndex = createNearDuplicateIndex();
  let lastSeq = 0;
  /** Set while a batch changes the index; a batch that did not commit leaves it set and the index is rebuilt. */
  let dirty = false;
  const queries = new QueryIndex();
  let queryRows = new Map<string, QueryRow>();
  let lexicon: ClassifierLexicon = DEFAULT_LEXICON;
  let model: ClassifierModel | null = null;
  let modelOrigin: ModelOrigin | null = null;
  let shipped: Promise<ClassifierModel | null> | null = null;
  let registry: RegistryEntry[] = [];

  async function syncArticles(tx: Executor, maxSeq: number) {
    if (dirty) {
      neardup = createNearDuplicateIndex();
      lastSeq = 0;
      dirty = false;
    }
    if (maxSeq <= lastSeq) return;
    for (const row of await repo.signaturesAfter(tx, lastSeq)) {
      neardup.restore({ id: row.id, urlKey: row.urlKey, signature: row.signature, clusterId: row.clusterId });
      lastSeq = row.seq;
    }
  }

  async function syncQueries(tx: Executor) {
    const rows = await repo.enabledQueries(tx);
    const next = new Map(rows.map((row) => [row.id, row]));
    for (const id of queryRows.keys()) if (!next.has(id)) queries.remove(id);
    for (const row of rows) {
      const before = queryRows.get(row.id);
      if (before && before.text === row.text) continue;
      const parsed = tryParseQuery(row.text);
      if (parsed.ok) queries.add(row.id, parsed.query);
      else {
        queries.remove(row.id);
        deps.warn(`monitoring: saved query ${row.id} (${row.name}) does not parse (${parsed.error.reason}); skipped`);
      }
    }
    queryRows = next;
  }

  async function syncModel(tx: Executor, now: StateStamps, lexiconChanged: boolean) {
    if (now.modelId !== null) {
      if (modelOrigin === 'stored' && stamps?.modelId === now.modelId) return;
      model = (await repo.latestModel(tx)) as ClassifierModel;
      modelOrigin = 'stored';
      return;
    }
    if (modelOrigin === 'shipped') return;
    shipped ??= deps.loadShippedModel();
    const fromFile = await shipped;
    if (fromFile) {
      model = fromFile;
      modelOrigin = 'shipped';
      return;
    }
    if (now.trainingExamples > 0) {
      const same = modelOrigin === 'examples' && stamps?.trainingExamples === now.trainingExamples && !lexiconChanged;
      if (same) return;
      const examples = await repo.trainingExamples(tx);
      model = train(
        examples.map((e) => ({ article: { title: e.title, lead: e.lead, body: e.body }, label: toLabel(e.label) })),
        { lexicon },
      );
      modelOrigin = 'examples';
      deps.warn(`monitoring: no trained model; trained one on the ${examples.length} stored training examples`);
      return;
    }
    model = null;
    modelOrigin = null;
  }

  return {
    /**
     * Brings the classifier's state (queries, lexicon, model, registry) up to date: reads only, so it runs before the
     * ingest lock is taken and the articles are classified while another batch is being written.
     */
    async syncClassifier(db: Executor): Promise<void> {
      const now = await repo.stateStamps(db);
      if (stamps?.queries !== now.queries) await syncQueries(db);
      const lexiconChanged = stamps === null || stamps.lexiconVersion !== now.lexiconVersion;
      if (lexiconChanged) lexicon = ((await repo.latestLexicon(db)) as ClassifierLexicon | null) ?? DEFAULT_LEXICON;
      await syncModel(db, now, lexiconChanged);
      if (stamps?.channels !== now.channels) {
        registry = (await repo.registryInForce(db)).map((r) => ({
          ...r,
          kind: r.kind as TChannelKind,
          status: r.status as TChannelStatus,
        }));
      }
      stamps = now;
    },

    /** Brings the near-duplicate index up to date; call it in the ingest transaction, holding the lock. */
    async syncArticles(tx: Executor): Promise<void> {
      const { maxSeq } = await repo.stateStamps(tx);
      await syncArticles(tx, maxSeq);
    },

    /** What the pipeline classifies with; fails when there is no model at all (see decision 0033). */
    pipelineState(): PipelineState {
      if (!model) throw new AppError('monitoring.no_model');
      return { lexicon: compileLexicon(lexicon), model, queries, registry };
    },

    get neardup(): NearDuplicateIndex {
      return neardup;
    },
    query(id: string): QueryRow | undefined {
      return queryRows.get(id);
    },
    get modelOrigin(): ModelOrigin | null {
      return modelOrigin;
    },

    /** A batch is about to change the index (nothing of it is committed yet). */
    beginChanges(): void {
      dirty = true;
    },
    /** The batch's articles are written up to `seq`: the index holds exactly what is stored. */
    endChanges(seq: number): void {
      if (seq > lastSeq) lastSeq = seq;
      dirty = false;
    },
    /** The batch failed: the index may hold articles that were never stored; rebuild it at the next batch. */
    abandonChanges(): void {
      dirty = true;
    },
  };
}

export type MonitoringEngine = ReturnType<typeof createMonitoringEngine>;
