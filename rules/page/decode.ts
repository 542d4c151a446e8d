/**
 * Bytes → HTML text with the right charset: BOM first, then the HTTP header, then a
 * <meta charset> / http-equiv in the first 4 KB, else UTF-8 — and when UTF-8 fails on
 * bytes that nothing declared, GB18030 (a superset of GBK/GB2312), the usual on older
 * county sites. TextDecoder knows gbk/gb18030 in Node and in browsers alike.
 *
 * A saved file has lost its HTTP header, and a CMS template often keeps `<meta charset=gb2312>`
 * after the site moved to UTF-8 (the server's header then wins in the browser). So when only the
 * meta speaks, bytes that are valid UTF-8 with multi-byte characters are read as UTF-8: GBK text
 * of any length is almost never valid UTF-8 by chance. UTF-16 without a BOM (every other byte
 * zero in ASCII markup) is recognised by its zero bytes.
 */

export interface Decoded {
  html: string;
  charset: string;
}

const ALIASES: Record<string, string> = { gb2312: 'gbk', 'x-gbk': 'gbk', gbk: 'gbk', gb18030: 'gb18030', 'utf8': 'utf-8' };

function normalizeCharset(c: string | undefined | null): string | null {
  if (!c) return null;
  const k = c.trim().toLowerCase().replace(/^["']|["']$/g, '');
  const name = ALIASES[k] ?? k;
  try {
    new TextDecoder(name);
    return name;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  return normalizeCharset(/charset\s*=\s*([^;\s]+)/i.exec(contentType ?? '')?.[1]);
}

export function sniffMetaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return normalizeCharset(m?.[1]);
}

export function decodeHtml(bytes: Uint8Array, contentType?: string | null): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { html: new TextDecoder('utf-8').decode(bytes.subarray(3)), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { html: new TextDecoder('utf-16le').decode(bytes.subarray(2)), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { html: new TextDecoder('utf-16be').decode(bytes.subarray(2)), charset: 'utf-16be' };
  const unmarked = utf16WithoutBom(bytes);
  if (unmarked) return { html: new TextDecoder(unmarked).decode(bytes), charset: unmarked };
  const header = charsetFromContentType(contentType);
  if (header) return { html: new TextDecoder(header).decode(bytes), charset: header };
  const meta = sniffMetaCharset(bytes);
  if (meta && meta !== 'utf-8') {
    const utf8 = strictUtf8(bytes);
    if (utf8 !== null && /[^\x00-\x7f]/.test(utf8)) return { html: utf8, charset: 'utf-8' };
  }
  if (meta) return { html: new TextDecoder(meta).decode(bytes), charset: meta };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { html: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}

function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** UTF-16 without a BOM: in the first 512 bytes, most odd (LE) or even (BE) bytes are zero. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero < half * 0.1) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero < half * 0.1) return 'utf-16be';
  return null;
}
