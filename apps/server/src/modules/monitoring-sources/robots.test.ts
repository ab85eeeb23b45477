import { describe, expect, it } from 'vitest';
import { robotsAllows, robotsForStatus, robotsPolicy } from './robots.js';

const ROBOTS = `# a news site
User-agent: *
Disallow: /admin/
Disallow: /*.pdf$
Allow: /admin/public/

User-agent: Googlebot
User-agent: Bingbot
Disallow: /

User-agent: loa
Disallow: /search
Crawl-delay: 10
`;

describe('robots.txt', () => {
  it('takes our own group when there is one', () => {
    const policy = robotsPolicy(ROBOTS, 'loa');
    expect(robotsAllows(policy, '/search?q=bhxh')).toBe(false);
    expect(robotsAllows(policy, '/admin/x')).toBe(true);
    expect(policy.crawlDelaySeconds).toBe(10);
  });

  it('falls back to the * group, with the longest match winning and Allow winning ties', () => {
    const policy = robotsPolicy(ROBOTS, 'otherbot');
    expect(robotsAllows(policy, '/admin/settings')).toBe(false);
    expect(robotsAllows(policy, '/admin/public/page')).toBe(true);
    expect(robotsAllows(policy, '/bao-cao.pdf')).toBe(false);
    expect(robotsAllows(policy, '/bao-cao.pdf?x=1')).toBe(true);
    expect(robotsAllows(policy, '/thoi-su/bai.html')).toBe(true);
    const tie = robotsPolicy('User-agent: *\nDisallow: /a\nAllow: /a', 'loa');
    expect(robotsAllows(tie, '/a')).toBe(true);
  });

  it('treats groups that share rules as one, and an empty Disallow as allowing everything', () => {
    expect(robotsAllows(robotsPolicy(ROBOTS, 'bingbot'), '/x')).toBe(false);
    expect(robotsAllows(robotsPolicy('User-agent: *\nDisallow:', 'loa'), '/x')).toBe(true);
  });

  it('disallows everything on 401/403 and allows everything when robots.txt is missing or unreachable', () => {
    expect(robotsAllows(robotsForStatus(403), '/x')).toBe(false);
    expect(robotsAllows(robotsForStatus(401), '/')).toBe(false);
    expect(robotsAllows(robotsForStatus(404), '/x')).toBe(true);
    expect(robotsAllows(robotsForStatus(503), '/x')).toBe(true);
    expect(robotsAllows(robotsForStatus(null), '/x')).toBe(true);
  });
});
