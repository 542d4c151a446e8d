/**
 * Word lattice + bigram Viterbi over a run of Han characters (as UTF-16 codes).
 *
 * The lattice has an edge for every lexicon word of 1–4 characters in the run, and an
 * out-of-vocabulary edge for a single character the lexicon lacks. A Viterbi state is an edge
 * (the last word), since the bigram cost of the next word depends on it; the best path's cost is
 * −ln p of the text under the model, and its words are the segmentation.
 *
 * `sub` replaces one character without copying the run: the detector scores each candidate edit
 * on a window around it, and allocating a string per candidate would cost more than the search.
 */
import type { LmModel } from './lm-model';

export interface Sub {
  at: number;
  code: number;
}

export interface Path {
  cost: number;
  /** Word boundaries of the best path: [start0, end0 = start1, …, end]. */
  cuts: number[];
}

const MAX_LEN = 4;

// Scratch buffers, grown as needed (a run is scored many times; the engine is single-threaded).
let eStart = new Int32Array(256);
let eSlot = new Int32Array(256);
let eCost = new Float64Array(256);
let eBack = new Int32Array(256);
let byEnd = new Int32Array(64);
const chars = new Int32Array(MAX_LEN);

function grow(n: number): void {
  if (eStart.length >= n) return;
  let m = eStart.length;
  while (m < n) m *= 2;
  eStart = new Int32Array(m);
  eSlot = new Int32Array(m);
  eCost = new Float64Array(m);
  eBack = new Int32Array(m);
}

/** Best path over codes[from, to) (with `sub` applied). */
export function viterbi(model: LmModel, codes: ArrayLike<number>, from: number, to: number, sub?: Sub, wantPath = false): Path {
  const n = to - from;
  if (n <= 0) return { cost: 0, cuts: [from] };
  grow(n * MAX_LEN + 1);
  if (byEnd.length < n + 2) byEnd = new Int32Array(2 * (n + 2));
  const oov = model.meta.oovCost;
  const subAt = sub ? sub.at : -1;
  const subCode = sub ? sub.code : 0;
  // Edges sorted by end position: enumerate ends, then starts, so edges ending at j are contiguous.
  let ne = 0;
  byEnd[0] = 0;
  for (let j = 1; j <= n; j++) {
    byEnd[j] = ne;
    // Words ending at j: start j-1 (length 1) back to j-4. ch[k] is the k-th character before j.
    for (let len = 1; len <= MAX_LEN && len <= j; len++) {
      const p = from + j - len;
      chars[len - 1] = p === subAt ? subCode : codes[p];
      // Key of text[j-len, j): characters in reading order.
      const c0 = chars[len - 1];
      const c1 = len >= 2 ? chars[len - 2] : 0;
      const c2 = len >= 3 ? chars[len - 3] : 0;
      const c3 = len >= 4 ? chars[len - 4] : 0;
      const hi = ((c0 << 16) | c1) >>> 0;
      const lo = ((c2 << 16) | c3) >>> 0;
      const s = model.slot(hi, lo);
      if (s < 0 && len > 1) continue;
      eStart[ne] = j - len;
      eSlot[ne] = s;
      ne++;
    }
  }
  byEnd[n + 1] = ne;
  // Forward pass: edges ending at j are byEnd[j]..byEnd[j+1]; an edge starting at k follows those ending at k.
  for (let e = 0; e < ne; e++) {
    const k = eStart[e];
    const s = eSlot[e];
    let best = Infinity;
    let back = -1;
    if (k === 0) {
      best = s < 0 ? oov : model.uni(s);
    } else {
      for (let p = byEnd[k]; p < byEnd[k + 1]; p++) {
        const ps = eSlot[p];
        const c = eCost[p] + (s < 0 ? oov : ps < 0 ? model.uni(s) : model.trans(ps, s));
        if (c < best) (best = c), (back = p);
      }
    }
    eCost[e] = best;
    eBack[e] = back;
  }
  let best = Infinity;
  let last = -1;
  for (let p = byEnd[n]; p < byEnd[n + 1]; p++) if (eCost[p] < best) (best = eCost[p]), (last = p);
  if (!wantPath) return { cost: best, cuts: [] };
  const cuts: number[] = [from + n];
  for (let e = last; e >= 0; e = eBack[e]) cuts.push(from + eStart[e]);
  cuts.reverse();
  return { cost: best, cuts };
}

/** The word of `path` that covers position i: [start, end). */
export function wordAt(path: Path, i: number): [number, number] {
  const c = path.cuts;
  for (let k = 0; k + 1 < c.length; k++) if (c[k] <= i && i < c[k + 1]) return [c[k], c[k + 1]];
  return [i, i + 1];
}
