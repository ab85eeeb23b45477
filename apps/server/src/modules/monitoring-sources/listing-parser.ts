// HTML listing pages (a section front of an outlet): the article links the source's CSS selector picks out.
import { htmlDocument, type DomElement } from './dom.js';
import { absoluteUrl, cleanText } from './html-text.js';
import type { FeedItem } from './feed-parser.js';

export type ListingResult =
  | { ok: true; items: FeedItem[]; duplicates: number }
  | { ok: false; code: 'selector_matched_nothing' | 'not_a_feed'; message: string };

/**
 * The links `selector` matches on the page (an <a> itself, or the first <a> inside a matched element), absolute,
 * once each, with their text as the title. A selector that matches nothing is a failure of the source.
 */
export function parseListing(html: string, baseUrl: string, selector: string): ListingResult {
  const document = htmlDocument(html);
  let matched: DomElement[];
  try {
    matched = Array.from(document.querySelectorAll(selector));
  } catch {
    return { ok: false, code: 'selector_matched_nothing', message: `the selector "${selector}" is not valid CSS` };
  }
  const base = absoluteUrl(document.querySelector('base')?.getAttribute('href'), baseUrl) ?? baseUrl;
  const items: FeedItem[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const element of matched) {
    const anchor = element.tagName.toLowerCase() === 'a' ? element : element.querySelector('a[href]');
    const url = absoluteUrl(anchor?.getAttribute('href'), base);
    if (!url) continue;
    if (seen.has(url)) {
      duplicates += 1;
      continue;
    }
    seen.add(url);
    const title = cleanText(anchor?.getAttribute('title') || anchor?.textContent || element.textContent);
    items.push({ url, guid: null, title, lead: '', body: '', author: null, publishedAt: null, images: [] });
  }
  if (items.length === 0)
    return { ok: false, code: 'selector_matched_nothing', message: `the selector "${selector}" matched no link` };
  return { ok: true, items, duplicates };
}
