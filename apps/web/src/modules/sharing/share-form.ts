import {
  SHARE_METRICS,
  type TCreateShareRequest,
  type TShare,
  type TShareMetric,
  type TShareNetwork,
  type TUpdateShareRequest,
} from '@loa/contracts';

/** What the share form holds: reach figures are blank (null) until the officer knows them. */
export type ShareFormValues = {
  network: TShareNetwork;
  url: string;
  /** yyyy-mm-dd */
  sharedOn: string;
} & Record<TShareMetric, number | null | undefined>;

const metricsOf = (values: ShareFormValues) =>
  Object.fromEntries(SHARE_METRICS.map((m) => [m, values[m] ?? null])) as Record<TShareMetric, number | null>;

export function toCreateRequest(values: ShareFormValues): TCreateShareRequest {
  return { network: values.network, url: values.url.trim(), sharedOn: values.sharedOn, ...metricsOf(values) };
}

/** Only the fields that changed, with the version the officer saw; null when nothing changed. */
export function toUpdateRequest(values: ShareFormValues, share: TShare): TUpdateShareRequest | null {
  const next = toCreateRequest(values);
  const changes: Partial<TUpdateShareRequest> = {};
  if (next.network !== share.network) changes.network = next.network;
  if (next.url !== share.url) changes.url = next.url;
  if (next.sharedOn !== share.sharedOn) changes.sharedOn = next.sharedOn;
  for (const metric of SHARE_METRICS) if (next[metric] !== share[metric]) changes[metric] = next[metric] ?? null;
  return Object.keys(changes).length > 0 ? { ...changes, version: share.version } : null;
}

/** The field code of a share date the server would refuse (in the future, before the product was ready), or null. */
export function sharedOnProblem(sharedOn: string, today: string, readyDay: string | null): string | null {
  if (sharedOn > today) return 'validation.shared_in_future';
  if (readyDay && sharedOn < readyDay) return 'validation.shared_before_ready';
  return null;
}
