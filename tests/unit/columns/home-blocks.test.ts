import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../../rules/run';
import { siteSummary } from '../../../rules/summary';

const HOME = 'http://www.qingxi.gov.cn/';
const TODAY = '2026-11-20';

/** A homepage of two boxes: reprinted national news (fresh) and the county's own news (as given). */
function homepage(opts: { ownDates: string[]; tabs?: 'links' | 'more' | 'heading'; ownPath?: string; extraMenu?: string; noticeDates?: string[] }): string {
  const own = opts.ownPath ?? '/xwzx/xwdt/';
  const reprint = ['2026-11-19', '2026-11-18', '2026-11-17']
    .map((d, i) => `<li><a href="https://www.gov.cn/yaowen/liebiao/202611/content_70${i}.htm">国务院常务会议研究部署第${i + 1}项重点工作</a><span>${d}</span></li>`)
    .join('');
  const ownItems = opts.ownDates
    .map((d, i) => `<li><a href="${own}art/${d.slice(0, 4)}/art_${i}.html">青溪县召开第${i + 1}次重点项目推进会议</a><span>${d}</span></li>`)
    .join('');
  const notices = (opts.noticeDates ?? [])
    .map((d, i) => `<li><a href="/xwzx/tzgg/${d.replace(/-/g, '')}/t${i}.html">关于做好第${i + 1}批惠民补贴发放工作的通知</a><span>${d}</span></li>`)
    .join('');
  const head =
    opts.tabs === 'more'
      ? `<div class="hd"><ul><li class="on"><a>时政要闻</a></li><li><a>新闻动态</a></li></ul><div class="more"><a href="/szyw/index.html">更多</a><a href="${own}index.html">更多</a></div></div>`
      : opts.tabs === 'heading'
        ? `<div class="hd"><h3>新闻动态</h3><a class="more" href="${own}index.html">更多</a></div>`
        : `<div class="tabs"><a href="/szyw/index.html">时政要闻</a><a href="${own}index.html">新闻动态</a></div>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>青溪县人民政府</title></head><body>
<div class="nav"><a href="/">首页</a><a href="/xwzx/index.html">新闻中心</a>${opts.extraMenu ?? ''}</div>
<div class="box">${head}<ul class="list">${reprint}</ul><ul class="list">${ownItems}</ul></div>
${notices ? `<div class="box"><div class="hd"><a href="/xwzx/tzgg/index.html">通知公告</a></div><ul>${notices}</ul></div>` : ''}
<div class="footer">主办单位：青溪县人民政府办公室</div></body></html>`;
}

const staleOf = async (html: string) => (await auditHtml(html, HOME, { today: TODAY })).findings.filter((f) => f.ruleId === 'column/stale');

describe('column/stale on a homepage box that shows a named column', () => {
  it('a stale own-news box hidden behind fresh reprints is reported, named by its tab link', async () => {
    const found = await staleOf(homepage({ ownDates: ['2026-10-20', '2026-10-02', '2026-09-15'] }));
    expect(found).toHaveLength(1);
    expect(found[0].message).toBe('首页“新闻动态”栏目（动态要闻类）最新信息发布于 2026-10-20，已 31 天未更新，超过 14 天的要求 17 天');
    expect(found[0].excerpt).toContain('青溪县召开第1次重点项目推进会议');
  });

  it('named by the tab label at its 更多 link, or by the heading beside a lone 更多', async () => {
    for (const tabs of ['more', 'heading'] as const) {
      const found = await staleOf(homepage({ ownDates: ['2026-10-20', '2026-10-02'], tabs }));
      expect(found.map((f) => f.data?.column)).toEqual(['新闻动态']);
    }
  });

  it('a code in the column link that every item path carries names the box (/class/MFCIMFBB)', async () => {
    const html = homepage({ ownDates: ['2026-10-20', '2026-10-02'], ownPath: '/html/2026/MFCIMFBB_1020/' }).replace('/html/2026/MFCIMFBB_1020/index.html', '/class/MFCIMFBB');
    const found = await staleOf(html);
    expect(found.map((f) => f.data?.column)).toEqual(['新闻动态']);
  });

  it('stays silent on a fresh own-news box, and on a notice box within its 6 months', async () => {
    expect(await staleOf(homepage({ ownDates: ['2026-11-12', '2026-11-01'], noticeDates: ['2026-07-01', '2026-06-01'] }))).toEqual([]);
  });

  it('stays silent when two links with different names lead to the same column folder', async () => {
    const html = homepage({ ownDates: ['2026-10-20', '2026-10-02'], extraMenu: '<a href="/xwzx/xwdt/">县域新闻</a>' });
    expect(await staleOf(html)).toEqual([]);
  });

  it('stays silent when the link leads to a parent folder (新闻中心 is not the box)', async () => {
    const html = homepage({ ownDates: ['2026-10-20', '2026-10-02'] }).replace(/<a href="\/xwzx\/xwdt\/index.html">新闻动态<\/a>/, '');
    expect(await staleOf(html)).toEqual([]);
  });

  it('in the site summary the box and its column page are one stale column', async () => {
    const home = await auditHtml(homepage({ ownDates: ['2026-10-20', '2026-10-02'] }), HOME, { today: TODAY });
    const columnPage = `<!doctype html><html><head><meta charset="utf-8"><title>新闻动态</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xwzx/">新闻中心</a> &gt; 新闻动态</div>
<ul class="list"><li><a href="/xwzx/xwdt/art/2026/art_0.html">青溪县召开第1次重点项目推进会议</a><span>2026-10-20</span></li><li><a href="/xwzx/xwdt/art/2026/art_1.html">青溪县召开第2次重点项目推进会议</a><span>2026-10-02</span></li></ul></body></html>`;
    const col = await auditHtml(columnPage, 'http://www.qingxi.gov.cn/xwzx/xwdt/index.html', { today: TODAY });
    const findings = [...home.findings.map((f) => ({ ...f, url: HOME })), ...col.findings.map((f) => ({ ...f, url: col.model.url }))].filter((f) => f.ruleId === 'column/stale');
    expect(findings).toHaveLength(2);
    const item = siteSummary(findings)[0].items.find((i) => i.id === 'staleColumns')!;
    expect(item.count).toBe(1);
  });
});
