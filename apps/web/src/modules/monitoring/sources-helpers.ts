import {
  POLL_MAX_SECONDS,
  POLL_MIN_SECONDS,
  POLLED_SOURCE_KINDS,
  type TIngestItemError,
  type TIngestResponse,
  type TIngestResult,
  type TSourceKind,
} from '@loa/contracts';

/** Feeds, sitemaps and listing pages are polled and need an address; manual and import sources do not. */
export function isPolledKind(kind: TSourceKind | undefined): boolean {
  return kind !== undefined && (POLLED_SOURCE_KINDS as readonly string[]).includes(kind);
}

/** The polling interval as the form shows it (whole minutes). */
export function pollMinutes(seconds: number): number {
  return Math.round(seconds / 60);
}

/** The polling interval the API takes (seconds), from minutes; null when it falls outside the bounds. */
export function pollSecondsOf(minutes: number | null | undefined): number | null {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return null;
  const seconds = Math.round(minutes * 60);
  return seconds >= POLL_MIN_SECONDS && seconds <= POLL_MAX_SECONDS ? seconds : null;
}

export const POLL_MIN_MINUTES = POLL_MIN_SECONDS / 60;
export const POLL_MAX_MINUTES = POLL_MAX_SECONDS / 60;

/** A rejected item of an ingest response (the others are results). */
export function isItemError(item: TIngestResult | TIngestItemError): item is TIngestItemError {
  return 'error' in item;
}

/** The accepted results and the rejected items of an ingest response, each kept with its 1-based position. */
export function splitIngestResults(response: TIngestResponse): {
  results: { position: number; result: TIngestResult }[];
  errors: { position: number; error: TIngestItemError['error'] }[];
} {
  const results: { position: number; result: TIngestResult }[] = [];
  const errors: { position: number; error: TIngestItemError['error'] }[] = [];
  response.results.forEach((item, index) => {
    if (isItemError(item)) errors.push({ position: item.index + 1, error: item.error });
    else results.push({ position: index + 1, result: item });
  });
  return { results, errors };
}

/** Files the import accepts, told apart by their name. */
export function importFormatOf(fileName: string): 'csv' | 'jsonl' | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  return null;
}

/** The roles that keep sources (within their subtree); the server decides per source with `canEdit`. */
export const SOURCE_MANAGER_ROLES = ['admin', 'comms_center', 'press_office', 'province_officer'] as const;
