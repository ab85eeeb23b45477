// robots.txt (RFC 9309): the groups of rules, which group applies to our user agent, and Allow/Disallow by the
// longest matching path pattern (`*` any characters, `$` end of path). Allow wins a tie.

export interface RobotsRule {
  allow: boolean;
  pattern: string;
}

/** The rules that apply to one crawler; `crawlDelaySeconds` when the site asks for one. */
export interface RobotsPolicy {
  rules: RobotsRule[];
  crawlDelaySeconds: number | null;
}

interface Group {
  agents: string[];
  rules: RobotsRule[];
  crawlDelay: number | null;
}

/** The policy of robots.txt `text` for the crawler named `product` (e.g. "loa"), falling back to the `*` group. */
export function robotsPolicy(text: string, product: string): RobotsPolicy {
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const line = rawLine.replace(/#.*$/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], crawlDelay: null };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value) current.rules.push({ allow: key === 'allow', pattern: value });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.crawlDelay = seconds;
    }
  }
  const name = product.toLowerCase();
  const own = groups.filter((g) => g.agents.some((a) => a !== '*' && name.startsWith(a)));
  const chosen = own.length > 0 ? own : groups.filter((g) => g.agents.includes('*'));
  return {
    rules: chosen.flatMap((g) => g.rules),
    crawlDelaySeconds: chosen.map((g) => g.crawlDelay).find((d) => d !== null) ?? null,
  };
}

function patternRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Percent-encodings in upper case, so "/a%2fb" and "/a%2Fb" compare equal. */
function normalisePath(path: string): string {
  return path.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
}

/** Whether `pathAndQuery` ("/tin-tuc/a.html?x=1") may be fetched under `policy`. */
export function robotsAllows(policy: RobotsPolicy, pathAndQuery: string): boolean {
  const path = normalisePath(pathAndQuery || '/');
  let best: RobotsRule | null = null;
  for (const rule of policy.rules) {
    if (!patternRegExp(normalisePath(rule.pattern)).test(path)) continue;
    if (
      !best ||
      rule.pattern.length > best.pattern.length ||
      (rule.pattern.length === best.pattern.length && rule.allow)
    )
      best = rule;
  }
  return best ? best.allow : true;
}

/** What an unreadable robots.txt means: 401/403 forbid everything, any other failure (404, 5xx, network) allows. */
export function robotsForStatus(status: number | null): RobotsPolicy {
  const disallowAll = status === 401 || status === 403;
  return { rules: disallowAll ? [{ allow: false, pattern: '/' }] : [], crawlDelaySeconds: null };
}
