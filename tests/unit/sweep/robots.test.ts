import { describe, expect, it } from 'vitest';
import { parseRobots, robotsFromResponse } from '../../../utils/sweep/robots';

describe('robots.txt', () => {
  const text = ['# a county site', 'User-agent: *', 'Disallow: /private/', 'Allow: /private/open.html', 'Disallow: /*.jsp$', 'Crawl-delay: 2', '', 'User-agent: Baiduspider', 'Disallow: /'].join('\n');
  const r = parseRobots(text);

  it('disallows what the * group disallows, and allows the rest', () => {
    expect(r.allowed('http://x.gov.cn/private/a.html')).toBe(false);
    expect(r.allowed('http://x.gov.cn/xxgk/index.html')).toBe(true);
  });
  it('lets the longest rule win, Allow on a tie', () => {
    expect(r.allowed('http://x.gov.cn/private/open.html')).toBe(true);
  });
  it('reads * and $ in patterns', () => {
    expect(r.allowed('http://x.gov.cn/search/list.jsp')).toBe(false);
    expect(r.allowed('http://x.gov.cn/search/list.jsp?q=1')).toBe(true);
  });
  it('takes Crawl-delay as ms', () => expect(r.delayMs).toBe(2000));
  it('uses the group that names our agent instead of *', () => {
    const ours = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: govlint\nDisallow: /tmp/\n');
    expect(ours.allowed('http://x.gov.cn/a.html')).toBe(true);
    expect(ours.allowed('http://x.gov.cn/tmp/a.html')).toBe(false);
    // Another robot's group is not ours.
    expect(parseRobots('User-agent: Baiduspider\nDisallow: /\n').allowed('http://x.gov.cn/a.html')).toBe(true);
  });
  it('treats a missing robots.txt as allow-all and a failing one as disallow-all (RFC 9309)', () => {
    expect(robotsFromResponse(404, '').allowed('http://x.gov.cn/a.html')).toBe(true);
    expect(robotsFromResponse(503, '').allowed('http://x.gov.cn/a.html')).toBe(false);
  });
});
