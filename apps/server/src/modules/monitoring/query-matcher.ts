// Evaluating a parsed saved query against one article. An article is prepared once: the matching tokens of its title,
// lead, body and source laid out on one position line, each field after a gap wider than any NEAR distance, so that a
// phrase or a NEAR never joins two fields and a field scope is a position range. Run for every query, this is the
// naive evaluator the query index (query-index.ts) must agree with.
import { QUERY_MAX_NEAR_DISTANCE, type TQueryField } from '@loa/contracts';
import type { QueryNode, QueryPhrase } from './query-parser.js';
import { matchTokens } from './vn-text.js';

export interface MonitoredText {
  title: string;
  lead?: string;
  body?: string;
  /** The outlet: its name and/or domain ("VnExpress", "vnexpress.net"). */
  source?: string;
}

/** Field order on the position line; an unscoped term looks in the first three. */
const LINE_FIELDS = ['title', 'lead', 'body', 'source'] as const satisfies readonly TQueryField[];
const FIELD_GAP = QUERY_MAX_NEAR_DISTANCE + 1;

export interface PreparedArticle {
  /** The token at each position (undefined in the gaps between fields). */
  readonly tokenAt: readonly (string | undefined)[];
  /** Every position of every token, ascending. */
  readonly positions: ReadonlyMap<string, readonly number[]>;
  /** [start, end) of each field on the line. */
  readonly ranges: Readonly<Record<TQueryField, readonly [number, number]>>;
  /** [start, end) of title + lead + body: where an unscoped term looks. */
  readonly textRange: readonly [number, number];
  /** The distinct tokens by their first three characters (the shortest prefix), built on first use. */
  readonly tokensByHead: ReadonlyMap<string, readonly string[]>;
}

/** The shortest prefix of the language (query-parser's short_prefix rule). */
export const PREFIX_HEAD = 3;

export function prepareArticle(article: MonitoredText): PreparedArticle {
  return prepareTokenisedArticle({
    title: matchTokens(article.title),
    lead: matchTokens(article.lead ?? ''),
    body: matchTokens(article.body ?? ''),
    source: matchTokens(article.source ?? ''),
  });
}

/** prepareArticle() on fields already tokenised with matchTokens (the ingest pipeline tokenises each field once). */
export function prepareTokenisedArticle(fields: Readonly<Record<TQueryField, readonly string[]>>): PreparedArticle {
  const tokenAt: (string | undefined)[] = [];
  const positions = new Map<string, number[]>();
  const ranges = {} as Record<TQueryField, readonly [number, number]>;
  for (const field of LINE_FIELDS) {
    if (tokenAt.length > 0) tokenAt.length += FIELD_GAP;
    const start = tokenAt.length;
    for (const token of fields[field]) {
      const at = tokenAt.length;
      tokenAt.push(token);
      const list = positions.get(token);
      if (list) list.push(at);
      else positions.set(token, [at]);
    }
    ranges[field] = [start, tokenAt.length];
  }
  let byHead: Map<string, string[]> | undefined;
  return {
    tokenAt,
    positions,
    ranges,
    textRange: [ranges.title[0], ranges.body[1]],
    get tokensByHead() {
      if (byHead) return byHead;
      byHead = new Map();
      for (const token of positions.keys()) {
        if (token.length < PREFIX_HEAD) continue;
        const head = token.slice(0, PREFIX_HEAD);
        const list = byHead.get(head);
        if (list) list.push(token);
        else byHead.set(head, [token]);
      }
      return byHead;
    },
  };
}

const NONE: readonly string[] = [];

/** The distinct tokens of the article that may start with `prefix` (those sharing its head; check startsWith). */
function tokensByHead(article: PreparedArticle, prefix: string): readonly string[] {
  return prefix.length < PREFIX_HEAD
    ? [...article.positions.keys()]
    : (article.tokensByHead.get(prefix.slice(0, PREFIX_HEAD)) ?? NONE);
}

function tokenMatches(phrase: QueryPhrase, index: number, token: string | undefined): boolean {
  if (token === undefined) return false;
  const wanted = phrase.tokens[index]!;
  return phrase.prefix && index === phrase.tokens.length - 1 ? token.startsWith(wanted) : token === wanted;
}

/**
 * Whether the phrase occurs within [from, to), reading the positions of its token `anchor` (the one with the fewest
 * positions in the article); adds the start positions to `found` (ascending) or stops at the first without it.
 */
function scan(
  phrase: QueryPhrase,
  article: PreparedArticle,
  anchorPositions: readonly number[],
  anchor: number,
  from: number,
  to: number,
  found: number[] | null,
): boolean {
  const length = phrase.tokens.length;
  let any = false;
  for (const at of anchorPositions) {
    const start = at - anchor;
    if (start < from) continue;
    if (start + length > to) break;
    let whole = true;
    for (let i = 0; i < length && whole; i++) {
      if (i !== anchor) whole = tokenMatches(phrase, i, article.tokenAt[start + i]);
    }
    if (!whole) continue;
    if (!found) return true;
    any = true;
    found.push(start);
  }
  return any;
}

/** Whether the phrase occurs within its field scope, collecting the start positions (ascending) into `found`. */
function occurs(phrase: QueryPhrase, article: PreparedArticle, found: number[] | null): boolean {
  const range = phrase.field ? article.ranges[phrase.field] : article.textRange;
  const from = range[0];
  const to = range[1];
  const exact = phrase.prefix ? phrase.tokens.length - 1 : phrase.tokens.length;
  if (exact > 0) {
    let anchor = 0;
    let anchorPositions: readonly number[] | undefined;
    for (let i = 0; i < exact; i++) {
      const positions = article.positions.get(phrase.tokens[i]!);
      if (!positions) return false;
      if (!anchorPositions || positions.length < anchorPositions.length) {
        anchor = i;
        anchorPositions = positions;
      }
    }
    return scan(phrase, article, anchorPositions!, anchor, from, to, found);
  }
  // A lone prefix: every token of the article it begins.
  let any = false;
  const prefix = phrase.tokens[0]!;
  for (const token of tokensByHead(article, prefix)) {
    if (!token.startsWith(prefix)) continue;
    if (scan(phrase, article, article.positions.get(token)!, 0, from, to, found)) {
      if (!found) return true;
      any = true;
    }
  }
  if (found) found.sort((a, b) => a - b);
  return any;
}

/** Whether some occurrence of each side lies within `distance` tokens of the other (gap between the spans). */
function near(left: number[], leftLength: number, right: number[], rightLength: number, distance: number): boolean {
  for (const a of left) {
    for (const b of right) {
      const gap = a <= b ? b - (a + leftLength - 1) : a - (b + rightLength - 1);
      if (gap <= distance) return true;
    }
  }
  return false;
}

/** Whether the article matches the query. */
export function matchQuery(query: QueryNode, article: PreparedArticle): boolean {
  switch (query.kind) {
    case 'phrase':
      return occurs(query, article, null);
    case 'and':
      for (const child of query.children) if (!matchQuery(child, article)) return false;
      return true;
    case 'or':
      for (const child of query.children) if (matchQuery(child, article)) return true;
      return false;
    case 'not':
      return !matchQuery(query.child, article);
    case 'near': {
      const left: number[] = [];
      if (!occurs(query.left, article, left)) return false;
      const right: number[] = [];
      if (!occurs(query.right, article, right)) return false;
      return near(left, query.left.tokens.length, right, query.right.tokens.length, query.distance);
    }
  }
}

/** The naive evaluator: every query tried on the article; ids in the order given. */
export function matchEveryQuery(
  queries: readonly { id: string; query: QueryNode }[],
  article: PreparedArticle,
): string[] {
  const matched: string[] = [];
  for (const { id, query } of queries) if (matchQuery(query, article)) matched.push(id);
  return matched;
}
