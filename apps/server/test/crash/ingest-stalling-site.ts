// Article pages on the local news site (test/feed-server.ts) that stall on purpose: once `answerFirst` pages have
// been answered, the next page asked for is held — the site has the request and never answers it — so the worker
// fetching it waits at a known point and can be killed there. Every later request for that page is answered normally.
import { articlePage, serveCorpusArticles, type FeedEntry, type FeedServer, type Route } from '../feed-server.js';

export interface StallingPages {
  entries: FeedEntry[];
  /** The path of the page being held, once its request has arrived (from then on no other page is held). */
  stalledPath(): string | null;
}

export async function serveStallingPages(
  site: FeedServer,
  options: { count: number; offset: number; answerFirst: number; holdMs: number },
): Promise<StallingPages> {
  const served = await serveCorpusArticles(site, options.count, options.offset);
  const pages = served.map(({ article, entry }) => {
    const path = new URL(entry.url).pathname;
    const html = articlePage(article, { url: entry.url, publishedAt: new Date(entry.date!).toISOString() });
    return { path, page: { headers: { 'content-type': 'text/html; charset=utf-8' }, body: html } satisfies Route };
  });
  const holding = new Set<string>();
  let answered = 0;
  const arm = () => {
    for (const { path, page } of pages) {
      if (site.requestsFor(path).length > 0) continue;
      holding.add(path);
      site.route(path, { sequence: [{ ...page, delayMs: options.holdMs }, page] });
    }
  };
  for (const { path, page } of pages) {
    site.route(path, {
      ...page,
      body: () => {
        answered += 1;
        if (answered === options.answerFirst) arm();
        return page.body;
      },
    });
  }
  return {
    entries: served.map((s) => s.entry),
    stalledPath() {
      const held = site.requests.find((r) => holding.has(r.path))?.path ?? null;
      if (held) {
        // Only that one is held: the other pages are answered to whoever asks next (the worker that takes over).
        for (const { path, page } of pages) if (path !== held && holding.delete(path)) site.route(path, page);
      }
      return held;
    },
  };
}
