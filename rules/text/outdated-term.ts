/**
 * text/outdated-term — 过时表述: renamed organs and retired wording from rules/dicts/outdated.tsv
 * (old, new, date of the change). Reported only when the page is dated after the change: its
 * 发布日期/成文日期 field, else its PubDate meta, else today. An archived 2016 page that says
 * 国土资源局 is right for its time.
 * Reference: 国务院机构改革方案（2018）等，各条目注明出处。
 */
import { parseDate } from '../date-parse';
import { defineRule } from '../define';
import type { PageModel } from '../types';
import { coveredBy, dictSetFor, scanPage } from './dictset';
import { excerptAround, OccurrenceCounter } from './util';

const DATE_FIELDS = ['发布日期', '成文日期', '发文日期', '生成日期'];
const DATE_METAS = ['PubDate', 'pubdate', 'publishdate', 'PublishDate', 'firstpublishedtime', 'article:published_time'];

/** The date the page speaks from (ISO), or null when it shows none. */
export function pageDate(model: PageModel): string | null {
  for (const name of DATE_FIELDS) {
    const f = model.fields.find((x) => x.name === name);
    const d = f && parseDate(f.value);
    if (d?.valid) return d.iso;
  }
  for (const name of DATE_METAS) {
    const d = model.meta[name] ? parseDate(model.meta[name]) : null;
    if (d?.valid) return d.iso;
  }
  return null;
}

const outdated = defineRule({
  id: 'text/outdated-term',
  category: 'text',
  defaultLevel: 'info',
  meta: {
    title: { zh: '过时表述', en: 'Outdated term' },
    description: '机构改革后已更名的机构名称和已停止使用的提法；仅在页面日期（发布日期、成文日期，或今天）晚于变更日期时报告。',
    reference: '国务院机构改革方案（2018）及各条目所注文件',
    messages: {
      outdated: { zh: '“{old}”已于{since}起改为“{replacement}”', en: '"{old}" became "{replacement}" on {since}' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const date = pageDate(model) ?? ctx.today;
    const set = dictSetFor(ctx.dictionaries);
    const occ = new OccurrenceCounter();
    for (const h of scanPage(model, set)) {
      for (const r of h.roles) {
        if (r.kind !== 'outdated') continue;
        const e = r.entry;
        const n = occ.next(e.old);
        if (date <= e.since) continue;
        const text = model.body[h.block].text;
        if (coveredBy(text, h.start, h.end, e.old, r.whitelist)) continue;
        // The new name written right there (国土资源局（现自然资源局）) is fine.
        if (text.slice(h.end, h.end + e.replacement.length + 4).includes(e.replacement)) continue;
        ctx.report({
          messageId: 'outdated',
          data: { old: e.old, replacement: e.replacement, since: e.since },
          excerpt: excerptAround(text, h.start, h.end),
          suggestion: e.replacement,
          selector: model.body[h.block].selector,
          textOffset: h.start,
          textLength: h.end - h.start,
          key: `${e.old}#${n}`,
        });
      }
    }
  },
});

export const outdatedTermRules = [outdated];
