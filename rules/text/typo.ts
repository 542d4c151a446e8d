/**
 * text/typo — 错别字: wrong→right pairs from rules/dicts/typos.tsv (+ typos-extra.tsv and the
 * user's pairs), each with the longer correct words it must not fire inside (RULES.md §J).
 * A typo in the headline is one level higher. 截止/截至 is decided by context (see jiezhi()):
 * 截止 is reported only where it opens a clause and is followed by a date that ends the clause
 * (截止2024年底， → 截至), never in 截止日期 / 报名截止时间 / 截止到.
 * Reference: 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“严重错别字”；《第一批异形词整理表》等。
 */
import { defineRule } from '../define';
import type { PageModel, RuleContext } from '../types';
import { coveredBy, dictSetFor, scanPage } from './dictset';
import { reportSuspected } from './suspected-typo';
import { excerptAround, OccurrenceCounter, REF_INDICATORS } from './util';

const JIEZHI = '截止';
// What may follow 截止 for it to mean 截至 (up to a point in time).
const JIEZHI_DATE = new RegExp(
  '^\\s*(?:' +
    [
      '(?:19|20)\\d{2}\\s*年(?:\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?(?:底|末|初)?|底|末|初|上半年|下半年|前三季度|第[一二三四1-4]季度末?)?',
      '(?:19|20)\\d{2}[-/.]\\d{1,2}(?:[-/.]\\d{1,2})?',
      '\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?(?:底|末|初)?',
      '[今本去上前明]年(?:底|末|初|\\d{1,2}月(?:\\d{1,2}日)?(?:底|末)?)?',
      '[本上]月(?:底|末)?',
      '目前|当前|现在|发稿时|今日|昨日|当日',
    ].join('|') +
    ')(?:\\s*(?:上午|下午|晚上?|中午|凌晨)?(?:\\s*\\d{1,2}(?:[:：]\\d{2}|时|点)(?:\\d{1,2}分)?)?)?(?:为止)?(?=[，,。；;：:]|$)',
);
const CLAUSE_START = /[，,。；;：:、（(“"『「【\s]/;

/** True when the 截止 at `at` should be 截至. */
export function jiezhiShouldBeJiezhi(text: string, at: number): boolean {
  if (at > 0 && !CLAUSE_START.test(text[at - 1])) return false;
  const rest = text.slice(at + JIEZHI.length, at + JIEZHI.length + 40);
  return JIEZHI_DATE.test(rest);
}

interface Options extends Record<string, unknown> {
  /** Raise typos in the headline by one level (warn → error). */
  headlineShift: boolean;
  /** Decide 截止/截至 by context. */
  jiezhi: boolean;
  /** 疑似错别字 from the language model (suspected-typo.ts): 'normal', 'cautious' (fewer, surer) or 'off'. */
  model: string;
  /** The model's gain threshold in nats, instead of the preset's (null: the preset's). */
  modelThreshold: number | null;
}

export function reportPairs(model: PageModel, ctx: RuleContext<any>, kind: 'typo' | 'serious', headlineShift: boolean): void {
  const set = dictSetFor(ctx.dictionaries);
  const hits = scanPage(model, set);
  const occ = new OccurrenceCounter();
  type Cand = { block: number; start: number; end: number; wrong: string; right: string; n: number };
  const cands: Cand[] = [];
  for (const h of hits) {
    for (const r of h.roles) {
      if (r.kind !== kind) continue;
      const text = model.body[h.block].text;
      const n = occ.next(r.entry.wrong);
      if (kind === 'typo' && r.entry.wrong === JIEZHI) continue; // decided by context below
      if (coveredBy(text, h.start, h.end, r.entry.wrong, r.entry.exceptions)) continue;
      if (coveredBy(text, h.start, h.end, r.entry.wrong, r.whitelist)) continue;
      cands.push({ block: h.block, start: h.start, end: h.end, wrong: r.entry.wrong, right: r.entry.right, n });
    }
  }
  // Overlapping pairs (全镇当局信息公开: 镇当局 and 当局信息公开) are one mistake: keep the longer
  // (the leftmost of equals), so a spot is reported once.
  cands.sort((a, b) => a.block - b.block || a.start - b.start || b.end - a.end);
  const kept: Cand[] = [];
  for (const c of cands) {
    const last = kept[kept.length - 1];
    if (last && last.block === c.block && c.start < last.end) {
      if (c.end - c.start > last.end - last.start) kept[kept.length - 1] = c;
      continue;
    }
    kept.push(c);
  }
  for (const c of kept) {
    const block = model.body[c.block];
    ctx.report({
      messageId: 'wrong',
      data: { wrong: c.wrong, right: c.right },
      excerpt: excerptAround(block.text, c.start, c.end),
      suggestion: c.right,
      selector: block.selector,
      textOffset: c.start,
      textLength: c.end - c.start,
      key: `${c.wrong}#${c.n}`,
      levelShift: block.headline && headlineShift ? 1 : undefined,
    });
  }
}

const typo = defineRule<Options>({
  id: 'text/typo',
  category: 'text',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '错别字', en: 'Typo' },
    description:
      '按错别字词典（错误→正确，含不应报告的正确长词）检查正文和标题；标题中的错别字升一级。“截止/截至”按上下文判断，标记为疑似。' +
      '另用随扩展发布的统计语言模型（词典分词 + 词二元语法 + 同音/近音/形近字候选）找出词典未收录的单字错误，标记为“疑似”：' +
      '替换一个字后整句的语言模型代价下降超过阈值才报告（选项 model：normal 常规、cautious 谨慎、off 关闭；modelThreshold 自定阈值）。' +
      '人名（含领导名单）、地名和机构名、数字旁、书名号内、文号、网址、本页出现两次以上的词、繁体段落和白名单不报告；词典已报告之处不重复报告。',
    reference: REF_INDICATORS,
    messages: {
      wrong: { zh: '疑似错别字“{wrong}”，应为“{right}”', en: 'Probable typo "{wrong}", should be "{right}"' },
      jiezhi: { zh: '“截止”后接时间点时应为“截至”', en: '"截止" before a point in time should be "截至"' },
      suspected: { zh: '疑似错别字“{wrong}”，应为“{right}”', en: 'Suspected typo "{wrong}", probably "{right}"' },
    },
  },
  // The model's default is the cautious preset: on the real-page corpus "normal" adds 14 false alarms
  // for 1 real typo, "cautious" 1 real typo and none false (see the issue on 疑似错别字).
  defaultOptions: { headlineShift: true, jiezhi: true, model: 'cautious', modelThreshold: null },
  async check(model, ctx) {
    reportPairs(model, ctx, 'typo', ctx.options.headlineShift);
    jiezhi(model, ctx);
    await reportSuspected(model, ctx, ctx.options, ctx.options.headlineShift);
  },
});

/** 截止 where it should be 截至, decided by what follows it. */
function jiezhi(model: PageModel, ctx: RuleContext<Options>): void {
  if (!ctx.options.jiezhi) return;
  const occ = new OccurrenceCounter();
  const whitelist = (ctx.dictionaries.whitelist ?? []).filter((w) => w.includes(JIEZHI));
  for (const block of model.body) {
    for (let at = block.text.indexOf(JIEZHI); at >= 0; at = block.text.indexOf(JIEZHI, at + 1)) {
      const n = occ.next(JIEZHI);
      if (coveredBy(block.text, at, at + 2, JIEZHI, whitelist) || !jiezhiShouldBeJiezhi(block.text, at)) continue;
      ctx.report({
        messageId: 'jiezhi',
        excerpt: excerptAround(block.text, at, at + 2),
        suggestion: '截至',
        selector: block.selector,
        textOffset: at,
        textLength: 2,
        key: `${JIEZHI}#${n}`,
        certainty: 'suspected',
        levelShift: block.headline && ctx.options.headlineShift ? 1 : undefined,
      });
    }
  }
}

export const typoRules = [typo];
