/**
 * D. Disclosure attribute (公开属性) and validity (有效性) of normative documents.
 * Source: 《政府信息公开条例》第十九条、第二十条; 国办发〔2018〕37号 (规范性文件 有效性标注).
 */
import { fieldOf } from './catalog';
import { parseDate } from './date-parse';
import { defineRule } from './define';
import type { PageModel } from './types';

const ALLOWED = ['主动公开', '依申请公开', '不予公开'];
const REF = '《中华人民共和国政府信息公开条例》（国务院令第711号）';
/** The text itself says the document is not for publication: （此件不予公开）. */
const SAYS_NOT_PUBLIC = /(?:此件|本件|该件|本文件?|此文件?)(?:不予公开|不公开|依申请公开)/;

const invalidValue = defineRule({
  id: 'disclosure/invalid-value',
  category: 'disclosure',
  defaultLevel: 'warn',
  kinds: ['detail'],
  meta: {
    title: { zh: '公开属性取值不规范', en: 'Invalid disclosure attribute' },
    description: '公开属性应为“主动公开”“依申请公开”“不予公开”之一（可在选项中增加本地取值，如“删减后公开”）。',
    reference: REF,
    messages: {
      invalid: { zh: '公开属性“{value}”不是规范取值（{allowed}）', en: 'Disclosure attribute "{value}" is not one of {allowed}' },
    },
  },
  defaultOptions: { extraValues: [] as string[] },
  check(model, ctx) {
    const f = fieldOf(model, '公开属性');
    if (!f || !f.value) return;
    const allowed = [...ALLOWED, ...(ctx.options.extraValues as string[])];
    const value = f.value.replace(/\s+/g, '');
    if (allowed.includes(value)) return;
    ctx.report({
      messageId: 'invalid',
      data: { value: f.value, allowed: allowed.join('、') },
      excerpt: `${f.label}：${f.value}`,
      suggestion: '主动公开',
      field: '公开属性',
      selector: f.selector,
      key: 'value',
    });
  },
});

const contradiction = defineRule({
  id: 'disclosure/contradiction',
  category: 'disclosure',
  defaultLevel: 'error',
  meta: {
    title: { zh: '公开属性与公开行为矛盾', en: 'Published but marked not public' },
    description: '页面已在网站公开，但公开属性为“不予公开”或“依申请公开”，或正文注明“此件不予公开”。',
    reference: REF + '第十四条、第十五条',
    messages: {
      field: { zh: '已公开发布的页面公开属性为“{value}”', en: 'A published page is marked "{value}"' },
      text: { zh: '已公开发布的页面正文注明“{text}”', en: 'A published page says "{text}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const f = fieldOf(model, '公开属性');
    const value = f?.value.replace(/\s+/g, '') ?? '';
    if (f && (value === '不予公开' || value === '依申请公开')) {
      ctx.report({ messageId: 'field', data: { value }, excerpt: `${f.label}：${f.value}`, field: '公开属性', selector: f.selector, key: 'field' });
    }
    for (const b of model.body) {
      const m = SAYS_NOT_PUBLIC.exec(b.text);
      if (!m) continue;
      ctx.report({
        messageId: 'text',
        data: { text: m[0] },
        excerpt: b.text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 10),
        selector: b.selector,
        textOffset: m.index,
        textLength: m[0].length,
        key: `text:${m[0]}`,
      });
    }
  },
});

const missing = defineRule({
  id: 'disclosure/missing',
  category: 'disclosure',
  defaultLevel: 'info',
  kinds: ['detail'],
  meta: {
    title: { zh: '缺少公开属性', en: 'Disclosure attribute missing' },
    description: '本站要求标注公开属性（站点配置 requireDisclosure），页面目录框中没有。日常读网模式下关闭。',
    reference: REF,
    messages: { missing: { zh: '目录中未标注公开属性', en: 'The catalogue box has no disclosure attribute' } },
  },
  defaultOptions: {},
  check(model, ctx) {
    if (!ctx.site.requireDisclosure || fieldOf(model, '公开属性')) return;
    ctx.report({ messageId: 'missing', excerpt: model.fields.map((f) => f.label).join('、'), selector: model.fields[0]?.selector, field: '公开属性', key: 'missing' });
  },
});

// Not 实施意见: most are policy guidance (an office's 实施意见 addressed to its own bodies) rather
// than 规范性文件; those that are carry 规 in the 文号 or a 登记号, which the checks above read.
const NORMATIVE_TITLE = /办法|规定|细则|暂行|规则|条例/;
/** A title that carries the document it names (关于印发《…办法》的通知): the 《》 name counts. */
const CARRIER = /(?:印发|发布|公布|颁布|转发)[^《]{0,6}《/;
/** An interpretation of a document is not the document (《…实施意见》解读, 图解《…》). */
const ABOUT_A_DOCUMENT = /解读|图解|答记者问|问答|政策吹风|新闻发布会/;

/**
 * Whether a title names a rule-like document itself. A document named in 《》 counts only when the
 * title issues it (印发《…办法》的通知); 关于废止《…办法》的决定 is a 决定, 《…》解读 an interpretation.
 */
export function normativeTitle(title: string): boolean {
  if (ABOUT_A_DOCUMENT.test(title)) return false;
  const own = CARRIER.test(title) ? title : title.replace(/《[^》]*》/g, '');
  return NORMATIVE_TITLE.test(own);
}

/** A 规范性文件: by column, by 规 in the 文号, by a 登记号, or by a rule-like title that has a 文号. */
export function isNormative(model: PageModel): boolean {
  const docNo = fieldOf(model, '文号')?.value ?? '';
  if ([model.column ?? '', ...model.breadcrumb].some((c) => c.includes('规范性文件'))) return true;
  if (/规〔/.test(docNo) || /规\s*[〔[（(【]/.test(docNo)) return true;
  if (fieldOf(model, '登记号')?.value) return true;
  const title = fieldOf(model, '名称')?.value || model.headline;
  return !!docNo && normativeTitle(title);
}

const validityMissing = defineRule({
  id: 'validity/missing',
  category: 'validity',
  defaultLevel: 'warn',
  kinds: ['detail'],
  meta: {
    title: { zh: '规范性文件未标注有效性', en: 'Validity missing' },
    description: '规范性文件（栏目或文号含“规”，有登记号，或标题为办法/规定/细则/规则/条例且有文号）没有标注有效性。',
    reference: '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）',
    messages: { missing: { zh: '规范性文件未标注有效性', en: 'A normative document has no validity status' } },
  },
  defaultOptions: {},
  check(model, ctx) {
    if (!isNormative(model) || fieldOf(model, '有效性')) return;
    ctx.report({ messageId: 'missing', excerpt: model.headline || model.title, selector: model.fields[0]?.selector, field: '有效性', key: 'missing' });
  },
});

const validityExpired = defineRule({
  id: 'validity/expired',
  category: 'validity',
  defaultLevel: 'error',
  kinds: ['detail'],
  meta: {
    title: { zh: '已过有效期仍标注有效', en: 'Expired but marked valid' },
    description: '有效期（失效日期）早于今天，有效性却仍为“有效”。',
    reference: '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）',
    messages: { expired: { zh: '有效期至 {until} 已过，有效性仍标注为“{value}”', en: 'Valid until {until}, yet still marked "{value}"' } },
  },
  defaultOptions: {},
  check(model, ctx) {
    const validity = fieldOf(model, '有效性');
    const until = parseDate(fieldOf(model, '有效期')?.value ?? '');
    if (!validity || !until || !until.valid) return;
    const value = validity.value.replace(/\s+/g, '');
    if (!/^(?:有效|现行有效|继续有效|生效)$/.test(value) || until.iso >= ctx.today) return;
    ctx.report({
      messageId: 'expired',
      data: { until: until.iso, value },
      excerpt: `${validity.label}：${validity.value}；有效期：${until.iso}`,
      suggestion: '失效',
      field: '有效性',
      selector: validity.selector,
      key: 'expired',
    });
  },
});

export const disclosureRules = [invalidValue, contradiction, missing, validityMissing, validityExpired];
