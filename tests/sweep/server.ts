/**
 * Serves a FixtureSite (tests/sweep/site.ts) with node:http on 127.0.0.1. It answers any Host
 * header: tests reach it as http://www.sweep-test.gov.cn:PORT/ from Chromium (with
 * --host-resolver-rules) and as http://127.0.0.1:PORT/ from the CLI. `hits` counts requests per
 * path + query, so a test can prove that no page was fetched twice and that robots.txt's
 * disallowed pages were never fetched.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FixtureSite } from './site';

export const SITE_HOST = 'www.sweep-test.gov.cn';

export interface SiteServer {
  port: number;
  /** Absolute URL of a root-relative path, on 127.0.0.1 or on the given host name. */
  url(path: string, host?: string): string;
  /** Requests per path + query (HEAD and GET alike). */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function serveSite(site: FixtureSite, opts: { port?: number } = {}): Promise<SiteServer> {
  const hits = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    let key: string;
    try {
      const u = new URL(req.url ?? '/', 'http://localhost');
      key = u.pathname + u.search;
    } catch {
      key = req.url ?? '/';
    }
    hits.set(key, (hits.get(key) ?? 0) + 1);
    const file = site.files.get(key);
    const send = () => {
      timers.delete(timer);
      if (res.destroyed) return;
      if (!file) {
        const body = Buffer.from('<!DOCTYPE html><html><head><meta charset="utf-8"><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>');
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      const headers: Record<string, string | number> = { ...file.headers, 'Content-Length': file.body.length };
      if (file.redirect) headers.Location = file.redirect;
      res.writeHead(file.status, headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
    };
    const timer = setTimeout(send, file?.delayMs ?? 0);
    timers.add(timer);
  };
  const server = createServer(handle);
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hits,
    url(path: string, host?: string) {
      const p = path.startsWith('/') ? path : `/${path}`;
      return `http://${host ?? '127.0.0.1'}:${port}${p}`;
    },
    close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
