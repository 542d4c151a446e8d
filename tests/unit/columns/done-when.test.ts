/**
 * Issue 4 "done when", through the real govlint command on the fixture pages with
 * --today 2026-11-22, and the site summary of the same multi-page run.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummaryText, siteSummary } from '../../../rules/summary';
import { audit, TODAY } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const DIR = join(ROOT, 'tests/fixtures/columns');

interface JsonPage {
  input: string;
  url: string;
  findings: { ruleId: string; message: string; level: string }[];
}

const run = spawnSync(process.execPath, [join(ROOT, 'cli/bin.mjs'), 'audit', DIR, '--format', 'json', '--today', TODAY], { encoding: 'utf8', maxBuffer: 64 << 20 });
const pages: JsonPage[] = JSON.parse(run.stdout).pages;
const page = (file: string) => pages.find((p) => p.input.endsWith(file))!;
const rules = (file: string, ruleId: string) => page(file).findings.filter((f) => f.ruleId === ruleId);

describe('govlint audit tests/fixtures/columns --today 2026-11-22', () => {
  it('runs every fixture', () => {
    expect(run.status).toBe(1);
    expect(pages).toHaveLength(readdirSync(DIR).filter((f) => f.endsWith('.html')).length);
  });

  it('column/stale for 部门动态 newest 2026-10-01, not for 2026-11-10', () => {
    expect(rules('bmdt-stale.html', 'column/stale').map((f) => f.message)).toEqual(['栏目“部门动态”（动态要闻类）最新信息发布于 2026-10-01，已 52 天未更新，超过 14 天的要求 38 天']);
    expect(rules('bmdt-fresh.html', 'column/stale')).toEqual([]);
  });

  it('column/stale for 通知公告 newest 2026-04-01, not for 2026-06-01', () => {
    expect(rules('tzgg-stale.html', 'column/stale')).toHaveLength(1);
    expect(rules('tzgg-stale.html', 'column/stale')[0].message).toContain('2026-04-01');
    expect(rules('tzgg-fresh.html', 'column/stale')).toEqual([]);
  });

  it('column/empty for the 暂无信息 column', () => {
    expect(rules('empty-column.html', 'column/empty')).toHaveLength(1);
  });

  it('footer/malformed-id for 京ICP10036469号', () => {
    expect(rules('home-malformed.html', 'footer/malformed-id').map((f) => f.message)).toContain('ICP备案号“京ICP10036469号”格式不对：缺少“备”字');
  });

  it('interaction/unanswered for the 2026-07-01 message without a reply', () => {
    expect(rules('hudong-list.html', 'interaction/unanswered').map((f) => f.message)).toEqual([
      '留言“关于城关镇府前路路灯长期不亮的问题”提交于 2026-07-01，状态为“未回复”，已超过 3 个月（144 天）',
    ]);
    expect(rules('hudong-detail-unanswered.html', 'interaction/unanswered')).toHaveLength(1);
  });

  it('no column finding on the article and on fresh lists', () => {
    for (const f of ['article-related.html', 'gzdt-cards.html', 'xzdt-yearless.html', 'zcwj-slash.html', 'ldjh-other.html'])
      expect(page(f).findings.filter((x) => x.ruleId.startsWith('column/')), f).toEqual([]);
  });
});

describe('site summary of the multi-page run', () => {
  it('lists the 单项否决 items with counts and verdicts per site', async () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.html'));
    const findings = (await Promise.all(files.map((f) => audit(f)))).flat();
    const out = siteSummary(findings);
    const qx = out.find((s) => s.site === 'http://www.qingxi.gov.cn')!;
    const counts = Object.fromEntries(qx.items.map((i) => [i.id, [i.count, i.verdictText]]));
    expect(counts).toEqual({
      homeStale: [0, '通过'],
      // 部门动态 (2026-10-01) and the undated 工作动态.
      staleColumns: [2, '通过'],
      shouldUpdate: [1, '通过'],
      emptyColumns: [1, '通过'],
      // One message, seen on the list and on its detail page.
      unanswered: [1, '否决风险'],
      seriousErrors: [0, '通过'],
      futureDates: [1, '否决风险'],
    });
    const xl = out.find((s) => s.site === 'http://www.xiling.gov.cn')!;
    expect(xl.items.find((i) => i.id === 'homeStale')).toMatchObject({ count: 1, verdictText: '否决风险' });
    const text = formatSummaryText(out);
    expect(text).toMatch(/超过3个月未回应的留言\s+1\s+≥1\s+否决风险/);
  });
});
