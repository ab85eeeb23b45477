// What an officer types in the article search box, read the way the stored full text was written: every word and
// every "quoted phrase" becomes a run of matchTokens (accents folded, BHXH expanded to "bao hiem xa hoi"), so the
// search and its highlighting agree with ingest's `search_tokens` by construction.
import { matchTokens } from '../monitoring/index.js';

/** One thing that must occur: consecutive tokens (one for a plain word, several for a phrase or an abbreviation). */
export interface SearchTerm {
  tokens: string[];
  /** Typed between double quotes. */
  phrase: boolean;
}

/** More terms than this are ignored: a search box is not a document. */
export const MAX_SEARCH_TERMS = 24;

/**
 * The terms of `q`: "quoted phrases" (an unclosed quote runs to the end) and the words outside quotes. A word that
 * folds into several tokens ("BHXH", "COVID-19") is kept as one term whose tokens must be adjacent. Repeated terms
 * are dropped; a word of nothing but punctuation gives no term.
 */
export function parseSearchTerms(q: string | undefined): SearchTerm[] {
  if (!q) return [];
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (tokens: string[], phrase: boolean) => {
    const key = tokens.join(' ');
    if (tokens.length === 0 || seen.has(key) || terms.length >= MAX_SEARCH_TERMS) return;
    seen.add(key);
    terms.push({ tokens, phrase });
  };
  const parts = q.replace(/[“”„]/g, '"').split('"');
  parts.forEach((part, index) => {
    if (index % 2 === 1) add(matchTokens(part), true);
    else for (const word of part.split(/\s+/)) if (word) add(matchTokens(word), false);
  });
  return terms;
}

/** A lexeme as tsquery syntax wants it: quoted, quotes and backslashes escaped (tokens have none, but be sure). */
function lexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The `to_tsquery('simple', …)` text of the terms: terms AND'ed, the tokens of one term followed by one another
 * (`<->`); null when there is nothing to search for.
 */
export function toTsQuery(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((term) => (term.tokens.length === 1 ? lexeme(term.tokens[0]!) : `(${term.tokens.map(lexeme).join(' <-> ')})`))
    .join(' & ');
}
