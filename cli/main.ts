/**
 * govlint audit <file|dir|url>... [--format table|json|xlsx|csv] [--out FILE] [--config FILE]
 *                                  [--profile NAME] [--today YYYY-MM-DD] [--base-url URL]
 * Same extractPage + audit as the extension. Exit 0: no error-level finding; 1: some; 2: usage
 * error, or no input could be read; 3: some inputs could not be audited (the report of the others
 * is still complete). Messages are Chinese and name the input; a stack trace only with --debug.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { PROFILE_NAMES } from '../rules/config';
import { isRealIsoDate, validateConfig } from '../rules/config-schema';
import { audit } from '../rules/engine';
import { extractFor, MemoryLookups } from '../rules/run';
import { formatSummaryText, siteSummary } from '../rules/summary';
import type { Config, Level, PageModel } from '../rules/types';
import { sortForList, toCsv, writeXlsx } from '../utils/export';
import { collectInputs, InputError, loadInput, type Input, type Loaded } from './inputs';
import { formatTable, summaryLine, type PageOutput } from './format-table';

const USAGE = `用法：govlint audit <文件|目录|网址>... [选项]

选项：
  --format FORMAT       输出格式：table（默认）| json | xlsx | csv（整改清单）
  --out FILE            xlsx / csv 写入的文件（必填）；table / json 默认写到标准输出
  --config FILE         配置文件（JSON：profile、rules、sites、dictionaries）
  --profile NAME        规则方案：${PROFILE_NAMES.join(' | ')}（默认 daily）
  --today YYYY-MM-DD    以该日期为“今天”（日期、栏目更新类规则）
  --base-url URL        本地文件原来的网址（目录时为目录对应的网址）
  --timeout SECONDS     网址的读取时限（默认 20 秒）
  --verbose             table 格式下逐条列出“提示”级问题（默认只计数）
  --debug               出错时显示程序内部的详细信息（供开发者排查）
  -h, --help            显示帮助

退出码：0 无严重问题；1 有严重问题；2 用法错误或所有输入都无法读取；
        3 部分输入无法检查（其余页面的报告仍完整写出）。`;

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(argv);
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`govlint: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write(`\n${USAGE}\n`);
      return 2;
    }
    // Not the user's doing: say so plainly, keep the details for --debug.
    process.stderr.write(`govlint: 内部错误：${e instanceof Error ? e.message : String(e)}\n`);
    process.stderr.write(debug && e instanceof Error ? `${e.stack}\n` : '（加 --debug 可查看详细信息；请把它连同输入一起反馈给开发者）\n');
    return 2;
  }
}

async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'table' },
        out: { type: 'string' },
        config: { type: 'string' },
        profile: { type: 'string' },
        today: { type: 'string' },
        'base-url': { type: 'string' },
        verbose: { type: 'boolean' },
        timeout: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const [command, ...targets] = positionals;
  if (command !== 'audit') throw new UsageError(command ? `未知命令：${command}` : '缺少命令');
  if (targets.length === 0) throw new UsageError('请指定要检查的文件、目录或网址');
  const format = values.format!;
  if (!['table', 'json', 'xlsx', 'csv'].includes(format)) throw new UsageError(`未知的输出格式：${format}`);
  if ((format === 'xlsx' || format === 'csv') && !values.out) throw new UsageError(`--format ${format} 需要 --out FILE`);

  const config = await loadConfig(values.config);
  if (values.profile) {
    if (!PROFILE_NAMES.includes(values.profile)) throw new UsageError(`未知的规则方案：${values.profile}（可选 ${PROFILE_NAMES.join(' / ')}）`);
    config.profile = values.profile;
  }
  if (values.today) {
    if (!isRealIsoDate(values.today)) throw new UsageError(`--today 须为真实存在的 YYYY-MM-DD 日期：${values.today}`);
    config.today = values.today;
  }
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(baseUrl)) throw new UsageError(`--base-url 须为 http(s) 网址：${baseUrl}`);

  const timeoutS = values.timeout === undefined ? 20 : Number(values.timeout);
  if (!(timeoutS > 0 && timeoutS <= 600)) throw new UsageError(`--timeout 须为 1–600 之间的秒数：${values.timeout}`);

  const inputs = await collectInputs(targets, baseUrl);
  const pages = await auditAll(inputs, config, timeoutS * 1000, values.debug === true);

  const counts: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  for (const p of pages) for (const f of p.findings) counts[f.level]++;

  const sites = siteSummary(pages.flatMap((p) => p.findings));
  if (format === 'json') {
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
    };
    await emit(JSON.stringify(doc, null, 2) + '\n', values.out);
  } else if (format === 'xlsx' || format === 'csv') {
    const rows = sortForList(pages.flatMap((p) => p.findings.map((f) => ({ ...f, pageTitle: p.title, column: p.column }))));
    const now = Date.now();
    const dated = rows.map((r) => ({ ...r, firstSeen: now, lastSeen: now }));
    await writeOut(values.out!, format === 'xlsx' ? await writeXlsx(dated) : toCsv(dated));
    process.stderr.write(`已写入整改清单 ${values.out}（${rows.length} 条问题，${pages.length} 个页面）\n`);
  } else {
    let text = formatTable(pages, process.stdout.isTTY === true && !values.out, values.verbose === true) + summaryLine(pages, counts);
    if (pages.length > 1) text += '\n' + formatSummaryText(sites);
    await emit(text, values.out);
  }
  const failed = pages.filter((p) => p.error).length;
  if (failed && failed === pages.length) return 2;
  if (failed) return 3;
  return counts.error > 0 ? 1 : 0;
}

/**
 * Two passes: first every page's index number (for duplicates across the run), then the audit.
 * A page that cannot be parsed is that page's failure (in Chinese; the details with --debug), never
 * the run's.
 */
async function auditAll(inputs: Input[], config: Config, timeoutMs: number, debug: boolean): Promise<PageOutput[]> {
  const lookups = new MemoryLookups();
  // URL inputs are fetched once and kept; files are re-read in the second pass (a run of thousands
  // stays small in memory). A run of one page keeps its model: there is nothing to wait for.
  const fetched = new Map<Input, Loaded>();
  const failed = new Map<Input, string>();
  let only: PageModel | null = null;
  for (const input of inputs) {
    try {
      const loaded = await loadInput(input, timeoutMs);
      if (input.kind === 'url' || input.once) fetched.set(input, loaded);
      const model = extractFor(loaded.html, loaded.url, config, loaded.charset);
      lookups.add(model);
      if (inputs.length === 1) only = model;
    } catch (e) {
      failed.set(input, failureText(e, debug));
    }
  }
  const pages: PageOutput[] = [];
  for (const input of inputs) {
    const error = failed.get(input);
    if (error) {
      pages.push({ input: input.input, url: input.url, kind: 'other', title: '', findings: [], error });
      continue;
    }
    let model = only;
    try {
      if (!model) {
        const loaded = fetched.get(input) ?? (await loadInput(input, timeoutMs));
        model = extractFor(loaded.html, loaded.url, config, loaded.charset);
      }
    } catch (e) {
      // A file that went away between the two passes: that page fails, the others are reported.
      pages.push({ input: input.input, url: input.url, kind: 'other', title: '', findings: [], error: failureText(e, debug) });
      continue;
    }
    const result = await audit(model, config, { lookups });
    for (const d of result.diagnostics) process.stderr.write(`govlint: 规则 ${d.ruleId} 在 ${model.url} 上出错：${d.message}\n`);
    pages.push({
      input: input.input,
      url: model.url,
      kind: model.kind,
      title: model.headline || model.title,
      column: model.column,
      findings: result.findings,
    });
  }
  return pages;
}

/** An input's failure as the report says it: ours in Chinese, anything else named as an internal error. */
function failureText(e: unknown, debug: boolean): string {
  if (e instanceof InputError) return e.message;
  const detail = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
  return `解析页面时程序内部出错（${detail}）${debug ? '' : '；加 --debug 可查看详细信息，请连同该页面一起反馈给开发者'}`;
}

async function loadConfig(path: string | undefined): Promise<Config> {
  if (!path) return {};
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new InputError(`无法读取配置文件：${path}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new InputError(`配置文件不是有效的 JSON（${path}）：${e instanceof Error ? e.message : e}`);
  }
  const problems = validateConfig(value);
  if (problems.length) throw new InputError(`配置文件有误（${path}）：\n  - ${problems.join('\n  - ')}`);
  return value as Config;
}

async function emit(text: string, out: string | undefined): Promise<void> {
  if (out) await writeOut(out, text);
  else await write(text);
}

/** Writes a report file; a failed write is an input error (exit 2) with the reason. */
async function writeOut(path: string, data: string | Uint8Array): Promise<void> {
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
