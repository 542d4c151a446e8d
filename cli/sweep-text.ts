/** The sweep's lines for people: progress, the 检查指标 table of the columns found, what could not be read. */
import type { QueueEntry } from '../utils/sweep/queue';
import type { SweepProgress } from '../utils/sweep/runner';

const VERDICT_ZH: Record<string, string> = {
  fresh: '正常',
  stale: '不更新',
  undated: '未标日期（视为不更新）',
  empty: '空白栏目',
  unknown: '无法判断（列表由脚本生成或无内容）',
  unchecked: '不要求更新',
};

export function minutes(ms: number): string {
  if (ms < 60000) return `${Math.max(1, Math.round(ms / 1000))} 秒`;
  return `${Math.round(ms / 60000)} 分钟`;
}

export function progressLine(p: SweepProgress): string {
  const parts = [`已检查 ${p.done}`, `待查 ${p.queued + p.active}`, `失败 ${p.failed}`];
  if (p.skipped) parts.push(`跳过 ${p.skipped}`);
  if (p.files) parts.push(`文件 ${p.files}`);
  if (p.pagesPerMinute) parts.push(`${Math.round(p.pagesPerMinute)} 页/分`);
  if (p.etaMs && p.queued + p.active > 0) parts.push(`约剩 ${minutes(p.etaMs)}`);
  parts.push(`问题 严重 ${p.findings.error} · 一般 ${p.findings.warn} · 提示 ${p.findings.info}`);
  if (p.overLimit) parts.push(`超出页面上限未查 ${p.overLimit}`);
  return parts.join('，');
}

/** One line per column: what an inspector writes into the 检查指标 form by hand. */
export function columnTable(columns: readonly QueueEntry[], today: string): string {
  if (columns.length === 0) return '未发现栏目页。';
  const lines = [`栏目更新情况（以 ${today} 为准）：`];
  let stale = 0;
  let empty = 0;
  for (const e of columns) {
    const c = e.column!;
    if (c.verdict === 'stale' || c.verdict === 'undated') stale++;
    if (c.verdict === 'empty') empty++;
    const limit = c.maxAgeDays === null ? '—' : `${c.maxAgeDays} 天`;
    const newest = c.newest ? `${c.newest}（${c.age} 天前）` : '—';
    lines.push(`  ${c.path}  类别：${c.classTitle}  要求：${limit}  最新：${newest}  结论：${VERDICT_ZH[c.verdict] ?? c.verdict}  ${e.url}`);
  }
  lines.push(`共 ${columns.length} 个栏目：不更新 ${stale} 个，空白 ${empty} 个${stale >= 5 || empty >= 5 ? '（达到单项否决线：≥5 个）' : ''}。`);
  return lines.join('\n');
}

export function failureTable(failures: readonly QueueEntry[]): string {
  if (failures.length === 0) return '';
  const lines = [`未能检查的网址 ${failures.length} 个：`];
  for (const e of failures) lines.push(`  ${e.state === 'skipped' ? '跳过' : '失败'}  ${e.url}  ${e.error?.message ?? ''}${e.from ? `  （链接来自 ${e.from}）` : ''}`);
  return lines.join('\n');
}
