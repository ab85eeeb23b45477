// Item pages (issue 12 §3, §5): queued pages are claimed with SKIP LOCKED, fetched politely (one host's pages one
// after another, hosts side by side), extracted, ingested with their source, and only then marked done. A worker
// killed between any two steps loses nothing (the claim lapses and the page is taken again) and duplicates nothing
// (ingest is idempotent by address key and returns the stored article).
import type { TIngestResponse, TIngestResult, TLocale, TSubmitUrlRequest } from '@loa/contracts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import type { Executor, RunInTransaction } from '../../platform/db/transaction.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { urlKey } from '../monitoring/index.js';
import { extractArticle, type ArticleFallback } from './article-extract.js';
import { decodeBody } from './encoding.js';
import { backoffDelay, hostKey, isRetryableStatus } from './fetch-rules.js';
import { onBehalfOf, type FetchLoopSettings, type IngestArticles } from './fetch-types.js';
import type { FetchQueueRepository, QueuedItem } from './fetch-queue.repository.js';
import type { MonitoringSourcesRepository } from './monitoring-sources.repository.js';
import { monitoringSourcesPolicy as policy } from './monitoring-sources.policy.js';
import type { FetchOutcome, PoliteFetcher } from './polite-fetcher.service.js';

export interface ItemFetchDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  queue: FetchQueueRepository;
  sources: Pick<MonitoringSourcesRepository, 'findById'>;
  fetcher: Pick<PoliteFetcher, 'fetch'>;
  ingest: IngestArticles;
  settings: FetchLoopSettings;
}

const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** An article ready for ingest, or why the page gave none (and whether that is worth another try). */
type PageResult =
  | { kind: 'article'; article: Record<string, unknown> }
  | { kind: 'retry'; error: string; at: Date | null }
  | { kind: 'postpone'; at: Date }
  | { kind: 'failed'; error: string };

function fallbackOf(feedItem: Record<string, unknown>): ArticleFallback {
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    ...(str(feedItem.title) ? { title: str(feedItem.title) } : {}),
    ...(str(feedItem.lead) ? { lead: str(feedItem.lead) } : {}),
    ...(str(feedItem.body) ? { body: str(feedItem.body) } : {}),
    author: str(feedItem.author) ?? null,
    publishedAt: str(feedItem.publishedAt) ?? null,
    images: Array.isArray(feedItem.images) ? feedItem.images.filter((i): i is string => typeof i === 'string') : [],
  };
}

/** The ingest item of an article (page fields, the feed's where the page had none). */
function ingestItem(url: string, fields: ArticleFallback & { canonicalUrl?: string | null }): Record<string, unknown> {
  return {
    url,
    title: fields.title ?? '',
    lead: fields.lead ?? '',
    body: fields.body ?? '',
    publishedAt: fields.publishedAt ?? null,
    author: fields.author ?? null,
    canonicalUrl: fields.canonicalUrl ?? null,
    images: fields.images ?? [],
  };
}

/** What a fetched page yields: the extracted article, the feed's fields when the page is unreadable, or a failure. */
export function pageResult(
  outcome: FetchOutcome,
  url: string,
  fallback: ArticleFallback,
  attempts: number,
  settings: Pick<FetchLoopSettings, 'maxItemAttempts'>,
): PageResult {
  if (outcome.kind === 'deferred') return { kind: 'postpone', at: outcome.retryAt ?? new Date(Date.now() + 60_000) };
  let reason: string;
  if (outcome.kind === 'ok') {
    const decoded = decodeBody(outcome.body, outcome.contentType);
    const article = decoded.ok ? extractArticle(decoded.text, outcome.url, fallback) : null;
    if (article) return { kind: 'article', article: ingestItem(url, article) };
    reason = decoded.ok ? 'no readable article on the page' : `bad_encoding: ${decoded.message}`;
  } else if (outcome.kind === 'not_modified') {
    reason = 'not modified';
  } else {
    reason = `${outcome.code ?? 'error'}: ${outcome.message}`;
    const transient =
      outcome.code === 'network' ||
      outcome.code === 'timeout' ||
      (outcome.code === 'http_status' && outcome.status !== null && isRetryableStatus(outcome.status));
    if (transient && attempts < settings.maxItemAttempts) return { kind: 'retry', error: reason, at: outcome.retryAt };
  }
  // The page cannot be read: the feed's own fields stand in for it when they have a title.
  if (fallback.title) return { kind: 'article', article: ingestItem(url, fallback) };
  return { kind: 'failed', error: reason };
}

export type ItemFetchService = ReturnType<typeof createItemFetchService>;

export function createItemFetchService(deps: ItemFetchDeps) {
  const { db, runInTransaction, queue, fetcher, ingest, settings } = deps;

  async function logPage(item: QueuedItem, started: Date, outcome: FetchOutcome, result: PageResult) {
    if (!item.sourceId || outcome.kind === 'deferred') return;
    const failed = outcome.kind === 'error' || outcome.kind === 'blocked';
    await queue.insertLog(db, {
      sourceId: item.sourceId,
      url: item.url,
      startedAt: started,
      outcome: failed ? outcome.kind : 'ok',
      httpStatus: outcome.status,
      errorCode: failed ? outcome.code : null,
      message: result.kind === 'article' ? null : ((result as { error?: string }).error ?? null),
      itemsSeen: 1,
      itemsNew: result.kind === 'article' ? 1 : 0,
      bytes: failed ? outcome.bytes : outcome.body.byteLength,
    });
  }

  async function fetchPage(item: QueuedItem): Promise<PageResult> {
    const started = new Date();
    const outcome = await fetcher.fetch(item.url, {}, HTML_ACCEPT);
    const result = pageResult(outcome, item.url, fallbackOf(item.feedItem), item.attempts, settings);
    await logPage(item, started, outcome, result);
    return result;
  }

  /** Records what ingest said of each item: done with its article, or failed with the reason. */
  async function settle(items: { item: QueuedItem; article: Record<string, unknown> }[], response: TIngestResponse) {
    await runInTransaction(async (tx) => {
      for (const [i, { item }] of items.entries()) {
        const result = response.results[i];
        if (result && 'id' in result) await queue.markDone(tx, item.id, (result as TIngestResult).id);
        else await queue.markFailed(tx, item.id, result && 'error' in result ? result.error.message : 'not ingested');
      }
    });
  }

  /** One round: claim, fetch (hosts side by side), ingest per source, settle. Returns the items claimed. */
  async function round(signal?: AbortSignal): Promise<number> {
    const claimed = await queue.claimItems(db, settings.itemBatch, settings.itemLeaseSeconds);
    if (claimed.length === 0) return 0;
    const byHost = new Map<string, QueuedItem[]>();
    for (const item of claimed) {
      if (item.attempts > settings.maxItemAttempts) {
        await queue.markFailed(db, item.id, `given up after ${item.attempts - 1} attempts`);
        continue;
      }
      let host = 'invalid';
      try {
        host = hostKey(new URL(item.url));
      } catch {
        // An unusable address fails at fetch time, with its reason.
      }
      byHost.set(host, [...(byHost.get(host) ?? []), item]);
    }
    const ready: { item: QueuedItem; article: Record<string, unknown> }[] = [];
    await Promise.all(
      [...byHost.values()].map(async (items) => {
        for (const item of items) {
          if (signal?.aborted) return;
          const result = await fetchPage(item);
          if (result.kind === 'article') ready.push({ item, article: result.article });
          else if (result.kind === 'postpone') await queue.postpone(db, item.id, result.at);
          else if (result.kind === 'failed') await queue.markFailed(db, item.id, result.error);
          else {
            const wait = result.at
              ? Math.max(1, (result.at.getTime() - Date.now()) / 1000)
              : backoffDelay(item.attempts, 60_000, 3_600_000, Math.random()) / 1000;
            await queue.markRetry(db, item.id, result.error, wait);
          }
        }
      }),
    );
    const bySource = new Map<string | null, typeof ready>();
    for (const entry of ready) bySource.set(entry.item.sourceId, [...(bySource.get(entry.item.sourceId) ?? []), entry]);
    for (const [sourceId, entries] of bySource) {
      if (signal?.aborted) break;
      const response = await ingest(SYSTEM_ACTOR, { articles: entries.map((e) => e.article), sourceId }, 'vi');
      if (signal?.aborted) break;
      await settle(entries, response);
    }
    return claimed.length;
  }

  return {
    /** Works through the due queued pages until none is due, the run's budget is spent or `signal` aborts. */
    async processItems(options: { signal?: AbortSignal } = {}): Promise<number> {
      const until = Date.now() + settings.runBudgetMs;
      let processed = 0;
      while (Date.now() < until && !options.signal?.aborted) {
        const count = await round(options.signal);
        if (count === 0) break;
        processed += count;
      }
      return processed;
    },

    /** Fetches one page an officer submits (politely), extracts it and ingests it, into a source they manage. */
    async submitUrl(actor: Actor, input: TSubmitUrlRequest, lang: TLocale): Promise<TIngestResponse> {
      policy.assertCanManage(actor);
      if (input.sourceId) {
        const source = await deps.sources.findById(db, input.sourceId);
        if (!source) throw fieldError('sourceId', 'validation.invalid_value');
        if (!policy.canEdit(actor, { orgUnitPath: source.orgUnitPath }))
          throw fieldError('sourceId', 'validation.unit_out_of_scope');
      }
      if (!urlKey(input.url)) throw fieldError('url', 'validation.invalid_url');
      const item: QueuedItem = {
        id: 0,
        sourceId: input.sourceId ?? null,
        url: input.url,
        urlKey: urlKey(input.url)!,
        feedItem: {},
        attempts: settings.maxItemAttempts,
      };
      const result = await fetchPage(item);
      if (result.kind !== 'article') {
        const reason = result.kind === 'postpone' ? 'the site is busy; try again in a minute' : result.error;
        throw new AppError('monitoring_source.fetch_failed', { reason });
      }
      return ingest(onBehalfOf(actor), { articles: [result.article], sourceId: input.sourceId ?? null }, lang);
    },
  };
}
