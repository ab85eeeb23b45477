// What the classifier's models see of an article: unigrams and bigrams of its matching tokens (the title in a block
// of its own, so that it weighs as much as the whole text), and the lexicon's groups as counts, places and shares.
import { type CompiledLexicon, countTerms, hasAnyTerm } from './classifier-lexicon.js';
import { matchTokens } from './vn-text.js';

export interface ArticleText {
  title: string;
  lead: string;
  body: string;
}

/** An article tokenised once for every model and rule: padded token strings (` a b c `) per part and per paragraph. */
export interface PreparedArticle {
  titleTokens: string[];
  textTokens: string[];
  title: string;
  lead: string;
  /** Title, lead and body together. */
  all: string;
  paragraphs: string[];
}

export type FeatureVector = Map<string, number>;

const pad = (tokens: readonly string[]) => ` ${tokens.join(' ')} `;

export function prepareArticle(article: ArticleText): PreparedArticle {
  return prepareTokenised(
    matchTokens(article.title),
    matchTokens(article.lead),
    article.body.split('\n').map(matchTokens),
  );
}

/** prepareArticle() on text already tokenised with matchTokens: the title, the lead and each line of the body. */
export function prepareTokenised(
  titleTokens: string[],
  leadTokens: string[],
  bodyLineTokens: readonly string[][],
): PreparedArticle {
  const paragraphTokens = bodyLineTokens.filter((tokens) => tokens.length > 0);
  const textTokens = leadTokens.concat(...paragraphTokens);
  return {
    titleTokens,
    textTokens,
    title: pad(titleTokens),
    lead: pad(leadTokens),
    all: `${pad(titleTokens)}|${pad(textTokens)}`,
    paragraphs: [pad(leadTokens), ...paragraphTokens.map(pad)].filter((p) => p.trim() !== ''),
  };
}

/** Whether the article mentions the schemes at all (the lexicon's gate). */
export const passesGate = (prepared: PreparedArticle, lexicon: CompiledLexicon): boolean =>
  hasAnyTerm(prepared.all, lexicon.gate);

/** Log-scaled unigram and bigram counts of one block, scaled to unit length and prefixed with the block's name. */
function addNgrams(features: FeatureVector, prefix: string, tokens: readonly string[], weight: number): void {
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (let i = 0; i < tokens.length; i++) {
    bump(tokens[i]!);
    if (i + 1 < tokens.length) bump(`${tokens[i]} ${tokens[i + 1]}`);
  }
  let norm = 0;
  for (const [key, count] of counts) {
    const value = Math.log1p(count);
    counts.set(key, value);
    norm += value * value;
  }
  if (norm === 0) return;
  const scale = weight / Math.sqrt(norm);
  for (const [key, value] of counts) features.set(`${prefix}${key}`, value * scale);
}

/** How many tokens on each side of a mention of the schemes make its context. */
const CONTEXT = 8;

/** The tokens around every mention of the schemes (the gate's terms): what the text says about them, which decides
 *  between "says something about the schemes" (peripheral) and "only names them" (unrelated). */
export function mentionContexts(prepared: PreparedArticle, lexicon: CompiledLexicon): string[] {
  const tokens = prepared.textTokens;
  const keep = new Uint8Array(tokens.length);
  const starts: number[] = [];
  let offset = 1;
  for (let i = 0; i < tokens.length; i++) {
    starts.push(offset);
    offset += tokens[i]!.length + 1;
  }
  const text = ` ${tokens.join(' ')} `;
  for (const term of lexicon.gate) {
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      const first = lowerBound(starts, at + 1);
      const last = first + term.trim().split(' ').length - 1;
      for (let i = Math.max(0, first - CONTEXT); i <= Math.min(tokens.length - 1, last + CONTEXT); i++) keep[i] = 1;
    }
  }
  return tokens.filter((_, i) => keep[i] === 1);
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The feature vector of a prepared article. Lexicon groups give, per group: in the title, in the lead, the log count
 *  in the whole text and the share of paragraphs that mention it — the share tells "most of the text is about the
 *  schemes" (core) from "one paragraph mentions them" (peripheral). */
export function articleFeatures(prepared: PreparedArticle, lexicon: CompiledLexicon): FeatureVector {
  const features: FeatureVector = new Map();
  features.set('bias', 1);
  addNgrams(features, 't:', prepared.titleTokens, 1);
  addNgrams(features, 'b:', prepared.textTokens, 1);
  addNgrams(features, 'c:', mentionContexts(prepared, lexicon), 1);
  const paragraphs = prepared.paragraphs.length;
  for (const [name, terms] of lexicon.groups) {
    if (terms.length === 0) continue;
    if (hasAnyTerm(prepared.title, terms)) features.set(`x:${name}:title`, 1);
    if (hasAnyTerm(prepared.lead, terms)) features.set(`x:${name}:lead`, 1);
    const count = countTerms(prepared.all, terms);
    if (count === 0) continue;
    features.set(`x:${name}:count`, Math.log1p(count) / 3);
    if (paragraphs > 0) {
      const mentioning = prepared.paragraphs.filter((p) => hasAnyTerm(p, terms)).length;
      features.set(`x:${name}:share`, mentioning / paragraphs);
    }
  }
  features.set('x:length', Math.min(1, Math.log1p(prepared.textTokens.length) / 8));
  return features;
}
