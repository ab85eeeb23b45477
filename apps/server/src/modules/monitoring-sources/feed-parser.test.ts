import { describe, expect, it } from 'vitest';
import { parseFeed, type ParsedFeed } from './feed-parser.js';
import { parseListing } from './listing-parser.js';

const NOW = new Date('2026-01-15T05:00:00Z');
const BASE = 'https://bao.example.vn/rss/home.rss';

function ok(result: ReturnType<typeof parseFeed>): ParsedFeed {
  if (!result.ok) throw new Error(`expected a feed, got ${result.code}: ${result.message}`);
  return result;
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">
<channel><title>Báo Ví dụ</title>
<item>
  <title><![CDATA[BHXH Việt Nam cảnh báo <b>mạo danh</b>]]></title>
  <link>/xa-hoi/canh-bao-mao-danh-1.html</link>
  <guid isPermaLink="false">bai-1</guid>
  <description><![CDATA[<a href="/x"><img src="/anh/1.jpg"></a>Người dân cần cảnh giác với cuộc gọi lạ.]]></description>
  <content:encoded><![CDATA[<p>Đoạn một.</p><p>Đoạn hai &amp; ba.</p>]]></content:encoded>
  <dc:creator>Minh Anh</dc:creator>
  <pubDate>Thu, 15 Jan 2026 10:00:00 +0700</pubDate>
  <media:content url="https://cdn.example.vn/anh/2.jpg" medium="image"/>
</item>
<item><title>Bài trùng guid</title><link>https://bao.example.vn/khac.html</link><guid isPermaLink="false">bai-1</guid></item>
<item><title>Bài trùng địa chỉ</title><link>https://bao.example.vn/xa-hoi/canh-bao-mao-danh-1.html</link></item>
<item><title>Bài ngày tương lai</title><link>https://bao.example.vn/tuong-lai.html</link><pubDate>Fri, 16 Jan 2026 10:00:00 +0700</pubDate></item>
<item><title>Bài không ngày</title><link>https://bao.example.vn/khong-ngay.html</link></item>
<item><title>Bài không địa chỉ</title></item>
<item><title>Ngày giờ Việt Nam không múi giờ</title><link>https://bao.example.vn/gio-vn.html</link><pubDate>15/01/2026 08:30</pubDate></item>
</channel></rss>`;

describe('parseFeed', () => {
  it('reads RSS 2.0 items: fields, absolute links, images, content, author, dates in UTC', () => {
    const feed = ok(parseFeed(RSS, BASE, NOW));
    expect(feed.format).toBe('rss');
    expect(feed.items[0]).toEqual({
      url: 'https://bao.example.vn/xa-hoi/canh-bao-mao-danh-1.html',
      guid: 'bai-1',
      title: 'BHXH Việt Nam cảnh báo mạo danh',
      lead: 'Người dân cần cảnh giác với cuộc gọi lạ.',
      body: 'Đoạn một.\nĐoạn hai & ba.',
      author: 'Minh Anh',
      publishedAt: '2026-01-15T03:00:00.000Z',
      images: ['https://cdn.example.vn/anh/2.jpg', 'https://bao.example.vn/anh/1.jpg'],
    });
    expect(feed.items.at(-1)?.publishedAt).toBe('2026-01-15T01:30:00.000Z');
  });

  it('drops repeated guids and addresses, keeps items with future or no dates without the date, counts all', () => {
    const feed = ok(parseFeed(RSS, BASE, NOW));
    expect(feed.items.map((i) => i.url.replace('https://bao.example.vn/', ''))).toEqual([
      'xa-hoi/canh-bao-mao-danh-1.html',
      'tuong-lai.html',
      'khong-ngay.html',
      'gio-vn.html',
    ]);
    expect(feed).toMatchObject({ duplicates: 2, badItems: 1, futureDates: 1, missingDates: 1 });
    expect(feed.items[1]!.publishedAt).toBeNull();
  });

  it('reads Atom entries with their alternate link and updated date', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>
      <entry><id>tag:a,2026:1</id><title type="html">Lương hưu &lt;i&gt;tăng&lt;/i&gt;</title>
      <link rel="self" href="/self"/><link rel="alternate" href="https://a.vn/luong-huu.html"/>
      <summary>Từ 1/7 lương hưu tăng.</summary><author><name>Thu Hà</name></author>
      <updated>2026-01-14T09:00:00Z</updated></entry></feed>`;
    const feed = ok(parseFeed(atom, 'https://a.vn/feed', NOW));
    expect(feed.format).toBe('atom');
    expect(feed.items).toEqual([
      {
        url: 'https://a.vn/luong-huu.html',
        guid: 'tag:a,2026:1',
        title: 'Lương hưu tăng',
        lead: 'Từ 1/7 lương hưu tăng.',
        body: '',
        author: 'Thu Hà',
        publishedAt: '2026-01-14T09:00:00.000Z',
        images: [],
      },
    ]);
  });

  it('reads news sitemaps and orders a sitemap index newest first', () => {
    const sitemap = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://s.vn/a.html</loc><news:news><news:title>Tin A</news:title><news:publication_date>2026-01-14T08:00:00+07:00</news:publication_date></news:news></url>
      <url><loc>https://s.vn/b.html</loc><lastmod>2026-01-13</lastmod></url></urlset>`;
    const feed = ok(parseFeed(sitemap, 'https://s.vn/sitemap.xml', NOW));
    expect(feed.items.map((i) => [i.url, i.title, i.publishedAt])).toEqual([
      ['https://s.vn/a.html', 'Tin A', '2026-01-14T01:00:00.000Z'],
      ['https://s.vn/b.html', '', '2026-01-12T17:00:00.000Z'],
    ]);
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sm-1.xml</loc><lastmod>2026-01-01</lastmod></sitemap>
      <sitemap><loc>/sm-2.xml</loc><lastmod>2026-01-14</lastmod></sitemap></sitemapindex>`;
    expect(ok(parseFeed(index, 'https://s.vn/sitemap.xml', NOW)).sitemaps).toEqual([
      'https://s.vn/sm-2.xml',
      'https://s.vn/sm-1.xml',
    ]);
  });

  it('records malformed XML with its line, and HTML or other XML as not a feed', () => {
    const truncated = RSS.slice(0, RSS.indexOf('<item><title>Bài không ngày'));
    expect(parseFeed(truncated, BASE, NOW)).toMatchObject({ ok: false, code: 'malformed_xml' });
    const crossed = '<rss><channel><item><title>x</item></title></channel></rss>';
    expect(parseFeed(crossed, BASE, NOW)).toMatchObject({
      ok: false,
      code: 'malformed_xml',
      message: expect.stringMatching(/line 1/),
    });
    expect(parseFeed('<!DOCTYPE html><html><body>Trang chủ</body></html>', BASE, NOW)).toMatchObject({
      ok: false,
      code: 'not_a_feed',
    });
    expect(parseFeed('<?xml version="1.0"?><svg></svg>', BASE, NOW)).toMatchObject({ ok: false, code: 'not_a_feed' });
    expect(parseFeed('', BASE, NOW)).toMatchObject({ ok: false, code: 'not_a_feed' });
    expect(parseFeed('<rss><channel></channel></rss> trailing', BASE, NOW)).toMatchObject({
      ok: false,
      code: 'malformed_xml',
    });
  });
});

describe('parseListing', () => {
  const page = `<html><body><a href="/">Trang chủ</a>
    <h3 class="title-news"><a href="/a.html" title="Tin A đầy đủ">Tin A</a></h3>
    <h3 class="title-news"><a href="https://other.vn/b.html">Tin B</a></h3>
    <h3 class="title-news"><a href="/a.html#binh-luan">Tin A lần nữa</a></h3></body></html>`;

  it('takes the links the selector picks, absolute and once each', () => {
    const result = parseListing(page, 'https://bao.vn/thoi-su/', 'h3.title-news');
    expect(result).toMatchObject({ ok: true, duplicates: 1 });
    if (!result.ok) return;
    expect(result.items.map((i) => [i.url, i.title])).toEqual([
      ['https://bao.vn/a.html', 'Tin A đầy đủ'],
      ['https://other.vn/b.html', 'Tin B'],
    ]);
  });

  it('records a selector that matches nothing or is not CSS', () => {
    expect(parseListing(page, 'https://bao.vn/', '.khong-co')).toMatchObject({
      ok: false,
      code: 'selector_matched_nothing',
    });
    expect(parseListing(page, 'https://bao.vn/', '[[')).toMatchObject({ ok: false, code: 'selector_matched_nothing' });
  });
});
