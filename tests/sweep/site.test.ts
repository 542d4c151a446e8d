/**
 * The sweep fixture site is a fair test of the sweep: deterministic, of the announced size, every
 * page reachable from /, and every planted defect reported by the engine on its page while the
 * defect-free pages carry no warn/error finding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHtml, extractFor, MemoryLookups } from '../../rules/run';
import { decodeHtml } from '../../rules/page/decode';
import type { AuditLookups, LinkCheckResult, PageLink } from '../../rules/types';
import { generateSite, idCheckChar, orgCheckDigit, RULE_OF, type FixtureSite } from './site';
import { serveSite, SITE_HOST, type SiteServer } from './server';

const TODAY = '2026-12-01';
const ORIGIN = `http://${SITE_HOST}`;

function isHtml(site: FixtureSite, path: string): boolean {
  const f = site.files.get(path);
  return !!f && f.status === 200 && /^text\/html/.test(f.headers['Content-Type'] ?? '');
}

function textOf(site: FixtureSite, path: string): { html: string; charset: string } {
  const f = site.files.get(path)!;
  return decodeHtml(new Uint8Array(f.body), f.headers['Content-Type']);
}

/** Root-relative hrefs and srcs of a page (the site writes no other kind for its own pages). */
function linksOf(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
    const v = m[1].replace(/&amp;/g, '&');
    if (v.startsWith('/')) out.push(v);
  }
  return out;
}

/**
 * What a sweep with a store knows: link checks answered from the site's own files (the
 * background checker, without a network) and the index numbers of every page of the site
 * (index-number/duplicate, the site's index-number shape).
 */
function lookupsFor(site: FixtureSite): AuditLookups {
  const store = new MemoryLookups();
  for (const path of site.files.keys()) {
    if (!isHtml(site, path)) continue;
    const { html, charset } = textOf(site, path);
    store.add(extractFor(html, ORIGIN + path, { today: TODAY }, charset));
  }
  return {
    urlsWithIndexNumber: (n, except) => store.urlsWithIndexNumber(n, except),
    indexNumberShapes: (s) => store.indexNumberShapes(s),
    async checkLinks(links: PageLink[]): Promise<LinkCheckResult[]> {
      return links.map((l) => {
        const u = new URL(l.url);
        const f = site.files.get(u.pathname + u.search);
        if (!f) return { url: l.url, status: 404, ms: 0 };
        if (f.redirect) return { url: l.url, status: null, error: 'network', ms: 0 }; // redirect loop
        return { url: l.url, status: f.status, ms: 0 };
      });
    },
  };
}

describe('sweep fixture site', () => {
  it('is deterministic: two runs give the same files, bytes and plan', () => {
    for (const size of ['small', 'full'] as const) {
      const a = generateSite({ today: TODAY, size });
      const b = generateSite({ today: TODAY, size });
      expect([...a.files.keys()]).toEqual([...b.files.keys()]);
      for (const [k, f] of a.files) expect(Buffer.compare(f.body, b.files.get(k)!.body), k).toBe(0);
      expect(a.planted).toEqual(b.planted);
      expect(a.columns).toEqual(b.columns);
      expect(a.counts).toEqual(b.counts);
    }
    // Another seed gives another site of the same shape.
    const c = generateSite({ today: TODAY, size: 'small', seed: 7 });
    const d = generateSite({ today: TODAY, size: 'small' });
    expect(c.counts.articles).toBe(d.counts.articles);
    expect(c.articles).not.toEqual(d.articles);
  });

  it('has the announced size', () => {
    const full = generateSite({ today: TODAY, size: 'full' });
    const small = generateSite({ today: TODAY, size: 'small' });
    expect(full.counts.htmlPages).toBeGreaterThanOrEqual(350);
    expect(full.counts.htmlPages).toBeLessThanOrEqual(450);
    expect(small.counts.htmlPages).toBeGreaterThanOrEqual(30);
    expect(small.counts.htmlPages).toBeLessThanOrEqual(55);
    // ~10 % of the full site's articles carry one defect; every kind is planted in both sizes.
    const rate = full.counts.defectiveArticles / full.counts.articles;
    expect(rate).toBeGreaterThan(0.08);
    expect(rate).toBeLessThan(0.12);
    for (const s of [full, small]) for (const k of Object.keys(RULE_OF)) expect(s.counts.byKind[k], k).toBeGreaterThan(0);
    expect(full.columns.map((c) => c.verdict).sort()).toEqual([...Array(11).fill('fresh'), 'empty', 'stale'].sort());
  });

  it('checks its codes with the national check digits', () => {
    expect(orgCheckDigit('D2143569')).toBe('X'); // GB 11714 example D2143569-X
    expect(idCheckChar('11010519491231002')).toBe('X'); // GB 11643 example
  });

  for (const size of ['small', 'full'] as const) {
    it(`${size}: every page is linked from a page reachable from /`, () => {
      const site = generateSite({ today: TODAY, size });
      const seen = new Set<string>(['/']);
      const queue = ['/'];
      const disallowed = new Set(site.disallowed);
      while (queue.length) {
        const p = queue.shift()!;
        const f = site.files.get(p);
        if (!f || disallowed.has(p)) continue;
        const next = f.redirect ? [f.redirect] : isHtml(site, p) || f.status === 500 ? linksOf(textOf(site, p).html) : [];
        for (const l of next) {
          if (seen.has(l)) continue;
          seen.add(l);
          queue.push(l);
        }
      }
      const unreachable = [...site.files.keys()].filter((p) => !seen.has(p) && p !== '/robots.txt');
      expect(unreachable).toEqual([]);
      // What is linked but not there is exactly the planted 404 targets.
      const dangling = [...seen].filter((p) => !site.files.has(p)).sort();
      expect(dangling).toEqual([...site.missing].sort());
      for (const p of site.disallowed) expect(seen.has(p)).toBe(true);
      // Root-relative only: no link to the site's own host written out.
      for (const [p, f] of site.files) if (isHtml(site, p)) expect(textOf(site, p).html, p).not.toMatch(/(?:href|src)="https?:\/\/(?:www\.sweep-test|127\.0\.0\.1)/);
    });

    it(`${size}: column paging links every page to the next (下一页) but the last`, async () => {
      const site = generateSite({ today: TODAY, size });
      for (const c of site.columns) {
        let path: string | null = c.path;
        let pages = 0;
        while (path) {
          const { html, charset } = textOf(site, path);
          const r = await auditHtml(html, ORIGIN + path, { profile: 'daily', today: TODAY }, { charset });
          expect(r.model.kind, path).toBe('listing');
          const next = r.model.listing!.paging.nextUrl;
          expect(html.includes('>下一页</a>'), path).toBe(!!next);
          path = next ? next.slice(ORIGIN.length) : null;
          pages++;
        }
        expect(pages).toBeGreaterThan(0);
      }
      const query = site.columns.find((c) => c.path.endsWith('list.html'))!;
      expect(site.files.has(`${query.path}?page=2`)).toBe(true);
    });
  }

  it.each(['small', 'full'] as const)('%s: the engine reports every planted defect on its page and nothing else at warn/error', async (size) => {
    const site = generateSite({ today: TODAY, size });
    const lookups = lookupsFor(site);
    const expected = new Map<string, string[]>();
    for (const p of site.planted) expected.set(p.path, [...(expected.get(p.path) ?? []), p.ruleId]);
    const problems: string[] = [];
    let audited = 0;
    for (const path of site.files.keys()) {
      if (!isHtml(site, path)) continue;
      const { html, charset } = textOf(site, path);
      const r = await auditHtml(html, ORIGIN + path, { profile: 'daily', today: TODAY }, { lookups, charset });
      expect(r.diagnostics).toEqual([]);
      audited++;
      const want = expected.get(path) ?? [];
      const got = r.findings.filter((f) => f.level === 'warn' || f.level === 'error');
      for (const id of new Set(want)) {
        const n = got.filter((f) => f.ruleId === id).length;
        const need = want.filter((w) => w === id).length;
        if (n < need) problems.push(`${path}: planted ${id} ×${need}, engine reports ${n}`);
      }
      for (const f of got) if (!want.includes(f.ruleId)) problems.push(`${path}: unplanted ${f.ruleId} (${f.level}): ${f.message}`);
      if (site.articles.includes(path)) expect(r.model.kind, path).toBe('detail');
    }
    expect(problems).toEqual([]);
    expect(audited).toBe(site.counts.htmlPages);
  });

  it('small: the GBK pages decode from the header and from <meta> alone', () => {
    const site = generateSite({ today: TODAY, size: 'small' });
    const h = site.files.get(site.specials.gbkHeader)!;
    const m = site.files.get(site.specials.gbkMeta)!;
    expect(h.headers['Content-Type']).toBe('text/html; charset=gbk');
    expect(m.headers['Content-Type']).toBe('text/html');
    expect(m.body.toString('latin1')).toContain('<meta charset="gb2312">');
    expect(h.body.includes(Buffer.from('办事指南', 'utf8'))).toBe(false); // really GBK bytes
    for (const f of [h, m]) expect(decodeHtml(new Uint8Array(f.body), f.headers['Content-Type']).html).toContain('办事指南');
  });
});

describe('sweep fixture server', () => {
  let server: SiteServer;
  let site: FixtureSite;
  beforeAll(async () => {
    site = generateSite({ today: TODAY, size: 'small' });
    server = await serveSite(site);
  });
  afterAll(() => server.close());

  it('serves pages under any Host, counts hits by path + query, and serves the specials', async () => {
    const home = await fetch(server.url('/'));
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('清河县人民政府');
    // Any Host header: what Chromium sends for www.sweep-test.gov.cn:PORT.
    const { request } = await import('node:http');
    const viaHost = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/robots.txt', headers: { Host: `${SITE_HOST}:${server.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(viaHost).toBe(200);
    expect(server.url('/a', SITE_HOST)).toBe(`http://${SITE_HOST}:${server.port}/a`);

    const q = site.columns.find((c) => c.path.endsWith('list.html'))!.path;
    expect((await fetch(server.url(`${q}?page=2`))).status).toBe(200);
    expect(server.hits.get(`${q}?page=2`)).toBe(1);
    expect(server.hits.get(q)).toBeUndefined();

    expect((await fetch(server.url(site.specials.error500))).status).toBe(500);
    expect((await fetch(server.url(site.missing[0]))).status).toBe(404);
    const loop = await fetch(server.url(site.specials.loop[0]), { redirect: 'manual' });
    expect(loop.status).toBe(302);
    expect(loop.headers.get('location')).toBe(site.specials.loop[1]);
    await expect(fetch(server.url(site.specials.loop[0]))).rejects.toThrow();
    const pdf = await fetch(server.url(site.specials.pdf));
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await fetch(server.url(site.specials.doc))).headers.get('content-type')).toBe('application/msword');
    expect(await (await fetch(server.url('/robots.txt'))).text()).toContain('Disallow: /private/');
    const gbk = await fetch(server.url(site.specials.gbkHeader));
    expect(gbk.headers.get('content-type')).toBe('text/html; charset=gbk');

    const t0 = performance.now();
    expect((await fetch(server.url(site.specials.slow))).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(2900);
  }, 15000);
});
