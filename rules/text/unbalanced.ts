/**
 * text/unbalanced — 标点不成对: 《》 “” （） 〔〕 【】 ‘’ that do not pair up within a paragraph.
 * Half-width ( ) pair with full-width （ ） here (mixed widths are text/halfwidth-punct's
 * business). Not reported: list numbers closed by a bracket only (1）, 一）), and a paragraph of
 * a multi-paragraph quotation that opens “ without closing when the next paragraph opens “ too
 * (GB/T 15834-2011 4.1.3.4); a pair split by a line break (`（略，详情请登录网<br>站）`: the opener
 * ends one block, the closer starts the next); an opener in a text the site cut short (a search
 * summary or a list title that stops mid-word) — unless another “ or 《 follows it, since those do not
 * nest; ’ between Latin letters (People’s: an apostrophe); and 》 after 更多 (更多》: an arrow).
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
/** Names as an editor says them (a message of quotes inside quotes, ““”没有配对, is unreadable). */
const PAIR_NAME: Record<string, string> = { '《》': '书名号《》', '“”': '双引号“”', '（）': '括号（）', '〔〕': '六角括号〔〕', '【】': '方头括号【】', '‘’': '单引号‘’' };
const LIST_CLOSE = /^\s*(?:[0-9０-９]{1,2}|[a-zA-Z]|[一二三四五六七八九十]{1,3}|[①-⑳])[)）]/;

export interface Unpaired {
  pair: string;
  at: number;
  ch: string;
}

const MARKS = /[《》“”（()）〔〕【】‘’]/g;

/** ’ right after a Latin letter or digit is an apostrophe (People’s, students’), not a closing quote. */
const isApostrophe = (text: string, i: number) => text[i] === '’' && /[A-Za-z0-9]/.test(text[i - 1] ?? '');

/** 》 after 更多 / 详细 (更多》, 更多》》): a template's arrow on a link that leads on, not a title mark. */
const isArrow = (text: string, i: number) => text[i] === '》' && /(?:更多|详细|详情|查看|进入|more)\s*》*$/i.test(text.slice(Math.max(0, i - 8), i));

/** How a text that ends in full ends: sentence punctuation, or a closing mark. */
const FULL_STOP = /[。！？；：.!?;:”’》）)〕】」』]\s*$/;
const CUT_OFF = /(?:…|\.{3}|。{3})\s*$/;

/**
 * The text stops before its opener could close: a title cut with an ellipsis (关于印发《……), or a
 * passage of prose that ends mid-sentence (a search summary clipped by the site). A short text
 * without an ellipsis is a title, where a missing 》 is a real mistake.
 */
export function cutShort(text: string, at: number): boolean {
  if (CUT_OFF.test(text)) return true;
  return text.length >= 60 && /[。，；]/.test(text) && !FULL_STOP.test(text) && text.length - at <= 30;
}

export function unpaired(text: string): Unpaired[] {
  const out: Unpaired[] = [];
  const marks = [...text.matchAll(MARKS)].filter((m) => !isApostrophe(text, m.index!) && !isArrow(text, m.index!));
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
      unpaired: { zh: '{pairName}不成对：此处的 {ch} 没有配对', en: '"{ch}" has no matching {pair}' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    const lists = model.body.map((b) => unpaired(b.text));
    // Openers left open at the end of a block that the next block closes first: one pair split by
    // a line break. Both marks are paired.
    const paired = model.body.map(() => new Set<number>());
    lists.forEach((list, bi) => {
      const next = lists[bi + 1];
      if (!next) return;
      for (const [open, close, name] of PAIRS) {
        const openers = list.filter((u) => u.pair === name && open.includes(u.ch));
        const closers = next.filter((u) => u.pair === name && close.includes(u.ch));
        const n = Math.min(openers.length, closers.length);
        for (let k = 0; k < n; k++) {
          paired[bi].add(openers[openers.length - 1 - k].at);
          paired[bi + 1].add(closers[k].at);
        }
      }
    });
    model.body.forEach((block, bi) => {
      const next = model.body[bi + 1]?.text ?? '';
      const list = lists[bi].filter((u) => !paired[bi].has(u.at));
      for (const u of list) {
        // A cut can hide the partner of an opener left open at the end, but not of a “ or 《 that
        // another “ or 《 follows (they do not nest: the inner pair is ‘’ or 〈〉): 推出“我为农普代言“系列宣...
        const sameOpenerLater = (u.ch === '“' || u.ch === '《') && block.text.indexOf(u.ch, u.at + 1) >= 0;
        if (PAIRS.find((p) => p[2] === u.pair)![0].includes(u.ch) && !sameOpenerLater && cutShort(block.text, u.at)) continue;
        // 〔2018153号: a 文号 that lost its 〕 — doc-number/format reports it, with the fix.
        if (u.ch === '〔' && /^〔(?:19|20)\d{2}\d{1,4}号/.test(block.text.slice(u.at))) continue;
        // A quotation running over several paragraphs: “… ¶ “… ¶ …”
        if (u.ch === '“' && next.startsWith('“') && list.filter((x) => x.pair === '“”').every((x) => x.ch === '“')) continue;
        const sample = block.text.slice(Math.max(0, u.at - 4), u.at + 4);
        ctx.report({
          messageId: 'unpaired',
          data: { ch: u.ch, pair: u.pair, pairName: PAIR_NAME[u.pair] },
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
