/** A finding's identity: the URL it is stored under and its fingerprint (a hash of url, rule and key). */
const te = new TextEncoder();

/**
 * FNV-1a 64-bit over UTF-8, as 16 hex digits. Sync and stable across runtimes (SW, pages, Node).
 * Computed on two 32-bit halves: prime 2^40 + 0x1b3, so h*prime = h*0x1b3 + (h << 40).
 */
export function fnv1a64(s: string): string {
  const bytes = te.encode(s);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const loMul = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(loMul / 4294967296);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = loMul >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The URL a page is stored under: the #hash is not part of the page. */
export function normalizeUrl(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function fingerprint(url: string, ruleId: string, key: string): string {
  return fnv1a64(normalizeUrl(url) + '\n' + ruleId + '\n' + key);
}
