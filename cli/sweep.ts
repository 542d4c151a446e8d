/**
 * govlint sweep <url>... — the sweep runner (utils/sweep/runner.ts) from the terminal: a site from
 * its homepage or a column, or a list of URLs (--urls FILE). State goes to a file as it runs
 * (cli/sweep-state.ts), so Ctrl-C, a crash or a closed terminal leave a sweep that
 * `--resume FILE` continues; the report (same formats as `audit`) is written when the sweep ends.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { todayIso } from '../rules/config';
import { indexNumberOf } from '../rules/index-number';
import { MemoryLookups } from '../rules/run';
import type { Config, Finding } from '../rules/types';
import { brokenLinkFindings } from '../utils/sweep/link-pass';
import { auditForSweep, countLevels } from '../utils/sweep/page-audit';
import type { QueueEntry } from '../utils/sweep/queue';
import { Sweep, SweepInputError, type SweepProgress } from '../utils/sweep/runner';
import type { PageOutput } from './format-table';
import { InputError } from './inputs';
import { COMMON_OPTIONS, COMMON_USAGE, commonSettings, UsageError } from './options';
import { writeReport } from './report';
import { FileQueue, StateFileError } from './sweep-state';
import { columnTable, failureTable, progressLine } from './sweep-text';
import { withTypoModel } from './typo-model';

export const SWEEP_USAGE = `用法：govlint sweep <首页或栏目网址>... [选项]
      govlint sweep --urls 网址清单.txt [选项]
      govlint sweep --resume 状态文件 [选项]

巡检选项：
  --depth N             从起始页起跟随链接的层数（默认 3；栏目翻页不算层数）
  --max-pages N         最多检查的页面数（默认 500）
  --concurrency N       对同一网站同时发出的请求数（默认 2）
  --delay MS            对同一网站两次请求之间的间隔毫秒数（默认 500；robots.txt 的 Crawl-delay 更长时从其规定）
  --urls FILE           只检查文件中列出的网址（每行一个），不跟随链接
  --resume FILE         巡检状态文件：存在则从中断处继续，不存在则新建（默认在当前目录新建）
  --ignore-robots       不遵守 robots.txt（只用于检查本单位自己的网站）
${COMMON_USAGE}`;

const SWEEP_OPTIONS = {
  ...COMMON_OPTIONS,
  depth: { type: 'string' },
  'max-pages': { type: 'string' },
  concurrency: { type: 'string' },
  delay: { type: 'string' },
  urls: { type: 'string' },
  resume: { type: 'string' },
  'ignore-robots': { type: 'boolean' },
} as const;

function intFlag(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`${name} 须为非负整数：${v}`);
  return Number(v);
}

async function readUrlList(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`无法读取网址清单：${path}`);
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

export async function sweepCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: SWEEP_OPTIONS });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(SWEEP_USAGE + '\n');
    return 0;
  }
  const settings = await commonSettings(values);
  const list = values.urls ? await readUrlList(values.urls) : [];
  const start = [...positionals, ...list];
  const statePath = values.resume ?? defaultStatePath(start[0]);
  const queue = new FileQueue(statePath);
  let saved;
  try {
    saved = await queue.load();
  } catch (e) {
    if (e instanceof StateFileError) throw new InputError(e.message);
    throw e;
  }
  if (!saved.record && start.length === 0) throw new UsageError(values.resume && !existsSync(values.resume) ? `找不到巡检状态文件：${values.resume}` : '请指定起始网址（或 --urls 网址清单、--resume 状态文件）');
  if (saved.record && start.length > 0) process.stderr.write(`govlint: 从状态文件 ${statePath} 继续上次的巡检，忽略命令行给出的网址\n`);

  const today = saved.record?.today ?? settings.config.today ?? todayIso();
  const config = { ...settings.config, today };
  const lookups = withTypoModel(new MemoryLookups());
  for (const p of queue.pages.values()) if (p.indexNumber) lookups.addNumber(p.url, p.site, p.indexNumber);

  let sweep: Sweep;
  try {
    sweep = await Sweep.open(
      {
        queue,
        today,
        fetchOptions: { headers: { 'user-agent': 'Mozilla/5.0 (compatible; GovLint/0.1; government website self-check)' } },
        audit: cliPageAudit(queue, config, lookups),
        onProgress: process.stderr.isTTY ? (p) => drawProgress(p) : undefined,
      },
      saved.record
        ? undefined
        : {
            start,
            mode: values.urls ? 'list' : 'site',
            depth: intFlag(values.depth, '--depth'),
            maxPages: intFlag(values['max-pages'], '--max-pages'),
            concurrency: intFlag(values.concurrency, '--concurrency'),
            delayMs: intFlag(values.delay, '--delay'),
            timeoutMs: settings.timeoutMs,
            robots: values['ignore-robots'] ? 'ignore' : 'obey',
          },
    );
  } catch (e) {
    if (e instanceof SweepInputError) throw new UsageError(e.message);
    if (e instanceof StateFileError) throw new InputError(e.message);
    throw e;
  }

  // Ctrl-C: finish the pages under way, save, say how to go on. A second Ctrl-C quits at once
  // (every write is one whole line, so the state file is still good).
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\n正在暂停：等待进行中的页面完成并保存……（再按一次 Ctrl-C 立即退出）\n');
    void sweep.pause();
  };
  process.on('SIGINT', onSigint);
  let record;
  try {
    record = await sweep.run();
  } catch (e) {
    if (e instanceof StateFileError) throw new InputError(e.message);
    throw e;
  } finally {
    process.off('SIGINT', onSigint);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  if (record.status !== 'done') {
    const why = record.error ?? '巡检已暂停';
    process.stderr.write(`${why}。已保存进度（${progressLine(sweep.progress())}）。\n继续巡检：govlint sweep --resume ${statePath}\n`);
    return 130;
  }

  const entries = sweep.list();
  const pages = pagesOf(entries, queue, await brokenLinkFindings(entries, config));
  const columns = entries.filter((e) => e.column);
  const failures = entries.filter((e) => e.state === 'failed' || e.state === 'skipped');
  const files = entries.filter((e) => e.state === 'file');
  const counts = await writeReport(pages, {
    ...settings,
    checkDate: today,
    scope: `巡检 ${record.options.start.join('、')}（${pages.length} 个页面）`,
    extraText: [columnTable(columns, today), failureTable(failures), `另列出非网页文件 ${files.length} 个（PDF、Office 文档、图片等，未解析）。`].join('\n'),
    extraJson: {
      sweep: { id: record.id, status: record.status, today, options: record.options, progress: sweep.progress(), overLimit: record.overLimit, stateFile: statePath },
      columns: columns.map((e) => ({ url: e.url, ...e.column })),
      failures: failures.map((e) => ({ url: e.url, from: e.from, state: e.state, attempts: e.attempts, ...e.error })),
      files: files.map((e) => ({ url: e.url, from: e.from, ...(e.error ? { contentType: e.error.message } : {}) })),
    },
  });
  process.stderr.write(`巡检完成：${progressLine({ ...sweep.progress(), findings: counts })}\n状态文件：${statePath}\n`);
  if (failures.some((e) => e.state === 'failed')) return 3;
  return counts.error > 0 ? 1 : 0;
}

/**
 * A swept page in the CLI: the same extractPage + audit as `govlint audit`, its findings kept in the
 * state file (for the report and a resume), its index number known to the pages after it.
 */
export function cliPageAudit(queue: FileQueue, config: Config, lookups: MemoryLookups) {
  return (page: { url: string; html: string; charset: string }) =>
    auditForSweep(
      page,
      config,
      async (model, result) => {
        await queue.putPage({ url: model.url, site: model.site, column: model.column, indexNumber: indexNumberOf(model), findings: result.findings });
        return countLevels(result);
      },
      { lookups, beforeAudit: (m) => lookups.add(m) },
    );
}

function defaultStatePath(first: string | undefined): string {
  let host = 'urls';
  try {
    if (first) host = new URL(first).host.replace(/[^a-z0-9.-]/gi, '_');
  } catch {
    /* the runner says what is wrong with it */
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  return `govlint-sweep-${host}-${stamp}.jsonl`;
}

function pagesOf(entries: readonly QueueEntry[], queue: FileQueue, links: Map<string, Finding[]>): PageOutput[] {
  const out: PageOutput[] = [];
  for (const e of entries) {
    if (e.state === 'done') {
      const url = e.finalUrl ?? e.url;
      const kept = queue.pages.get(url);
      const findings = [...(kept?.findings ?? []), ...(links.get(url) ?? [])];
      out.push({ input: e.url, url, kind: e.kind ?? 'other', title: e.title ?? '', column: kept?.column ?? null, findings });
    } else if (e.state === 'failed') {
      out.push({ input: e.url, url: e.url, kind: 'other', title: '', findings: [], error: `${e.error?.message ?? '无法检查'}（已尝试 ${e.attempts} 次）` });
    }
  }
  return out;
}

let lastDraw = 0;
function drawProgress(p: SweepProgress) {
  const now = Date.now();
  if (now - lastDraw < 250 && p.status === 'running') return;
  lastDraw = now;
  const total = p.done + p.failed + p.queued + p.active;
  const width = 24;
  const filled = total ? Math.round(((p.done + p.failed) / total) * width) : 0;
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  process.stderr.write(`\r\x1b[2K巡检 ${bar} ${progressLine(p)}`);
}
