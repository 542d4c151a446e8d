/**
 * One fetch of the sweep: GET with a timeout, redirects followed by fetch itself (its own loop
 * limit; a loop is named as such), the body read under the size cap and decoded by BOM, header
 * and meta (rules/page/decode.ts: GBK, GB2312, GB18030, Big5, UTF-8 …). What is not HTML (PDF,
 * Office files, images) is classified from its Content-Type and its first bytes and not decoded:
 * the sweep lists it. Every failure is a value with a Chinese message and whether a retry may help;
 * nothing throws.
 */
import { decodeHtml, looksBinary } from '../../rules/page/decode';
import { isRedirectLoop, isTimeout, networkErrorZh, readCapped, TooLarge } from '../http';

export type FetchOutcome =
  | { ok: true; url: string; finalUrl: string; status: number; html: string; charset: string; bytes: number; ms: number }
  | { ok: false; url: string; finalUrl?: string; status?: number; reason: FailReason; message: string; retry: boolean; contentType?: string; ms: number };

export type FailReason = 'timeout' | 'network' | 'http' | 'redirect-loop' | 'too-large' | 'not-html';

export interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** Headers sent with every request (the CLI names itself; a browser keeps its own User-Agent). */
  headers?: Record<string, string>;
  /** 'include' in the extension: intranet sites behind a login answer with the user's session. */
  credentials?: RequestCredentials;
  signal?: AbortSignal;
}

const HTML_TYPE = /^(?:text\/html|application\/xhtml\+xml|text\/plain)?$/i;

/** Is a Content-Type one the sweep parses? A missing one is decided by the bytes. */
export function isHtmlType(contentType: string | null): boolean {
  return HTML_TYPE.test((contentType ?? '').split(';')[0].trim());
}

export async function fetchPage(url: string, opts: FetchOptions = {}): Promise<FetchOutcome> {
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? 20000;
  const t0 = Date.now();
  // One controller for the timeout and the caller's cancel (AbortSignal.any needs Chromium 116; we support 105).
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(new DOMException('timeout', 'TimeoutError')), timeoutMs);
  const onCancel = () => ctl.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onCancel, { once: true });
  try {
    return await fetchWith(url, doFetch, ctl.signal, timeoutMs, t0, opts);
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onCancel);
  }
}

async function fetchWith(url: string, doFetch: typeof fetch, signal: AbortSignal, timeoutMs: number, t0: number, opts: FetchOptions): Promise<FetchOutcome> {
  const fail = (reason: FailReason, message: string, retry: boolean, extra: Partial<FetchOutcome> = {}): FetchOutcome =>
    ({ ok: false, url, reason, message, retry, ms: Date.now() - t0, ...extra }) as FetchOutcome;
  const timeoutZh = `超时（${Math.round(timeoutMs / 1000)} 秒内没有读完）`;
  let res: Response;
  try {
    res = await doFetch(url, { signal, redirect: 'follow', credentials: opts.credentials, headers: opts.headers });
  } catch (e) {
    if (opts.signal?.aborted) return fail('network', '已取消', true);
    if (isTimeout(e) || signal.aborted) return fail('timeout', timeoutZh, true);
    if (isRedirectLoop(e)) return fail('redirect-loop', '重定向次数过多（可能是重定向循环）', false);
    return fail('network', networkErrorZh(e), true);
  }
  const finalUrl = res.url || url;
  const contentType = res.headers.get('content-type');
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    // 429 and 5xx are the server's passing trouble; other 4xx are the link's.
    const retry = res.status === 429 || res.status >= 500;
    return fail('http', `服务器返回 HTTP ${res.status}`, retry, { status: res.status, finalUrl });
  }
  if (!isHtmlType(contentType)) {
    await res.body?.cancel().catch(() => {});
    return fail('not-html', `不是网页（${contentType}），已列出未解析`, false, { status: res.status, finalUrl, contentType: contentType ?? undefined });
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(res, finalUrl);
  } catch (e) {
    if (e instanceof TooLarge) return fail('too-large', e.message, false, { status: res.status, finalUrl });
    if (isTimeout(e) || signal.aborted) return fail('timeout', timeoutZh, true, { status: res.status, finalUrl });
    return fail('network', networkErrorZh(e), true, { status: res.status, finalUrl });
  }
  if (looksBinary(bytes)) return fail('not-html', '不是网页（二进制内容），已列出未解析', false, { status: res.status, finalUrl, contentType: contentType ?? undefined });
  const { html, charset } = decodeHtml(bytes, contentType);
  return { ok: true, url, finalUrl, status: res.status, html, charset, bytes: bytes.length, ms: Date.now() - t0 };
}
