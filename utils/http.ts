/**
 * Reading pages over HTTP the same way in the CLI, the sweep and the extension: a size cap
 * applied while the body streams (a 1 GB answer is never held), and network failures named in
 * Chinese (Node's fetch says only "fetch failed" and hides the reason in `cause`).
 */

/** The largest page GovLint reads, from a file or the network. */
export const MAX_BYTES = 50 * 1024 * 1024;

/** A body over MAX_BYTES; the message names the URL. */
export class TooLarge extends Error {}

/** Reads a response body as it streams, stopping at MAX_BYTES. */
export async function readCapped(res: Response, url: string, max = MAX_BYTES): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > max) {
    await res.body?.cancel();
    throw new TooLarge(`网页过大（${(declared / 1048576).toFixed(1)} MB，上限 ${Math.round(max / 1048576)} MB）：${url}`);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new TooLarge(`网页过大（超过 ${Math.round(max / 1048576)} MB 上限，已停止读取）：${url}`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function isTimeout(e: unknown): boolean {
  return e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError');
}

const NETWORK_ZH: Record<string, string> = {
  ECONNREFUSED: '连接被拒绝（服务器没有在该端口提供服务）',
  ENOTFOUND: '找不到该主机（域名无法解析）：请检查网址拼写和网络',
  EAI_AGAIN: '域名暂时无法解析：请检查网络后重试',
  ECONNRESET: '连接被服务器中断',
  ETIMEDOUT: '连接超时',
  EHOSTUNREACH: '无法到达该主机',
  ENETUNREACH: '网络不可达',
  UND_ERR_SOCKET: '连接被服务器中断',
  UND_ERR_CONNECT_TIMEOUT: '连接超时',
  CERT_HAS_EXPIRED: '网站证书已过期',
  DEPTH_ZERO_SELF_SIGNED_CERT: '网站使用自签名证书',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: '无法验证网站证书',
  ERR_TLS_CERT_ALTNAME_INVALID: '网站证书与域名不符',
};

/** True when a fetch failed on too many redirects (Node: "redirect count exceeded"; browsers give a bare TypeError). */
export function isRedirectLoop(e: unknown): boolean {
  const cause = (e as { cause?: { message?: string } })?.cause;
  return /redirect/i.test(cause?.message ?? '');
}

/** A failed fetch's reason, in Chinese. */
export function networkErrorZh(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (e as { code?: string })?.code ?? '';
  if (NETWORK_ZH[code]) return NETWORK_ZH[code];
  if (isRedirectLoop(e)) return '重定向次数过多（可能是重定向循环）';
  if (/bad port/i.test(cause?.message ?? '')) return '端口不允许访问（浏览器同样会拒绝该端口）';
  return `网络错误${code ? `（${code}）` : ''}：请确认网址能在浏览器中打开`;
}
