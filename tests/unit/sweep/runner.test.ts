/**
 * The sweep runner on a small in-memory site (fetch answered from a map, with real extractPage +
 * audit): breadth first within depth, a column's later pages at the column's depth, robots.txt,
 * retries, redirects, non-HTML listed, the page limit, and pause/resume without fetching twice.
 */
import { describe, expect, it } from 'vitest';
import { auditForSweep, countLevels } from '../../../utils/sweep/page-audit';
import { MemoryQueue } from '../../../utils/sweep/queue';
import { Sweep, type SweepDeps } from '../../../utils/sweep/runner';

const TODAY = '2026-12-01';
const ORIGIN = 'http://www.demo.gov.cn';

type Answer = { status?: number; type?: string; body?: string; redirect?: string; fail?: 'network' };

const page = (title: string, body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`;
const list = (name: string, items: [string, string][], next?: string) =>
  page(name, `<div class="list"><ul>${items.map(([href, date]) => `<li><a href="${href}">${name}的一条信息标题文字</a><span>${date}</span></li>`).join('')}</ul>${next ? `<a href="${next}">下一页</a>` : ''}</div>`);

function site(): Map<string, Answer> {
  const m = new Map<string, Answer>();
  m.set('/robots.txt', { type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' });
  m.set('/', { body: page('示范县人民政府', '<a href="/zwdt/index.html">政务动态</a><a href="/tzgg/index.html">通知公告</a><a href="/private/a.html">内部</a><a href="/files/a.pdf">附件</a><a href="http://other.gov.cn/x.html">外站</a><a href="/old.html">旧址</a><a href="/flaky.html">偶尔出错</a><a href="/down.html">坏页</a>') });
  m.set('/zwdt/index.html', { body: list('政务动态', [['/zwdt/a1.html', '2026-11-30'], ['/zwdt/a2.html', '2026-11-20']], '/zwdt/index_1.html') });
  m.set('/zwdt/index_1.html', { body: list('政务动态', [['/zwdt/a3.html', '2026-10-01']], '/zwdt/index_2.html') });
  m.set('/zwdt/index_2.html', { body: list('政务动态', [['/zwdt/a4.html', '2026-09-01']]) });
  m.set('/tzgg/index.html', { body: list('通知公告', [['/tzgg/b1.html', '2025-01-05']]) });
  for (const p of ['/zwdt/a1.html', '/zwdt/a2.html', '/zwdt/a3.html', '/zwdt/a4.html', '/tzgg/b1.html']) m.set(p, { body: page('一篇文章', `<p>正文内容，<a href="/deep/${p.slice(1).replace(/\//g, '-')}">更深一层</a></p>`) });
  m.set('/files/a.pdf', { type: 'application/pdf', body: '%PDF-1.4' });
  m.set('/old.html', { status: 301, redirect: '/zwdt/index.html' });
  m.set('/private/a.html', { body: page('内部', '') });
  m.set('/down.html', { status: 500, body: 'error' });
  return m;
}

function fakeFetch(m: Map<string, Answer>, hits: Map<string, number>, flaky = { left: 1 }): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    let url = new URL(String(input));
    for (let i = 0; i < 5; i++) {
      const path = url.pathname + url.search;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/flaky.html' && flaky.left-- > 0) throw new TypeError('fetch failed');
      const a = path === '/flaky.html' ? { body: page('恢复了', '') } : m.get(path);
      if (!a) return answer(url, 404, 'text/html', 'not found');
      if (a.redirect) {
        url = new URL(a.redirect, url);
        continue;
      }
      return answer(url, a.status ?? 200, a.type ?? 'text/html; charset=utf-8', a.body ?? '');
    }
    throw new TypeError('fetch failed', { cause: new Error('redirect count exceeded') });
  }) as typeof fetch;
}

function answer(url: URL, status: number, type: string, body: string): Response {
  const r = new Response(body, { status, headers: { 'content-type': type } });
  Object.defineProperty(r, 'url', { value: url.href });
  return r;
}

function deps(queue: MemoryQueue, hits: Map<string, number>, m = site(), flaky = { left: 1 }): SweepDeps {
  return {
    queue,
    today: TODAY,
    fetch: fakeFetch(m, hits, flaky),
    audit: (p) => auditForSweep(p, { today: TODAY }, (_model, result) => countLevels(result)),
  };
}

const OPTS = { start: [ORIGIN + '/'], depth: 2, delayMs: 0, retryBaseMs: 1, maxAttempts: 2 };

describe('sweep runner', () => {
  it('sweeps the site within depth and scope, once per page', async () => {
    const hits = new Map<string, number>();
    const sweep = await Sweep.open(deps(new MemoryQueue(), hits), OPTS);
    const rec = await sweep.run();
    expect(rec.status).toBe('done');
    const by = new Map(sweep.list().map((e) => [new URL(e.url).pathname, e]));
    // A column's later pages keep its depth (1), however far the paging goes.
    expect(by.get('/zwdt/index_2.html')).toMatchObject({ state: 'done', depth: 1, role: 'paging' });
    // Articles at depth 2 are read; what they link to (depth 3) is not queued.
    expect(by.get('/zwdt/a4.html')?.state).toBe('done');
    expect([...by.keys()].some((p) => p.startsWith('/deep/'))).toBe(false);
    expect(by.get('/private/a.html')?.state).toBe('skipped');
    expect(hits.get('/private/a.html')).toBeUndefined();
    // A file is asked for once, to see that it answers; it is listed, never parsed.
    expect(by.get('/files/a.pdf')).toMatchObject({ state: 'file', file: true });
    expect(hits.get('/files/a.pdf')).toBe(1);
    expect([...by.keys()].some((p) => p === '/x.html')).toBe(false);
    // A redirect onto a page already known is not audited twice.
    expect(by.get('/old.html')).toMatchObject({ state: 'skipped', error: { reason: 'duplicate' } });
    // A network error is retried; a 500 that stays is given up after maxAttempts, with its status.
    expect(by.get('/flaky.html')).toMatchObject({ state: 'done', attempts: 2 });
    expect(by.get('/down.html')).toMatchObject({ state: 'failed', attempts: 2, error: { status: 500 } });
    for (const [path, n] of hits) if (path !== '/flaky.html' && path !== '/down.html' && path !== '/zwdt/index.html') expect(n, path).toBe(1);
  });

  it('gives each column its 检查指标 line: class, newest date, verdict', async () => {
    const sweep = await Sweep.open(deps(new MemoryQueue(), new Map()), OPTS);
    await sweep.run();
    const cols = sweep.list().filter((e) => e.column);
    const byName = new Map(cols.map((e) => [e.column!.name, e.column!]));
    expect(byName.get('政务动态')).toMatchObject({ newest: '2026-11-30', verdict: 'fresh', maxAgeDays: 14 });
    expect(byName.get('通知公告')).toMatchObject({ newest: '2025-01-05', verdict: 'stale' });
    // A column's later pages have no line of their own.
    expect(cols.filter((e) => e.url.includes('index_')).length).toBe(0);
  });

  it('stops at the page limit and says how many it left', async () => {
    const sweep = await Sweep.open(deps(new MemoryQueue(), new Map()), { ...OPTS, maxPages: 4 });
    const rec = await sweep.run();
    expect(sweep.list().filter((e) => !e.file).length).toBe(4);
    expect(rec.overLimit).toBeGreaterThan(0);
  });

  it('resumes a paused sweep from its queue without fetching a finished page again', async () => {
    const queue = new MemoryQueue();
    const hits = new Map<string, number>();
    const first = await Sweep.open({ ...deps(queue, hits), onEntry: (e) => e.state === 'done' && first.pause() }, OPTS);
    await first.run();
    expect(first.record.status).toBe('paused');
    const doneBefore = first.list().filter((e) => e.state === 'done').length;
    expect(doneBefore).toBeGreaterThan(0);
    // A new runner over the same store: the state is all in the queue.
    const hitsAfter = new Map<string, number>();
    const second = await Sweep.open(deps(queue, hitsAfter));
    expect(second.record.status).toBe('paused');
    await second.run();
    expect(second.record.status).toBe('done');
    const fetchedBefore = new Set([...hits.keys()].filter((p) => p !== '/robots.txt'));
    for (const p of hitsAfter.keys()) if (p !== '/robots.txt') expect(fetchedBefore.has(p) && p !== '/flaky.html' && p !== '/down.html', p).toBe(false);
    const all = second.list().filter((e) => e.state === 'done').map((e) => e.url);
    expect(new Set(all).size).toBe(all.length);
    const fresh = await Sweep.open(deps(new MemoryQueue(), new Map()), OPTS);
    await fresh.run();
    expect(all.length).toBe(fresh.list().filter((e) => e.state === 'done').length);
  });

  it('keeps pages in flight queued when cancelled', async () => {
    const queue = new MemoryQueue();
    const sweep = await Sweep.open({ ...deps(queue, new Map()), onEntry: () => sweep.cancel() }, OPTS);
    await sweep.run();
    expect(sweep.record.status).toBe('cancelled');
    const saved = await queue.load();
    expect(saved.record?.status).toBe('cancelled');
    expect(saved.entries.some((e) => e.state === 'queued')).toBe(true);
  });

  it('refuses bad start URLs and options with a message', async () => {
    await expect(Sweep.open(deps(new MemoryQueue(), new Map()), { start: ['ftp://x'] })).rejects.toThrow(/不是有效的网址/);
    await expect(Sweep.open(deps(new MemoryQueue(), new Map()), { start: [ORIGIN], concurrency: 0 })).rejects.toThrow(/并发数/);
  });
});
