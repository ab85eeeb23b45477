// An article page to its fields (issue 12 §3) with Readability on a linkedom DOM: title, lead, body paragraphs,
// author, publication time, canonical address and images. Metadata (Open Graph, article:*, JSON-LD, <time>) is read
// before Readability, which changes the document.
import { Readability } from '@mozilla/readability';
import { htmlDocument, type DomDocument } from './dom.js';
import { parseFeedDate } from './feed-dates.js';
import { absoluteUrl, cleanText, fragment, imagesOf, nodeText } from './html-text.js';

export interface ExtractedArticle {
  url: string;
  title: string;
  lead: string;
  body: string;
  author: string | null;
  /** UTC ISO instant, or null. */
  publishedAt: string | null;
  canonicalUrl: string | null;
  images: string[];
}

/** What the feed said of the item, used where the page says nothing. */
export interface ArticleFallback {
  title?: string;
  lead?: string;
  body?: string;
  author?: string | null;
  publishedAt?: string | null;
  images?: string[];
}

function meta(doc: DomDocument, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const value = cleanText(el?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

interface JsonLdFacts {
  headline?: string;
  datePublished?: string;
  author?: string;
  image?: string[];
}

function jsonLd(doc: DomDocument): JsonLdFacts {
  const facts: JsonLdFacts = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (Array.isArray(o['@graph'])) visit(o['@graph']);
    const type = String(o['@type'] ?? '');
    if (!/Article|Posting|Report/i.test(type)) return;
    if (typeof o.headline === 'string') facts.headline ??= o.headline;
    if (typeof o.datePublished === 'string') facts.datePublished ??= o.datePublished;
    const author = Array.isArray(o.author) ? o.author[0] : o.author;
    if (typeof author === 'string') facts.author ??= author;
    else if (author && typeof (author as { name?: unknown }).name === 'string')
      facts.author ??= (author as { name: string }).name;
    const images = (Array.isArray(o.image) ? o.image : [o.image]).map((i) =>
      typeof i === 'string'
        ? i
        : i && typeof (i as { url?: unknown }).url === 'string'
          ? (i as { url: string }).url
          : null,
    );
    facts.image ??= images.filter((i): i is string => !!i);
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources of metadata remain.
    }
  }
  return facts;
}

const firstParagraph = (body: string) => body.split('\n').find((line) => line.length >= 40) ?? '';

/**
 * Extracts an article from the HTML of `url`; null when the page holds no readable article and the fallback
 * has no title either. A field the page lacks comes from `fallback`.
 */
export function extractArticle(html: string, url: string, fallback: ArticleFallback = {}): ExtractedArticle | null {
  const doc = htmlDocument(html);
  const base = absoluteUrl(doc.querySelector('base')?.getAttribute('href'), url) ?? url;
  const ld = jsonLd(doc);
  const canonicalUrl =
    absoluteUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href'), base) ??
    absoluteUrl(meta(doc, 'og:url'), base);
  const metaTitle = meta(doc, 'og:title', 'twitter:title') ?? cleanText(ld.headline);
  const description = meta(doc, 'description', 'og:description', 'twitter:description');
  const author =
    meta(doc, 'author', 'article:author', 'dable:author') ||
    cleanText(ld.author) ||
    cleanText(doc.querySelector('[rel="author"], .author, .byline, [itemprop="author"]')?.textContent) ||
    null;
  const time =
    meta(doc, 'article:published_time', 'pubdate', 'datePublished', 'dc.date.issued') ??
    ld.datePublished ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const metaImages = [meta(doc, 'og:image', 'twitter:image'), ...(ld.image ?? [])]
    .map((src) => absoluteUrl(src, base))
    .filter((src): src is string => src !== null);

  let body = '';
  let readTitle = '';
  let bodyImages: string[] = [];
  const article = new Readability(doc as never, { charThreshold: 200 }).parse();
  if (article?.content) {
    const content = fragment(article.content);
    body = nodeText(content.body);
    bodyImages = imagesOf(content.body, base);
    readTitle = cleanText(article.title);
  }
  const title = metaTitle || readTitle || cleanText(doc.querySelector('h1')?.textContent) || cleanText(fallback.title);
  if (!title) return null;
  // A page whose readable part is a scrap (a menu) keeps the feed's longer text.
  const feedBody = fallback.body ?? '';
  if (body.length < 200 && feedBody.length > body.length) body = feedBody;
  const lead = description || cleanText(fallback.lead) || firstParagraph(body);
  const published = parseFeedDate(time)?.toISOString() ?? fallback.publishedAt ?? null;
  const images: string[] = [];
  for (const src of [...metaImages, ...bodyImages, ...(fallback.images ?? [])])
    if (!images.includes(src)) images.push(src);
  return {
    url,
    title,
    lead,
    body,
    author: author ?? fallback.author ?? null,
    publishedAt: published,
    canonicalUrl,
    images: images.slice(0, 50),
  };
}
