import {
  ONLINE_CHANNELS,
  isWebUrl,
  type TCreatePublicationRequest,
  type TPublication,
  type TPublicationChannel,
  type TUpdatePublicationRequest,
} from '@loa/contracts';

/** What the drawer's form holds; `publishedAt` as an ISO instant (the picker's value converted). */
export interface PublicationFormInput {
  channel: TPublicationChannel;
  outlet: string;
  url: string | null;
  publishedAt: string;
  note: string | null;
}

/** Small tolerance for clocks running ahead, as the server allows. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** The field-message code of a link on a channel, or null when it is fine. */
export function urlProblem(channel: TPublicationChannel | undefined, url: string | null | undefined): string | null {
  const text = url?.trim() ?? '';
  if (text === '') return channel && ONLINE_CHANNELS.includes(channel) ? 'publication.url_required' : null;
  return isWebUrl(text) ? null : 'validation.invalid_url';
}

/** The field-message code of a publication moment, or null: not before approval, not in the future. */
export function publishedAtProblem(
  publishedAt: string | null | undefined,
  readyAt: string | null,
  now: Date,
): string | null {
  if (!publishedAt) return 'validation.required';
  const at = new Date(publishedAt).getTime();
  if (Number.isNaN(at)) return 'validation.invalid_date';
  // To the minute, as the form records times: the minute of approval itself counts (the server agrees).
  if (readyAt && at < Math.floor(new Date(readyAt).getTime() / 60_000) * 60_000) return 'publication.before_approval';
  if (at > now.getTime() + FUTURE_TOLERANCE_MS) return 'publication.in_future';
  return null;
}

const clean = (text: string | null | undefined) => {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

export function toCreateRequest(productId: string, input: PublicationFormInput): TCreatePublicationRequest {
  return {
    productId,
    channel: input.channel,
    outlet: input.outlet.trim(),
    url: clean(input.url),
    publishedAt: input.publishedAt,
    note: clean(input.note),
  };
}

/** Only the fields that changed, with the version last read. */
export function changedFields(publication: TPublication, input: PublicationFormInput): TUpdatePublicationRequest {
  const request: TUpdatePublicationRequest = { version: publication.version };
  if (input.channel !== publication.channel) request.channel = input.channel;
  if (input.outlet.trim() !== publication.outlet) request.outlet = input.outlet.trim();
  if (clean(input.url) !== publication.url) request.url = clean(input.url);
  if (new Date(input.publishedAt).getTime() !== new Date(publication.publishedAt).getTime())
    request.publishedAt = input.publishedAt;
  if (clean(input.note) !== publication.note) request.note = clean(input.note);
  return request;
}
