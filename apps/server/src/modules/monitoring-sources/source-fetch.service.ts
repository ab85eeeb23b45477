// Polling the sources (issue 12 §2, §5): due sources are claimed with SKIP LOCKED, fetched politely, parsed, and
// their new items queued in the same transaction as the source's new validators — so a process killed at any point
// either fetches the source again later or has queued its items exactly once.
import { createHash } from 'node:crypto';
import { SOURCE_MAX_FAILURES, type TFetchErrorCode } from '@loa/contracts';
import { SYSTEM_ACTOR } from '../../platform/actor.js';
import type { RecordAudit } from '../../platform/audit/audit.js';
import type { Executor, RunInTransaction, Tx } from '../../platform/db/transaction.js';
import type { NotifyInput } from '../notifications/index.js';
import { urlKey } from '../monitoring/index.js';
import { decodeBody } from './encoding.js';
import { nextPollSeconds, retryPollSeconds } from './fetch-rules.js';
import type { FetchLoopSettings } from './fetch-types.js';
import type { ClaimedSource, FetchQueueRepository, NewQueueItem } from './fetch-queue.repository.js';
import { parseFeed, type FeedItem } from './feed-parser.js';
import { parseListing } from './listing-parser.js';
import type { FetchFailure, PoliteFetcher } from './polite-fetcher.service.js';

export interface SourceFetchDeps {
  db: Executor;
  runInTransaction: RunInTransaction;
  queue: FetchQueueRepository;
  fetcher: Pick<PoliteFetcher, 'fetch'>;
  recordAudit: RecordAudit;
  notify(tx: Tx, actor: typeof SYSTEM_ACTOR, input: NotifyInput): Promise<number>;
  settings: FetchLoopSettings;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const HTML_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

interface Parsed {
  items: FeedItem[];
  notes: string[];
  bytes: number;
}
type ParseFailure = { code: TFetchErrorCode; message: string; bytes: number };

/** A short account of what a fetch skipped or doubted, for the log. */
function notesOf(counts: { badItems?: number; duplicates?: number; futureDates?: number; missingDates?: number }) {
  const notes: string[] = [];
  if (counts.badItems) notes.push(`${counts.badItems} items without an address skipped`);
  if (counts.duplicates) notes.push(`${counts.duplicates} repeated items`);
  if (counts.futureDates) notes.push(`${counts.futureDates} future dates dropped`);
  if (counts.missingDates) notes.push(`${counts.missingDates} items without a date`);
  return notes;
}

/** The hash of what matters in a feed (its items), so a feed whose validators change but items do not is "unchanged". */
function itemsHash(items: FeedItem[]): string {
  const digest = createHash('sha256');
  for (const item of items) digest.update(`${item.url}\u0001${item.guid ?? ''}\u0001${item.title}\u0002`);
  return digest.digest('hex');
}

export type SourceFetchService = ReturnType<typeof createSourceFetchService>;

export function createSourceFetchService(deps: SourceFetchDeps) {
  const { db, runInTransaction, queue, fetcher, recordAudit, notify, settings } = deps;

  async function parse(
    source: ClaimedSource,
    text: string,
    url: string,
    bytes: number,
  ): Promise<Parsed | ParseFailure> {
    if (source.kind === 'html') {
      const listing = parseListing(text, url, source.linkSelector ?? 'a');
      if (!listing.ok) return { code: listing.code, message: listing.message, bytes };
      return { items: listing.items, notes: notesOf(listing), bytes };
    }
    const feed = parseFeed(text, url, new Date());
    if (!feed.ok) return { code: feed.code, message: feed.message, bytes };
    if (feed.format !== 'sitemapindex') return { items: feed.items, notes: notesOf(feed), bytes };
    // A sitemap index: its newest sitemaps, each fetched politely.
    const items: FeedItem[] = [];
    const notes: string[] = [];
    let total = bytes;
    for (const child of feed.sitemaps.slice(0, settings.sitemapChildren)) {
      const outcome = await fetcher.fetch(child, {}, FEED_ACCEPT);
      if (outcome.kind !== 'ok') {
        notes.push(`${child}: ${outcome.kind === 'not_modified' ? 'not modified' : outcome.message}`);
        continue;
      }
      total += outcome.body.byteLength;
      const decoded = decodeBody(outcome.body, outcome.contentType);
      const sitemap = decoded.ok ? parseFeed(decoded.text, outcome.url, new Date()) : null;
      if (!sitemap?.ok) {
        notes.push(`${child}: ${decoded.ok ? (sitemap as { message: string }).message : decoded.message}`);
        continue;
      }
      items.push(...sitemap.items);
      notes.push(...notesOf(sitemap));
    }
    if (items.length === 0 && feed.sitemaps.length > 0)
      return { code: 'no_items', message: `no readable sitemap in the index (${notes.join('; ')})`, bytes: total };
    return { items, notes, bytes: total };
  }

  async function fail(
    source: ClaimedSource,
    started: Date,
    failure: Omit<FetchFailure, 'kind' | 'retryAt'> & {
      outcome: 'error' | 'blocked';
      code: TFetchErrorCode;
      retryAt: Date | null;
    },
  ): Promise<void> {
    await runInTransaction(async (tx) => {
      const failures = source.consecutiveFailures + 1;
      const retrySeconds = failure.retryAt
        ? Math.max(60, Math.ceil((failure.retryAt.getTime() - Date.now()) / 1000))
        : retryPollSeconds(source.pollSeconds, failures);
      const reason =
        `Tự động tắt sau ${SOURCE_MAX_FAILURES} lần lấy tin lỗi liên tiếp (${failure.code}: ${failure.message}) / ` +
        `Disabled after ${SOURCE_MAX_FAILURES} failed fetches in a row`;
      const result = await queue.recordFailure(tx, source.id, {
        code: failure.code,
        message: failure.message,
        retrySeconds,
        maxFailures: SOURCE_MAX_FAILURES,
        disableReason: reason,
      });
      await queue.insertLog(tx, {
        sourceId: source.id,
        url: failure.url,
        startedAt: started,
        outcome: failure.outcome,
        httpStatus: failure.status,
        errorCode: failure.code,
        message: failure.message.slice(0, 2000),
        itemsSeen: 0,
        itemsNew: 0,
        bytes: failure.bytes,
      });
      if (!result.disabled) return;
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'disable',
        entityType: 'monitoring_source',
        entityId: source.id,
        orgUnitId: source.orgUnitId,
        summary: `${source.name} — ${failure.code}`,
        after: { enabled: false, disabledReason: reason, consecutiveFailures: result.failures },
      });
      await notify(tx, SYSTEM_ACTOR, {
        recipients: { orgUnitIds: [source.orgUnitId] },
        kind: 'status_change',
        title: {
          vi: `Nguồn tin “${source.name}” đã tự động tắt sau ${result.failures} lần lấy tin lỗi`,
          en: `Source “${source.name}” was disabled after ${result.failures} failed fetches`,
        },
        body: { vi: `${failure.code}: ${failure.message}`, en: `${failure.code}: ${failure.message}` },
        link: '/monitoring/sources',
        entityType: 'monitoring_source',
        entityId: source.id,
        dedupeKey: `monitoring.source-disabled:${source.id}:${new Date().toISOString().slice(0, 10)}`,
      });
    });
  }

  /** Fetches one claimed source and records the outcome (log row, health, polling, queued items). */
  async function fetchSource(source: ClaimedSource): Promise<void> {
    const started = new Date();
    const outcome = await fetcher.fetch(
      source.url,
      { etag: source.etag, lastModified: source.lastModified },
      source.kind === 'html' ? HTML_ACCEPT : FEED_ACCEPT,
    );
    if (outcome.kind === 'deferred') {
      await queue.reschedule(db, source.id, outcome.retryAt ?? new Date(Date.now() + 60_000));
      return;
    }
    if (outcome.kind === 'error' || outcome.kind === 'blocked') {
      return fail(source, started, { ...outcome, outcome: outcome.kind, code: outcome.code ?? 'network' });
    }
    const unchanged = async (kind: 'not_modified' | 'unchanged', bytes: number, seen: number, notes: string[]) =>
      runInTransaction(async (tx) => {
        await queue.recordSuccess(tx, source.id, {
          etag: outcome.etag ?? source.etag,
          lastModified: outcome.lastModified ?? source.lastModified,
          contentHash: source.contentHash,
          pollSeconds: nextPollSeconds(source.pollSeconds, seen, 0),
        });
        await queue.insertLog(tx, {
          sourceId: source.id,
          url: outcome.url,
          startedAt: started,
          outcome: kind,
          httpStatus: outcome.status,
          errorCode: null,
          message: notes.join('; ') || null,
          itemsSeen: seen,
          itemsNew: 0,
          bytes,
        });
      });
    if (outcome.kind === 'not_modified') return unchanged('not_modified', 0, 0, []);
    const decoded = decodeBody(outcome.body, outcome.contentType);
    const common = { url: outcome.url, status: outcome.status, retryAt: null, outcome: 'error' as const };
    if (!decoded.ok)
      return fail(source, started, {
        ...common,
        code: 'bad_encoding',
        message: decoded.message,
        bytes: outcome.body.byteLength,
      });
    const parsed = await parse(source, decoded.text, outcome.url, outcome.body.byteLength);
    if ('code' in parsed) return fail(source, started, { ...common, ...parsed });
    if (parsed.items.length === 0)
      return fail(source, started, {
        ...common,
        code: 'no_items',
        message: 'the document lists no item',
        bytes: parsed.bytes,
      });
    const hash = itemsHash(parsed.items);
    if (hash === source.contentHash) return unchanged('unchanged', parsed.bytes, parsed.items.length, parsed.notes);
    const queued: NewQueueItem[] = [];
    for (const item of parsed.items) {
      const key = urlKey(item.url);
      if (!key) continue;
      const feedItem: Record<string, unknown> = { title: item.title, lead: item.lead, body: item.body };
      if (item.guid) feedItem.guid = item.guid;
      if (item.author) feedItem.author = item.author;
      if (item.publishedAt) feedItem.publishedAt = item.publishedAt;
      if (item.images.length > 0) feedItem.images = item.images;
      queued.push({ url: item.url, urlKey: key, feedItem });
    }
    await runInTransaction(async (tx) => {
      const added = await queue.enqueue(tx, source.id, queued);
      await queue.recordSuccess(tx, source.id, {
        etag: outcome.etag,
        lastModified: outcome.lastModified,
        contentHash: hash,
        pollSeconds: nextPollSeconds(source.pollSeconds, parsed.items.length, added),
      });
      await queue.insertLog(tx, {
        sourceId: source.id,
        url: outcome.url,
        startedAt: started,
        outcome: 'ok',
        httpStatus: outcome.status,
        errorCode: null,
        message: parsed.notes.join('; ') || null,
        itemsSeen: parsed.items.length,
        itemsNew: added,
        bytes: parsed.bytes,
      });
    });
  }

  return {
    fetchSource,

    /**
     * Fetches the due sources (or the one `sourceId`, if due), a few at a time, until none is due, the run's time
     * budget is spent or `signal` aborts. Returns how many were fetched.
     */
    async fetchDueSources(options: { sourceId?: string; signal?: AbortSignal } = {}): Promise<number> {
      const until = Date.now() + settings.runBudgetMs;
      let fetched = 0;
      while (Date.now() < until && !options.signal?.aborted) {
        const claimed = await queue.claimDueSources(
          db,
          settings.sourceConcurrency,
          settings.sourceLeaseSeconds,
          options.sourceId,
        );
        if (claimed.length === 0) break;
        // One source's unexpected failure (the database) must not strand the others' results; it stays claimed
        // until its lease lapses and is fetched again then.
        const settled = await Promise.allSettled(claimed.map((source) => fetchSource(source)));
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) throw failed.reason;
        fetched += claimed.length;
      }
      return fetched;
    },
  };
}
