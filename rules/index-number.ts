/**
 * B. Index number (索引号): format against the site's patterns, the embedded code's check
 * digit, the year against the document's dates, and one number for one item.
 * Source: 《政府信息公开目录系统实施指引（试行）》 (索引号 = 前段码/后段码); GB 11714; GB 32100.
 */
import { fieldOf } from './catalog';
import { checkOrgCode, checkUscc, type CodeCheck } from './codes';
import { parseDate } from './date-parse';
import { defineRule } from './define';
import presetData from './dicts/index-number-presets.json';
import { compileUserRegex, testBounded } from './safe-regex';
import type { PageModel } from './types';

export const INDEX_PRESETS: Record<string, string> = presetData.presets;
const REF = '《政府信息公开目录系统实施指引（试行）》（国办秘书局，2008）';

export function indexNumberOf(model: PageModel): string | null {
  const f = fieldOf(model, '索引号');
  return f && f.value ? f.value.replace(/\s+/g, '') : null;
}

/** The structure of an index number: every run of letters/digits becomes its length (`8-1-/4-7`). */
export function shapeOf(indexNumber: string): string {
  return indexNumber.replace(/\s+/g, '').replace(/[0-9A-Za-z]+/g, (m) => String(m.length));
}

/** A shape as an editor reads it: 9/4-5 → 9位/4位-5位 (runs of letters and digits by their length). */
export function readableShape(shape: string, lang: 'zh' | 'en' = 'zh'): string {
  return shape.replace(/\d+/g, (n) => (lang === 'zh' ? `${n}位` : `${n} chars`));
}

/**
 * The code that can be cut out of an index number, with its check. `certain` when the
 * structure leaves no doubt (18-char USCC, or 8 chars-hyphen-check `01526376-X`); a bare
 * 9-character prefix might be some other local code, so its failure is only suspected.
 */
export function embeddedCode(indexNumber: string): { check: CodeCheck; certain: boolean; text: string; checkAt: number } | null {
  const s = indexNumber.toUpperCase();
  const uscc = /^([0-9A-Z]{18})(?=[/-]|$)/.exec(s);
  if (uscc) {
    const check = checkUscc(uscc[1]);
    if (check) return { check, certain: true, text: indexNumber.slice(0, 18), checkAt: 17 };
  }
  const hyphen = /^([0-9A-Z]{8})-([0-9X])(?=[-/]|$)/.exec(s);
  if (hyphen) {
    const check = checkOrgCode(hyphen[1] + hyphen[2]);
    if (check) return { check, certain: true, text: indexNumber.slice(0, 10), checkAt: 9 };
  }
  const bare = /^([0-9A-Z]{8}[0-9X])(?=[-/])/.exec(s);
  if (bare) {
    const check = checkOrgCode(bare[1]);
    if (check) return { check, certain: false, text: indexNumber.slice(0, 9), checkAt: 8 };
  }
  return null;
}

/** The year an index number carries (the first 19xx/20xx after its code part), or null. */
export function yearOf(indexNumber: string): number | null {
  const s = indexNumber.replace(/\s+/g, '');
  // After the slash (目录指引: 前段码/后段码) first; else a year that starts a hyphen segment.
  const m = /\/((?:19|20)\d{2})/.exec(s) ?? /(?:^|-)((?:19|20)\d{2})(?=\d{0,4}(?:-|$))/.exec(s);
  return m ? +m[1] : null;
}

const format = defineRule({
  id: 'index-number/format',
  category: 'index-number',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '索引号格式不规范', en: 'Index number format' },
    description:
      '索引号不符合本站配置的编码规则；未配置规则时，只报告既无年份也无机构代码的索引号，或与本站多数索引号结构不同者（疑似）。空段（如“-X-/”）仅在严格模式下作为提示报告。',
    reference: REF,
    messages: {
      pattern: { zh: '索引号“{value}”不符合本站的编码规则', en: 'Index number "{value}" matches none of the site\'s patterns' },
      noStructure: { zh: '索引号“{value}”既无年份也无机构代码，无法识别编码结构', en: 'Index number "{value}" has no year and no organisation code' },
      shape: {
        zh: '索引号“{value}”的结构（{mine}）与本站多数索引号（{shape}，{count} 条）不同',
        en: 'Index number "{value}" ({mineEn}) differs in structure from most of the site\'s ({shapeEn}, {count})',
      },
      emptySegment: { zh: '索引号“{value}”含空段', en: 'Index number "{value}" has an empty segment' },
    },
  },
  defaultOptions: { reportEmptySegment: false, minSample: 10, dominantShare: 0.8 },
  async check(model, ctx) {
    const value = indexNumberOf(model);
    if (!value) return;
    const f = fieldOf(model, '索引号')!;
    const base = { data: { value }, excerpt: value, field: '索引号', selector: f.selector };
    // Only patterns that pass the static check run (config validation says why the others were
    // refused), and only on an index number's length: a configured regex can never stall a page.
    const patterns = (ctx.site.indexPatterns ?? []).map(compileUserRegex).filter((r): r is RegExp => r !== null);
    if (patterns.length > 0) {
      if (!patterns.some((re) => testBounded(re, value))) ctx.report({ ...base, messageId: 'pattern', key: 'pattern' });
    } else if (!yearOf(value) && !embeddedCode(value)) {
      ctx.report({ ...base, messageId: 'noStructure', key: 'structure' });
    } else if (ctx.lookups.indexNumberShapes) {
      const shapes = await ctx.lookups.indexNumberShapes(model.site);
      const total = Object.values(shapes).reduce((a, b) => a + b, 0);
      const [top, count] = Object.entries(shapes).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      const mine = shapeOf(value);
      if (total >= (ctx.options.minSample as number) && count / total >= (ctx.options.dominantShare as number) && mine !== top)
        ctx.report({
          ...base,
          data: { value, shape: readableShape(top), mine: readableShape(mine), shapeEn: readableShape(top, 'en'), mineEn: readableShape(mine, 'en'), count },
          messageId: 'shape',
          key: 'shape',
          certainty: 'suspected',
        });
    }
    if (ctx.options.reportEmptySegment && /-\/|--|\/-|-$|\/\//.test(value))
      ctx.report({ ...base, messageId: 'emptySegment', key: 'empty-segment', levelShift: -1 });
  },
});

const checkDigit = defineRule({
  id: 'index-number/check-digit',
  category: 'index-number',
  defaultLevel: 'error',
  meta: {
    title: { zh: '索引号机构代码校验位错误', en: 'Index number check digit' },
    description: '索引号中的组织机构代码（GB 11714）或统一社会信用代码（GB 32100）校验位不正确。',
    reference: 'GB 11714-1997 《全国组织机构代码编制规则》；GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》',
    messages: {
      org: { zh: '索引号中的组织机构代码“{code}”校验位错误，应为“{expected}”', en: 'Organisation code "{code}" in the index number has a wrong check character; expected "{expected}"' },
      uscc: { zh: '索引号中的统一社会信用代码“{code}”校验位错误，应为“{expected}”', en: 'Unified social credit code "{code}" in the index number has a wrong check character; expected "{expected}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const value = indexNumberOf(model);
    if (!value) return;
    const code = embeddedCode(value);
    if (!code || code.check.ok) return;
    const { check } = code;
    ctx.report({
      messageId: check.kind,
      data: { code: code.text, expected: check.expected },
      excerpt: value,
      suggestion: value.slice(0, code.checkAt) + check.expected + value.slice(code.checkAt + 1),
      field: '索引号',
      selector: fieldOf(model, '索引号')!.selector,
      key: 'check-digit',
      certainty: code.certain ? 'certain' : 'suspected',
    });
  },
});

const yearMismatch = defineRule({
  id: 'index-number/year-mismatch',
  category: 'index-number',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '索引号年份与日期不符', en: 'Index number year mismatch' },
    description: '索引号中的年份与成文日期、发布日期的年份都不一致（与其一相同即可：补录的文件保留成文年份）。',
    reference: REF,
    messages: {
      mismatch: { zh: '索引号年份 {year} 与成文日期/发布日期的年份（{years}）不一致', en: 'Index number year {year} matches neither document date ({years})' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const value = indexNumberOf(model);
    if (!value) return;
    const year = yearOf(value);
    if (!year) return;
    const years = ['成文日期', '发布日期']
      .map((n) => parseDate(fieldOf(model, n)?.value ?? ''))
      .filter((d) => d && d.valid)
      .map((d) => d!.y);
    if (years.length === 0 || years.includes(year)) return;
    ctx.report({
      messageId: 'mismatch',
      data: { year, years: [...new Set(years)].join('、') },
      excerpt: value,
      field: '索引号',
      selector: fieldOf(model, '索引号')!.selector,
      key: 'year',
    });
  },
});

const duplicate = defineRule({
  id: 'index-number/duplicate',
  category: 'index-number',
  defaultLevel: 'error',
  meta: {
    title: { zh: '索引号重复', en: 'Duplicate index number' },
    description: '同一索引号出现在另一个页面上（一个索引号只标识一条信息）。',
    reference: REF,
    messages: {
      duplicate: { zh: '索引号“{value}”与另一页面重复：{other}', en: 'Index number "{value}" is also used by {other}' },
    },
  },
  defaultOptions: {},
  async check(model, ctx) {
    const value = indexNumberOf(model);
    if (!value || !ctx.lookups.urlsWithIndexNumber) return;
    const others = await ctx.lookups.urlsWithIndexNumber(value, model.url);
    if (others.length === 0) return;
    ctx.report({
      messageId: 'duplicate',
      data: { value, other: others.slice(0, 3).join('、') + (others.length > 3 ? ` 等 ${others.length} 个` : '') },
      excerpt: value,
      field: '索引号',
      selector: fieldOf(model, '索引号')!.selector,
      key: 'duplicate',
    });
  },
});

export const indexNumberRules = [format, checkDigit, yearMismatch, duplicate];
