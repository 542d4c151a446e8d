/**
 * End-to-end harness: the built extension (.output/chrome-mv3) in Debian's Chromium, driven by
 * playwright-core, with fixture pages served from 127.0.0.1 under *.gov.cn host names
 * (--host-resolver-rules maps them to the loopback; nothing leaves the machine).
 */
import { mkdtempSync, rmSync, existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION = join(ROOT, '.output/chrome-mv3');

export function chromiumPath(): string {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']) if (p && existsSync(p)) return p;
  throw new Error('找不到 Chromium：请先运行 `node scripts/ensure-chromium.mjs`（Debian：apt-get install -y chromium）');
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface Site {
  server: Server;
  port: number;
  /** http://<host>:<port> — a *.gov.cn name that resolves to 127.0.0.1 inside the browser. */
  origin(host?: string): string;
  /** Replace or add a route: path → handler (or HTML string). */
  route(path: string, body: string | Handler): void;
  close(): Promise<void>;
}

export async function serve(routes: Record<string, string | Handler> = {}): Promise<Site> {
  const table = new Map(Object.entries(routes));
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const r = table.get(path);
    if (r === undefined) {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end('<h1>404</h1>');
      return;
    }
    if (typeof r === 'string') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(r);
      return;
    }
    await r(req, res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    origin: (host = 'www.cnx.gov.cn') => `http://${host}:${port}`,
    route: (path, body) => table.set(path, body),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export interface Browser {
  context: BrowserContext;
  /** The extension's service worker at launch (MV3 may stop it later: read state with inExtension). */
  worker: Worker;
  extensionId: string;
  /** Opens an extension page (popup.html, dashboard.html …) as a normal tab. */
  openExtensionPage(path: string): Promise<Page>;
  downloads: string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  downloads?: string;
  /** The unpacked extension to load (default: the build in .output/chrome-mv3). */
  extension?: string;
  /** A browser profile to reuse (an update over an earlier install); kept on close. */
  userDataDir?: string;
  /** More Chromium switches (e.g. --disable-blink-features=HighlightAPI for an engine without it). */
  args?: string[];
}

export async function launch(opts: LaunchOptions = {}): Promise<Browser> {
  const extension = opts.extension ?? EXTENSION;
  if (!existsSync(join(extension, 'manifest.json'))) throw new Error('扩展尚未构建：请先运行 `npx wxt build`');
  const userDataDir = opts.userDataDir ?? mkdtempSync(join(tmpdir(), 'govlint-e2e-'));
  const downloads = opts.downloads ?? mkdtempSync(join(tmpdir(), 'govlint-dl-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloads,
    args: [
      `--disable-extensions-except=${extension}`,
      `--load-extension=${extension}`,
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1, MAP *.xn--zfr164b 127.0.0.1, MAP *.example.com 127.0.0.1',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--lang=zh-CN',
      ...(opts.args ?? []),
    ],
  });
  let [worker] = context.serviceWorkers();
  worker ??= await context.waitForEvent('serviceworker');
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    downloads,
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    close: async () => {
      await context.close();
      if (!opts.userDataDir) rmSync(userDataDir, { recursive: true, force: true });
      // A downloads folder the harness made is its to remove; one the test passed in is the test's.
      if (!opts.downloads) rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/**
 * Evaluates in an extension page kept open for the purpose: it shares the extension's origin
 * (IndexedDB, storage) and its APIs (tabs, action) with the service worker, but unlike the
 * worker it is not stopped and restarted by MV3 under the test's feet.
 */
export async function inExtension<A, R>(b: Browser, fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const held = b as Browser & { __probe?: Promise<Page> };
  held.__probe ??= b.openExtensionPage('options.html');
  const page = await held.__probe;
  return page.evaluate(fn as any, arg) as Promise<R>;
}

/** The extension's stored findings for a URL, read from the extension's real IndexedDB. */
export async function storedFindings(b: Browser, url: string): Promise<{ ruleId: string; status: string; level: string; message: string; fingerprint: string }[]> {
  return inExtension(b, async (u: string) => {
    // Opening a database that does not exist yet would create it empty: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === 'govlint')) return [];
    const db: IDBDatabase = await new Promise((ok, err) => {
      const r = indexedDB.open('govlint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => err(r.error);
    });
    if (!db.objectStoreNames.contains('findings')) {
      db.close();
      return [];
    }
    const all: any[] = await new Promise((ok, err) => {
      const r = db.transaction('findings').objectStore('findings').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => err(r.error);
    });
    db.close();
    return all.filter((f) => f.url === u).map((f) => ({ ruleId: f.ruleId, status: f.status, level: f.level, message: f.message, fingerprint: f.fingerprint }));
  }, url);
}

/** Waits until the store holds a finding of `ruleId` for the URL; returns the URL's findings then. */
export function findingsOnceReported(b: Browser, url: string, ruleId: string, what: string) {
  return waitFor(async () => {
    const f = await storedFindings(b, url);
    return f.some((x) => x.ruleId === ruleId) ? f : null;
  }, what);
}

/** Every record of one object store of the extension's IndexedDB (read inside the worker). */
export async function readStore<T = Record<string, unknown>>(b: Browser, storeName: string): Promise<T[]> {
  return inExtension(b, async (name: string) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'govlint')) return [];
    const db: IDBDatabase = await new Promise((ok, err) => {
      const r = indexedDB.open('govlint');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => err(r.error);
    });
    if (!db.objectStoreNames.contains(name)) {
      db.close();
      return [];
    }
    const all: any[] = await new Promise((ok, err) => {
      const r = db.transaction(name).objectStore(name).getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => err(r.error);
    });
    db.close();
    return all;
  }, storeName) as Promise<T[]>;
}

/** The action badge text of the tab showing `url`. */
export async function badgeFor(b: Browser, url: string): Promise<string> {
  return inExtension(b, async (u: string) => {
    const tabId = await tabIdOf(u);
    if (tabId === null) return '<no tab>';
    return (globalThis as any).chrome.action.getBadgeText({ tabId });

    async function tabIdOf(url: string): Promise<number | null> {
      const tabs: { id?: number; url?: string }[] = await (globalThis as any).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)?.id ?? null;
    }
  }, url);
}

/** The id of the tab showing `url` (for popup.html?tabId=…). */
export async function tabIdFor(b: Browser, url: string): Promise<number> {
  return inExtension(b, async (u: string) => {
    const tabs: { id?: number; url?: string }[] = await (globalThis as any).chrome.tabs.query({});
    const id = tabs.find((t) => t.url === u)?.id;
    if (id === undefined) throw new Error('no tab shows ' + u);
    return id;
  }, url);
}

/** Polls until `fn` returns a truthy value (the audit runs after the page settles). */
export async function waitFor<T>(fn: () => Promise<T | null | undefined | false | ''>, what: string, timeoutMs = 20000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last as T;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`等待超时：${what}（最后的值：${JSON.stringify(last)}）`);
}

export function fixture(path: string): string {
  return readFileSync(join(ROOT, 'tests/fixtures', path), 'utf8');
}
