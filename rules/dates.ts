/**
 * E. Dates: catalogue date fields that don't parse or are impossible, a publish date in the
 * future (检查指标: 伪造发稿日期 is a 单项否决 item), 成文日期 after 发布日期, a slow publication
 * (条例 第二十六条: 20 working days), and dates in body text that lost characters.
 */
import { fieldOf } from './catalog';
import { daysInMonth, isValidYmd, parseDate, workingDaysBetween } from './date-parse';
import { defineRule } from './define';
import type { CatalogField, PageModel } from './types';

const DATE_FIELDS = ['成文日期', '发布日期', '生效日期', '有效期'];

function dateField(model: PageModel, name: string) {
  const f = fieldOf(model, name);
  if (!f || !f.value) return null;
  const d = parseDate(f.value);
  return d && d.valid ? { f, d } : null;
}

function publishDate(model: PageModel): { iso: string; field: CatalogField | null } | null {
  const pub = dateField(model, '发布日期');
  if (pub) return { iso: pub.d.iso, field: pub.f };
  const meta = parseDate(model.meta.PubDate ?? '');
  return meta && meta.valid ? { iso: meta.iso, field: null } : null;
}

const invalid = defineRule({
  id: 'date/invalid',
  category: 'date',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '日期无效', en: 'Invalid date' },
    description: '目录中的日期无法识别或不存在（如 2018-02-30）。',
    reference: '《政府信息公开目录系统实施指引（试行）》',
    messages: {
      unparsable: { zh: '“{field}”的值“{value}”不是有效日期', en: '"{field}" value "{value}" is not a date' },
      impossible: { zh: '“{field}”的日期“{value}”不存在', en: '"{field}" date "{value}" does not exist' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    for (const name of DATE_FIELDS) {
      const f = fieldOf(model, name);
      if (!f || !f.value) continue;
      // 有效期 may be a period (长期, 5年); only a date-like value is held to be a date.
      if (name === '有效期' && !/\d{4}\s*[-/.年]/.test(f.value)) continue;
      const d = parseDate(f.value);
      if (d && d.valid) continue;
      ctx.report({
        messageId: d ? 'impossible' : 'unparsable',
        data: { field: f.label, value: f.value },
        excerpt: `${f.label}：${f.value}`,
        field: name,
        selector: f.selector,
        key: name,
      });
    }
  },
});

const future = defineRule({
  id: 'date/future',
  category: 'date',
  defaultLevel: 'error',
  meta: {
    title: { zh: '发布日期晚于今天', en: 'Publish date in the future' },
    description: '发布日期晚于检查当日。检查指标将伪造发稿日期列为单项否决。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）单项否决',
    messages: { future: { zh: '发布日期 {date} 晚于今天（{today}）', en: 'Publish date {date} is after today ({today})' } },
  },
  defaultOptions: {},
  check(model, ctx) {
    const pub = publishDate(model);
    if (!pub || pub.iso <= ctx.today) return;
    ctx.report({
      messageId: 'future',
      data: { date: pub.iso, today: ctx.today },
      excerpt: pub.field ? `${pub.field.label}：${pub.field.value}` : `PubDate=${model.meta.PubDate}`,
      field: '发布日期',
      selector: pub.field?.selector,
      key: 'future',
    });
  },
});

const order = defineRule({
  id: 'date/order',
  category: 'date',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '成文日期晚于发布日期', en: 'Written after published' },
    description: '成文日期晚于发布日期：文件不能在成文之前发布。',
    reference: '《政府信息公开目录系统实施指引（试行）》',
    messages: { order: { zh: '成文日期 {written} 晚于发布日期 {published}', en: 'Written {written}, after its publication {published}' } },
  },
  defaultOptions: {},
  check(model, ctx) {
    const w = dateField(model, '成文日期');
    const p = dateField(model, '发布日期');
    if (!w || !p || w.d.iso <= p.d.iso) return;
    ctx.report({
      messageId: 'order',
      data: { written: w.d.iso, published: p.d.iso },
      excerpt: `${w.f.label}：${w.f.value}；${p.f.label}：${p.f.value}`,
      field: '成文日期',
      selector: w.f.selector,
      key: 'order',
    });
  },
});

const publishLag = defineRule({
  id: 'date/publish-lag',
  category: 'date',
  defaultLevel: 'info',
  meta: {
    title: { zh: '公开不及时', en: 'Published late' },
    description: '发布日期比成文日期晚 20 个工作日以上（条例第二十六条：自该政府信息形成或者变更之日起20个工作日内予以公开）。',
    reference: '《中华人民共和国政府信息公开条例》第二十六条',
    messages: {
      lag: { zh: '成文 {written}，发布 {published}，相隔 {days} 个工作日（超过 {max} 个）', en: 'Written {written}, published {published}: {days} working days (over {max})' },
    },
  },
  defaultOptions: { maxWorkingDays: 20, holidays: [] as string[] },
  check(model, ctx) {
    const w = dateField(model, '成文日期');
    const p = dateField(model, '发布日期');
    if (!w || !p) return;
    const max = ctx.options.maxWorkingDays as number;
    const days = workingDaysBetween(w.d.iso, p.d.iso, ctx.options.holidays as string[]);
    if (days <= max) return;
    ctx.report({
      messageId: 'lag',
      data: { written: w.d.iso, published: p.d.iso, days, max },
      excerpt: `${w.f.label}：${w.f.value}；${p.f.label}：${p.f.value}`,
      field: '发布日期',
      selector: p.f.selector,
      key: 'lag',
    });
  },
});

/** Numbers that are amounts or codes, not dates: what follows them says so. */
const NOT_DATE_AFTER = /^(?:[元万亿千百个人件条次号米吨亩户份册台辆家名位项所座套株头只张本篇期批%％]|平方|公里|千米|余|多)/;
const NOT_DATE_BEFORE = /(?:编号|号码|电话|手机|账号|帐号|代码|邮编|序号|No\.?|NO\.?|工号|证号|[A-Za-z])\s*[:：]?\s*$/;

interface TextProblem {
  text: string;
  index: number;
  suggestion?: string;
  kind: 'missingYear' | 'compact' | 'month' | 'day';
}

export function malformedDates(text: string): TextProblem[] {
  const out: TextProblem[] = [];
  // 201711月 / 20186月: the 年 was lost between year and month.
  for (const m of text.matchAll(/(?<![\d.\-/:])((?:19|20)\d{2})(1[0-2]|0?[1-9])月/g)) {
    out.push({ kind: 'missingYear', text: m[0], index: m.index!, suggestion: `${m[1]}年${+m[2]}月` });
  }
  // 2019131: year, month and day run together without separators (7 digits).
  for (const m of text.matchAll(/(?<![\d.\-/:A-Za-z])((?:19|20)\d{2})(\d)(\d)(\d)(?![\d.\-/:A-Za-z])/g)) {
    const after = text.slice(m.index! + m[0].length);
    const before = text.slice(Math.max(0, m.index! - 8), m.index!);
    if (NOT_DATE_AFTER.test(after) || NOT_DATE_BEFORE.test(before) || /^\s*月/.test(after)) continue;
    const y = +m[1];
    const readings: string[] = [];
    const md1 = [+m[2], +(m[3] + m[4])];
    const md2 = [+(m[2] + m[3]), +m[4]];
    for (const [mo, d] of [md1, md2]) if (isValidYmd(y, mo, d)) readings.push(`${y}年${mo}月${d}日`);
    if (readings.length === 0) continue;
    out.push({ kind: 'compact', text: m[0], index: m.index!, suggestion: readings.join(' 或 ') });
  }
  // 2019年13月: a month that does not exist.
  for (const m of text.matchAll(/((?:19|20)\d{2})年(\d{1,2})月/g)) {
    const mo = +m[2];
    if (mo >= 1 && mo <= 12) continue;
    out.push({ kind: 'month', text: m[0], index: m.index! });
  }
  // 2月30日: a day the month does not have (with the year when it is written, for 2月29日).
  for (const m of text.matchAll(/(?:((?:19|20)\d{2})年)?(?<!\d)(\d{1,2})月(\d{1,2})日/g)) {
    const mo = +m[2];
    const d = +m[3];
    if (mo < 1 || mo > 12) continue;
    const max = m[1] ? daysInMonth(+m[1], mo) : mo === 2 ? 29 : daysInMonth(2001, mo);
    if (d >= 1 && d <= max) continue;
    out.push({ kind: 'day', text: m[0], index: m.index! });
  }
  return out.sort((a, b) => a.index - b.index);
}

const malformedText = defineRule({
  id: 'date/malformed-text',
  category: 'date',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '正文日期残缺或错误', en: 'Malformed date in text' },
    description: '正文中丢字或错误的日期：2019131、201711月、20186月、2019年13月、2月30日。',
    reference: 'GB/T 15835-2011《出版物上数字用法》',
    messages: {
      missingYear: { zh: '日期“{text}”缺少“年”字', en: 'Date "{text}" lacks 年' },
      compact: { zh: '日期“{text}”缺少年月日', en: 'Date "{text}" lost its 年/月/日' },
      month: { zh: '日期“{text}”的月份不存在', en: 'Date "{text}" has an impossible month' },
      day: { zh: '日期“{text}”的日不存在', en: 'Date "{text}" has an impossible day' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const seen = new Map<string, number>();
    for (const b of model.body) {
      for (const p of malformedDates(b.text)) {
        const n = seen.get(p.text) ?? 0;
        seen.set(p.text, n + 1);
        ctx.report({
          messageId: p.kind,
          data: { text: p.text },
          excerpt: b.text.slice(Math.max(0, p.index - 20), p.index + p.text.length + 20),
          suggestion: p.suggestion,
          selector: b.selector,
          textOffset: p.index,
          textLength: p.text.length,
          key: `${p.text}#${n}`,
        });
      }
    }
  },
});

export const dateRules = [invalid, future, order, publishLag, malformedText];
