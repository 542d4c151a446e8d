/**
 * Writing a run's report, the same for `audit` and `sweep`: JSON (one document), the 整改清单 as
 * xlsx or csv, or the human table on standard output. A failed write is an input error (exit 2).
 */
import { writeFile } from 'node:fs/promises';
import { formatSummaryText, siteSummary } from '../rules/summary';
import type { Level } from '../rules/types';
import { forExport, sortForList, toCsv, writeXlsx } from '../utils/export';
import { formatTable, summaryLine, type PageOutput } from './format-table';
import { InputError } from './inputs';

export interface ReportOptions {
  format: string;
  out: string | undefined;
  verbose: boolean;
  /** Extra top-level members of the JSON document (the sweep's columns, files and failures). */
  extraJson?: Record<string, unknown>;
  /** Extra text after the table (the sweep's 检查指标 table). */
  extraText?: string;
  /** The 整改清单 (xlsx, csv) lists 提示 findings too. */
  includeInfo: boolean;
  /** The cover's 检查日期. */
  checkDate: string;
  /** The cover's 范围 (default: the number of pages). */
  scope?: string;
}

/** Writes the report; returns the findings counted by level. */
export async function writeReport(pages: PageOutput[], o: ReportOptions): Promise<Record<Level, number>> {
  const counts: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  for (const p of pages) for (const f of p.findings) counts[f.level]++;
  const sites = siteSummary(pages.flatMap((p) => p.findings));
  if (o.format === 'json') {
    const doc = {
      version: 1,
      pages: pages.map((p) => ({
        input: p.input,
        url: p.url,
        kind: p.kind,
        title: p.title,
        ...(p.error ? { error: p.error } : {}),
        findings: p.findings.map((f) => ({
          ruleId: f.ruleId,
          level: f.level,
          certainty: f.certainty,
          message: f.message,
          excerpt: f.excerpt,
          suggestion: f.suggestion ?? null,
          field: f.field ?? null,
          selector: f.selector ?? null,
          key: f.key,
          data: f.data ?? null,
        })),
      })),
      summary: counts,
      sites,
      ...o.extraJson,
    };
    await emit(JSON.stringify(doc, null, 2) + '\n', o.out);
  } else if (o.format === 'xlsx' || o.format === 'csv') {
    const all = pages.flatMap((p) => p.findings.map((f) => ({ ...f, pageTitle: p.title, column: p.column })));
    const rows = sortForList(forExport(all, o.includeInfo));
    const now = Date.now();
    const dated = rows.map((r) => ({ ...r, firstSeen: now, lastSeen: now }));
    const cover = { checkDate: o.checkDate, scope: o.scope ?? `命令行检查的 ${pages.length} 个页面`, infoExcluded: !o.includeInfo };
    await writeOut(o.out!, o.format === 'xlsx' ? await writeXlsx(dated, { cover }) : toCsv(dated));
    const left = all.length - rows.length;
    process.stderr.write(`已写入整改清单 ${o.out}（${rows.length} 条问题，${pages.length} 个页面${left ? `；另有提示 ${left} 条未列入，加 --include-info 可列入` : ''}）\n`);
  } else {
    let text = formatTable(pages, process.stdout.isTTY === true && !o.out, o.verbose) + summaryLine(pages, counts);
    if (pages.length > 1) text += '\n' + formatSummaryText(sites);
    if (o.extraText) text += '\n' + o.extraText;
    await emit(text, o.out);
  }
  return counts;
}

async function emit(text: string, out: string | undefined): Promise<void> {
  if (out) await writeOut(out, text);
  else await write(text);
}

/** Writes a report file; a failed write is an input error (exit 2) with the reason. */
export async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(path, data);
  } catch (e) {
    throw new InputError(`无法写入 ${path}：${e instanceof Error ? e.message : e}`);
  }
}

/** Resolves once the chunk is handed to the OS, so a large report is complete before exit. */
function write(s: string): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(s, (err) => (err ? reject(err) : resolve())));
}
