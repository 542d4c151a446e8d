/** What `audit` and `sweep` share on the command line: the report, config, profile, date and timeout flags. */
import { readFile } from 'node:fs/promises';
import { PROFILE_NAMES, todayIso } from '../rules/config';
import { isRealIsoDate, validateConfig } from '../rules/config-schema';
import type { Config } from '../rules/types';
import { InputError } from './inputs';

/** A mistake in how the command was called: the message, then the usage text, exit 2. */
export class UsageError extends Error {}

export const COMMON_OPTIONS = {
  format: { type: 'string', default: 'table' },
  out: { type: 'string' },
  config: { type: 'string' },
  profile: { type: 'string' },
  today: { type: 'string' },
  verbose: { type: 'boolean' },
  'include-info': { type: 'boolean' },
  timeout: { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const COMMON_USAGE = `  --format FORMAT       输出格式：table（默认）| json | xlsx | csv（整改清单）
  --out FILE            xlsx / csv 写入的文件（必填）；table / json 默认写到标准输出
  --config FILE         配置文件（JSON：profile、rules、sites、dictionaries）
  --profile NAME        规则方案：${PROFILE_NAMES.join(' | ')}（默认 daily）
  --today YYYY-MM-DD    以该日期为“今天”（日期、栏目更新类规则）
  --timeout SECONDS     网址的读取时限（默认 20 秒）
  --verbose             table 格式下逐条列出“提示”级问题（默认只计数）
  --include-info        整改清单（xlsx / csv）也列入“提示”级问题（默认不列入）
  --debug               出错时显示程序内部的详细信息（供开发者排查）
  -h, --help            显示帮助`;

export interface CommonSettings {
  config: Config;
  format: 'table' | 'json' | 'xlsx' | 'csv';
  out: string | undefined;
  verbose: boolean;
  includeInfo: boolean;
  /** The day dates are judged by: --today, else the real today. */
  checkDate: string;
  timeoutMs: number;
  debug: boolean;
}

type CommonValues = { [K in keyof typeof COMMON_OPTIONS]?: (typeof COMMON_OPTIONS)[K]['type'] extends 'string' ? string : boolean };

export async function commonSettings(values: CommonValues): Promise<CommonSettings> {
  const format = values.format ?? 'table';
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
  const timeoutS = values.timeout === undefined ? 20 : Number(values.timeout);
  if (!(timeoutS > 0 && timeoutS <= 600)) throw new UsageError(`--timeout 须为 1–600 之间的秒数：${values.timeout}`);
  return {
    config,
    format: format as CommonSettings['format'],
    out: values.out,
    verbose: values.verbose === true,
    includeInfo: values['include-info'] === true,
    checkDate: config.today ?? todayIso(),
    timeoutMs: timeoutS * 1000,
    debug: values.debug === true,
  };
}

export async function loadConfig(path: string | undefined): Promise<Config> {
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

/** An input's failure as the report says it: ours in Chinese, anything else named as an internal error. */
export function failureText(e: unknown, debug: boolean): string {
  if (e instanceof InputError) return e.message;
  const detail = e instanceof Error ? (debug ? (e.stack ?? e.message) : e.message) : String(e);
  return `解析页面时程序内部出错（${detail}）${debug ? '' : '；加 --debug 可查看详细信息，请连同该页面一起反馈给开发者'}`;
}
