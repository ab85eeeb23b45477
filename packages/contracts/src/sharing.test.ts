import { describe, expect, it } from 'vitest';
import { urlMatchesNetwork, webHost, ZCreateShareRequest, ZLeaderboardQuery, ZUpdateShareRequest } from './sharing.js';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((i) => `${i.path.join('.')}:${i.message}`);

describe('webHost', () => {
  it('reads the host of http and https addresses only', () => {
    expect(webHost('https://WWW.Facebook.com/an/posts/1?x=1')).toBe('www.facebook.com');
    expect(webHost('http://zalo.me:8080')).toBe('zalo.me');
    expect(webHost('ftp://facebook.com/a')).toBeNull();
    expect(webHost('https://user@facebook.com/a')).toBeNull();
    expect(webHost('https://localhost/a')).toBeNull();
    expect(webHost('https://facebook.com/a b')).toBeNull();
  });
});

describe('urlMatchesNetwork', () => {
  it('accepts a network’s domains and their subdomains, not look-alikes', () => {
    expect(urlMatchesNetwork('facebook', 'https://m.facebook.com/story.php?id=1')).toBe(true);
    expect(urlMatchesNetwork('youtube', 'https://youtu.be/abc')).toBe(true);
    expect(urlMatchesNetwork('facebook', 'https://facebook.com.evil.example/x')).toBe(false);
    expect(urlMatchesNetwork('tiktok', 'https://nottiktok.com/x')).toBe(false);
    expect(urlMatchesNetwork('other', 'https://baohiemxahoi.gov.vn/tin')).toBe(true);
  });
});

describe('ZCreateShareRequest', () => {
  const valid = { network: 'zalo', url: 'https://zalo.me/s/1', sharedOn: '2026-03-01' };

  it('defaults unknown reach to null and trims the address', () => {
    const parsed = ZCreateShareRequest.parse({ ...valid, url: '  https://zalo.me/s/1 ' });
    expect(parsed).toMatchObject({ url: 'https://zalo.me/s/1', views: null, shares: null });
  });

  it('reports each wrong field with its code', () => {
    const result = ZCreateShareRequest.safeParse({ ...valid, views: -3, comments: 1.5 });
    expect(issues(result).sort()).toEqual(['comments:validation.invalid_type', 'views:validation.too_small']);
    expect(issues(ZCreateShareRequest.safeParse({ ...valid, url: 'https://facebook.com/p' }))).toEqual([
      'url:validation.share_url_network',
    ]);
    expect(issues(ZCreateShareRequest.safeParse({ ...valid, url: 'zalo.me/s/1' }))).toEqual([
      'url:validation.share_url',
    ]);
    expect(issues(ZCreateShareRequest.safeParse({ ...valid, reach: 5 }))).toHaveLength(1);
  });
});

describe('ZUpdateShareRequest', () => {
  it('needs the version and checks the network only when both fields are sent', () => {
    expect(ZUpdateShareRequest.safeParse({ views: 4 }).success).toBe(false);
    expect(ZUpdateShareRequest.safeParse({ version: 1, url: 'https://tiktok.com/@a/video/1' }).success).toBe(true);
    expect(
      issues(ZUpdateShareRequest.safeParse({ version: 1, network: 'youtube', url: 'https://tiktok.com/x' })),
    ).toEqual(['url:validation.share_url_network']);
  });
});

describe('ZLeaderboardQuery', () => {
  it('refuses a period that ends before it starts', () => {
    expect(issues(ZLeaderboardQuery.safeParse({ from: '2026-05-01', to: '2026-04-01' }))).toEqual([
      'to:validation.date_order',
    ]);
  });
});
