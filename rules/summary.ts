/**
 * Site summary (检查指标 view): from the findings stored for a site, the counts that the
 * 单项否决 items of 国办秘函〔2019〕19号 use, beside their thresholds (rules/dicts/veto-items.json),
 * with a verdict per item, and the finding counts per rule family. A guide, not a score.
 *
 * How the column/stale findings split (the 检查指标 text names two different stale items):
 * - "动态、要闻类栏目超过2周未更新" (≥5) counts stale columns of the 2-week news class;
 * - "应更新但长期未更新的栏目" (≥10) counts stale columns of every other class that has an update
 *   duty (通知公告/政策文件 at 6 months, and classes a site adds with their own ages): "should
 *   update" is exactly what a class with a maximum age declares, and "长期" is that age;
 * - the homepage (2 weeks) is its own item, as in the 2015 普查.
 * A column is counted once however many of its pages were audited (key: breadcrumb path).
 * Future dates: date/future (a page's 发布日期) and column/future-item (a list item's date) are
 * the same defect seen from two places; an article counted from its list and its own page is one.
 */
import veto from './dicts/veto-items.json';
import { CATEGORY_LABEL } from '../utils/labels';
import type { Level } from './types';

export interface SummaryFinding {
  ruleId: string;
  level: Level;
  /** Store status: fixed, ignored and false-positive findings do not count. */
  status?: string;
  /** Origin of the site; derived from `url` when absent. */
  site?: string;
  url: string;
  key?: string;
  data?: Record<string, string | number>;
}

export type Verdict = 'risk' | 'pass';

export interface VetoItem {
  id: string;
  title: string;
  titleEn: string;
  count: number;
  threshold: number;
  verdict: Verdict;
  /** 否决风险 or 通过. */
  verdictText: string;
  /** Up to five column names, message titles or URLs behind the count. */
  examples: string[];
}

export interface FamilyCount {
  family: string;
  error: number;
  warn: number;
  info: number;
  total: number;
}

export interface SiteSummary {
  site: string;
  /** Findings counted (open ones). */
  findings: number;
  /** Distinct pages with findings. */
  pages: number;
  items: VetoItem[];
  families: FamilyCount[];
  /** True when any item is at risk. */
  risk: boolean;
}

export interface SummaryOptions {
  /** Thresholds by item id, over the shipped ones. */
  thresholds?: Partial<Record<string, number>>;
  /** Statuses that do not count (default: fixed, ignored, false-positive). */
  skipStatuses?: string[];
}

interface ItemDef {
  id: string;
  title: string;
  en: string;
  threshold: number;
  rules: string[];
  classes?: string[];
}

export const VETO_ITEMS: ItemDef[] = veto.items;
const VERDICT_TEXT: Record<Verdict, string> = { risk: '否决风险', pass: '通过' };
const NAMED_CLASSES = new Set(VETO_ITEMS.flatMap((i) => i.classes ?? []).filter((c) => !c.startsWith('*')));

function siteOf(f: SummaryFinding): string {
  if (f.site) return f.site;
  try {
    return new URL(f.url).origin;
  } catch {
    return f.url;
  }
}

function matchesClass(def: ItemDef, f: SummaryFinding): boolean {
  if (!def.classes) return true;
  const cls = String(f.data?.classId ?? '');
  if (def.classes.includes(cls)) return true;
  // '*other': every class the other items do not name (findings without a class id included).
  return def.classes.includes('*other') && !NAMED_CLASSES.has(cls);
}

/** What one finding stands for in its item's count, and the example shown for it. */
function identity(def: ItemDef, f: SummaryFinding): { id: string; example: string } {
  const d = f.data ?? {};
  if (f.ruleId.startsWith('column/') && f.ruleId !== 'column/future-item') {
    const col = String(d.columnPath ?? d.column ?? '');
    return { id: col || f.url, example: String(d.column ?? f.url) };
  }
  if (def.id === 'futureDates') {
    const target = f.ruleId === 'column/future-item' ? String(d.href ?? `${f.url}#${d.title ?? ''}`) : f.url;
    return { id: target, example: String(d.title ?? f.url) };
  }
  if (f.ruleId === 'interaction/unanswered') return { id: `${d.title ?? ''}@${d.asked ?? f.key ?? f.url}`, example: String(d.title ?? f.url) };
  return { id: `${f.url}#${f.key ?? JSON.stringify(d)}`, example: f.url };
}

export function siteSummary(findings: SummaryFinding[], opts: SummaryOptions = {}): SiteSummary[] {
  const skip = new Set(opts.skipStatuses ?? ['fixed', 'ignored', 'false-positive']);
  const bySite = new Map<string, SummaryFinding[]>();
  for (const f of findings) {
    if (f.status && skip.has(f.status)) continue;
    const s = siteOf(f);
    const list = bySite.get(s);
    if (list) list.push(f);
    else bySite.set(s, [f]);
  }
  const out: SiteSummary[] = [];
  for (const [site, fs] of [...bySite].sort(([a], [b]) => a.localeCompare(b))) {
    // A homepage box and its column's own page are one column: the box counts under the path the
    // column's page gave (首页>新闻中心>新闻动态) when the site has a finding from that page.
    const pathOfColumn = new Map<string, string>();
    for (const f of fs) if (f.ruleId.startsWith('column/') && !f.data?.homeBlock && f.data?.column && f.data.columnPath) pathOfColumn.set(String(f.data.column), String(f.data.columnPath));
    const items: VetoItem[] = VETO_ITEMS.map((def) => {
      const seen = new Map<string, string>();
      for (const f of fs) {
        if (!def.rules.includes(f.ruleId) || !matchesClass(def, f)) continue;
        const known = f.data?.homeBlock ? pathOfColumn.get(String(f.data.column)) : undefined;
        const { id, example } = known ? { id: known, example: String(f.data!.column) } : identity(def, f);
        if (!seen.has(id)) seen.set(id, example);
      }
      const threshold = opts.thresholds?.[def.id] ?? def.threshold;
      const verdict: Verdict = seen.size >= threshold ? 'risk' : 'pass';
      return {
        id: def.id,
        title: def.title,
        titleEn: def.en,
        count: seen.size,
        threshold,
        verdict,
        verdictText: VERDICT_TEXT[verdict],
        examples: [...new Set(seen.values())].slice(0, 5),
      };
    });
    const fam = new Map<string, FamilyCount>();
    for (const f of fs) {
      const family = f.ruleId.split('/')[0];
      const c = fam.get(family) ?? { family, error: 0, warn: 0, info: 0, total: 0 };
      c[f.level]++;
      c.total++;
      fam.set(family, c);
    }
    out.push({
      site,
      findings: fs.length,
      pages: new Set(fs.map((f) => f.url)).size,
      items,
      families: [...fam.values()].sort((a, b) => b.error - a.error || b.total - a.total || a.family.localeCompare(b.family)),
      risk: items.some((i) => i.verdict === 'risk'),
    });
  }
  return out;
}

/** Display width: CJK and full-width characters take two columns in a terminal. */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));


/** The summary as the CLI prints it (Chinese). */
export function formatSummaryText(summary: SiteSummary | SiteSummary[]): string {
  const list = Array.isArray(summary) ? summary : [summary];
  if (list.length === 0) return '检查指标自查：没有可统计的问题。\n';
  const lines: string[] = [];
  for (const s of list) {
    lines.push(`检查指标（单项否决）自查 — ${s.site}`);
    lines.push(`  共 ${s.findings} 个问题，涉及 ${s.pages} 个页面；结论：${s.risk ? '存在否决风险' : '未见否决风险'}`);
    const tw = Math.max(...s.items.map((i) => width(i.title)), 4) + 2;
    lines.push(`  ${padEnd('项目', tw)}${padEnd('数量', 6)}${padEnd('阈值', 6)}结论`);
    for (const i of s.items) {
      const ex = i.count > 0 ? `  （${i.examples.join('、')}${i.count > i.examples.length ? ' 等' : ''}）` : '';
      lines.push(`  ${padEnd(i.title, tw)}${padEnd(String(i.count), 6)}${padEnd(`≥${i.threshold}`, 6)}${i.verdictText}${ex}`);
    }
    if (s.families.length > 0) {
      lines.push('  按规则类别：');
      for (const f of s.families)
        lines.push(`    ${padEnd(`${(CATEGORY_LABEL.zh as Record<string, string>)[f.family] ?? f.family}（${f.family}）`, 28)}严重 ${f.error}  一般 ${f.warn}  提示 ${f.info}  合计 ${f.total}`);
    }
    lines.push('  说明：只统计已检查的页面，供自查参考，不是正式评分。');
    lines.push('');
  }
  return lines.join('\n') + '\n';
}
