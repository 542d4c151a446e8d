/**
 * govlint audit <file|dir|url>... | govlint sweep <url>... — the same extractPage + audit as the
 * extension. Exit 0: no error-level finding; 1: some; 2: usage error, or no input could be read;
 * 3: some inputs could not be audited (the report of the others is still complete). Messages are
 * Chinese and name the input; a stack trace only with --debug.
 */
import { parseArgs } from 'node:util';
import { audit } from '../rules/engine';
import { extractFor, MemoryLookups } from '../rules/run';
import type { Config, PageModel } from '../rules/types';
import { collectInputs, InputError, loadInput, type Input, type Loaded } from './inputs';
import type { PageOutput } from './format-table';
import { COMMON_OPTIONS, COMMON_USAGE, commonSettings, failureText, UsageError } from './options';
import { writeReport } from './report';
import { withTypoModel } from './typo-model';
import { SWEEP_USAGE, sweepCommand } from './sweep';

const AUDIT_USAGE = `用法：govlint audit <文件|目录|网址>... [选项]

选项：
${COMMON_USAGE}
  --base-url URL        本地文件原来的网址（目录时为目录对应的网址）`;

const EXIT_CODES = `退出码：0 无严重问题；1 有严重问题；2 用法错误或所有输入都无法读取；
        3 部分输入无法检查（其余页面的报告仍完整写出）。`;

const USAGE = `${AUDIT_USAGE}\n\n${SWEEP_USAGE}\n\n${EXIT_CODES}`;

export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  const sweeping = argv.find((a) => !a.startsWith('-')) === 'sweep';
  try {
    return await (sweeping ? sweepCommand(argv.slice(argv.indexOf('sweep') + 1)) : run(argv));
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      process.stderr.write(`govlint: ${e.message}\n`);
      if (e instanceof UsageError) process.stderr.write(`\n${sweeping ? SWEEP_USAGE : USAGE}\n`);
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
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { ...COMMON_OPTIONS, 'base-url': { type: 'string' } } });
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
  const settings = await commonSettings(values);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined && !/^https?:\/\/[^/]/i.test(baseUrl)) throw new UsageError(`--base-url 须为 http(s) 网址：${baseUrl}`);

  const inputs = await collectInputs(targets, baseUrl);
  const pages = await auditAll(inputs, settings.config, settings.timeoutMs, settings.debug);

  const counts = await writeReport(pages, settings);
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
  const lookups = withTypoModel(new MemoryLookups());
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
