/**
 * C. Document number (文号/发文字号), in the catalogue field and cited in body text.
 * GB/T 9704-2012 7.2.5: "年份应标全称，用六角括号〔〕括入；发文顺序号不加'第'字，不编虚位
 * （即1不编为01），在阿拉伯数字后加'号'字".
 */
import { fieldOf } from './catalog';
import { parseDate } from './date-parse';
import { defineRule } from './define';
import type { PageModel, Report } from './types';

/** Wrong brackets around the year: [2018] ［2018］ （2018） (2018) 【2018】 {2018} 〈2018〉 <2018> ﹝2018﹞ (small form). */
const WRONG_BRACKETS = '\\[［（(【{〈<《﹝';
const CLOSE_FOR: Record<string, string> = { '[': ']', '［': '］', '（': '）', '(': ')', '【': '】', '{': '}', '〈': '〉', '<': '>', '《': '》', '﹝': '﹞' };

/** Agency code (机关代字): Chinese characters right before the year, as in 京政发, 保政办函. */
const AGENCY = '([\\u4e00-\\u9fa5]{2,12})';

interface Problem {
  kind: 'bracket' | 'shortYear' | 'di' | 'leadingZero' | 'unclosed' | 'noHao' | 'space';
  text: string;
  index: number;
  fixed: string;
}

// Each pattern has a cheap anchor test: the full patterns start with a run of CJK characters and
// would be tried at every position of every paragraph; most paragraphs cite no 文号 at all.
const ANCHOR_WRONG = new RegExp(`[${WRONG_BRACKETS}]\\s*(?:19|20)\\d{2}\\s*[\\]］）)】}〉>》﹞]`);
const ANCHOR_HEX = /〔\d/;

const PATTERNS: { kind: Problem['kind']; anchor: RegExp; re: RegExp; fix: (m: RegExpExecArray) => string }[] = [
  {
    kind: 'bracket',
    anchor: ANCHOR_WRONG,
    re: new RegExp(`${AGENCY}\\s*([${WRONG_BRACKETS}])\\s*((?:19|20)\\d{2})\\s*([\\]］）)】}〉>》﹞])\\s*第?0*(\\d+)\\s*号`, 'g'),
    fix: (m) => `${m[1]}〔${m[3]}〕${m[5]}号`,
  },
  { kind: 'shortYear', anchor: ANCHOR_HEX, re: new RegExp(`${AGENCY}〔(\\d{2})〕第?0*(\\d+)号`, 'g'), fix: (m) => `${m[1]}〔20${m[2]}〕${m[3]}号` },
  { kind: 'di', anchor: ANCHOR_HEX, re: new RegExp(`${AGENCY}〔((?:19|20)\\d{2})〕第0*(\\d+)号`, 'g'), fix: (m) => `${m[1]}〔${m[2]}〕${m[3]}号` },
  { kind: 'leadingZero', anchor: ANCHOR_HEX, re: new RegExp(`${AGENCY}〔((?:19|20)\\d{2})〕0+(\\d+)号`, 'g'), fix: (m) => `${m[1]}〔${m[2]}〕${m[3]}号` },
  // 〔2018153号: the closing bracket lost, year and number run together.
  { kind: 'unclosed', anchor: ANCHOR_HEX, re: new RegExp(`${AGENCY}〔((?:19|20)\\d{2})(\\d{1,4})号`, 'g'), fix: (m) => `${m[1]}〔${m[2]}〕${m[3]}号` },
  // 国发〔2017〕5 号, 国发 〔2017〕5号: a 文号 is one word, with no space inside (the others take
  // precedence: a wrong bracket with spaces is reported once, as a bracket).
  {
    kind: 'space',
    anchor: /〔\s*(?:19|20)\d{2}\s*〕\s*\d+\s*号/,
    re: new RegExp(`${AGENCY}\\s*〔\\s*((?:19|20)\\d{2})\\s*〕\\s*(\\d+)\\s*号`, 'g'),
    fix: (m) => `${m[1]}〔${m[2]}〕${m[3]}号`,
  },
];

function findProblems(text: string): Problem[] {
  const out: Problem[] = [];
  const taken: [number, number][] = [];
  if (!text.includes('号')) return out;
  for (const p of PATTERNS) {
    if (!p.anchor.test(text)) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (p.kind === 'space' && !/\s/.test(m[0])) continue;
      if (p.kind === 'bracket' && CLOSE_FOR[m[2]] !== m[4] && !(m[2] === '(' && m[4] === '）') && !(m[2] === '（' && m[4] === ')')) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      out.push({ kind: p.kind, text: m[0], index: start, fixed: p.fix(m) });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A well-formed 文号 (for the field): 代字〔年份〕序号号. */
const VALID = /^[\u4e00-\u9fa5A-Za-z0-9]+〔(?:19|20)\d{2}〕[1-9]\d*号$/;

function pageYearBefore(model: PageModel, isoLimit: string): boolean {
  const d =
    parseDate(fieldOf(model, '成文日期')?.value ?? '') ?? parseDate(fieldOf(model, '发布日期')?.value ?? '') ?? parseDate(model.meta.PubDate ?? '');
  return !!d && d.valid && d.iso < isoLimit;
}

function context(text: string, index: number, len: number, span = 20): string {
  const a = Math.max(0, index - span);
  const b = Math.min(text.length, index + len + span);
  return (a > 0 ? '…' : '') + text.slice(a, b) + (b < text.length ? '…' : '');
}

const format = defineRule({
  id: 'doc-number/format',
  category: 'doc-number',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '文号格式不规范', en: 'Document number format' },
    description:
      '发文字号不符合 GB/T 9704-2012：年份须用六角括号〔〕括入并标全称，序号不加“第”字、不编虚位，数字后加“号”，文号中间不留空格。检查目录框的文号和正文中引用的文号。',
    reference: 'GB/T 9704-2012《党政机关公文格式》7.2.5 发文字号',
    messages: {
      bracket: { zh: '文号“{text}”年份未使用六角括号〔〕', en: 'Document number "{text}": the year must be in 〔〕' },
      shortYear: { zh: '文号“{text}”年份未标全称', en: 'Document number "{text}": the year must be written in full' },
      di: { zh: '文号“{text}”序号不应加“第”字', en: 'Document number "{text}": no 第 before the serial number' },
      leadingZero: { zh: '文号“{text}”序号不应编虚位（如 1 不编为 01）', en: 'Document number "{text}": no leading zeros in the serial number' },
      unclosed: { zh: '文号“{text}”缺少右括号“〕”', en: 'Document number "{text}": the closing 〕 is missing' },
      noHao: { zh: '文号“{text}”序号后缺少“号”字', en: 'Document number "{text}": 号 is missing after the number' },
      space: { zh: '文号“{text}”中间有空格', en: 'Document number "{text}" has a space inside' },
    },
  },
  defaultOptions: { oldDocsBefore: '2012-07-01' },
  check(model, ctx) {
    // Documents made before the standard took effect are held to it only as a hint.
    const shift: Report['levelShift'] = pageYearBefore(model, ctx.options.oldDocsBefore as string) ? -1 : undefined;
    const field = fieldOf(model, '文号');
    if (field && field.value && !VALID.test(field.value.replace(/\s+/g, ''))) {
      const value = field.value.replace(/\s+/g, '');
      const problems = findProblems(value);
      if (problems.length === 0 && /〔(?:19|20)\d{2}〕[1-9]\d*$/.test(value)) {
        problems.push({ kind: 'noHao', text: value, index: 0, fixed: value + '号' });
      }
      for (const p of problems)
        ctx.report({
          messageId: p.kind,
          data: { text: p.text },
          excerpt: value,
          suggestion: p.fixed,
          field: '文号',
          selector: field.selector,
          key: `field:${p.kind}`,
          levelShift: shift,
        });
    }
    const seen = new Map<string, number>();
    for (const block of model.body) {
      for (const p of findProblems(block.text)) {
        const n = seen.get(p.text) ?? 0;
        seen.set(p.text, n + 1);
        ctx.report({
          messageId: p.kind,
          data: { text: p.text },
          excerpt: context(block.text, p.index, p.text.length),
          suggestion: p.fixed,
          selector: block.selector,
          textOffset: p.index,
          textLength: p.text.length,
          key: `body:${p.text}#${n}`,
          levelShift: block.headline ? undefined : shift,
        });
      }
    }
  },
});

export const docNumberRules = [format];
