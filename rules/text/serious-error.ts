/**
 * text/serious-error — 严重表述错误 (RULES.md §J): misspelt names of the state, the Party and
 * state organs, wrong political formulations and 当局 used for our own government, from
 * rules/dicts/serious.tsv; and, from the user's leaders list (name, title):
 * - a name one substituted character away from a listed leader's name, next to a title or 同志
 *   (杜家毫 listed → 书记杜家豪). Two-character names need the leader's own title next to them:
 *   with a surname and one character, "one character away" is any namesake;
 * - a listed leader right after a title that is not theirs (县长杜家毫 when 杜家毫 is 书记).
 * Reference: 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决“严重表述错误”。
 */
import { defineRule } from '../define';
import type { LeaderEntry, PageModel, RuleContext } from '../types';
import { builtinDicts } from './dicts';
import { getMatcher } from './matcher';
import { reportPairs } from './typo';
import { excerptAround, isHan, OccurrenceCounter, REF_INDICATORS } from './util';

interface Leader {
  name: string;
  titles: string[];
  title: string;
}

function leadersOf(list: LeaderEntry[] | undefined): Leader[] {
  return (list ?? [])
    .filter((l) => l && typeof l.name === 'string' && /^[\u3400-\u9fff·]{2,6}$/.test(l.name.trim()))
    .map((l) => ({
      name: l.name.trim(),
      title: (l.title ?? '').trim(),
      titles: (l.title ?? '')
        .split(/[、,，/\s]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    }));
}

/** A title written before a name is the leader's when one ends with the other and what the longer adds is no 副. */
export function titleFits(found: string, own: string[]): boolean {
  return own.some((p) => {
    if (p === found) return true;
    const [long, short] = p.length > found.length ? [p, found] : [found, p];
    return long.endsWith(short) && !long.slice(0, long.length - short.length).includes('副');
  });
}

function hamming1(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let d = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && ++d > 1) return false;
  return d === 1;
}

function checkLeaders(model: PageModel, ctx: RuleContext<any>): void {
  const leaders = leadersOf(ctx.dictionaries.leaders);
  if (!leaders.length) return;
  const b = builtinDicts();
  const titleSet = new Set<string>(b.titleWords.filter((t) => !t.contextOnly).map((t) => t.word));
  for (const l of leaders) for (const t of l.titles) titleSet.add(t);
  const contextWords = [...titleSet, ...b.titleWords.filter((t) => t.contextOnly).map((t) => t.word)].sort();
  const ctxMatcher = getMatcher(contextWords);
  const names = leaders.map((l) => l.name);
  const nameMatcher = getMatcher(names);
  const listed = new Set(names);
  const lengths = [...new Set(names.map((n) => n.length))];
  const occNear = new OccurrenceCounter();
  const occTitle = new OccurrenceCounter();

  for (const block of model.body) {
    const text = block.text;
    // 1. Near-miss names next to a title or 同志.
    const seenAt = new Set<number>();
    ctxMatcher.scan(text, (s, e, id) => {
      const word = contextWords[id];
      for (const L of lengths) {
        for (const at of [s - L, e]) {
          if (at < 0 || at + L > text.length || seenAt.has(at * 8 + L)) continue;
          const cand = text.slice(at, at + L);
          if (listed.has(cand) || ![...cand].every(isHan)) continue;
          const leader = leaders.find((l) => hamming1(cand, l.name));
          if (!leader) continue;
          if (L === 2 && !titleFits(word, leader.titles)) continue;
          seenAt.add(at * 8 + L);
          ctx.report({
            messageId: 'nearName',
            data: { found: cand, name: leader.name, title: leader.title },
            excerpt: excerptAround(text, at, at + L),
            suggestion: leader.name,
            selector: block.selector,
            textOffset: at,
            textLength: L,
            key: `name:${cand}#${occNear.next(cand)}`,
          });
        }
      }
    });
    // 2. Listed leaders right after a title that is not theirs.
    nameMatcher.scan(text, (s, e, id) => {
      const leader = leaders[id];
      const n = occTitle.next(leader.name);
      if (!leader.titles.length) return;
      let end = s;
      while (end > 0 && text[end - 1] === ' ') end--;
      let found = '';
      for (const t of titleSet) if (t.length > found.length && t.length <= 6 && text.endsWith(t, end)) found = t;
      if (!found) return;
      // Extend to a 副/常务副 written before the matched title word.
      let from = end - found.length;
      while (from > 0 && end - from < 6 && '副常务'.includes(text[from - 1])) from--;
      const written = text.slice(from, end);
      if (titleFits(written, leader.titles)) return;
      ctx.report({
        messageId: 'wrongTitle',
        data: { name: leader.name, title: leader.title, found: written },
        excerpt: excerptAround(text, from, e),
        selector: block.selector,
        textOffset: from,
        textLength: e - from,
        key: `title:${leader.name}#${n}`,
      });
    });
  }
}

const seriousError = defineRule({
  id: 'text/serious-error',
  category: 'text',
  defaultLevel: 'error',
  meta: {
    title: { zh: '严重表述错误', en: 'Serious wording error' },
    description:
      '国家、党和国家机关名称错误，错误的政治表述，用“当局”称我国政府；用户领导名单中姓名相差一个字的名字（出现在职务或“同志”旁）、领导职务写错。',
    reference: REF_INDICATORS,
    messages: {
      wrong: { zh: '严重表述错误“{wrong}”，应为“{right}”', en: 'Serious wording error "{wrong}", should be "{right}"' },
      nearName: { zh: '领导姓名疑似写错：“{found}”，名单中为“{name}”（{title}）', en: 'Leader name probably misspelt: "{found}"; the list has "{name}" ({title})' },
      wrongTitle: { zh: '“{name}”的职务为“{title}”，此处写作“{found}”', en: '"{name}" is "{title}", written here as "{found}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    reportPairs(model, ctx, 'serious', false);
    checkLeaders(model, ctx);
  },
});

export const seriousErrorRules = [seriousError];
