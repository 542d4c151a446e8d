import { describe, expect, it } from 'vitest';
import { classifyColumn, columnRules } from '../../../rules/columns';
import { audit, auditHtmlAt, listPage, only } from './helpers';

const rules = columnRules;

describe('column/stale', () => {
  it('a 部门动态 list whose newest item is 2026-10-01 is stale (14 days); the finding says column, class, newest, limit, days over', async () => {
    const [f, ...rest] = only(await audit('bmdt-stale.html', { rules }), 'column/stale');
    expect(rest).toEqual([]);
    expect(f.level).toBe('error');
    expect(f.certainty).toBe('certain');
    expect(f.data).toMatchObject({ column: '部门动态', class: '动态要闻类', classId: 'news', newest: '2026-10-01', maxAge: 14, age: 52, over: 38 });
    expect(f.message).toBe('栏目“部门动态”（动态要闻类）最新信息发布于 2026-10-01，已 52 天未更新，超过 14 天的要求 38 天');
  });

  it('a 部门动态 list dated 2026-11-10 is not stale', async () => {
    expect(only(await audit('bmdt-fresh.html', { rules }), 'column/stale')).toEqual([]);
  });

  it('a 通知公告 list whose newest item is 2026-04-01 is stale (6 months); 2026-06-01 is not', async () => {
    const [f] = only(await audit('tzgg-stale.html', { rules }), 'column/stale');
    expect(f.data).toMatchObject({ column: '通知公告', classId: 'notice', newest: '2026-04-01', maxAge: 183, over: 52 });
    expect(only(await audit('tzgg-fresh.html', { rules }), 'column/stale')).toEqual([]);
  });

  it('fresh lists in other layouts stay silent', async () => {
    for (const name of ['gzdt-cards.html', 'xzdt-yearless.html', 'zcwj-slash.html', 'bdyw-future.html', 'home-complete.html'])
      expect(only(await audit(name, { rules }), 'column/stale'), name).toEqual([]);
  });

  it('a column without any date counts as not updated', async () => {
    const [f] = only(await audit('gzdt-undated.html', { rules }), 'column/stale');
    expect(f.messageId).toBe('undated');
    expect(f.data).toMatchObject({ column: '工作动态', classId: 'news' });
  });

  it('the homepage: newest item over 14 days is stale', async () => {
    const found = only(await audit('home-missing.html', { rules }), 'column/stale');
    expect(found.find((f) => f.data?.column === '首页')?.data).toMatchObject({ classId: 'home', newest: '2026-11-01', over: 7 });
    // Its 西岭要闻 box (named by the heading beside its 更多 link) is a 要闻 column of its own, 38 days old.
    expect(found.find((f) => f.data?.homeBlock)?.data).toMatchObject({ column: '西岭要闻', classId: 'news', newest: '2026-10-15', age: 38 });
  });

  it('a column of no class (领导讲话) is not checked unless the site gives it an age', async () => {
    expect(only(await audit('ldjh-other.html', { rules }), 'column/stale')).toEqual([]);
    const site = { 'qingxi.gov.cn': { columnClasses: { 讲话: ['领导讲话'] }, columnMaxAge: { 讲话: 180 } } };
    const [f] = only(await audit('ldjh-other.html', { rules, config: { sites: site } }), 'column/stale');
    expect(f.data).toMatchObject({ column: '领导讲话', class: '讲话', maxAge: 180, newest: '2025-12-26' });
  });

  it('a site can change a class age and add keywords', async () => {
    const sites = { 'qingxi.gov.cn': { columnMaxAge: { news: 60 } } };
    expect(only(await audit('bmdt-stale.html', { rules, config: { sites } }), 'column/stale')).toEqual([]);
    expect(classifyColumn('镇村风采', { site: { columnClasses: { 动态要闻类: ['风采'] } } }).id).toBe('news');
  });

  it('a later page of a column (index_1.html) is not judged on its older items', async () => {
    expect(only(await audit('bmdt-page2.html', { rules }), 'column/stale')).toEqual([]);
  });

  it('an oldest-first list with more pages is only suspected', async () => {
    const html = listPage(
      '<ul class="lb"><li><a href="/1.html">县农业农村局部署秋冬种生产工作</a><span>2026-01-05</span></li><li><a href="/2.html">县教育局召开全县中小学安全工作会议</a><span>2026-02-10</span></li></ul><div class="page">共 4 页 <a href="index_1.html">下一页</a></div>',
    );
    const [f] = only(await auditHtmlAt(html, 'http://www.qingxi.gov.cn/zwgk/x/index.html', { rules }), 'column/stale');
    expect(f.certainty).toBe('suspected');
  });

  it('classifies by the longest keyword', () => {
    expect(classifyColumn('乡镇动态').id).toBe('news');
    expect(classifyColumn('公示公告').id).toBe('notice');
    expect(classifyColumn('规范性文件').id).toBe('notice');
    expect(classifyColumn('领导讲话').id).toBe('other');
    expect(classifyColumn(null).maxAgeDays).toBeNull();
  });
});

describe('column/empty', () => {
  it('reports a 暂无信息 column', async () => {
    const [f, ...rest] = only(await audit('empty-column.html', { rules }), 'column/empty');
    expect(rest).toEqual([]);
    expect(f.level).toBe('error');
    expect(f.message).toBe('栏目“财政预决算”为空白栏目：页面显示“暂无信息”');
  });

  it('stays silent on columns with items', async () => {
    for (const name of ['bmdt-stale.html', 'gzdt-undated.html', 'tzgg-fresh.html']) expect(only(await audit(name, { rules }), 'column/empty'), name).toEqual([]);
  });
});

describe('column/undated-items', () => {
  it('reports items without a date, once per page', async () => {
    const f = only(await audit('gzdt-undated.html', { rules }), 'column/undated-items');
    expect(f).toHaveLength(1);
    expect(f[0].data).toMatchObject({ count: 8, total: 8, example: '县政府召开第45次常务会议' });
  });

  it('stays silent when every item shows a date, [MM-DD] included', async () => {
    for (const name of ['bmdt-stale.html', 'xzdt-yearless.html', 'gzdt-cards.html']) expect(only(await audit(name, { rules }), 'column/undated-items'), name).toEqual([]);
  });
});

describe('column/future-item', () => {
  it('reports an item dated after today', async () => {
    const f = only(await audit('bdyw-future.html', { rules }), 'column/future-item');
    expect(f.map((x) => [x.data?.title, x.data?.date, x.data?.days])).toEqual([['清溪县2026年冬季征兵体检工作圆满完成', '2026-12-15', 23]]);
    expect(f[0].key).toBe('http://www.qingxi.gov.cn/zwdt/bdyw/202611/t20261215_4401.html');
  });

  it('a year-less [12-28] on 2026-11-22 is last year, not the future', async () => {
    expect(only(await audit('xzdt-yearless.html', { rules }), 'column/future-item')).toEqual([]);
  });
});
