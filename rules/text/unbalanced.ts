/**
 * text/unbalanced — 标点不成对: 《》 “” （） 〔〕 【】 ‘’ that do not pair up within a paragraph.
 * Half-width ( ) pair with full-width （ ） here (mixed widths are text/halfwidth-punct's
 * business). Not reported: list numbers closed by a bracket only (1）, 一）), and a paragraph of
 * a multi-paragraph quotation that opens “ without closing when the next paragraph opens “ too
 * (GB/T 15834-2011 4.1.3.4).
 * Reference: GB/T 15834-2011《标点符号用法》4.1 引号、4.9 括号、4.15 书名号。
 */
import { defineRule } from '../define';
import { excerptAround, OccurrenceCounter, REF_GBT15834 } from './util';

const PAIRS: [string, string, string][] = [
  ['《', '》', '《》'],
  ['“', '”', '“”'],
  ['（(', '）)', '（）'],
  ['〔', '〕', '〔〕'],
  ['【', '】', '【】'],
  ['‘', '’', '‘’'],
];
const LIST_CLOSE = /^\s*(?:[0-9０-９]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3}|[①-⑳])[)）]/;

export interface Unpaired {
  pair: string;
  at: number;
  ch: string;
}

const MARKS = /[《》“”（()）〔〕【】‘’]/g;

export function unpaired(text: string): Unpaired[] {
  const out: Unpaired[] = [];
  const marks = [...text.matchAll(MARKS)];
  if (!marks.length) return out;
  const listClose = LIST_CLOSE.exec(text);
  for (const [open, close, name] of PAIRS) {
    const stack: number[] = [];
    for (const m of marks) {
      const c = m[0];
      const i = m.index!;
      if (open.includes(c)) stack.push(i);
      else if (close.includes(c)) {
        if (stack.length) stack.pop();
        else if (!(name === '（）' && listClose && i === listClose[0].length - 1)) out.push({ pair: name, at: i, ch: c });
      }
    }
    for (const i of stack) out.push({ pair: name, at: i, ch: text[i] });
  }
  return out.sort((a, b) => a.at - b.at);
}

const unbalanced = defineRule({
  id: 'text/unbalanced',
  category: 'text',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '标点不成对', en: 'Unbalanced brackets or quotes' },
    description: '同一段内书名号、引号、括号、六角括号、方头括号不成对。',
    reference: REF_GBT15834,
    messages: {
      unpaired: { zh: '“{ch}”没有配对的{pair}', en: '"{ch}" has no matching {pair}' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    model.body.forEach((block, bi) => {
      const next = model.body[bi + 1]?.text ?? '';
      const list = unpaired(block.text);
      for (const u of list) {
        // 〔2018153号: a 文号 that lost its 〕 — doc-number/format reports it, with the fix.
        if (u.ch === '〔' && /^〔(?:19|20)\d{2}\d{1,4}号/.test(block.text.slice(u.at))) continue;
        // A quotation running over several paragraphs: “… ¶ “… ¶ …”
        if (u.ch === '“' && next.startsWith('“') && list.filter((x) => x.pair === '“”').every((x) => x.ch === '“')) continue;
        const sample = block.text.slice(Math.max(0, u.at - 4), u.at + 4);
        ctx.report({
          messageId: 'unpaired',
          data: { ch: u.ch, pair: u.pair },
          excerpt: excerptAround(block.text, u.at, u.at + 1),
          selector: block.selector,
          textOffset: u.at,
          textLength: 1,
          key: `${u.pair}:${sample}#${occ.next(u.pair + sample)}`,
        });
      }
    });
  },
});

export const unbalancedRules = [unbalanced];
