// What the fetcher's services share: the ingest they feed (the monitoring engine's) and the settings of the loop.
import type { TIngestResponse, TLocale } from '@loa/contracts';
import { SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';

/** The monitoring engine's ingest (modules/monitoring createIngestService(...).ingest). */
export type IngestArticles = (
  actor: Actor,
  input: { articles: unknown[]; sourceId?: string | null },
  lang: TLocale,
) => Promise<TIngestResponse>;

export interface FetchLoopSettings {
  /** Sources fetched at once by one worker. */
  sourceConcurrency: number;
  /** Item pages claimed per round. */
  itemBatch: number;
  /** How long a claimed source or item stays reserved to its worker (a killed worker's claims lapse after it). */
  sourceLeaseSeconds: number;
  itemLeaseSeconds: number;
  /** Attempts at an item page before it is given up as failed. */
  maxItemAttempts: number;
  /** Child sitemaps of a sitemap index read per fetch (newest first). */
  sitemapChildren: number;
  /** How long one run of the loop keeps taking work before it leaves the rest to the next run. */
  runBudgetMs: number;
}

export const DEFAULT_LOOP_SETTINGS: FetchLoopSettings = {
  sourceConcurrency: 4,
  itemBatch: 20,
  sourceLeaseSeconds: 900,
  itemLeaseSeconds: 900,
  maxItemAttempts: 5,
  sitemapChildren: 3,
  runBudgetMs: 50_000,
};

/**
 * The actor an officer's import or submitted address is ingested as: the fetcher's own rights (the officer's right
 * to the source was checked first), under the officer's name, so the audit trail names them.
 */
export function onBehalfOf(actor: Actor): Actor {
  return {
    ...SYSTEM_ACTOR,
    userId: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    ...(actor.requestId ? { requestId: actor.requestId } : {}),
    ...(actor.ip ? { ip: actor.ip } : {}),
  };
}
