// A local news site on 127.0.0.1 for the fetcher's tests and the e2e journeys: feeds, sitemaps, listing pages and
// article pages built from the shared corpus (../shared/data/news), with switches to misbehave on purpose (status
// sequences, Retry-After, slow and huge bodies, redirect loops, changing ETags, legacy encodings). It records every
// request it gets (path, headers, time) so tests can check pacing by order and gaps. No test framework imports.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadNewsArticles, type NewsArticle } from './news-corpus.js';

export interface RecordedRequest {
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Milliseconds on this process's monotonic clock when the request arrived. */
  at: number;
}

/** How the server answers one path; `sequence` answers successive requests in turn (the last one repeats). */
export interface Route {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer | ((request: http.IncomingMessage) => string | Buffer);
  /** Waits this long before the headers. */
  delayMs?: number;
  /** Streams this many bytes (in 64 KiB chunks, as long as the client reads) instead of `body`. */
  streamBytes?: number;
  sequence?: Route[];
  /** Answers 304 when If-None-Match equals this ETag. */
  etag?: string;
}

export interface FeedServer {
  /** http://127.0.0.1:port */
  url: string;
  requests: RecordedRequest[];
  /** Requests for `path` (without the query), in arrival order. */
  requestsFor(path: string): RecordedRequest[];
  route(path: string, route: Route): void;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const routes = new Map<string, Route>();
  const served = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path, headers: req.headers, at: performance.now() });
    const base = routes.get(path);
    if (!base) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const n = served.get(path) ?? 0;
    served.set(path, n + 1);
    const route = base.sequence ? base.sequence[Math.min(n, base.sequence.length - 1)]! : base;
    const answer = () => {
      if (res.destroyed) return;
      if (route.etag && req.headers['if-none-match'] === route.etag) {
        res.writeHead(304, { etag: route.etag }).end();
        return;
      }
      const headers = { ...(route.etag ? { etag: route.etag } : {}), ...route.headers };
      if (route.streamBytes !== undefined) {
        res.writeHead(route.status ?? 200, { 'content-type': 'application/rss+xml', ...headers });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let left = route.streamBytes;
        const pump = () => {
          while (left > 0) {
            const size = Math.min(chunk.length, left);
            left -= size;
            if (!res.write(chunk.subarray(0, size))) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (left = 0));
        pump();
        return;
      }
      const body = typeof route.body === 'function' ? route.body(req) : (route.body ?? '');
      res.writeHead(route.status ?? 200, headers).end(body);
    };
    if (route.delayMs) setTimeout(answer, route.delayMs);
    else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    requests,
    requestsFor: (path) => requests.filter((r) => r.path === path),
    route: (path, route) => void routes.set(path, route),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface FeedEntry {
  url: string;
  title: string;
  lead: string;
  guid?: string;
  /** RFC 822 or ISO text as the feed prints it; omitted → no date. */
  date?: string;
  image?: string;
}

/** An RSS 2.0 feed of `entries`. */
export function rssFeed(entries: FeedEntry[], title = 'Báo thử nghiệm'): string {
  const items = entries
    .map(
      (e) =>
        `<item><title>${escapeXml(e.title)}</title><link>${escapeXml(e.url)}</link>` +
        `<description><![CDATA[${e.image ? `<img src="${e.image}"/>` : ''}${e.lead}]]></description>` +
        (e.guid ? `<guid isPermaLink="false">${escapeXml(e.guid)}</guid>` : '') +
        (e.date ? `<pubDate>${e.date}</pubDate>` : '') +
        '</item>',
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${escapeXml(title)}</title>\n${items}\n</channel></rss>`;
}

/** An Atom feed of `entries`. */
export function atomFeed(entries: FeedEntry[]): string {
  const items = entries
    .map(
      (e) =>
        `<entry><id>${escapeXml(e.guid ?? e.url)}</id><title>${escapeXml(e.title)}</title>` +
        `<link rel="alternate" href="${escapeXml(e.url)}"/><summary>${escapeXml(e.lead)}</summary>` +
        (e.date ? `<updated>${e.date}</updated>` : '') +
        '</entry>',
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom</title>\n${items}\n</feed>`;
}

/** A Google News sitemap of `entries`. */
export function newsSitemap(entries: FeedEntry[]): string {
  const urls = entries
    .map(
      (e) =>
        `<url><loc>${escapeXml(e.url)}</loc><news:news><news:title>${escapeXml(e.title)}</news:title>` +
        (e.date ? `<news:publication_date>${e.date}</news:publication_date>` : '') +
        '</news:news></url>',
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls}\n</urlset>`;
}

/** A listing page whose article links sit in `<h3 class="title-news"><a>`. */
export function listingPage(entries: FeedEntry[]): string {
  const links = entries
    .map(
      (e) => `<article><h3 class="title-news"><a href="${escapeXml(e.url)}">${escapeXml(e.title)}</a></h3></article>`,
    )
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Tin mới</title></head><body><nav><a href="/">Trang chủ</a></nav>${links}</body></html>`;
}

/** An outlet's article page: Open Graph and article:* metadata, a byline and the body's paragraphs. */
export function articlePage(
  article: NewsArticle,
  options: { url: string; publishedAt?: string; author?: string },
): string {
  const paragraphs = article.body
    .split('\n')
    .filter(Boolean)
    .map((p) => `<p>${escapeXml(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${escapeXml(article.title)} | Báo thử nghiệm</title>
<meta property="og:title" content="${escapeXml(article.title)}">
<meta name="description" content="${escapeXml(article.lead)}">
<meta property="og:image" content="/anh/${article.id}.jpg">
${options.publishedAt ? `<meta property="article:published_time" content="${options.publishedAt}">` : ''}
<link rel="canonical" href="${escapeXml(options.url)}"></head>
<body><header><nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a></nav></header>
<main><article><h1>${escapeXml(article.title)}</h1><p class="sapo"><strong>${escapeXml(article.lead)}</strong></p>
<div class="content">${paragraphs}</div><p class="author">${escapeXml(options.author ?? 'Minh Anh')}</p></article></main>
<footer>© Báo thử nghiệm</footer></body></html>`;
}

/**
 * Serves `count` corpus articles (from article number `offset`) as pages under /bai/<id>.html, and returns them with
 * their addresses and feed entries (dated one hour apart, newest first, Vietnam's time).
 */
export async function serveCorpusArticles(
  server: FeedServer,
  count: number,
  offset = 0,
): Promise<{ article: NewsArticle; entry: FeedEntry }[]> {
  const all = await loadNewsArticles();
  const chosen = all.filter((a) => a.body.length > 400).slice(offset, offset + count);
  const base = Date.UTC(2026, 0, 15, 3, 0, 0);
  return chosen.map((article, i) => {
    const url = `${server.url}/bai/${article.id}.html`;
    const at = new Date(base - i * 3_600_000);
    server.route(`/bai/${article.id}.html`, {
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: articlePage(article, { url, publishedAt: at.toISOString() }),
    });
    return {
      article,
      entry: { url, title: article.title, lead: article.lead, guid: `bai-${article.id}`, date: at.toUTCString() },
    };
  });
}
