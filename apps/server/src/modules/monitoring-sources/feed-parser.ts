// Feeds to items (issue 12 §3): RSS 2.0 (and RSS 1.0/RDF), Atom, news sitemaps and sitemap indexes. Pure: text in,
// items out; a broken or non-feed document is a recorded failure, a broken item is skipped and counted.
import { parseFeedDate } from './feed-dates.js';
import { absoluteUrl, cleanText, fragment, htmlToText, imagesOf } from './html-text.js';
import { xmlProblem } from './xml-check.js';
import { xmlDocument, type DomElement } from './dom.js';

/** What a feed says about one article; the page itself is fetched later, and these fields are its fallback. */
export interface FeedItem {
  url: string;
  guid: string | null;
  title: string;
  lead: string;
  body: string;
  author: string | null;
  /** UTC ISO instant; null when the feed gives none, an unreadable one, or one in the future. */
  publishedAt: string | null;
  images: string[];
}

export interface ParsedFeed {
  ok: true;
  format: 'rss' | 'atom' | 'sitemap' | 'sitemapindex';
  items: FeedItem[];
  /** For a sitemap index: its sitemaps, newest first. */
  sitemaps: string[];
  /** Items dropped: no usable address. */
  badItems: number;
  /** Items that repeated a guid or address of the same document. */
  duplicates: number;
  /** Items whose date lay in the future (their date is dropped; they are kept). */
  futureDates: number;
  /** Items without a readable date (kept). */
  missingDates: number;
}

export interface FeedFailure {
  ok: false;
  code: 'malformed_xml' | 'not_a_feed';
  message: string;
}

/** A date more than this far ahead of the fetch is wrong (often a local time labelled GMT): it is dropped. */
const FUTURE_TOLERANCE_MS = 60 * 60 * 1000;

type El = DomElement;
const tagOf = (el: El) => el.tagName.toLowerCase();

function children(el: El, ...names: string[]): El[] {
  return Array.from(el.children).filter((c) => names.includes(tagOf(c)));
}
function first(el: El, ...names: string[]): El | null {
  for (const name of names) {
    const found = Array.from(el.children).find((c) => tagOf(c) === name);
    if (found) return found;
  }
  return null;
}
const textOf = (el: El | null) => (el ? (el.textContent ?? '') : '');

function rootName(text: string): string | null {
  const stripped = text.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>/gi, '');
  const match = /<\s*([A-Za-z_][\w.:-]*)/.exec(stripped);
  return match ? match[1]!.toLowerCase() : null;
}

interface RawItem extends Omit<FeedItem, 'publishedAt'> {
  date: string | null;
}

function rssItem(el: El, base: string): RawItem | null {
  const guidEl = first(el, 'guid');
  const guid = cleanText(textOf(guidEl)) || null;
  const permalink = guidEl && guidEl.getAttribute('ispermalink') !== 'false' ? guid : null;
  const atomLink = children(el, 'atom:link', 'link')
    .find((l) => l.getAttribute('href'))
    ?.getAttribute('href');
  const url =
    absoluteUrl(cleanText(textOf(first(el, 'link'))), base) ??
    absoluteUrl(atomLink, base) ??
    absoluteUrl(permalink, base);
  if (!url) return null;
  const description = textOf(first(el, 'description'));
  const content = textOf(first(el, 'content:encoded'));
  const images: string[] = [];
  for (const media of children(el, 'enclosure', 'media:content', 'media:thumbnail')) {
    const type = media.getAttribute('type') ?? media.getAttribute('medium') ?? 'image';
    const src = absoluteUrl(media.getAttribute('url'), base);
    if (src && /image/i.test(type) && !images.includes(src)) images.push(src);
  }
  for (const html of [description, content]) {
    if (/<img/i.test(html))
      for (const src of imagesOf(fragment(html), base)) if (!images.includes(src)) images.push(src);
  }
  return {
    url,
    guid,
    title: cleanText(htmlToText(textOf(first(el, 'title')))),
    lead: htmlToText(description),
    body: htmlToText(content),
    author: cleanText(textOf(first(el, 'author', 'dc:creator'))) || null,
    date: textOf(first(el, 'pubdate', 'dc:date', 'published', 'updated')) || null,
    images,
  };
}

function atomText(el: El | null): string {
  if (!el) return '';
  const type = el.getAttribute('type') ?? 'text';
  return type === 'text' ? cleanText(el.textContent) : htmlToText(type === 'xhtml' ? el.innerHTML : el.textContent);
}

function atomEntry(el: El, base: string): RawItem | null {
  const links = children(el, 'link');
  const alternate = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  const id = cleanText(textOf(first(el, 'id'))) || null;
  const url = absoluteUrl(alternate?.getAttribute('href'), base) ?? (id?.startsWith('http') ? id : null);
  if (!url) return null;
  const images = links
    .filter((l) => l.getAttribute('rel') === 'enclosure' && /image/.test(l.getAttribute('type') ?? ''))
    .map((l) => absoluteUrl(l.getAttribute('href'), base))
    .filter((u): u is string => u !== null);
  return {
    url,
    guid: id,
    title: atomText(first(el, 'title')),
    lead: atomText(first(el, 'summary')),
    body: atomText(first(el, 'content')),
    author: cleanText(textOf(first(first(el, 'author') ?? el, 'name'))) || null,
    date: textOf(first(el, 'published', 'updated')) || null,
    images,
  };
}

function sitemapUrl(el: El, base: string): RawItem | null {
  const url = absoluteUrl(cleanText(textOf(first(el, 'loc'))), base);
  if (!url) return null;
  const news = first(el, 'news:news');
  const images = children(el, 'image:image')
    .map((img) => absoluteUrl(cleanText(textOf(first(img, 'image:loc'))), base))
    .filter((u): u is string => u !== null);
  return {
    url,
    guid: null,
    title: news ? cleanText(textOf(first(news, 'news:title'))) : '',
    lead: '',
    body: '',
    author: null,
    date: (news ? textOf(first(news, 'news:publication_date')) : '') || textOf(first(el, 'lastmod')) || null,
    images,
  };
}

/** Reads a feed or sitemap fetched from `baseUrl` at `now`. */
export function parseFeed(text: string, baseUrl: string, now: Date): ParsedFeed | FeedFailure {
  const root = rootName(text);
  if (!root) return { ok: false, code: 'not_a_feed', message: 'the document is empty or has no markup' };
  if (root === 'html' || root === 'body' || root === 'head')
    return { ok: false, code: 'not_a_feed', message: 'an HTML page, not a feed' };
  if (!['rss', 'feed', 'rdf:rdf', 'urlset', 'sitemapindex'].includes(root))
    return { ok: false, code: 'not_a_feed', message: `<${root}> is neither RSS, Atom nor a sitemap` };
  const problem = xmlProblem(text.replace(/^\uFEFF/, ''));
  if (problem) return { ok: false, code: 'malformed_xml', message: `line ${problem.line}: ${problem.message}` };
  const doc = xmlDocument(text.replace(/^\uFEFF/, ''));
  const top = doc.documentElement;
  const result: ParsedFeed = {
    ok: true,
    format: root === 'feed' ? 'atom' : root === 'urlset' ? 'sitemap' : root === 'sitemapindex' ? 'sitemapindex' : 'rss',
    items: [],
    sitemaps: [],
    badItems: 0,
    duplicates: 0,
    futureDates: 0,
    missingDates: 0,
  };
  if (result.format === 'sitemapindex') {
    result.sitemaps = children(top, 'sitemap')
      .map((s) => ({
        url: absoluteUrl(cleanText(textOf(first(s, 'loc'))), baseUrl),
        at: parseFeedDate(textOf(first(s, 'lastmod'))),
      }))
      .filter((s): s is { url: string; at: Date | null } => s.url !== null)
      .sort((a, b) => (b.at?.getTime() ?? 0) - (a.at?.getTime() ?? 0))
      .map((s) => s.url);
    return result;
  }
  const elements =
    result.format === 'atom'
      ? children(top, 'entry')
      : result.format === 'sitemap'
        ? children(top, 'url')
        : [...children(top, 'item'), ...children(first(top, 'channel') ?? top, 'item')];
  const read = result.format === 'atom' ? atomEntry : result.format === 'sitemap' ? sitemapUrl : rssItem;
  const seen = new Set<string>();
  for (const element of elements) {
    const raw = read(element, baseUrl);
    if (!raw) {
      result.badItems += 1;
      continue;
    }
    const keys = [raw.url, ...(raw.guid ? [`guid:${raw.guid}`] : [])];
    if (keys.some((k) => seen.has(k))) {
      result.duplicates += 1;
      continue;
    }
    for (const k of keys) seen.add(k);
    const at = parseFeedDate(raw.date);
    let publishedAt: string | null = null;
    if (!at) result.missingDates += 1;
    else if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) result.futureDates += 1;
    else publishedAt = at.toISOString();
    const { date: _date, ...item } = raw;
    result.items.push({ ...item, publishedAt });
  }
  return result;
}
