/**
 * robots.txt, as RFC 9309 reads it: the group for our user agent (else `*`), Allow and Disallow
 * matched by the longest pattern (`*` any run, `$` the end), Allow winning a tie; Crawl-delay
 * (not in the RFC, but what government servers that set it mean) as a floor on the sweep's delay.
 * A robots.txt that is missing (4xx) allows everything; one that cannot be read (5xx, network)
 * disallows everything for the sweep, as the RFC says, so a failing server is not crawled harder.
 */

export interface Robots {
  allowed(url: string): boolean;
  /** Crawl-delay of our group in ms, or null. */
  delayMs: number | null;
  /** Why everything is disallowed, when it is for a reason other than the file's rules. */
  why?: string;
}

interface Rule {
  allow: boolean;
  pattern: string;
  re: RegExp;
}

export const ALLOW_ALL: Robots = { allowed: () => true, delayMs: null };
export const DISALLOW_ALL: Robots = { allowed: () => false, delayMs: null };

function toRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp('^' + body + (anchored ? '$' : ''));
}

/** Parses robots.txt text for the product token `agent` (a group's User-agent names it, case-insensitively). */
export function parseRobots(text: string, agent = 'govlint'): Robots {
  type Group = { agents: string[]; rules: Rule[]; delay: number | null };
  const groups: Group[] = [];
  let current: Group | null = null;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const m = /^([A-Za-z-]+)\s*:\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const value = m[2].trim();
    if (key === 'user-agent') {
      if (!current || !lastWasAgent) groups.push((current = { agents: [], rules: [], delay: null }));
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (!current) continue;
    if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value === '') continue;
      const pattern = value.startsWith('/') || value.startsWith('*') ? value : '/' + value;
      current.rules.push({ allow: key === 'allow', pattern, re: toRegExp(pattern) });
    } else if (key === 'crawl-delay') {
      const s = Number(value);
      if (Number.isFinite(s) && s >= 0) current.delay = Math.min(s, 60) * 1000;
    }
  }
  const token = agent.toLowerCase();
  const ours = groups.filter((g) => g.agents.some((a) => a.replace(/\/.*$/, '') === token));
  const chosen = ours.length ? ours : groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== null);
  return {
    delayMs: delays.length ? Math.max(...delays) : null,
    allowed(url: string): boolean {
      let path: string;
      try {
        const u = new URL(url);
        path = u.pathname + u.search;
      } catch {
        return false;
      }
      if (path === '/robots.txt') return true;
      let best: Rule | null = null;
      for (const r of rules) {
        if (!r.re.test(path)) continue;
        if (!best || r.pattern.length > best.pattern.length || (r.pattern.length === best.pattern.length && r.allow)) best = r;
      }
      return !best || best.allow;
    },
  };
}

/** The robots answer for a fetched robots.txt: its status decides as RFC 9309 §2.3.1 says. */
export function robotsFromResponse(status: number, text: string, agent?: string): Robots {
  if (status >= 200 && status < 300) return parseRobots(text, agent);
  if (status >= 400 && status < 500) return ALLOW_ALL;
  return DISALLOW_ALL;
}
