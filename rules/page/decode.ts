/**
 * Bytes → HTML text with the right charset: BOM first, then the HTTP header, then a
 * <meta charset> / http-equiv in the first 4 KB, else UTF-8 — and when UTF-8 fails on
 * bytes that nothing declared, GB18030 (a superset of GBK/GB2312), the usual on older
 * county sites. TextDecoder knows gbk/gb18030 in Node and in browsers alike.
 *
 * A saved file has lost its HTTP header, and a CMS template often keeps `<meta charset=gb2312>`
 * after the site moved to UTF-8 (the server's header then wins in the browser). So when only the
 * meta speaks, bytes that are valid UTF-8 with multi-byte characters are read as UTF-8: GBK text
 * of any length is almost never valid UTF-8 by chance. UTF-16 without a BOM is recognised by
 * reading its first 4 KB as text (utf16WithoutBom).
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

/**
 * UTF-16 without a BOM. Read the first 4 KB both ways: the right reading is text — tabs, line ends,
 * printable ASCII, Latin-1, general and CJK punctuation, CJK ideographs, full-width forms — and
 * HTML markup makes at least a tenth of it ASCII (a zero byte beside each letter). Zero-parity
 * counts alone fail on Chinese-heavy pages (ideographs have no zero bytes), and UTF-8 or GBK text
 * read as UTF-16 never has the ASCII share.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 8) return null;
  for (const le of [true, false]) {
    let ascii = 0;
    let texty = 0;
    for (let i = 0; i < n; i += 2) {
      const u = le ? bytes[i] | (bytes[i + 1] << 8) : (bytes[i] << 8) | bytes[i + 1];
      if (u === 9 || u === 10 || u === 13 || (u >= 0x20 && u < 0x7f)) {
        ascii++;
        texty++;
      } else if ((u >= 0xa0 && u <= 0xff) || (u >= 0x2000 && u <= 0x206f) || (u >= 0x3000 && u <= 0x303f) || (u >= 0x4e00 && u <= 0x9fff) || (u >= 0xff00 && u <= 0xffef)) texty++;
    }
    const units = n / 2;
    if (ascii >= units * 0.1 && texty >= units * 0.95) return le ? 'utf-16le' : 'utf-16be';
  }
  return null;
}

/**
 * Binary, not text: a known file signature (PDF, ZIP/Office, PNG, JPEG, old Office), or NUL bytes
 * in the first 8 KB of something that does not read as UTF-16 (whose ASCII has a zero beside each
 * letter).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192);
  const sig = (s: number[]) => s.every((b, i) => head[i] === b);
  if (sig([0x25, 0x50, 0x44, 0x46]) || sig([0x50, 0x4b, 0x03, 0x04]) || sig([0x89, 0x50, 0x4e, 0x47]) || sig([0xff, 0xd8, 0xff]) || sig([0xd0, 0xcf, 0x11, 0xe0])) return true;
  if (!head.includes(0)) return false;
  const bom = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  return !bom && utf16WithoutBom(head) === null;
}
