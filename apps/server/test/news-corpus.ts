// The shared news corpus of ../shared/data/news (see its README and LABELS.md) for tests, evaluations and benchmarks.
// The data sits beside the repository, not in it: the CI checkout has the same layout.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SHARED_DATA_DIR = path.resolve(repoRoot, '../shared/data');
export const NEWS_DIR = path.join(SHARED_DATA_DIR, 'news');

export interface NewsArticle {
  id: string;
  url: string;
  title: string;
  lead: string;
  body: string;
}

export type DevRelevance = 0 | 1 | 2;
export interface DevLabel {
  id: string;
  relevance: DevRelevance;
  sentiment: 'positive' | 'neutral' | 'negative' | 'na';
  flags: string[];
  unit: string;
}

export interface NeardupDev {
  /** Groups of article ids that are near-duplicates of each other. */
  clusters: string[][];
  /** The listed pairs with their word 5-shingle Jaccard on lead + body. */
  pairs: { a: string; b: string; jaccard: number }[];
}

async function* jsonLines(file: string): AsyncGenerator<unknown> {
  const raw = fs.createReadStream(file);
  const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw;
  let lineNo = 0;
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      yield JSON.parse(line);
    } catch (error) {
      throw new Error(`${file}:${lineNo} is not JSON`, { cause: error });
    }
  }
}

/**
 * The articles of articles.jsonl.gz in file order (14,501), or only those whose id is in `onlyIds` (the whole file is
 * still read, but only the wanted articles are kept in memory).
 */
export async function loadNewsArticles(onlyIds?: ReadonlySet<string>): Promise<NewsArticle[]> {
  const articles: NewsArticle[] = [];
  for await (const value of jsonLines(path.join(NEWS_DIR, 'articles.jsonl.gz'))) {
    const row = value as Partial<NewsArticle>;
    if (typeof row.id !== 'string') throw new Error('An article without an id in articles.jsonl.gz');
    if (onlyIds && !onlyIds.has(row.id)) continue;
    articles.push({
      id: row.id,
      url: row.url ?? '',
      title: row.title ?? '',
      lead: row.lead ?? '',
      body: row.body ?? '',
    });
  }
  return articles;
}

/** labels-dev.jsonl by article id; an article of the corpus missing here is unrelated (see the data README). */
export async function loadDevLabels(): Promise<Map<string, DevLabel>> {
  const labels = new Map<string, DevLabel>();
  for await (const value of jsonLines(path.join(NEWS_DIR, 'labels-dev.jsonl'))) {
    const label = value as DevLabel;
    labels.set(label.id, label);
  }
  return labels;
}

/** neardup-dev.json: the listed near-duplicate clusters and pairs. */
export async function loadNeardupDev(): Promise<NeardupDev> {
  return JSON.parse(await fsp.readFile(path.join(NEWS_DIR, 'neardup-dev.json'), 'utf8')) as NeardupDev;
}

const WORD = /[\p{L}\p{N}_]+/gu;

/**
 * The dataset's own similarity measure (it reproduces every `jaccard` of neardup-dev.json): the set of word 5-shingles
 * of the first 600 lower-cased words of lead + " " + body.
 */
export function datasetShingles(article: Pick<NewsArticle, 'lead' | 'body'>): Set<string> {
  const words = (`${article.lead} ${article.body}`.toLowerCase().match(WORD) ?? []).slice(0, 600);
  const shingles = new Set<string>();
  for (let i = 0; i + 5 <= words.length; i++) shingles.add(words.slice(i, i + 5).join(' '));
  return shingles;
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let common = 0;
  for (const s of a) if (b.has(s)) common++;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}
