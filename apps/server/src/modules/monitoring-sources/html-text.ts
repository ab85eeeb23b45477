// Text out of HTML fragments and documents (feed descriptions, content:encoded, article bodies): paragraphs as lines,
// whitespace collapsed, NFC; plus the absolute addresses of images and links.
import { htmlDocument, type DomDocument, type DomElement, type DomNode } from './dom.js';

const BLOCKS = new Set([
  'P',
  'DIV',
  'LI',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'FIGCAPTION',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'FIGURE',
  'BR',
  'HR',
]);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);

/** Whitespace collapsed and NFC. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
}

/** The text of a DOM node as paragraphs, one per line. */
export function nodeText(root: DomNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = () => {
    const line = cleanText(current);
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = (node as DomElement).tagName?.toUpperCase() ?? '';
    if (SKIP.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return lines.join('\n');
}

/** An HTML fragment (a feed's description) parsed into a throwaway document. */
export function fragment(html: string): DomDocument {
  return htmlDocument(`<!doctype html><html><head></head><body>${html}</body></html>`);
}

/** The text of an HTML fragment, paragraphs as lines; plain text passes through cleaned. */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  if (!/[<&]/.test(html)) return html.split(/\n+/).map(cleanText).filter(Boolean).join('\n');
  return nodeText(fragment(html).body);
}

/** `href` resolved against `base`; null unless it is an http(s) address. */
export function absoluteUrl(href: string | null | undefined, base: string): string | null {
  const value = href?.trim();
  if (!value) return null;
  try {
    const url = new URL(value, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.toString();
  } catch {
    return null;
  }
}

/** The absolute addresses of the images of an element (src, data-src, lazy-loading attributes), in order, once each. */
export function imagesOf(root: DomElement | DomDocument, base: string): string[] {
  const found: string[] = [];
  for (const img of Array.from(root.querySelectorAll('img'))) {
    const src = img.getAttribute('data-src') ?? img.getAttribute('data-original') ?? img.getAttribute('src');
    const url = absoluteUrl(src, base);
    if (url && !url.startsWith('data:') && !found.includes(url)) found.push(url);
  }
  return found;
}
