/**
 * Tell-tale characters of UTF-8 text decoded as GBK (鍙戝竷 for 发布), derived, not guessed:
 * take the 3,755 characters of GB 2312 level 1 (the national list of the most common hanzi,
 * decoded from their GB 2312 codes), encode each as UTF-8 and decode the bytes as GBK the way a
 * wrongly declared page is read. A UTF-8 hanzi is 3 bytes, so GBK pairs (b1 b2), (b3 b1′),
 * (b2′ b3′) … : we collect what each of those pairs decodes to. Characters that are themselves
 * common (level 1) are dropped, so ordinary text never counts as a tell.
 * Uses the WHATWG `gbk` TextDecoder (Node with ICU, every browser).
 */

let cache: { tells: Set<string>; common: Set<string> } | null = null;

function gbkDecoder(): TextDecoder | null {
  try {
    return new TextDecoder('gbk');
  } catch {
    return null;
  }
}

export function mojibakeTables(): { tells: Set<string>; common: Set<string> } {
  if (cache) return cache;
  const dec = gbkDecoder();
  const common = new Set<string>();
  const tells = new Set<string>();
  if (!dec) return (cache = { tells, common });
  for (let hi = 0xb0; hi <= 0xd7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd') common.add(ch);
    }
  const enc = new TextEncoder();
  const pair = (a: number, b: number) => {
    const s = dec.decode(new Uint8Array([a, b]));
    if (s.length === 1 && s !== '\ufffd' && s.charCodeAt(0) >= 0x3400) tells.add(s);
  };
  const leads = new Set<number>();
  const thirds = new Set<number>();
  for (const ch of common) {
    const [b1, b2, b3] = enc.encode(ch);
    pair(b1, b2); // first pair of an even-aligned character
    pair(b2, b3); // last pair of an odd-aligned character
    leads.add(b1);
    thirds.add(b3);
  }
  for (const b3 of thirds) for (const b1 of leads) pair(b3, b1); // the pair straddling two characters
  for (const c of common) tells.delete(c);
  return (cache = { tells, common });
}

/** Share of the hanzi in `text` that are tells, and their count. */
export function mojibakeScore(text: string): { tells: number; han: number } {
  const { tells } = mojibakeTables();
  let t = 0;
  let han = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x3400 || c > 0x9fff) continue;
    han++;
    if (tells.has(ch)) t++;
  }
  return { tells: t, han };
}
