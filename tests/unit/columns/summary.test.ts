import { describe, expect, it } from 'vitest';
import { formatSummaryText, siteSummary, type SummaryFinding } from '../../../rules/summary';

const S = 'http://www.qingxi.gov.cn';
const stale = (column: string, classId: string, n = 1): SummaryFinding[] =>
  Array.from({ length: n }, (_, i) => ({
    ruleId: 'column/stale',
    level: 'error' as const,
    url: `${S}/c/${column}${i}/index.html`,
    data: { column: `${column}${i}`, columnPath: `首页>${column}${i}`, classId },
  }));

const item = (s: ReturnType<typeof siteSummary>[0], id: string) => s.items.find((i) => i.id === id)!;

describe('siteSummary', () => {
  it('counts each 单项否决 item against its threshold with a verdict', () => {
    const findings: SummaryFinding[] = [
      ...stale('部门动态', 'news', 5),
      ...stale('通知公告', 'notice', 3),
      { ruleId: 'column/empty', level: 'error', url: `${S}/czyjs/`, data: { column: '财政预决算', columnPath: '首页>信息公开>财政预决算' } },
      { ruleId: 'interaction/unanswered', level: 'error', url: `${S}/hdjl/`, data: { title: '路灯不亮', asked: '2026-07-01' } },
      { ruleId: 'text/typo', level: 'warn', url: `${S}/a.html` },
    ];
    const [s] = siteSummary(findings);
    expect(s.site).toBe(S);
    expect(s.items.map((i) => [i.id, i.count, i.threshold, i.verdictText])).toEqual([
      ['homeStale', 0, 1, '通过'],
      ['staleColumns', 5, 5, '否决风险'],
      ['shouldUpdate', 3, 10, '通过'],
      ['emptyColumns', 1, 5, '通过'],
      ['unanswered', 1, 1, '否决风险'],
      ['seriousErrors', 0, 1, '通过'],
      ['futureDates', 0, 1, '通过'],
    ]);
    expect(s.risk).toBe(true);
    expect(s.families.map((f) => [f.family, f.error, f.warn, f.total])).toEqual([
      ['column', 9, 0, 9],
      ['interaction', 1, 0, 1],
      ['text', 0, 1, 1],
    ]);
  });

  it('counts a column once however many of its pages were audited, and one message once from list and detail', () => {
    const twice: SummaryFinding[] = [
      { ruleId: 'column/stale', level: 'error', url: `${S}/bmdt/index.html`, data: { column: '部门动态', columnPath: '首页>部门动态', classId: 'news' } },
      { ruleId: 'column/stale', level: 'error', url: `${S}/bmdt/index.html?x=1`, data: { column: '部门动态', columnPath: '首页>部门动态', classId: 'news' } },
      { ruleId: 'interaction/unanswered', level: 'error', url: `${S}/hd/index.html`, data: { title: '路灯不亮', asked: '2026-07-01' } },
      { ruleId: 'interaction/unanswered', level: 'error', url: `${S}/hd/1001.html`, data: { title: '路灯不亮', asked: '2026-07-01' } },
    ];
    const [s] = siteSummary(twice);
    expect(item(s, 'staleColumns').count).toBe(1);
    expect(item(s, 'unanswered').count).toBe(1);
  });

  it('future dates from a page and from its list item are one; serious errors count; homepage is its own item', () => {
    const art = `${S}/zwdt/t20261215_1.html`;
    const [s] = siteSummary([
      { ruleId: 'date/future', level: 'error', url: art },
      { ruleId: 'column/future-item', level: 'warn', url: `${S}/zwdt/`, data: { title: '征兵', href: art } },
      { ruleId: 'column/future-item', level: 'warn', url: `${S}/zwdt/`, data: { title: '另一条', href: `${S}/zwdt/2.html` } },
      { ruleId: 'text/serious-error', level: 'error', url: `${S}/a.html`, key: '中华人民共合国#0' },
      { ruleId: 'column/stale', level: 'error', url: `${S}/`, data: { column: '首页', classId: 'home' } },
    ]);
    expect(item(s, 'futureDates').count).toBe(2);
    expect(item(s, 'seriousErrors').verdict).toBe('risk');
    expect(item(s, 'homeStale').count).toBe(1);
    expect(item(s, 'staleColumns').count).toBe(0);
  });

  it('leaves out fixed, ignored and false-positive findings, splits sites, takes thresholds from options', () => {
    const other = 'http://www.xiling.gov.cn';
    const out = siteSummary(
      [
        ...stale('动态', 'news', 2),
        { ...stale('要闻', 'news')[0], status: 'fixed' },
        { ruleId: 'column/empty', level: 'error', url: `${other}/x/`, data: { column: 'x' } },
      ],
      { thresholds: { staleColumns: 2 } },
    );
    expect(out.map((s) => s.site)).toEqual([S, other]);
    expect(item(out[0], 'staleColumns')).toMatchObject({ count: 2, threshold: 2, verdict: 'risk' });
    expect(item(out[1], 'emptyColumns').count).toBe(1);
  });

  it('prints a Chinese table for the CLI', () => {
    const text = formatSummaryText(siteSummary([...stale('部门动态', 'news', 6)]));
    expect(text).toContain(`检查指标（单项否决）自查 — ${S}`);
    expect(text).toMatch(/动态要闻类栏目超过2周未更新\s+6\s+≥5\s+否决风险/);
    expect(text).toMatch(/空白栏目\s+0\s+≥5\s+通过/);
    expect(text).toContain('栏目更新（column）');
    expect(text).toContain('不是正式评分');
    expect(formatSummaryText([])).toContain('没有可统计的问题');
  });
});
