// One arriving article through the monitoring pipeline (pure): Vietnamese normalisation, the publication time read in
// Asia/Ho_Chi_Minh, the URL key, ONE tokenisation of every field shared by full-text search, saved-query matching,
// the near-duplicate signature and the classifier, then the official-channels check and the classification. The
// near-duplicate index and the writes belong to the ingest service; this file decides everything else.
import type { TFlagEvidence, TIngestArticle } from '@loa/contracts';
import { checkText, type RegistryEntry } from '../official-channels/index.js';
import { articleFeatures, passesGate, prepareTokenised } from './classifier-features.js';
import type { CompiledLexicon } from './classifier-lexicon.js';
import type { ClassifierModel } from './classifier-model.js';
import { type Classification, classifyPrepared } from './classifier.js';
import { NEAR_DUPLICATE_DEFAULTS, signatureOfTokens } from './neardup.js';
import type { QueryIndex } from './query-index.js';
import { prepareTokenisedArticle } from './query-matcher.js';
import { urlKey } from './url-normalise.js';
import { matchTokens, normaliseVi } from './vn-text.js';

/** Vietnam has kept UTC+7 without daylight saving since 1975: a time written without an offset is read in it. */
const VIETNAM_OFFSET = '+07:00';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;
const ISO_ZONED = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export interface PublicationTime {
  /** What the source said, as an instant; null when it said nothing readable. */
  publishedAt: Date | null;
  /** What lists sort by: the publication time, or the arrival time when it is missing or still in the future. */
  sortAt: Date;
}

const validDate = (year: string, month: string, day: string): boolean => {
  const d = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return d.getUTCFullYear() === Number(year) && d.getUTCMonth() === Number(month) - 1 && d.getUTCDate() === Number(day);
};

/**
 * Reads a publication time: ISO 8601 with an offset or Z as written; without one (a date, or a date and time) in
 * Asia/Ho_Chi_Minh; anything else (RFC 822 dates are the fetcher's to convert, "hôm qua" is nobody's) is unreadable
 * and the article is kept without a date. A time after `fetchedAt` (feeds that date items ahead) is kept as the source
 * said, but the article sorts at its arrival.
 */
export function readPublicationTime(raw: string | null | undefined, fetchedAt: Date): PublicationTime {
  const text = raw?.trim() ?? '';
  let iso: string | null = null;
  let m = ISO_DATE.exec(text);
  if (m) iso = validDate(m[1]!, m[2]!, m[3]!) ? `${m[1]}-${m[2]}-${m[3]}T00:00:00${VIETNAM_OFFSET}` : null;
  else if ((m = ISO_LOCAL.exec(text)) && validDate(m[1]!, m[2]!, m[3]!)) {
    iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${VIETNAM_OFFSET}`;
  } else if ((m = ISO_ZONED.exec(text)) && validDate(m[1]!, m[2]!, m[3]!)) {
    const zone = m[8]!.toUpperCase() === 'Z' ? 'Z' : m[8]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${zone}`;
  }
  const published = iso ? new Date(iso) : null;
  if (!published || Number.isNaN(published.getTime()) || Number(iso!.slice(11, 13)) > 23) {
    return { publishedAt: null, sortAt: fetchedAt };
  }
  return { publishedAt: published, sortAt: published.getTime() > fetchedAt.getTime() ? fetchedAt : published };
}

/** The body normalised line by line: paragraphs survive (the classifier reads them), blank lines do not. */
export function normaliseBody(body: string): string {
  return body
    .split(/\r?\n/)
    .map(normaliseVi)
    .filter((line) => line !== '')
    .join('\n');
}

/** An article's text, normalised, with each field tokenised once. */
export interface TokenisedArticle {
  title: string;
  lead: string;
  body: string;
  titleTokens: string[];
  leadTokens: string[];
  bodyLineTokens: string[][];
  bodyTokens: string[];
  /** `matchTokens(title + ' ' + lead + ' ' + body).join(' ')`: the column full-text search reads. */
  searchTokens: string;
}

export function tokenise(article: { title: string; lead: string; body: string }): TokenisedArticle {
  const title = normaliseVi(article.title);
  const lead = normaliseVi(article.lead);
  const body = normaliseBody(article.body);
  const titleTokens = matchTokens(title);
  const leadTokens = matchTokens(lead);
  const bodyLineTokens = body === '' ? [] : body.split('\n').map(matchTokens);
  const bodyTokens = bodyLineTokens.flat();
  const searchTokens = [titleTokens.join(' '), leadTokens.join(' '), bodyTokens.join(' ')]
    .filter((part) => part !== '')
    .join(' ');
  return { title, lead, body, titleTokens, leadTokens, bodyLineTokens, bodyTokens, searchTokens };
}

/** What the engine holds while it classifies: the lexicon and model in force, the saved queries, the registry. */
export interface PipelineState {
  lexicon: CompiledLexicon;
  model: ClassifierModel;
  queries: QueryIndex;
  registry: readonly RegistryEntry[];
}

/** An article ready to be stored, but for its id and its cluster (the near-duplicate index decides those). */
export interface ProcessedArticle extends TokenisedArticle {
  url: string;
  urlKey: string;
  canonicalUrl: string | null;
  sourceName: string;
  author: string | null;
  images: string[];
  publishedAt: Date | null;
  sortAt: Date;
  signature: Uint32Array | null;
  classification: Classification;
  evidence: TFlagEvidence[];
  matchedQueryIds: string[];
}

/** What a line must contain for the registry check to find anything in it: an address, an e-mail, a domain-like word
 *  (a lower-case ending: "TP.HCM" is none), a Vietnamese phone number (0…, +84…, 1900/1800…; amounts such as
 *  "100.000.000" are none) or a document number ("2133/BHXH-CSYT"). */
const MAY_HOLD_CHANNEL =
  /@|https?:|www\.|[\p{L}\p{N}-]\.[a-z]{2,24}(?![\p{L}\p{N}])|(?<![\d.,])(?:\+?84|0|1[89]00)[\s.()-]{0,2}\d(?:[\s.()-]{0,2}\d){6}|\d\s?\/\s?[A-ZĐ]/u;

/** The lines the registry check must read: those that may hold a channel, each with the line before it (the words
 *  that present a phone number as the agency's may end there). Most news lines hold none. */
export function channelLines(text: string): string {
  const lines = text.split('\n');
  const keep = new Uint8Array(lines.length);
  lines.forEach((line, i) => {
    if (!MAY_HOLD_CHANNEL.test(line)) return;
    keep[i] = 1;
    if (i > 0) keep[i - 1] = 1;
  });
  return lines.filter((_, i) => keep[i] === 1).join('\n');
}

/** Look-alike domains and numbers presented as the agency's (or reported fakes) in the text: scam_impersonation. */
export function impersonationEvidence(text: string, registry: readonly RegistryEntry[]): TFlagEvidence[] {
  if (registry.length === 0) return [];
  const lines = channelLines(text);
  if (lines === '') return [];
  const evidence: TFlagEvidence[] = [];
  const seen = new Set<string>();
  for (const finding of checkText(lines, registry)) {
    if (finding.verdict !== 'lookalike' && finding.verdict !== 'reported_fake') continue;
    const key = `${finding.kind}:${finding.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    evidence.push({
      flag: 'scam_impersonation',
      kind: finding.kind,
      value: finding.value,
      verdict: finding.verdict,
      reasons: [...finding.reasons],
      imitates: finding.entry?.display ?? finding.entry?.value ?? null,
    });
  }
  return evidence;
}

/** The host of an address, for an article no source names. */
const hostOf = (key: string) => key.replace(/^https:\/\//, '').split(/[/?]/)[0]!;

/**
 * Everything about one validated article but its place among the others: null when its address is not a web
 * address (the caller reports `validation.invalid_url`).
 */
export function processArticle(
  input: TIngestArticle,
  context: { fetchedAt: Date; sourceName: string | null },
  state: PipelineState,
): ProcessedArticle | null {
  const key = urlKey(input.url);
  if (!key) return null;
  const text = tokenise({ title: input.title, lead: input.lead ?? '', body: input.body ?? '' });
  const sourceName = normaliseVi(input.source ?? '') || context.sourceName || hostOf(key);
  const time = readPublicationTime(input.publishedAt, context.fetchedAt);

  const queryArticle = prepareTokenisedArticle({
    title: text.titleTokens,
    lead: text.leadTokens,
    body: text.bodyTokens,
    source: matchTokens(sourceName),
  });
  const matchedQueryIds = state.queries.size > 0 ? state.queries.match(queryArticle).matched.sort() : [];

  const evidence = impersonationEvidence(`${text.title}\n${text.lead}\n${text.body}`, state.registry);
  const prepared = prepareTokenised(text.titleTokens, text.leadTokens, text.bodyLineTokens);
  const features = passesGate(prepared, state.lexicon) ? articleFeatures(prepared, state.lexicon) : null;
  const classification = classifyPrepared(prepared, features, state.model, state.lexicon, {
    flags: evidence.length > 0 ? ['scam_impersonation'] : [],
  });

  return {
    ...text,
    url: input.url.trim(),
    urlKey: key,
    canonicalUrl: input.canonicalUrl?.trim() || null,
    sourceName: sourceName.slice(0, 300),
    author: input.author ? normaliseVi(input.author) || null : null,
    images: input.images ?? [],
    publishedAt: time.publishedAt,
    sortAt: time.sortAt,
    signature: signatureOfTokens(text.leadTokens.concat(text.bodyTokens.slice(0, NEAR_DUPLICATE_DEFAULTS.maxTokens))),
    classification,
    evidence,
    matchedQueryIds,
  };
}
