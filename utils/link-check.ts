/**
 * The link checker behind link/broken: HEAD first, GET when HEAD is refused; at most `perHost`
 * requests at a time per host (government servers are small and ban bursts); a timeout per
 * request; answers cached per URL for `ttlMs` (a day), in memory and, optionally, through a
 * persistence hook (the background keeps them in IndexedDB). Never throws: every URL gets a
 * result. Uses only `fetch`, AbortController and timers, so it runs the same in the MV3
 * service worker and in Node 20.
 */
import type { LinkCheckResult } from '../rules/types';

export interface LinkCacheEntry {
  result: LinkCheckResult;
  /** When the check was made (ms since the epoch). */
  at: number;
}

/** Where cached answers survive a service worker restart. Errors in it are ignored. */
export interface LinkCachePersistence {
  get(url: string): Promise<LinkCacheEntry | undefined> | LinkCacheEntry | undefined;
  set(url: string, entry: LinkCacheEntry): Promise<void> | void;
}

export interface LinkCheckerOptions {
  /** Requests at once per host (default 2). */
  perHost?: number;
  /** Requests at once overall (default 6). */
  maxConcurrent?: number;
  /** Per request, HEAD and GET each (default 8000). */
  timeoutMs?: number;
  /** How long an answer is reused (default one day). */
  ttlMs?: number;
  fetchImpl?: typeof fetch;
  persistence?: LinkCachePersistence;
  /** Clock, for tests of the cache. */
  now?: () => number;
}

export type LinkChecker = (links: { url: string }[]) => Promise<LinkCheckResult[]>;

/**
 * HEAD answers that do not settle anything: servers that refuse or mishandle HEAD (405, 501),
 * WAFs that block it (403, 400, 429) and frameworks that route only GET (404, 500). A GET decides.
 */
const RETRY_WITH_GET = (status: number) => status >= 400;

class Limiter {
  private active = 0;
  private queue: (() => void)[] = [];
  constructor(private readonly limit: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((r) => this.queue.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.queue.shift()?.();
    }
  }
}

export function createLinkChecker(opts: LinkCheckerOptions = {}): LinkChecker {
  const perHost = Math.max(1, opts.perHost ?? 2);
  const timeoutMs = opts.timeoutMs ?? 8000;
  const ttlMs = opts.ttlMs ?? 86_400_000;
  const fetchImpl = opts.fetchImpl ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const now = opts.now ?? Date.now;
  const global = new Limiter(Math.max(1, opts.maxConcurrent ?? 6));
  const hosts = new Map<string, Limiter>();
  const cache = new Map<string, LinkCacheEntry>();
  const inflight = new Map<string, Promise<LinkCheckResult>>();

  const request = async (url: string, method: 'HEAD' | 'GET'): Promise<Pick<LinkCheckResult, 'status' | 'error'>> => {
    const ctrl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    try {
      const res = await fetchImpl(url, { method, redirect: 'follow', signal: ctrl.signal, credentials: 'omit' });
      // Only the status matters: drop the body without reading it.
      try {
        await res.body?.cancel();
      } catch {
        /* already closed */
      }
      return { status: res.status };
    } catch {
      return { status: null, error: timedOut ? 'timeout' : 'network' };
    } finally {
      clearTimeout(timer);
    }
  };

  const probe = async (url: string): Promise<LinkCheckResult> => {
    const t0 = now();
    let r = await request(url, 'HEAD');
    // A timeout is not retried: a server that did not answer HEAD in time rarely answers GET.
    if ((r.status !== null && RETRY_WITH_GET(r.status)) || r.error === 'network') r = await request(url, 'GET');
    const out: LinkCheckResult = { url, status: r.status, ms: Math.max(0, now() - t0) };
    if (r.error) out.error = r.error;
    return out;
  };

  const hostOf = (url: string) => {
    try {
      return new URL(url).host;
    } catch {
      return '';
    }
  };

  const fresh = (e: LinkCacheEntry | undefined) => !!e && now() - e.at < ttlMs;

  const checkOne = async (url: string): Promise<LinkCheckResult> => {
    const hit = cache.get(url);
    if (hit && fresh(hit)) return { ...hit.result, ms: 0 };
    const pending = inflight.get(url);
    if (pending) return pending;
    const p = (async () => {
      try {
        if (opts.persistence) {
          const stored = await Promise.resolve(opts.persistence.get(url)).catch(() => undefined);
          if (stored && fresh(stored)) {
            cache.set(url, stored);
            return { ...stored.result, ms: 0 };
          }
        }
        if (!/^https?:/i.test(url)) return { url, status: null, error: 'network', ms: 0 } as LinkCheckResult;
        const host = hostOf(url);
        let lim = hosts.get(host);
        if (!lim) hosts.set(host, (lim = new Limiter(perHost)));
        const result = await lim.run(() => global.run(() => probe(url)));
        const entry = { result, at: now() };
        cache.set(url, entry);
        if (opts.persistence) await Promise.resolve(opts.persistence.set(url, entry)).catch(() => undefined);
        return result;
      } catch {
        return { url, status: null, error: 'network', ms: 0 } as LinkCheckResult;
      }
    })();
    inflight.set(url, p);
    void p.finally(() => inflight.delete(url));
    return p;
  };

  return async (links) => {
    try {
      return await Promise.all(links.map((l) => checkOne(l.url)));
    } catch {
      return links.map((l) => ({ url: l.url, status: null, error: 'network' as const, ms: 0 }));
    }
  };
}
