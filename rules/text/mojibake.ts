/**
 * Tell-tale characters of UTF-8 text decoded as GBK (鍙戝竷 for 发布), derived, not guessed:
 * take the 3,755 characters of GB 2312 level 1 (the national list of the most common hanzi,
 * decoded from their GB 2312 codes), encode each as UTF-8 and decode the bytes as GBK the way a
 * wrongly declared page is read. A UTF-8 hanzi is 3 bytes, so GBK pairs (b1 b2), (b3 b1′),
 * (b2′ b3′) … : we collect what each of those pairs decodes to. Characters that are themselves
 * common (level 1) are dropped, so ordinary text never counts as a tell.
 * Uses the WHATWG `gbk` TextDecoder (Node with ICU, every browser).
 */

export interface MojibakeTables {
  /** Characters a GBK misreading produces that are not common characters themselves. */
  tells: Set<string>;
  /** GB 2312 level 1. */
  common: Set<string>;
  /** X = decode(b1 b2) of a common character → the b3 bytes of those characters. */
  thirdOf: Map<string, Set<number>>;
  /** Y = decode(b3 L), L a UTF-8 lead byte of a hanzi → [b3, L]. */
  straddle: Map<string, [number, number]>;
  /** L → { decode(b2 b3) of the common characters with lead byte L }. */
  tailsByLead: Map<number, Set<string>>;
  /** Per UTF-16 code unit: 1 = a tell, 2 = a straddle character (bit flags), for fast scans. */
  flags: Uint8Array;
}

let cache: MojibakeTables | null = null;

function gbkDecoder(): TextDecoder | null {
  try {
    return new TextDecoder('gbk');
  } catch {
    return null;
  }
}

export function mojibakeTables(): MojibakeTables {
  if (cache) return cache;
  const dec = gbkDecoder();
  const t: MojibakeTables = { tells: new Set(), common: new Set(), thirdOf: new Map(), straddle: new Map(), tailsByLead: new Map(), flags: new Uint8Array(65536) };
  if (!dec) return (cache = t);
  for (let hi = 0xb0; hi <= 0xd7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd') t.common.add(ch);
    }
  const one = (a: number, b: number): string | null => {
    const s = dec.decode(new Uint8Array([a, b]));
    return s.length === 1 && s !== '\ufffd' && s.charCodeAt(0) >= 0x80 ? s : null;
  };
  const enc = new TextEncoder();
  const leads = new Set<number>();
  const thirds = new Set<number>();
  for (const ch of t.common) {
    const [b1, b2, b3] = enc.encode(ch);
    leads.add(b1);
    thirds.add(b3);
    const x = one(b1, b2); // first pair of an even-aligned character
    if (x) {
      let s = t.thirdOf.get(x);
      if (!s) t.thirdOf.set(x, (s = new Set()));
      s.add(b3);
      t.tells.add(x);
    }
    const z = one(b2, b3); // last pair of an odd-aligned character
    if (z) {
      let s = t.tailsByLead.get(b1);
      if (!s) t.tailsByLead.set(b1, (s = new Set()));
      s.add(z);
      t.tells.add(z);
    }
  }
  for (const b3 of thirds)
    for (const l of leads) {
      const y = one(b3, l); // the pair straddling two characters
      if (y) {
        t.straddle.set(y, [b3, l]);
        t.tells.add(y);
      }
    }
  for (const c of t.common) t.tells.delete(c);
  for (const c of '，。、；：？！“”‘’（）《》…—·') t.tells.delete(c);
  for (const c of t.tells) t.flags[c.charCodeAt(0)] |= 1;
  for (const c of t.straddle.keys()) t.flags[c.charCodeAt(0)] |= 2;
  return (cache = t);
}

/**
 * Adjacent pairs that only a GBK misreading of UTF-8 produces: (X, Y) where X is the first
 * pair of a common character and Y straddles its last byte and the next character's lead byte,
 * or (Y, Z) where Z is the last pair of a common character whose lead byte Y ends with.
 * Two adjacent tells in real text are rare; two that also fit byte for byte are rarer still.
 */
export function mojibakeBigrams(text: string): { count: number; first: number } {
  const t = mojibakeTables();
  const fits = (i: number): boolean => {
    if (i < 0 || i + 1 >= text.length) return false;
    // Every fitting pair has a straddle character in it: skip the rest without a lookup.
    if (!((t.flags[text.charCodeAt(i)] | t.flags[text.charCodeAt(i + 1)]) & 2)) return false;
    const a = text[i];
    const b = text[i + 1];
    const yb = t.straddle.get(b);
    if (yb && t.thirdOf.get(a)?.has(yb[0])) return true;
    const ya = t.straddle.get(a);
    return !!ya && !!t.tailsByLead.get(ya[1])?.has(b);
  };
  let count = 0;
  let first = -1;
  let prev = false;
  let cur = fits(0);
  for (let i = 0; i + 1 < text.length; i++) {
    const next = fits(i + 1);
    // A fitting pair counts when it has a tell in it or continues a chain of fitting pairs
    // (鎵逛骇 for 批产: 逛 and 骇 are common characters, the chain is not).
    if (cur && ((t.flags[text.charCodeAt(i)] | t.flags[text.charCodeAt(i + 1)]) & 1 || prev || next)) {
      count++;
      if (first < 0) first = i;
    }
    prev = cur;
    cur = next;
  }
  return { count, first };
}

/** Share of the hanzi in `text` that are tells, and their count. */
export function mojibakeScore(text: string): { tells: number; han: number } {
  const { flags } = mojibakeTables();
  let n = 0;
  let han = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (flags[c] & 1) n++;
  }
  return { tells: n, han };
}
