/** The CLI's human output: findings grouped by page, Chinese labels, a summary line. */
import type { Finding, Level } from '../rules/types';

export const LEVEL_ZH: Record<Level, string> = { error: '严重', warn: '一般', info: '提示' };

export interface PageOutput {
  input: string;
  url: string;
  kind: string;
  title: string;
  column?: string | null;
  findings: Finding[];
  error?: string;
}

const COLOR: Record<Level, string> = { error: '\x1b[31m', warn: '\x1b[33m', info: '\x1b[36m' };

/** @param verbose list 提示 (info) findings one by one; otherwise count them per page. */
export function formatTable(pages: PageOutput[], color: boolean, verbose = false): string {
  const c = (level: Level, s: string) => (color ? `${COLOR[level]}${s}\x1b[0m` : s);
  const dim = (s: string) => (color ? `\x1b[2m${s}\x1b[0m` : s);
  const lines: string[] = [];
  for (const p of pages) {
    lines.push('');
    lines.push(`${p.title || '（无标题）'}  ${dim(p.url)}`);
    if (p.error) {
      lines.push(`  无法检查：${p.error}`);
      continue;
    }
    if (p.findings.length === 0) {
      lines.push(`  ${dim('未发现问题')}`);
      continue;
    }
    const order: Level[] = ['error', 'warn', 'info'];
    const shown = verbose ? p.findings : p.findings.filter((f) => f.level !== 'info');
    const sorted = [...shown].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
    for (const f of sorted) {
      const sus = f.certainty === 'suspected' ? '（疑似）' : '';
      lines.push(`  ${c(f.level, LEVEL_ZH[f.level])}  ${f.message}${sus}  ${dim(f.ruleId)}`);
      if (f.excerpt) lines.push(`        原文：${oneLine(f.excerpt)}`);
      if (f.suggestion) lines.push(`        建议：${oneLine(f.suggestion)}`);
    }
    const hidden = p.findings.length - shown.length;
    if (hidden > 0) lines.push(`  ${dim(`另有提示 ${hidden} 条（加 --verbose 逐条列出）`)}`);
  }
  return lines.join('\n') + '\n';
}

export function summaryLine(pages: PageOutput[], counts: Record<Level, number>): string {
  const total = counts.error + counts.warn + counts.info;
  const failed = pages.filter((p) => p.error).length;
  return (
    `\n共检查 ${pages.length - failed} 个页面${failed ? `（${failed} 个无法检查）` : ''}，发现 ${total} 个问题：` +
    `严重 ${counts.error}，一般 ${counts.warn}，提示 ${counts.info}\n`
  );
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}
