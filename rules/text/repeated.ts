/**
 * text/repeated — 重复字词 (RULES.md §J):
 * - doubled function words (的的, 了了, 和和) from rules/dicts/function-words.txt, with the
 *   longer words they are legitimate in (的的确确, 不了了之);
 * - a word of 2–4 hanzi written twice (我们我们), unless the doubled form is a legitimate
 *   reduplication (rules/dicts/reduplication.txt: 研究研究, 讨论讨论) or counts off (一步一步);
 * - a clause repeated back to back (依法做到“应公开尽公开”，依法做到“应公开尽公开”).
 * Single characters doubled (人人, 常常, 作作 in 工作作风) are not judged: without word
 * segmentation most are correct.
 * Reference: 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）内容准确性。
 */
import { defineRule } from '../define';
import type { TextBlock } from '../types';
import { builtinDicts } from './dicts';
import { coveredBy } from './dictset';
import { loadModel } from './suspected-typo';
import { coveredByAny, excerptAround, isHan, OccurrenceCounter } from './util';

interface Options extends Record<string, unknown> {
  /** Minimum hanzi in a clause for a back-to-back repeat to be reported. */
  minClause: number;
  words: boolean;
  functionWords: boolean;
  clauses: boolean;
}

interface Found {
  start: number;
  end: number;
  unit: string;
  kind: 'functionWord' | 'word' | 'clause';
}

const CLAUSE_SEP = /[，,。；;！!？?：:、\s]/;
const SEP_CODES = new Set([...'，,。；;！!？?：:、 \t\n\u00a0\u3000'].map((c) => c.charCodeAt(0)));
const countHan = (s: string) => [...s].filter(isHan).length;

const redupIndex = new WeakMap<Set<string>, Map<string, string[]>>();
/** Listed reduplications that contain `s` (一五一十 for 一十 …), memoised per list. */
function redupContaining(list: Set<string>, s: string): string[] {
  let m = redupIndex.get(list);
  if (!m) redupIndex.set(list, (m = new Map()));
  let r = m.get(s);
  if (!r) m.set(s, (r = [...list].filter((w) => w.length > s.length && w.includes(s))));
  return r;
}

type FunctionWords = ReturnType<typeof builtinDicts>['functionWords'];
/** Function words by the char code of their first character (a number key: no string per character). */
const fwIndex = new WeakMap<FunctionWords, Map<number, FunctionWords>>();
function functionWordIndex(list: FunctionWords): Map<number, FunctionWords> {
  let m = fwIndex.get(list);
  if (!m) {
    m = new Map();
    for (const fw of list) m.set(fw.word.charCodeAt(0), [...(m.get(fw.word.charCodeAt(0)) ?? []), fw]);
    fwIndex.set(list, m);
  }
  return m;
}

function findInBlock(block: TextBlock, opts: Options): Found[] {
  const text = block.text;
  const { functionWords, reduplication } = builtinDicts();
  const out: Found[] = [];
  const isRedup = (s: string, start: number, end: number) => reduplication.has(s) || coveredBy(text, start, end, s, redupContaining(reduplication, s));

  if (opts.functionWords) {
    // One pass over the text, looking up the words that start with each character
    // (instead of one indexOf scan per function word).
    const byFirst = functionWordIndex(functionWords);
    for (let i = 0; i < text.length; i++) {
      const candidates = byFirst.get(text.charCodeAt(i));
      if (!candidates) continue;
      for (const fw of candidates) {
        const dd = fw.word + fw.word;
        if (!text.startsWith(dd, i)) continue;
        const end = i + dd.length;
        if (coveredBy(text, i, end, dd, fw.exceptions) || isRedup(dd, i, end)) continue;
        // AABB reduplication: 实实在在, 的的确确 (the doubled word is one half of it).
        if ((i >= 2 && text[i - 1] === text[i - 2] && isHan(text[i - 1])) || (text[end] === text[end + 1] && isHan(text[end]))) continue;
        // 的的的: one finding for the run.
        if (out.some((f) => f.kind === 'functionWord' && f.end > i)) continue;
        out.push({ start: i, end, unit: fw.word, kind: 'functionWord' });
      }
    }
    out.sort((a, b) => a.start - b.start);
  }

  if (opts.words) {
    for (let L = 4; L >= 2; L--) {
      for (let i = 0; i + 2 * L <= text.length; i++) {
        if (text.charCodeAt(i) !== text.charCodeAt(i + L) || text.charCodeAt(i + L - 1) !== text.charCodeAt(i + 2 * L - 1)) continue;
        const unit = text.slice(i, i + L);
        if (!text.startsWith(unit, i + L)) continue;
        if (![...unit].every(isHan)) continue;
        if ([...unit].every((c) => c === unit[0])) continue; // 哈哈哈哈, 谢谢谢谢
        if (unit[0] === '一') continue; // 一步一步, 一点一点
        const end = i + 2 * L;
        if (isRedup(unit + unit, i, end)) continue;
        if (out.some((f) => f.start < end && f.end > i)) continue;
        out.push({ start: i, end, unit, kind: 'word' });
      }
    }
  }

  if (opts.clauses) {
    // A run starting a clause and written again straight after, with or without punctuation
    // between: 依法做到“应公开尽公开”，依法做到“应公开尽公开”， / 决策、执行公开，决策、执行公开，
    const sep = new Uint8Array(text.length + 1);
    for (let i = 0; i < text.length; i++) sep[i] = SEP_CODES.has(text.charCodeAt(i)) ? 1 : 0;
    for (let i = 0; i < text.length; i++) {
      if (i > 0 && !sep[i - 1]) continue;
      const maxL = Math.min(120, (text.length - i) >> 1);
      // Only lengths at which the clause's first character comes again can repeat it: let the
      // native indexOf find them instead of trying every length.
      const first = text[i];
      for (let j = text.indexOf(first, i + 4), L = j - i; j >= 0 && L <= maxL; j = text.indexOf(first, j + 1), L = j - i) {
        if (text.charCodeAt(i + L - 1) !== text.charCodeAt(i + 2 * L - 1)) continue;
        const unit = text.slice(i, i + L);
        if (!text.startsWith(unit, i + L) || countHan(unit) < opts.minClause) continue;
        // The copy must end where a clause ends (or the text does), not in the middle of a word.
        const end = i + 2 * L;
        if (end < text.length && !sep[end - 1] && !sep[end]) continue;
        if (out.some((f) => f.start < end && f.end > i)) break;
        const body = unit.replace(/[，,。；;！!？?：:、\s]+$/, '');
        out.push({ start: i, end, unit: body, kind: 'clause' });
        i = end - 1;
        break;
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const repeated = defineRule<Options>({
  id: 'text/repeated',
  category: 'text',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '重复字词', en: 'Repeated words' },
    description: '重复的虚词（的的、了了）、非重叠式的重复词语（我们我们），以及紧接着重复的分句。合法的重叠词（常常、研究研究）见词表。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）',
    messages: {
      functionWord: { zh: '虚词“{unit}”重复', en: 'Function word "{unit}" doubled' },
      word: { zh: '词语“{unit}”重复', en: 'Word "{unit}" written twice' },
      clause: { zh: '分句“{unit}”重复', en: 'Clause "{unit}" repeated' },
    },
  },
  defaultOptions: { minClause: 4, words: true, functionWords: true, clauses: true },
  async check(model, ctx) {
    const occ = new OccurrenceCounter();
    // With the language model's lexicon at hand, a doubled unit must be a word: 企业创业创新 and
    // 运用信用信息 hold 业创业创 and 用信用信, which cross word boundaries (创业|创新, 信用|信息).
    const lm = ctx.options.words ? await loadModel(ctx) : null;
    for (const block of model.body) {
      for (const f of findInBlock(block, ctx.options)) {
        if (coveredByAny(block.text, f.start, f.end, ctx.dictionaries.whitelist)) continue;
        if (f.kind === 'word' && lm && lm.lookup(f.unit) < 0) continue;
        const shown = f.unit.length > 30 ? f.unit.slice(0, 29) + '…' : f.unit;
        ctx.report({
          messageId: f.kind,
          data: { unit: shown },
          excerpt: excerptAround(block.text, f.start, f.end),
          // What to do, as an editor reads it after 建议：— not the bare character (建议：比).
          suggestion: f.kind === 'clause' ? `只保留一次：${block.text.slice(f.start, f.start + Math.ceil((f.end - f.start) / 2))}` : `删去一个“${f.unit}”`,
          selector: block.selector,
          textOffset: f.start,
          textLength: f.end - f.start,
          key: `${f.kind}:${f.unit}#${occ.next(f.kind + f.unit)}`,
        });
      }
    }
  },
});

export const repeatedRules = [repeated];
