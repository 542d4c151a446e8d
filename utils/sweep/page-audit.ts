/**
 * A swept page through the same path as a page read by hand: extractFor + audit (rules/run.ts), then
 * the caller's `keep` (the extension reconciles into its store; the CLI keeps the findings for its
 * report). Timed in parts, for the benchmark's "where the time goes". The column's 检查指标 line comes
 * from the same columnStatus the column rules report from.
 */
import { columnStatus } from '../../rules/columns';
import { resolveSite, todayIso } from '../../rules/config';
import { audit, type AuditOptions } from '../../rules/engine';
import { extractFor } from '../../rules/run';
import type { AuditResult, Config, Level, PageModel } from '../../rules/types';
import type { PageAudit } from './runner';

export type Keep = (model: PageModel, result: AuditResult) => Promise<Record<Level, number>> | Record<Level, number>;

/** Open findings by level, for a caller that keeps every finding it is given. */
export function countLevels(result: AuditResult): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  for (const f of result.findings) counts[f.level]++;
  return counts;
}

export async function auditForSweep(
  page: { url: string; html: string; charset: string },
  config: Config,
  keep: Keep,
  opts: Pick<AuditOptions, 'lookups'> & { beforeAudit?: (model: PageModel) => void } = {},
): Promise<PageAudit> {
  const t0 = performance.now();
  const model = extractFor(page.html, page.url, config, page.charset);
  const t1 = performance.now();
  opts.beforeAudit?.(model);
  const result = await audit(model, config, { lookups: opts.lookups });
  const t2 = performance.now();
  const findings = await keep(model, result);
  const t3 = performance.now();
  const site = resolveSite(config, model.host);
  const column = columnStatus(model, { today: config.today ?? todayIso(), site });
  return { model, findings, column, timing: { extract: t1 - t0, audit: t2 - t1, store: t3 - t2 } };
}
