/**
 * Bytes → HTML text with the right charset: BOM first, then the HTTP header, then a
 * <meta charset> / http-equiv in the first 4 KB, else UTF-8 — and when UTF-8 fails on
 * bytes that nothing declared, GB18030 (a superset of GBK/GB2312), the usual on older
 * county sites. TextDecoder knows gbk/gb18030 in Node and in browsers alike.
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
  const declared = charsetFromContentType(contentType) ?? sniffMetaCharset(bytes);
  if (declared) return { html: new TextDecoder(declared).decode(bytes), charset: declared };
  try {
    return { html: new TextDecoder('utf-8', { fatal: true }).decode(bytes), charset: 'utf-8' };
  } catch {
    return { html: new TextDecoder('gb18030').decode(bytes), charset: 'gb18030' };
  }
}
