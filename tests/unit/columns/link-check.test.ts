import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkChecker, type LinkCacheEntry } from '../../../utils/link-check';

let server: Server;
let base = '';
const hits = new Map<string, string[]>();
let active = 0;
let maxActive = 0;

function handler(req: IncomingMessage, res: ServerResponse) {
  const path = new URL(req.url!, 'http://x').pathname;
  hits.set(path, [...(hits.get(path) ?? []), req.method!]);
  const send = (status: number) => {
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : '<html>body</html>');
  };
  if (path === '/ok' || path.startsWith('/count')) return send(200);
  if (path === '/missing') return send(404);
  if (path === '/forbidden') return send(403);
  if (path === '/error') return send(500);
  if (path === '/head-refused') return send(req.method === 'HEAD' ? 405 : 200);
  if (path === '/head-forbidden') return send(req.method === 'HEAD' ? 403 : 200);
  if (path === '/redirect') {
    res.writeHead(302, { location: '/missing' });
    return res.end();
  }
  if (path === '/hang') return; // never answers
  if (path.startsWith('/slow')) {
    active++;
    maxActive = Math.max(maxActive, active);
    setTimeout(() => {
      active--;
      send(200);
    }, 40);
    return;
  }
  send(404);
}

beforeAll(async () => {
  server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('createLinkChecker against a local server', () => {
  it('answers 200, 404, 403, 500 and a hanging request (timeout), in input order', async () => {
    const check = createLinkChecker({ timeoutMs: 300 });
    const r = await check(['/ok', '/missing', '/forbidden', '/error', '/hang'].map((p) => ({ url: base + p })));
    expect(r.map((x) => [x.url.slice(base.length), x.status, x.error])).toEqual([
      ['/ok', 200, undefined],
      ['/missing', 404, undefined],
      ['/forbidden', 403, undefined],
      ['/error', 500, undefined],
      ['/hang', null, 'timeout'],
    ]);
  });

  it('tries HEAD first and GET when HEAD is refused', async () => {
    hits.clear();
    const check = createLinkChecker({ timeoutMs: 2000 });
    const [a, b, c] = await check([{ url: `${base}/head-refused` }, { url: `${base}/head-forbidden` }, { url: `${base}/ok` }]);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(hits.get('/head-refused')).toEqual(['HEAD', 'GET']);
    expect(hits.get('/head-forbidden')).toEqual(['HEAD', 'GET']);
    expect(hits.get('/ok')).toEqual(['HEAD']);
  });

  it('follows redirects to the final status', async () => {
    const [r] = await createLinkChecker({ timeoutMs: 2000 })([{ url: `${base}/redirect` }]);
    expect(r.status).toBe(404);
  });

  it('keeps at most perHost requests to one host at a time', async () => {
    maxActive = 0;
    const check = createLinkChecker({ perHost: 2, timeoutMs: 5000 });
    const r = await check(Array.from({ length: 8 }, (_, i) => ({ url: `${base}/slow${i}` })));
    expect(r.every((x) => x.status === 200)).toBe(true);
    expect(maxActive).toBe(2);
  });

  it('answers a URL from its cache within the TTL, asks again after it', async () => {
    hits.clear();
    let clock = 1_000_000;
    const check = createLinkChecker({ timeoutMs: 2000, ttlMs: 1000, now: () => clock });
    const url = `${base}/count`;
    await check([{ url }]);
    const [again] = await check([{ url }, { url }]);
    expect(again).toMatchObject({ status: 200, ms: 0 });
    expect(hits.get('/count')).toHaveLength(1);
    clock += 1001;
    await check([{ url }]);
    expect(hits.get('/count')).toHaveLength(2);
  });

  it('reads and writes the persistence hook', async () => {
    hits.clear();
    const stored = new Map<string, LinkCacheEntry>();
    const url1 = `${base}/count-p1`;
    stored.set(url1, { result: { url: url1, status: 404, ms: 3 }, at: Date.now() });
    const persistence = { get: (u: string) => stored.get(u), set: (u: string, e: LinkCacheEntry) => void stored.set(u, e) };
    const check = createLinkChecker({ timeoutMs: 2000, persistence });
    const [r1, r2] = await check([{ url: url1 }, { url: `${base}/count-p2` }]);
    expect(r1.status).toBe(404); // from the hook: no request made
    expect(hits.get('/count-p1')).toBeUndefined();
    expect(r2.status).toBe(200);
    expect(stored.get(`${base}/count-p2`)?.result.status).toBe(200);
  });

  it('never throws: refused connections, bad URLs and a throwing fetch become results', async () => {
    const refused = createLinkChecker({ timeoutMs: 2000 });
    // Port 9 on 127.0.0.1 (discard) is closed here: the connection is refused.
    const [a, b] = await refused([{ url: 'http://127.0.0.1:9/x' }, { url: 'not a url' }]);
    expect([a.status, a.error]).toEqual([null, 'network']);
    expect([b.status, b.error]).toEqual([null, 'network']);
    const throwing = createLinkChecker({
      fetchImpl: () => {
        throw new Error('boom');
      },
    });
    expect(await throwing([{ url: `${base}/ok` }])).toEqual([{ url: `${base}/ok`, status: null, error: 'network', ms: expect.any(Number) }]);
  });
});
