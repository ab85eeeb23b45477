import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './article-extract.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/monitoring');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');

describe('extractArticle', () => {
  it('reads an outlet article page: metadata, JSON-LD date and author, body paragraphs, absolute images', () => {
    const url = 'https://vnexpress.net/gan-5-000-doanh-nghiep-4990001.html?utm_source=rss';
    const article = extractArticle(fixture('bai-vnexpress.html'), url)!;
    expect(article.title).toBe('Gần 5.000 doanh nghiệp nợ đóng bảo hiểm xã hội kéo dài');
    expect(article.lead).toMatch(/^Hơn 4\.800 doanh nghiệp tại TP HCM nợ bảo hiểm xã hội/);
    expect(article.author).toBe('Lê Tuyết');
    expect(article.publishedAt).toBe('2026-01-14T00:30:00.000Z');
    expect(article.canonicalUrl).toBe(
      'https://vnexpress.net/gan-5-000-doanh-nghiep-no-dong-bao-hiem-xa-hoi-keo-dai-4990001.html',
    );
    const paragraphs = article.body.split('\n');
    expect(paragraphs.some((p) => p.startsWith('Theo Bảo hiểm xã hội TP HCM'))).toBe(true);
    expect(paragraphs.some((p) => p.startsWith('Theo Bộ luật Hình sự'))).toBe(true);
    expect(article.body).not.toMatch(/Giá vàng hôm nay|Xem nhiều/);
    expect(article.images).toEqual([
      'https://i1-vnexpress.vnecdn.net/2026/01/14/no-bhxh-1.jpg',
      'https://vnexpress.net/2026/01/14/no-bhxh-2.jpg',
    ]);
  });

  it('falls back to <time>, the byline, the first paragraph as lead and <base> for lazy images', () => {
    const article = extractArticle(fixture('bai-time-byline.html'), 'https://baomoi-thu.vn/xa-hoi/mao-danh.html')!;
    expect(article.title).toBe('Người dân phản ánh bị làm phiền bởi cuộc gọi mạo danh cơ quan BHXH');
    expect(article.publishedAt).toBe('2026-01-10T14:15:00.000Z');
    expect(article.author).toBe('Theo Hà Anh');
    expect(article.lead).toMatch(/^Thời gian gần đây, nhiều người dân ở Hà Nội/);
    expect(article.body).toMatch(/tổng đài 1900 9068/);
    expect(article.images).toEqual(['https://baomoi-thu.vn/xa-hoi/anh/canh-bao.jpg']);
    expect(article.canonicalUrl).toBeNull();
  });

  it("uses the feed item's fields where the page has nothing, and gives up without any title", () => {
    const page = fixture('trang-khong-co-bai.html');
    const fallback = {
      title: 'Tin từ RSS',
      lead: 'Sapo từ RSS',
      body: 'Nội dung từ RSS',
      author: 'Tác giả RSS',
      publishedAt: '2026-01-01T00:00:00.000Z',
      images: ['https://x.vn/a.jpg'],
    };
    expect(extractArticle(page, 'https://x.vn/p.html', fallback)).toEqual({
      url: 'https://x.vn/p.html',
      title: 'Tin từ RSS',
      lead: 'Sapo từ RSS',
      body: 'Nội dung từ RSS',
      author: 'Tác giả RSS',
      publishedAt: '2026-01-01T00:00:00.000Z',
      canonicalUrl: null,
      images: ['https://x.vn/a.jpg'],
    });
    expect(extractArticle(page, 'https://x.vn/p.html')).toBeNull();
  });
});
