import { describe, expect, it } from 'vitest';
import { urlKey } from './url-normalise.js';

const ARTICLE = 'https://vnexpress.net/thoi-su/no-dong-bhxh-4512345.html';

describe('urlKey', () => {
  it('gives the same key to the addresses of one page', () => {
    const variants = [
      ARTICLE,
      'HTTP://VNExpress.NET/thoi-su/no-dong-bhxh-4512345.html',
      'https://www.vnexpress.net/thoi-su/no-dong-bhxh-4512345.html',
      'https://vnexpress.net:443/thoi-su/no-dong-bhxh-4512345.html',
      'http://vnexpress.net:80/thoi-su/no-dong-bhxh-4512345.html#binh-luan',
      'https://vnexpress.net/thoi-su/no-dong-bhxh-4512345.html?utm_source=facebook&utm_medium=social&fbclid=IwAR0x',
      'https://vnexpress.net/thoi-su/no-dong-bhxh-4512345.html?zarsrc=31&gidzl=abc&gclid=xyz',
      'https://m.vnexpress.net/thoi-su/no-dong-bhxh-4512345.html',
      'https://amp.vnexpress.net/thoi-su/no-dong-bhxh-4512345.html',
      'https://vnexpress.net/amp/thoi-su/no-dong-bhxh-4512345.html',
      'https://vnexpress.net/thoi-su/no-dong-bhxh-4512345.amp.html',
      'https://vnexpress.net/thoi-su/no-dong-bhxh-4512345.html?amp',
      'https://vnexpress.net/thoi-su/no-dong-bhxh-4512345.html?outputType=amp',
      '  vnexpress.net/thoi-su/no-dong-bhxh-4512345.html  ',
    ];
    for (const variant of variants) expect(urlKey(variant), variant).toBe(ARTICLE);
  });

  it('strips the trailing slash, a trailing amp segment and an index page', () => {
    expect(urlKey('https://baohiemxahoi.gov.vn/tintuc/')).toBe('https://baohiemxahoi.gov.vn/tintuc');
    expect(urlKey('https://baohiemxahoi.gov.vn/tintuc/amp')).toBe('https://baohiemxahoi.gov.vn/tintuc');
    expect(urlKey('https://baohiemxahoi.gov.vn/tintuc/index.html')).toBe('https://baohiemxahoi.gov.vn/tintuc');
    expect(urlKey('https://baohiemxahoi.gov.vn/')).toBe('https://baohiemxahoi.gov.vn');
  });

  it('keeps the parameters that name the page, sorted', () => {
    expect(urlKey('https://example.vn/news.aspx?id=42&cat=7&utm_campaign=x')).toBe(
      'https://example.vn/news.aspx?cat=7&id=42',
    );
    expect(urlKey('https://example.vn/a?id=2&id=1')).toBe(urlKey('https://example.vn/a?id=1&id=2'));
    expect(urlKey('https://example.vn/a?id=1')).not.toBe(urlKey('https://example.vn/a?id=2'));
    expect(urlKey('https://example.vn/a?outputType=print')).toBe('https://example.vn/a?outputType=print');
  });

  it('keeps what tells pages apart: path case, other ports, other hosts', () => {
    expect(urlKey('https://example.vn/Tin-Tuc')).toBe('https://example.vn/Tin-Tuc');
    expect(urlKey('https://example.vn:8080/a')).toBe('https://example.vn:8080/a');
    expect(urlKey('https://news.example.vn/a')).not.toBe(urlKey('https://example.vn/a'));
    expect(urlKey('https://example.vn/camp')).toBe('https://example.vn/camp');
    expect(urlKey('https://example.vn/example.html')).toBe('https://example.vn/example.html');
  });

  it('drops credentials and folds an internationalised host to its ASCII form', () => {
    expect(urlKey('https://user:secret@example.vn/a')).toBe('https://example.vn/a');
    const key = urlKey('https://bảohiểm.vn/a');
    expect(key).toMatch(/^https:\/\/xn--[a-z0-9-]+\.vn\/a$/);
    expect(urlKey('https://BẢOHIỂM.vn/a')).toBe(key);
    expect(urlKey('https://www.bảohiểm.vn/a'.normalize('NFD'))).toBe(key);
  });

  it('refuses what is not a web address', () => {
    for (const bad of ['', '   ', 'mailto:bhxh@vss.gov.vn', 'javascript:alert(1)', 'ftp://example.vn/a', 'http://']) {
      expect(urlKey(bad), bad).toBeNull();
    }
  });
});
