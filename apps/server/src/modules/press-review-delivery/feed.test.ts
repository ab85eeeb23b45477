import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderAtom, renderRss, type FeedDocument } from './feed.js';

const feed: FeedDocument = {
  id: '4b1f0a9e-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
  title: 'Điểm báo hằng ngày — Trung tâm Truyền thông',
  subtitle: 'Theo đăng ký của Nguyễn Văn Lãnh',
  selfUrl: 'https://loa.example/api/feeds/reviews/abc.atom',
  siteUrl: 'https://loa.example/reviews',
  author: 'Trung tâm Truyền thông',
  now: new Date('2026-11-25T05:00:00Z'),
  items: [
    {
      id: '9d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e90',
      title: 'Điểm báo ngày 25/11/2026 & "lưu ý" <mới>',
      publishedAt: '2026-11-25T00:10:00.000Z',
      url: 'https://loa.example/reviews/9d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e90?a=1&b=2',
      summary: '5 tin bài.',
      html: '<h2 id="muc-risk">Tin tiêu cực</h2><p>Lương hưu &amp; BHYT</p>',
    },
    {
      id: '1d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e91',
      title: 'Điểm báo ngày 24/11/2026',
      publishedAt: '2026-11-24T00:05:00.000Z',
      url: 'https://loa.example/reviews/1d9a3c1e-0a51-4c8e-9f0a-2f1b6c7d8e91',
      summary: '3 tin bài.',
      html: '<p>Ba tin</p>',
    },
  ],
};

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

describe('renderAtom', () => {
  const xml = renderAtom(feed);
  const doc = parse(xml);

  it('is an Atom feed with one entry per edition, newest date as the feed’s date', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"')).toBe(
      true,
    );
    expect(doc.querySelectorAll('entry')).toHaveLength(2);
    expect(doc.querySelector('feed > updated')!.textContent).toBe('2026-11-25T00:10:00.000Z');
    expect(doc.querySelector('feed > id')!.textContent).toBe(`urn:uuid:${feed.id}`);
    expect(doc.querySelector('feed > author > name')!.textContent).toBe('Trung tâm Truyền thông');
  });

  it('escapes titles, addresses and the HTML content so they read back unchanged', () => {
    const entry = doc.querySelector('entry')!;
    expect(entry.querySelector('title')!.textContent).toBe(feed.items[0]!.title);
    // linkedom's XML mode leaves entities in attributes as written: check the markup itself.
    expect(xml).toContain(`href="${feed.items[0]!.url.replace('&', '&amp;')}"`);
    expect(entry.querySelector('content')!.getAttribute('type')).toBe('html');
    expect(entry.querySelector('content')!.textContent).toBe(feed.items[0]!.html);
    expect(entry.querySelector('content')!.children).toHaveLength(0);
  });

  it('dates an empty feed by the time it is built', () => {
    expect(parse(renderAtom({ ...feed, items: [] })).querySelector('feed > updated')!.textContent).toBe(
      '2026-11-25T05:00:00.000Z',
    );
  });
});

describe('renderRss', () => {
  const doc = parse(renderRss(feed));

  it('is an RSS 2.0 channel with an item per edition, RFC 822 dates and a stable guid', () => {
    expect(doc.querySelector('rss')!.getAttribute('version')).toBe('2.0');
    const items = [...doc.querySelectorAll('item')];
    expect(items).toHaveLength(2);
    expect(items[0]!.querySelector('pubDate')!.textContent).toBe('Wed, 25 Nov 2026 00:10:00 GMT');
    expect(items[0]!.querySelector('guid')!.textContent).toBe(`urn:uuid:${feed.items[0]!.id}`);
    expect(items[0]!.querySelector('link')!.textContent).toBe(feed.items[0]!.url);
    expect(items[0]!.querySelector('description')!.textContent).toBe(feed.items[0]!.html);
    expect(doc.querySelector('channel > language')!.textContent).toBe('vi');
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`a<b>&"c'\u0001\u000bd`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });
});
