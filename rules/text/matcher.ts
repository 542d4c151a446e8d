/**
 * Multi-pattern matcher (Aho-Corasick over UTF-16 code units) for the text rules' dictionaries.
 *
 * Built once per pattern set and cached (getMatcher): the same dictionaries on the next page,
 * or the next audit, reuse the automaton; user dictionaries rebuild it only when they change.
 * Measured against indexOf-per-pattern and @monyone/aho-corasick in tests/bench/text.bench.ts.
 *
 * Layout, chosen for speed on Chinese text where most characters start no pattern:
 * - transitions out of the root: a direct 65,536-entry table (one array read per character);
 * - all other transitions: one open-addressing hash table keyed by (state, code unit);
 * - per state: its failure link, the pattern that ends there, and a link to the next state on
 *   the failure chain that ends a pattern (so reporting all matches never walks empty links).
 */

export interface MatchHit {
  /** Offset of the first code unit of the match. */
  start: number;
  /** Offset just after the match. */
  end: number;
  /** Index of the pattern in the list the matcher was built from (first one when duplicated). */
  id: number;
}

export class Matcher {
  readonly patterns: readonly string[];
  private rootNext: Int32Array;
  private hKey: Int32Array; // state + 1 (0 = empty slot)
  private hChar: Uint16Array;
  private hVal: Int32Array;
  private hMask: number;
  private fail: Int32Array;
  private outId: Int32Array; // pattern ending at this state, -1 when none
  private outLen: Int32Array;
  private dictLink: Int32Array; // next state on the failure chain with outId >= 0, -1 when none

  constructor(patterns: readonly string[]) {
    this.patterns = patterns;
    // 1. Trie with per-state Maps (build time only).
    const children: Map<number, number>[] = [new Map()];
    const depth: number[] = [0];
    const out: number[] = [-1];
    for (let id = 0; id < patterns.length; id++) {
      const p = patterns[id];
      if (!p) continue;
      let s = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let n = children[s].get(c);
        if (n === undefined) {
          n = children.length;
          children.push(new Map());
          depth.push(depth[s] + 1);
          out.push(-1);
          children[s].set(c, n);
        }
        s = n;
      }
      if (out[s] < 0) out[s] = id;
    }
    const nStates = children.length;

    // 2. Compact transitions.
    this.rootNext = new Int32Array(65536);
    for (const [c, n] of children[0]) this.rootNext[c] = n;
    let edges = 0;
    for (let s = 1; s < nStates; s++) edges += children[s].size;
    let size = 16;
    while (size < edges * 4) size <<= 1; // load factor ≤ 1/4: a miss usually ends at the first slot
    this.hMask = size - 1;
    this.hKey = new Int32Array(size);
    this.hChar = new Uint16Array(size);
    this.hVal = new Int32Array(size);
    for (let s = 1; s < nStates; s++) {
      for (const [c, n] of children[s]) {
        let h = (Math.imul(s, 0x9e3779b1) ^ c) & this.hMask;
        while (this.hKey[h] !== 0) h = (h + 1) & this.hMask;
        this.hKey[h] = s + 1;
        this.hChar[h] = c;
        this.hVal[h] = n;
      }
    }

    // 3. Failure and dictionary links, breadth first.
    this.fail = new Int32Array(nStates);
    this.outId = Int32Array.from(out);
    this.outLen = Int32Array.from(depth);
    this.dictLink = new Int32Array(nStates).fill(-1);
    const queue = new Int32Array(nStates);
    let head = 0;
    let tail = 0;
    for (const n of children[0].values()) {
      this.fail[n] = 0;
      queue[tail++] = n;
    }
    while (head < tail) {
      const s = queue[head++];
      for (const [c, n] of children[s]) {
        let f = this.fail[s];
        let t = this.step(f, c);
        while (t < 0) {
          f = this.fail[f];
          t = this.step(f, c);
        }
        this.fail[n] = t;
        this.dictLink[n] = this.outId[t] >= 0 ? t : this.dictLink[t];
        queue[tail++] = n;
      }
    }
  }

  /** Transition from s on c; -1 when there is none (the root never fails: it returns 0). */
  private step(s: number, c: number): number {
    if (s === 0) return this.rootNext[c];
    let h = (Math.imul(s, 0x9e3779b1) ^ c) & this.hMask;
    const key = s + 1;
    for (;;) {
      const k = this.hKey[h];
      if (k === 0) return -1;
      if (k === key && this.hChar[h] === c) return this.hVal[h];
      h = (h + 1) & this.hMask;
    }
  }

  /** Calls onMatch(start, end, id) for every occurrence of every pattern, overlapping ones included. */
  scan(text: string, onMatch: (start: number, end: number, id: number) => void): void {
    const { rootNext, hKey, hChar, hVal, hMask, fail, outId, outLen, dictLink } = this;
    let s = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        if (s === 0) {
          s = rootNext[c];
          break;
        }
        let h = (Math.imul(s, 0x9e3779b1) ^ c) & hMask;
        const key = s + 1;
        let next = -1;
        for (;;) {
          const k = hKey[h];
          if (k === 0) break;
          if (k === key && hChar[h] === c) {
            next = hVal[h];
            break;
          }
          h = (h + 1) & hMask;
        }
        if (next >= 0) {
          s = next;
          break;
        }
        s = fail[s];
      }
      if (s === 0) continue;
      let o = outId[s] >= 0 ? s : dictLink[s];
      while (o >= 0) {
        onMatch(i + 1 - outLen[o], i + 1, outId[o]);
        o = dictLink[o];
      }
    }
  }

  /** Every occurrence, in order of end offset. */
  findAll(text: string): MatchHit[] {
    const hits: MatchHit[] = [];
    this.scan(text, (start, end, id) => hits.push({ start, end, id }));
    return hits;
  }

  get size(): number {
    return this.patterns.length;
  }
}

const byIdentity = new WeakMap<readonly string[], Matcher>();
const byContent = new Map<string, Matcher>();
const CONTENT_CACHE_MAX = 8;

/**
 * The matcher for this pattern list, built at most once per distinct list: the same array
 * object is found by identity, an equal list (e.g. user dictionaries rebuilt from storage on
 * the next audit) by content. A few lists are kept; the oldest is dropped first.
 */
export function getMatcher(patterns: readonly string[]): Matcher {
  const hit = byIdentity.get(patterns);
  if (hit) return hit;
  const key = patterns.join('\u0000');
  let m = byContent.get(key);
  if (m) {
    byContent.delete(key); // refresh its place in the LRU order
  } else {
    m = new Matcher(patterns);
    if (byContent.size >= CONTENT_CACHE_MAX) byContent.delete(byContent.keys().next().value as string);
  }
  byContent.set(key, m);
  byIdentity.set(patterns, m);
  return m;
}
