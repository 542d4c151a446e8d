/**
 * Candidate single-character edits of a run of Han characters, scored with the bigram model.
 *
 * For each position, each character of its confusion set (same syllable and tone, same syllable
 * other tone, fuzzy syllable z/zh c/ch s/sh n/l an/ang en/eng in/ing, similar shape) is tried
 * only when it makes a lexicon word of 2–4 characters with its neighbours: a fix that makes no
 * word cannot lower the cost much, and the probe is what keeps the search at a few ms per 1,000
 * characters. Survivors are scored by Viterbi on a window around the position (original vs. edited);
 * the gain is the cost the edit saves minus the channel penalty of its kind (how likely a writer is to
 * type that character for the other: an IME gives same-sound characters, so those are cheapest).
 */
import { SAME_TONE, OTHER_TONE, FUZZY, type LmModel } from './lm-model';
import { viterbi, wordAt } from './lm-viterbi';

export interface Edit {
  /** Position of the changed character in the run. */
  at: number;
  code: number;
  /** The word of the edited text's best path that holds the change: [start, end) in the run. */
  start: number;
  end: number;
  /** Cost saved minus the channel penalty (nats). */
  gain: number;
  kind: number;
}

/** Channel penalties per confusion kind (nats): −ln of how often a writer makes that slip. */
export const PENALTY: Record<number, number> = { [SAME_TONE]: 4, [OTHER_TONE]: 5.5, [FUZZY]: 7, 3: 5.5 };

/** −ln p below which a two-character word of the best path is not tried (about the 6,000 most frequent words). */
const COMMON_WORD = 12;
/** −ln p below which a single character standing as a word is not tried (的 了 和 在 是 …: their slips are grammar, not typos). */
const COMMON_CHAR = 6;

/** Characters around the edit the window sees on each side. */
const WINDOW = 3;

/**
 * Extra gain asked of an edit that turns one word into another (机智 → 机制, 即时 → 及时): the
 * text as written is a word the lexicon knows, so the bigram context alone must prove it wrong, and
 * most such "slips" on correct text are a rare but right word. A slip that makes no word (总休,
 * 健立) needs only the threshold.
 */
export const REAL_WORD_MARGIN = 3;

export interface DetectOptions {
  /** Minimum gain to report (nats). */
  threshold: number;
  /** Extra gain for an edit of a word the lexicon knows (default REAL_WORD_MARGIN). */
  realWordMargin?: number;
  /** Positions that may not change (guards): true = skip. */
  frozen?: (at: number) => boolean;
}

/**
 * The best edit per position whose gain passes the threshold, non-overlapping (the best first).
 */
export function detectRun(model: LmModel, codes: Uint16Array, opts: DetectOptions): Edit[] {
  const n = codes.length;
  if (n < 2) return [];
  const full = viterbi(model, codes, 0, n, undefined, true);
  const found: Edit[] = [];
  const origWindow = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    if (opts.frozen?.(i)) continue;
    // A word of 3–4 characters in the best path is almost never made by a slip: skip its characters.
    const [ws, we] = wordAt(full, i);
    if (we - ws >= 3) continue;
    // Nor is a common two-character word: an edit of it must gain threshold + REAL_WORD_MARGIN, which
    // one character rarely does against a word this frequent — and these are most positions of a text.
    if (we - ws === 2 && model.uni(model.lookup(String.fromCharCode(codes[ws], codes[ws + 1]))) < COMMON_WORD) continue;
    if (we - ws === 1) {
      const s1 = model.lookup(String.fromCharCode(codes[i]));
      if (s1 >= 0 && model.uni(s1) < COMMON_CHAR) continue;
    }
    const [cs, ce] = model.confusionRange(codes[i]);
    if (cs === ce) continue;
    let best: Edit | null = null;
    for (let k = cs; k < ce; k++) {
      const code = model.candChar(k);
      if (!makesWord(model, codes, i, code)) continue;
      const a = Math.max(0, i - WINDOW);
      const b = Math.min(n, i + WINDOW + 1);
      let orig = origWindow.get(i);
      if (orig === undefined) origWindow.set(i, (orig = viterbi(model, codes, a, b).cost));
      const kind = model.candKind(k);
      const penalty = PENALTY[kind] ?? 7;
      const sub = { at: i, code };
      const gain = orig - viterbi(model, codes, a, b, sub).cost - penalty;
      if (gain <= opts.threshold || (best && gain <= best.gain)) continue;
      const [start, end] = wordAt(viterbi(model, codes, a, b, sub, true), i);
      // The original text over the same span is one word of the original path: a real-word edit.
      if (start === ws && end === we && end - start >= 2 && gain <= opts.threshold + (opts.realWordMargin ?? REAL_WORD_MARGIN)) continue;
      best = { at: i, code, start, end, gain, kind };
    }
    if (best) found.push(best);
  }
  // One edit per spot: the best of overlapping ones.
  found.sort((x, y) => y.gain - x.gain || x.at - y.at);
  const kept: Edit[] = [];
  for (const e of found) if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  return kept.sort((x, y) => x.at - y.at);
}

/**
 * True when putting `code` at `i` makes a lexicon word of 2–4 characters there. This runs for
 * every candidate of every position (~30k probes per 1,000 characters): no closures, no strings,
 * the two-character spans first (most fixes make one).
 */
function makesWord(model: LmModel, codes: Uint16Array, i: number, code: number): boolean {
  const n = codes.length;
  const prev = i > 0 ? codes[i - 1] : 0;
  const next = i + 1 < n ? codes[i + 1] : 0;
  if (prev && model.slot(((prev << 16) | code) >>> 0, 0) >= 0) return true;
  if (next && model.slot(((code << 16) | next) >>> 0, 0) >= 0) return true;
  const p2 = i > 1 ? codes[i - 2] : 0;
  const n2 = i + 2 < n ? codes[i + 2] : 0;
  // Three characters: [i-2, i], [i-1, i+1], [i, i+2].
  if (p2 && prev && model.slot(((p2 << 16) | prev) >>> 0, (code << 16) >>> 0) >= 0) return true;
  if (prev && next && model.slot(((prev << 16) | code) >>> 0, (next << 16) >>> 0) >= 0) return true;
  if (next && n2 && model.slot(((code << 16) | next) >>> 0, (n2 << 16) >>> 0) >= 0) return true;
  // Four characters: [i-3, i], [i-2, i+1], [i-1, i+2], [i, i+3].
  const p3 = i > 2 ? codes[i - 3] : 0;
  const n3 = i + 3 < n ? codes[i + 3] : 0;
  if (p3 && p2 && prev && model.slot(((p3 << 16) | p2) >>> 0, ((prev << 16) | code) >>> 0) >= 0) return true;
  if (p2 && prev && next && model.slot(((p2 << 16) | prev) >>> 0, ((code << 16) | next) >>> 0) >= 0) return true;
  if (prev && next && n2 && model.slot(((prev << 16) | code) >>> 0, ((next << 16) | n2) >>> 0) >= 0) return true;
  if (next && n2 && n3 && model.slot(((code << 16) | next) >>> 0, ((n2 << 16) | n3) >>> 0) >= 0) return true;
  return false;
}
