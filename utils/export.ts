/**
 * The 整改清单 (rectification list) writers: XLSX (utils/xlsx-writer.ts), CSV (UTF-8 with BOM, CRLF) and JSON.
 * Plain rows in, bytes/text out: the dashboard and the CLI call the same functions.
 *
 * Spreadsheet injection (OWASP "CSV Injection"): page text is untrusted. Every text cell whose
 * first character is `=`, `+`, `-`, `@`, TAB or CR is written with a leading apostrophe `'`.
 * We chose the visible apostrophe (OWASP's recommendation) over XLSX's hidden quotePrefix style
 * because it is the same in CSV and XLSX, survives copy/paste and re-saving in any tool, and the
 * reader can see that the text was neutralised. Hyperlinks are only made for http(s) URLs.
 */
import type { Certainty, Level } from '../rules/types';
import { ruleById } from '../rules/index';
import type { FindingStatus } from './db';
import { LEVEL_LABEL, STATUS_LABEL } from './labels';
import { writeWorkbook, type Cell } from './xlsx-writer';

/** What a row of the list needs. StoredFinding fits; the CLI fills what it has. */
export interface ExportFinding {
  ruleId: string;
  level: Level;
  message: string;
  excerpt: string;
  url: string;
  suggestion?: string;
  certainty?: Certainty;
  site?: string;
  column?: string | null;
  pageTitle?: string;
  /** epoch ms */
  firstSeen?: number;
  lastSeen?: number;
  status?: FindingStatus;
  note?: string;
}

export interface ExportOptions {
  /** 问题类型 shown for a rule id; default: the rule's Chinese title, then the id. */
  ruleTitle?: (ruleId: string) => string;
  /** Called with (rows done, total) while writing, for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Sheet name of the list. */
  sheetName?: string;
  /** The screenshot file of a finding (in the zip beside the list), for the 截图 column. */
  shotName?: (f: ExportFinding) => string | undefined;
  /** The 封面 sheet's facts; without it the workbook has no cover. */
  cover?: Cover;
}

/** What the cover of a 整改清单 says: who was checked, when, by whom, what the list covers. */
export interface Cover {
  /** 单位: the checked sites or departments. */
  unit?: string;
  /** 检查日期 (YYYY-MM-DD): the day dates were judged by. */
  checkDate: string;
  /** 检查人: left for the inspector to fill in when empty. */
  inspector?: string;
  /** 范围: 全部问题, the filter, or the pages of a CLI run. */
  scope: string;
  /** True when 提示 findings were left out. */
  infoExcluded?: boolean;
}

/** 提示 findings are worth a look, not a rectification: the 整改清单 leaves them out unless asked. */
export function forExport<T extends ExportFinding>(findings: T[], includeInfo: boolean): T[] {
  return includeInfo ? findings : findings.filter((f) => f.level !== 'info');
}

/** The sites of a list, as the cover's 单位 when nobody typed one. */
export function sitesOf(findings: ExportFinding[]): string {
  const sites = [...new Set(findings.map((f) => siteOf(f).replace(/^https?:\/\//, '')))].filter(Boolean);
  return sites.length <= 3 ? sites.join('、') : `${sites.slice(0, 3).join('、')} 等 ${sites.length} 个网站`;
}

export const HEADERS = [
  '序号',
  '网站',
  '栏目',
  '页面标题',
  '页面地址',
  '问题类型',
  '级别',
  '问题描述',
  '原文摘录',
  '修改建议',
  '发现时间',
  '最近检查',
  '状态',
  '备注',
  // Filled in by the department that rectifies: the 整改清单 goes out and comes back in this file.
  '整改期限',
  '责任人',
  '整改情况',
  // The file name of the finding's screenshot in the zip saved beside the list.
  '截图',
] as const;

export const LEVEL_ZH: Record<Level, string> = LEVEL_LABEL.zh; // 严重 / 一般 / 提示
export const STATUS_ZH: Record<FindingStatus, string> = STATUS_LABEL.zh; // 待整改 / 已整改 / 已忽略 / 误报
export const CERTAINTY_ZH: Record<Certainty, string> = { certain: '确定', suspected: '疑似' };

const DANGEROUS_FIRST = new Set(['=', '+', '-', '@', '\t', '\r']);

/** C0 controls other than tab/LF/CR (and DEL): invisible, and dropped by the XLSX writer (invalid XML). */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * OWASP CSV-injection neutralisation: a leading apostrophe before a formula trigger. Controls are
 * removed first: were they kept in front of the check, `\u0001=HYPERLINK(…)` would pass it and the
 * writer would then strip the control, leaving a cell that starts with `=`.
 */
export function neutralise(s: string): string {
  const t = s.replace(CONTROLS, '');
  return t.length > 0 && DANGEROUS_FIRST.has(t[0]) ? "'" + t : t;
}

export function defaultRuleTitle(ruleId: string): string {
  return ruleById.get(ruleId)?.meta.title.zh ?? ruleId;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** Local date-time 'YYYY-MM-DD HH:mm', '' when unknown. */
export function formatTime(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function siteOf(f: ExportFinding): string {
  if (f.site) return f.site;
  try {
    const o = new URL(f.url).origin;
    return o === 'null' ? '' : o; // javascript:, data: … have an opaque origin
  } catch {
    return '';
  }
}

/** The text values of a row, in HEADERS order, before neutralisation (序号 is a number). */
export function rowValues(f: ExportFinding, i: number, ruleTitle: (id: string) => string, shot?: string): [number, ...string[]] {
  const typ = ruleTitle(f.ruleId);
  return [
    i + 1,
    siteOf(f),
    f.column ?? '',
    f.pageTitle ?? '',
    f.url,
    f.certainty === 'suspected' ? `${typ}（疑似）` : typ,
    LEVEL_ZH[f.level] ?? f.level,
    f.message,
    f.excerpt,
    f.suggestion ?? '',
    formatTime(f.firstSeen),
    formatTime(f.lastSeen),
    f.status ? STATUS_ZH[f.status] : STATUS_ZH.open,
    f.note ?? '',
    '',
    '',
    '',
    shot ?? '',
  ];
}

/** Order of the list: by site, column, page, then severity — how a department works it down. */
export function sortForList<T extends ExportFinding>(findings: T[]): T[] {
  const sev: Record<string, number> = { error: 0, warn: 1, info: 2 };
  // One collator (pinyin order for column names): localeCompare(…, 'zh-CN') per call is ~10× slower.
  const zh = new Intl.Collator('zh-CN').compare;
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return [...findings].sort(
    (a, b) =>
      cmp(siteOf(a), siteOf(b)) ||
      zh(a.column ?? '', b.column ?? '') ||
      cmp(a.url, b.url) ||
      sev[a.level] - sev[b.level] ||
      cmp(a.ruleId, b.ruleId),
  );
}

// ---------------------------------------------------------------------------------------------
// CSV

function csvField(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : neutralise(v);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** CSV for Excel: UTF-8 with BOM (so Excel reads Chinese), CRLF line ends, RFC 4180 quoting. */
export function toCsv(findings: ExportFinding[], opts: ExportOptions = {}): string {
  const title = opts.ruleTitle ?? defaultRuleTitle;
  const lines: string[] = [HEADERS.join(',')];
  findings.forEach((f, i) => lines.push(rowValues(f, i, title).map(csvField).join(',')));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

// ---------------------------------------------------------------------------------------------
// XLSX

const WIDTHS = [6, 22, 14, 36, 40, 22, 6, 40, 40, 30, 17, 17, 8, 20, 12, 10, 30, 12];

const isWebUrl = (u: string) => /^https?:\/\//i.test(u);

/** The 整改清单 workbook: sheet 问题清单 (frozen header, autofilter, links) and sheet 汇总. */
export async function writeXlsx(findings: ExportFinding[], opts: ExportOptions = {}): Promise<Uint8Array> {
  const title = opts.ruleTitle ?? defaultRuleTitle;
  const total = findings.length;
  function* rows(): Generator<Cell[]> {
    for (let i = 0; i < total; i++) {
      const v = rowValues(findings[i], i, title, opts.shotName?.(findings[i]));
      const cells: Cell[] = v.map((x) => (typeof x === 'number' ? x : neutralise(x)));
      const url = findings[i].url;
      if (isWebUrl(url)) cells[4] = { text: neutralise(url), hyperlink: url };
      yield cells;
    }
  }
  const summary = summaryRows(findings, title);
  const cover = opts.cover ? coverRows(opts.cover, findings) : null;
  const bytes = await writeWorkbook(
    [
      ...(cover ? [{ name: '封面', widths: [14, 60], rows: cover.rows, boldRows: cover.bold }] : []),
      { name: opts.sheetName ?? '问题清单', header: [...HEADERS], widths: WIDTHS, rows: rows() },
      { name: '汇总', widths: [28, 24, 8, 8, 8, 8, 8], rows: summary.rows, boldRows: summary.bold },
    ],
    {
      creator: 'GovLint 政务网站自查助手',
      onRow: opts.onProgress
        ? async (n) => {
            opts.onProgress!(Math.min(n, total), total);
            await new Promise((r) => setTimeout(r, 0)); // let the page paint the progress
          }
        : undefined,
    },
  );
  opts.onProgress?.(total, total);
  return bytes;
}

function coverRows(c: Cover, findings: ExportFinding[]): { rows: Cell[][]; bold: Set<number> } {
  const n = { error: 0, warn: 0, info: 0 };
  for (const f of findings) n[f.level]++;
  const counts = `严重 ${n.error}，一般 ${n.warn}，提示 ${n.info}${c.infoExcluded ? '（提示类问题未列入）' : ''}`;
  const rows: Cell[][] = [
    ['政府网站问题整改清单'],
    [],
    ['单位', neutralise(c.unit || sitesOf(findings))],
    ['检查日期', c.checkDate],
    ['检查人', neutralise(c.inspector ?? '')],
    ['范围', neutralise(c.scope)],
    ['问题数', `${findings.length} 条：${counts}`],
    ['整改要求', '请在“问题清单”表中逐条填写整改期限、责任人和整改情况后反馈。'],
    [],
    ['生成', `GovLint 政务网站自查助手，${formatTime(Date.now())}`],
  ];
  return { rows, bold: new Set([0]) };
}

interface Tally {
  error: number;
  warn: number;
  info: number;
  open: number;
  total: number;
}
const emptyTally = (): Tally => ({ error: 0, warn: 0, info: 0, open: 0, total: 0 });

/** Two tables: by site + column (the departments) and by rule, with counts by level and still open. */
function summaryRows(findings: ExportFinding[], title: (id: string) => string): { rows: Cell[][]; bold: Set<number> } {
  const byCol = new Map<string, { site: string; column: string; t: Tally }>();
  const byRule = new Map<string, Tally>();
  const all = emptyTally();
  for (const f of findings) {
    const site = siteOf(f);
    const column = f.column ?? '（未识别栏目）';
    const k = site + '\n' + column;
    const c = byCol.get(k) ?? { site, column, t: emptyTally() };
    byCol.set(k, c);
    const r = byRule.get(f.ruleId) ?? emptyTally();
    byRule.set(f.ruleId, r);
    for (const t of [c.t, r, all]) {
      t[f.level]++;
      t.total++;
      if ((f.status ?? 'open') === 'open') t.open++;
    }
  }
  const rows: Cell[][] = [];
  const bold = new Set<number>();
  const heading = (cells: Cell[]) => {
    bold.add(rows.length);
    rows.push(cells);
  };
  heading(['按网站和栏目']);
  heading(['网站', '栏目', '严重', '一般', '提示', '合计', '待整改']);
  const cols = [...byCol.values()].sort((a, b) => a.site.localeCompare(b.site) || b.t.total - a.t.total);
  for (const c of cols) rows.push([neutralise(c.site), neutralise(c.column), c.t.error, c.t.warn, c.t.info, c.t.total, c.t.open]);
  rows.push([]);
  heading(['按问题类型']);
  heading(['问题类型', '规则', '严重', '一般', '提示', '合计', '待整改']);
  const rules = [...byRule.entries()].sort((a, b) => b[1].total - a[1].total);
  for (const [id, t] of rules) rows.push([neutralise(title(id)), id, t.error, t.warn, t.info, t.total, t.open]);
  rows.push([]);
  heading(['合计', '', all.error, all.warn, all.info, all.total, all.open]);
  return { rows, bold };
}

// ---------------------------------------------------------------------------------------------
// JSON (lossless; re-importable through utils/backup.ts)

export const FINDINGS_FORMAT = 'govlint-findings';

export function toJson(findings: unknown[], extra: { filter?: unknown } = {}): string {
  return JSON.stringify({ format: FINDINGS_FORMAT, version: 1, exportedAt: new Date().toISOString(), ...extra, findings });
}

/** File name like 整改清单-20240301-1530.xlsx */
export function exportFileName(ext: 'xlsx' | 'csv' | 'json', now = Date.now(), stem = '整改清单'): string {
  const d = new Date(now);
  return `${stem}-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}.${ext}`;
}
