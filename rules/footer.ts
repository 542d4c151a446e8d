/**
 * F. Footer (指引 网站标识): the identifiers a government site's footer must show, and the
 * shape of its ICP and 公网安备 numbers. Checked on the homepage; option `everyPage`.
 */
import { defineRule } from './define';
import data from './dicts/footer-elements.json';
import type { PageModel } from './types';

const REF = '《政府网站发展指引》（国办发〔2017〕47号）网站标识：党政机关网站标识、我为政府网站找错、主办单位、联系方式、网站标识码、ICP备案编号、公安机关备案标识';
const PROVINCES = new Set([...data.provinceAbbrev]);

interface ElementDef {
  id: string;
  title: string;
  text?: string;
  url?: string;
  scriptMarker?: string;
  scriptInjected?: boolean;
  /** Asked of 政府网站 only (网站标识码, 找错), not of 人大, 政协, court or party sites. */
  governmentOnly?: boolean;
}

const NON_GOVERNMENT_SPONSOR = new RegExp(data.nonGovernmentSponsor, 'i');

/** The footer names a 人大, 政协, 法院, 检察院 or party organ as the site's sponsor: not a 政府网站. */
export function nonGovernmentSite(model: PageModel): boolean {
  return !!model.footer && NON_GOVERNMENT_SPONSOR.test(model.footer.text);
}

const ELEMENTS = (data.elements as ElementDef[]).map((e) => ({
  ...e,
  textRe: e.text ? new RegExp(e.text, 'i') : null,
  urlRe: e.url ? new RegExp(e.url, 'i') : null,
  markerRe: e.scriptMarker ? new RegExp(e.scriptMarker, 'i') : null,
}));

/**
 * Which footer elements the page shows. The conac and 找错 badges count anywhere on the page,
 * and also when a script draws them (saved pages show no badge yet): a `<script src>` from
 * conac.cn or jiucuo.js, or an inline `document.write(unescape("%3Cspan id='_ideConac'…"))`
 * (PageModel.scriptRefs).
 */
export function footerElements(model: PageModel): Map<string, boolean> {
  const f = model.footer!;
  const texts = [f.text, ...f.links.map((l) => l.text), ...f.images.map((i) => i.alt)].join(' \n ');
  const urls = [...f.links.map((l) => l.url), ...f.images.map((i) => i.src)];
  const refs = model.scriptRefs ?? [];
  const pageUrls = [...model.links.map((l) => l.url), ...model.scripts, ...refs];
  const out = new Map<string, boolean>();
  for (const e of ELEMENTS) {
    const where = e.scriptInjected ? [...urls, ...pageUrls] : urls;
    const found =
      (e.textRe?.test(texts) ?? false) ||
      (!!e.urlRe && where.some((u) => e.urlRe!.test(u))) ||
      (!!e.markerRe && e.scriptInjected === true && where.some((u) => e.markerRe!.test(u)));
    out.set(e.id, found);
  }
  return out;
}

const missingElement = defineRule({
  id: 'footer/missing-element',
  category: 'footer',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '页脚要素缺失', en: 'Footer element missing' },
    description:
      '页脚缺少：党政机关网站标识（conac 链接或图片）、我为政府网站找错、主办单位、联系方式、网站标识码、ICP备案号、公安机关备案号。网站标识码和找错只查政府网站（主办单位为人大、政协、法院、检察院、党委部门的网站不查）。默认只查首页，选项 everyPage 查每一页。',
    reference: REF,
    messages: {
      missing: { zh: '页脚缺少“{element}”', en: 'The footer lacks "{elementEn}"' },
      missingScript: {
        zh: '页脚未见“{element}”（若它是图片或由脚本显示，请核对页面底部是否确有此项）',
        en: 'No "{elementEn}" in the footer (if it is an image or shown by a script, check the bottom of the page)',
      },
    },
  },
  defaultOptions: { everyPage: false },
  check(model, ctx) {
    if (!model.footer || (!ctx.options.everyPage && model.kind !== 'home')) return;
    const found = footerElements(model);
    const government = !nonGovernmentSite(model);
    for (const e of ELEMENTS) {
      if (found.get(e.id) || (e.governmentOnly && !government)) continue;
      ctx.report({
        // The conac and 找错 badges are often inserted by a script: seen without scripts, their
        // absence is only suspected.
        messageId: e.scriptInjected ? 'missingScript' : 'missing',
        data: { element: e.title, elementEn: EN_TITLES[e.id] ?? e.title },
        excerpt: model.footer.text,
        selector: model.footer.selector ?? undefined,
        key: e.id,
        certainty: e.scriptInjected ? 'suspected' : 'certain',
      });
    }
  },
});

const EN_TITLES: Record<string, string> = {
  conac: 'government website badge (conac)',
  jiucuo: '"report an error" link',
  sponsor: 'sponsoring organ',
  contact: 'contact details',
  siteId: 'site ID code',
  icp: 'ICP filing number',
  psb: 'public security filing number',
};

/** ICP numbers: 6–8 digits, or the 10 digits (year first) issued since about 2016. */
const ICP_DIGITS = /^(?:\d{6,8}|\d{10})$/;
/** 公网安备 numbers: 14 digits since the national platform (2016); earlier ones had 12 and are still shown. */
const PSB_DIGITS = /^(?:\d{14}|\d{12})$/;

export interface IdProblem {
  kind: 'icp' | 'psb';
  raw: string;
  problems: string[];
  suggestion?: string;
  index: number;
}

/**
 * ICP and 公网安备 numbers in a text that do not have the official shape:
 * `<简称>ICP备<6–8 digits>号(-n)` (numbers issued since about 2016 have 10 digits, `2021012345`),
 * `<简称>公网安备<14 digits>号` (older numbers: 12 digits). ICP证 (a commercial licence) and labels
 * (ICP备案号：) are skipped. The 简称 list holds both names where a province has two (川/蜀, 贵/黔,
 * 云/滇, 甘/陇).
 */
export function findMalformedIds(text: string): IdProblem[] {
  const out: IdProblem[] = [];
  const before = (i: number) => text.slice(0, i).replace(/\s+$/, '').slice(-1);
  for (const m of text.matchAll(/ICP/gi)) {
    const i = m.index!;
    const after = text.slice(i + 3);
    if (/^\s*备案/.test(after) || /^\s*证/.test(after)) continue;
    // 号 then the site's serial (京ICP备05070218号-1), or written after it (京ICP备05070218-1号).
    const t = /^(\s*)(备)?(\s*)(\d+)(\s*)(?:(号)(-\d+)?|(-\d+)\s*(号)?)?/.exec(after);
    if (!t) continue;
    const prov = before(i);
    const digits = t[4];
    const serial = t[7] ?? t[8] ?? '';
    const problems: string[] = [];
    if (!PROVINCES.has(prov)) problems.push('缺少省份简称');
    if (!t[2]) problems.push('缺少“备”字');
    if (!ICP_DIGITS.test(digits)) problems.push(`编号为 ${digits.length} 位数字（应为 6–8 位，或 2016 年后的 10 位）`);
    if (!t[6] && !t[9]) problems.push('缺少“号”字');
    if (problems.length === 0) continue;
    const start = PROVINCES.has(prov) ? text.lastIndexOf(prov, i) : i;
    const raw = text.slice(start, i + 3 + t[0].length).trimEnd();
    const suggestion = PROVINCES.has(prov) && ICP_DIGITS.test(digits) ? `${prov}ICP备${digits}号${serial}` : undefined;
    out.push({ kind: 'icp', raw, problems, suggestion, index: start });
  }
  // 公安备案 + a number is the same filing in words the registry does not use (赣公安备案 3604…号).
  for (const m of text.matchAll(/公网安备|公安备案/g)) {
    const i = m.index!;
    const after = text.slice(i + 4);
    if (/^\s*案/.test(after)) continue;
    const t = /^(\s*)(\d+)(\s*)(号)?/.exec(after);
    if (!t) continue;
    const prov = before(i);
    const digits = t[2];
    const problems: string[] = [];
    if (!PROVINCES.has(prov)) problems.push('缺少省份简称');
    if (m[0] === '公安备案') problems.push('应写作“公网安备”');
    if (!PSB_DIGITS.test(digits)) problems.push(`编号为 ${digits.length} 位数字（应为 14 位）`);
    if (!t[4]) problems.push('缺少“号”字');
    if (problems.length === 0) continue;
    const start = PROVINCES.has(prov) ? text.lastIndexOf(prov, i) : i;
    const raw = text.slice(start, i + 4 + t[0].length);
    const suggestion = PROVINCES.has(prov) && PSB_DIGITS.test(digits) ? `${prov}公网安备 ${digits}号` : undefined;
    out.push({ kind: 'psb', raw, problems, suggestion, index: start });
  }
  return out;
}

const malformedId = defineRule({
  id: 'footer/malformed-id',
  category: 'footer',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '备案编号格式错误', en: 'Malformed filing number' },
    description: 'ICP备案号应为“<省份简称>ICP备<数字>号(-n)”，公安机关备案号应为“<省份简称>公网安备<14 位数字>号”（如“京ICP10036469号”缺“备”字，公网安备 13 位数字）。默认只查首页。',
    reference: REF,
    messages: {
      icp: { zh: 'ICP备案号“{raw}”格式不对：{problems}', en: 'ICP number "{raw}" is malformed: {problems}' },
      psb: { zh: '公安机关备案号“{raw}”格式不对：{problems}', en: 'Public security filing number "{raw}" is malformed: {problems}' },
    },
  },
  defaultOptions: { everyPage: false },
  check(model, ctx) {
    if (!model.footer || (!ctx.options.everyPage && model.kind !== 'home')) return;
    for (const p of findMalformedIds(model.footer.text)) {
      ctx.report({
        messageId: p.kind,
        data: { raw: p.raw, problems: p.problems.join('；') },
        excerpt: model.footer.text.slice(Math.max(0, p.index - 20), p.index + p.raw.length + 20),
        suggestion: p.suggestion,
        selector: model.footer.selector ?? undefined,
        // The number's place in the footer's text: the overlay marks it, not the whole footer.
        textOffset: p.index,
        textLength: p.raw.length,
        key: `${p.kind}:${p.raw}`,
      });
    }
  },
});

export const footerRules = [missingElement, malformedId];
