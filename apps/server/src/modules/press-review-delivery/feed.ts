// Atom (RFC 4287) and RSS 2.0 documents of a subscription's feed: one entry per approved edition, its HTML content
// escaped once as the formats require.

export interface FeedItem {
  /** The edition's id: the entry's stable identifier. */
  id: string;
  title: string;
  /** When the edition was approved (ISO 8601). */
  publishedAt: string;
  /** The edition in Loa. */
  url: string;
  summary: string;
  /** The edition's HTML content (see renderHtmlContent). */
  html: string;
}

export interface FeedDocument {
  /** The subscription's id: the feed's stable identifier (not its secret). */
  id: string;
  title: string;
  subtitle: string;
  /** The feed's own address, `.atom` or `.rss` as served. */
  selfUrl: string;
  /** The archive in Loa. */
  siteUrl: string;
  author: string;
  items: readonly FeedItem[];
  /** When no item gives the feed's date: the time the feed is built. */
  now: Date;
}

/** Characters XML 1.0 does not allow, even escaped: stripped from every text. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for XML content and attribute values (and drops what XML cannot carry). */
export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const urn = (id: string) => `urn:uuid:${id}`;

function updatedOf(feed: FeedDocument): Date {
  const times = feed.items.map((item) => new Date(item.publishedAt).getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : feed.now;
}

/** The feed as Atom 1.0. */
export function renderAtom(feed: FeedDocument): string {
  const entries = feed.items.map(
    (item) => `  <entry>
    <id>${urn(item.id)}</id>
    <title type="text">${escapeXml(item.title)}</title>
    <updated>${new Date(item.publishedAt).toISOString()}</updated>
    <published>${new Date(item.publishedAt).toISOString()}</published>
    <link rel="alternate" type="text/html" href="${escapeXml(item.url)}"/>
    <summary type="text">${escapeXml(item.summary)}</summary>
    <content type="html">${escapeXml(item.html)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>${urn(feed.id)}</id>
  <title type="text">${escapeXml(feed.title)}</title>
  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>
  <updated>${updatedOf(feed).toISOString()}</updated>
  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>
  <author><name>${escapeXml(feed.author)}</name></author>
  <generator>Loa</generator>
${entries.join('\n')}
</feed>
`;
}

/** The feed as RSS 2.0 (dates in RFC 822, as RSS requires). */
export function renderRss(feed: FeedDocument): string {
  const items = feed.items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.url)}</link>
      <guid isPermaLink="false">${urn(item.id)}</guid>
      <pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>
      <description>${escapeXml(item.html)}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(feed.title)}</title>
    <link>${escapeXml(feed.siteUrl)}</link>
    <description>${escapeXml(feed.subtitle)}</description>
    <language>vi</language>
    <lastBuildDate>${updatedOf(feed).toUTCString()}</lastBuildDate>
    <generator>Loa</generator>
    <atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`;
}
