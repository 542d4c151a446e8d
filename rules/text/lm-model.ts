/**
 * The typo model's binary file (rules/model/typo-model.bin, built by scripts/build-model.mjs),
 * read in place: every table is a typed-array view on the ArrayBuffer, so "loading" is parsing a
 * header of a few sections. Nothing is rebuilt per start — an MV3 service worker is stopped after
 * ~30 s idle and a per-start table build would be paid again on the next page.
 *
 * - Lexicon: an open-addressing hash table of words of ≤ 4 UTF-16 units packed into two u32
 *   (c0<<16|c1, c2<<16|c3). A word's slot is its id; unigram and backoff costs sit beside it.
 * - Bigrams: rows by the first word's slot (CSR), next-word slots sorted in each row (binary search).
 * - Confusion sets: source characters sorted, each with candidate characters and their kind.
 * Costs are −ln p in steps of `step` (u8).
 */

export interface LmMeta {
  version: number;
  cap: number;
  step: number;
  maxLen: number;
  oovCost: number;
  kinds: string[];
  counts: Record<string, number>;
}

/** Kinds of confusion, as the build numbers them. */
export const SAME_TONE = 0;
export const OTHER_TONE = 1;
export const FUZZY = 2;
export const SHAPE = 3;

export class LmModel {
  readonly meta: LmMeta;
  private readonly mask: number;
  private readonly lexk: Uint32Array;
  private readonly lexu: Uint8Array;
  private readonly lexb: Uint8Array;
  private readonly birs: Uint32Array;
  private readonly bico: Uint32Array;
  private readonly biva: Uint8Array;
  private readonly cons: Uint16Array;
  private readonly cono: Uint32Array;
  private readonly conc: Uint16Array;
  private readonly conk: Uint8Array;
  readonly step: number;

  constructor(buf: ArrayBuffer) {
    const dv = new DataView(buf);
    const magic = String.fromCharCode(dv.getUint8(0), dv.getUint8(1), dv.getUint8(2), dv.getUint8(3));
    if (magic !== 'GLTM' || dv.getUint32(4, true) !== 1) throw new Error('typo model: not a GLTM v1 file');
    const n = dv.getUint32(8, true);
    const sec = new Map<string, [number, number]>();
    for (let i = 0; i < n; i++) {
      const p = 12 + i * 12;
      const name = String.fromCharCode(dv.getUint8(p), dv.getUint8(p + 1), dv.getUint8(p + 2), dv.getUint8(p + 3));
      sec.set(name, [dv.getUint32(p + 4, true), dv.getUint32(p + 8, true)]);
    }
    const get = (name: string): [number, number] => {
      const s = sec.get(name);
      if (!s) throw new Error(`typo model: section ${name} missing`);
      return s;
    };
    const u8 = (name: string) => new Uint8Array(buf, ...get(name));
    const u16 = (name: string) => {
      const [o, l] = get(name);
      return new Uint16Array(buf, o, l >> 1);
    };
    const u32 = (name: string) => {
      const [o, l] = get(name);
      return new Uint32Array(buf, o, l >> 2);
    };
    this.meta = JSON.parse(new TextDecoder().decode(u8('META'))) as LmMeta;
    this.mask = this.meta.cap - 1;
    this.step = this.meta.step;
    this.lexk = u32('LEXK');
    this.lexu = u8('LEXU');
    this.lexb = u8('LEXB');
    this.birs = u32('BIRS');
    this.bico = u32('BICO');
    this.biva = u8('BIVA');
    this.cons = u16('CONS');
    this.cono = u32('CONO');
    this.conc = u16('CONC');
    this.conk = u8('CONK');
  }

  /** Slot of the packed word, or −1. Must hash as scripts/build-model.mjs slotHash. */
  slot(hi: number, lo: number): number {
    let h = Math.imul(hi ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul((lo + 0x7f4a7c15) | 0, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x27d4eb2f);
    h ^= h >>> 13;
    let s = (h >>> 0) & this.mask;
    const k = this.lexk;
    for (;;) {
      const khi = k[2 * s];
      if (khi === 0) return -1;
      if (khi === hi && k[2 * s + 1] === lo) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** Slot of a word (≤ 4 UTF-16 units), or −1. */
  lookup(word: string): number {
    if (word.length === 0 || word.length > 4) return -1;
    const c = (i: number) => (i < word.length ? word.charCodeAt(i) : 0);
    return this.slot(((c(0) << 16) | c(1)) >>> 0, ((c(2) << 16) | c(3)) >>> 0);
  }

  /** −ln p(word). */
  uni(slot: number): number {
    return this.lexu[slot] * this.step;
  }

  /** −ln p(next | prev), with the backoff estimate when the pair is not stored. */
  trans(prev: number, next: number): number {
    if (prev < 0) return this.lexu[next] * this.step;
    const bc = this.bico;
    let lo = this.birs[prev];
    let hi = this.birs[prev + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = bc[mid];
      if (v === next) return this.biva[mid] * this.step;
      if (v < next) lo = mid + 1;
      else hi = mid - 1;
    }
    return (this.lexb[prev] + this.lexu[next]) * this.step;
  }

  /** The candidates of one character: [start, end) into candChar/candKind, empty when none. */
  confusionRange(code: number): [number, number] {
    const s = this.cons;
    let lo = 0;
    let hi = s.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = s[mid];
      if (v === code) return [this.cono[mid], this.cono[mid + 1]];
      if (v < code) lo = mid + 1;
      else hi = mid - 1;
    }
    return [0, 0];
  }

  candChar(i: number): number {
    return this.conc[i];
  }

  candKind(i: number): number {
    return this.conk[i];
  }
}

const cache = new WeakMap<ArrayBuffer, LmModel>();

/** The model over a buffer, made once per buffer (the loaders keep the buffer for the worker's life). */
export function lmModelOf(buf: ArrayBuffer): LmModel {
  let m = cache.get(buf);
  if (!m) cache.set(buf, (m = new LmModel(buf)));
  return m;
}
