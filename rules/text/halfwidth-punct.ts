/**
 * text/halfwidth-punct — 中文中的半角标点: `,` `;` `:` `(` `)` used between Chinese characters,
 * where GB/T 15834 wants the full-width marks. Numbers, times (10:30), URLs and Latin text are
 * left alone: a mark counts only with a hanzi on both sides (for brackets: a hanzi outside and
 * hanzi inside). One finding per block with the count.
 * Reference: GB/T 15834-2011《标点符号用法》。
 */
import { defineRule } from '../define';
import { excerptAround, HAN_RE, isHan, OccurrenceCounter, REF_GBT15834 } from './util';

/** A file name: its marks are the file's, not the text's (…结果公示(第三批).docx). */
const FILE_NAME = /[^\s，。；、：“”《》]+\.(?:docx?|xlsx?|pdf|wps|et|ofd|zip|rar|7z|txt|jpe?g|png|pptx?)\b/gi;

/** Offsets of half-width marks that sit in Chinese text (not inside a file name). */
export function halfwidthMarks(text: string): number[] {
  const found = marks(text);
  // File names are looked for only in the few blocks that have marks at all.
  if (!found.length || !text.includes('.')) return found;
  const files = [...text.matchAll(FILE_NAME)].map((m) => [m.index!, m.index! + m[0].length]);
  return found.filter((i) => !files.some(([s, e]) => i >= s && i < e));
}

function marks(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === ',' || c === ';' || c === ':') {
      if (isHan(text[i - 1]) && isHan(text[i + 1])) out.push(i);
    } else if (c === '(' || c === '（') {
      // The pair's closer, of either width: a mixed pair `(图片 摄）` has one half-width mark.
      const j = nextCloser(text, i + 1);
      if (j < 0 || j - i > 40) continue;
      const inner = text.slice(i + 1, j);
      if (/[()（）]/.test(inner) || !HAN_RE.test(inner)) continue;
      // A mixed pair is wrong wherever it stands; a half-width pair only in Chinese text.
      const mixed = (c === '(') !== (text[j] === ')');
      if (mixed || isHan(text[i - 1]) || isHan(text[j + 1]) || i === 0) {
        if (c === '(') out.push(i);
        if (text[j] === ')') out.push(j);
      }
      i = j;
    }
  }
  return out;
}

function nextCloser(text: string, from: number): number {
  const half = text.indexOf(')', from);
  const full = text.indexOf('）', from);
  return half < 0 ? full : full < 0 ? half : Math.min(half, full);
}

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）' };

const halfwidth = defineRule({
  id: 'text/halfwidth-punct',
  category: 'text',
  defaultLevel: 'info',
  meta: {
    title: { zh: '半角标点', en: 'Half-width punctuation in Chinese' },
    description: '中文之间使用了半角的 , ; : ( )，应为全角标点。数字、时间、网址和外文不检查。每段报告一次。',
    reference: REF_GBT15834,
    messages: {
      halfwidth: { zh: '本段有 {count} 处半角标点，如“{example}”应为“{full}”', en: '{count} half-width marks in Chinese text, e.g. "{example}" should be "{full}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    for (const block of model.body) {
      const hits = halfwidthMarks(block.text);
      if (!hits.length) continue;
      const first = hits[0];
      const mark = block.text[first];
      const sample = block.text.slice(Math.max(0, first - 2), first + 3);
      ctx.report({
        messageId: 'halfwidth',
        data: { count: hits.length, example: mark, full: FULL[mark] },
        excerpt: excerptAround(block.text, first, first + 1),
        // Not the bare mark after 建议： (建议：：): what to change it to.
        suggestion: `改为全角“${FULL[mark]}”`,
        selector: block.selector,
        textOffset: first,
        textLength: 1,
        key: `${sample}#${occ.next(sample)}`,
      });
    }
  },
});

export const halfwidthPunctRules = [halfwidth];
