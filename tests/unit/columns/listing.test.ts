import { describe, expect, it } from 'vitest';
import { extractListing } from '../../../rules/page/listing';
import { $of, listPage, modelFromHtml, modelOf, TODAY } from './helpers';

const URL_ = 'http://www.qingxi.gov.cn/zwgk/x/index.html';
const listingOf = (html: string, url = URL_) => extractListing($of(html), url, { today: TODAY });

describe('listing extraction on the fixture layouts', () => {
  it('ul/li with a date span, paging from TRS createPageHTML', () => {
    const m = modelOf('bmdt-stale.html');
    expect(m.kind).toBe('listing');
    expect(m.listing!.items).toHaveLength(8);
    expect(m.listing!.items[0]).toMatchObject({
      title: '县市场监管局开展秋冬季食品安全专项检查',
      date: '2026-10-01',
      href: 'http://www.qingxi.gov.cn/zwgk/bmdt/202610/t20261001_3301.html',
    });
    expect(m.listing!.paging).toEqual({ totalPages: 5, nextUrl: 'http://www.qingxi.gov.cn/zwgk/bmdt/index_1.html' });
  });

  it('a table with a header row: the 发布日期 column, 共 N 页 and 下一页', () => {
    const l = modelOf('bmdt-fresh.html').listing!;
    expect(l.items.map((i) => i.date)).toEqual(['2026-11-10', '2026-11-06', '2026-10-29', '2026-10-21', '2026-10-15']);
    expect(l.items[0].title).toBe('关于开展2026年冬季消防安全检查的情况通报');
    expect(l.paging).toEqual({ totalPages: 2, nextUrl: 'http://www.qingxi.gov.cn/zwgk/bmdt/cgz/index_1.html' });
  });

  it('a table without header: index number column left aside, cut titles taken from the title attribute', () => {
    const l = modelOf('zcwj-slash.html').listing!;
    expect(l.items.map((i) => [i.date, i.dateText])).toEqual([
      ['2026-09-05', '2026/9/5'],
      ['2026-07-16', '2026/7/16'],
      ['2026-04-30', '2026/4/30'],
    ]);
    expect(l.items[0].title).toBe('清溪县人民政府关于印发清溪县推进新型城镇化实施方案的通知');
  });

  it('dl pairs of dt title and dd date', () => {
    const l = modelOf('tzgg-stale.html').listing!;
    expect(l.items).toHaveLength(4);
    expect(l.items[0]).toMatchObject({ title: '清溪县2026年第一季度重点项目建设情况公示', date: '2026-04-01' });
    expect(l.paging.totalPages).toBe(1);
  });

  it('dates written 2026年6月1日 before the title', () => {
    const l = modelOf('tzgg-fresh.html').listing!;
    expect(l.items[0]).toMatchObject({ title: '清溪县2026年夏季高温天气防范工作提示', date: '2026-06-01', dateText: '2026年6月1日' });
  });

  it('card grids with an image link, a summary and a dotted date', () => {
    const l = modelOf('gzdt-cards.html').listing!;
    expect(l.items).toHaveLength(6);
    expect(l.items[0]).toMatchObject({ title: '县领导调研重点项目冬季施工进度', date: '2026-11-18', dateText: '2026.11.18' });
    expect(l.paging).toEqual({ totalPages: 12, nextUrl: 'http://www.qingxi.gov.cn/zwdt/gzdt/index_1.html' });
  });

  it('[MM-DD] dates take their year from today; 页次 paging and a page-2 link', () => {
    const l = modelOf('xzdt-yearless.html').listing!;
    expect(l.items.map((i) => i.date)).toEqual(['2026-11-20', '2026-11-16', '2026-11-11', '2026-10-30', '2025-12-28']);
    expect(l.items[0].title).toBe('溪口乡开展冬季森林防火宣传');
    expect(l.paging).toEqual({ totalPages: 8, nextUrl: 'http://www.qingxi.gov.cn/zwdt/xzdt/list_2.html' });
  });

  it('an undated column list is still a list', () => {
    const l = modelOf('gzdt-undated.html').listing!;
    expect(l.items).toHaveLength(8);
    expect(l.items.every((i) => i.date === null && i.dateText === null)).toBe(true);
  });

  it('an empty column: the 暂无信息 notice', () => {
    const m = modelOf('empty-column.html');
    expect(m.kind).toBe('listing');
    expect(m.listing).toMatchObject({ items: [], emptyText: '暂无信息' });
  });

  it('the homepage: every dated list, not the column boxes as items', () => {
    const l = modelOf('home-complete.html').listing!;
    expect(l.items.map((i) => i.title)).toEqual([
      '县委常委会召开会议传达学习省委全会精神',
      '全县经济运行分析会召开',
      '清溪县举办2026年农民丰收节',
      '关于2026年冬季森林防火期的通告',
      '清溪县2026年公开招聘教师拟聘用人员公示',
    ]);
  });

  it('an article with a dated 相关链接 box has no listing', () => {
    const m = modelOf('article-related.html');
    expect(m.listing).toBeNull();
    expect(m.kind).toBe('article');
  });
});

describe('listing extraction: what is not a column list', () => {
  it('a page with only a menu and footer links has no listing', () => {
    expect(listingOf(listPage('<p>栏目介绍</p>'))).toBeNull();
  });

  it('a detail page whose only dated list is 相关文件 has no listing', () => {
    const html = listPage(`<div class="xxgk"><table><tr><td>索引号</td><td>001127001/2026-01234</td><td>发布机构</td><td>清溪县人民政府</td></tr></table></div>
<div class="article"><h1>清溪县人民政府关于印发清溪县推进新型城镇化实施方案的通知</h1>
<div class="zoom"><p>各乡镇人民政府、街道办事处，县政府各部门：</p><p>现将《清溪县推进新型城镇化实施方案》印发给你们，请结合实际，认真贯彻落实。各地各部门要加强组织领导，明确责任分工，细化工作措施，确保各项任务落到实处。</p><p>本方案自印发之日起施行，由县发展改革局负责解释。实施过程中遇到的问题，请及时向县发展改革局反映，以便进一步完善。</p></div></div>
<div class="box"><h4>相关文件</h4><ul><li><a href="/a.html">清溪县新型城镇化发展规划（2021—2025年）</a><span>2026-01-05</span></li><li><a href="/b.html">关于加快推进县城城镇化建设的意见</a><span>2026-03-10</span></li></ul></div>`);
    expect(listingOf(html)).toBeNull();
  });

  it('a menu of dated-looking entries in a nav is not taken; the content list is', () => {
    const html = listPage(`<ul class="news"><li><a href="/1.html">县农业农村局部署秋冬种生产工作</a><span>2026-09-28</span></li></ul>`, {
      extraBody: '<div class="sidebar"><ul><li><a href="/s1.html">热点新闻一二三四五</a><span>2026-11-21</span></li><li><a href="/s2.html">热点新闻六七八九十</a><span>2026-11-20</span></li></ul></div>',
    });
    const l = listingOf(html)!;
    expect(l.items.map((i) => i.title)).toEqual(['县农业农村局部署秋冬种生产工作']);
  });

  it('a sidebar box titled 热点新闻 loses to the column list even with more items', () => {
    const html = listPage(`<ul class="news"><li><a href="/1.html">县农业农村局部署秋冬种生产工作</a><span>2026-09-28</span></li><li><a href="/2.html">县教育局召开全县中小学安全工作会议</a><span>2026-09-25</span></li></ul>
<div class="box"><div class="hd">热点新闻</div><ul><li><a href="/h1.html">清溪县举办2026年农民丰收节活动</a><span>2026-11-09</span></li><li><a href="/h2.html">全县经济运行分析会召开情况通报</a><span>2026-11-15</span></li><li><a href="/h3.html">我县召开安全生产专题会议部署</a><span>2026-10-20</span></li></ul></div>`);
    expect(listingOf(html)!.items.map((i) => i.date)).toEqual(['2026-09-28', '2026-09-25']);
  });

  it('a title that carries its date at the end is split', () => {
    const html = listPage('<ul class="lb"><li><a href="/1.html">县农业农村局部署秋冬种生产工作 2026-09-28</a></li><li><a href="/2.html">县教育局召开全县中小学安全工作会议 2026-09-25</a></li></ul>');
    expect(listingOf(html)!.items[0]).toMatchObject({ title: '县农业农村局部署秋冬种生产工作', date: '2026-09-28' });
  });

  it('a date inside the title ("2026年3月5日召开") is not the item date when another date is shown', () => {
    const html = listPage('<ul class="lb"><li><a href="/1.html">县政府2026年3月5日召开常务会议</a><span>2026-03-06</span></li></ul>');
    expect(listingOf(html)!.items[0].date).toBe('2026-03-06');
  });

  it('empty notices: 暂无数据 in a table cell, a pager saying 共0条', () => {
    expect(listingOf(listPage('<table><tr><th>标题</th><th>发布日期</th></tr><tr><td colspan="2">暂无数据！</td></tr></table>'))).toMatchObject({ items: [], emptyText: '暂无数据！' });
    expect(listingOf(listPage('<ul class="lb"></ul><div class="pages">共0条记录 共0页</div>'))?.emptyText).toBe('共0条');
    expect(listingOf(listPage('<div class="con"><p>本栏目正在建设中</p></div>'))?.emptyText).toBe('本栏目正在建设中');
  });

  it('a sentence mentioning 建设中 is not an empty-column notice', () => {
    expect(listingOf(listPage('<div class="con"><p>县城污水处理厂二期项目建设中</p></div>'))).toBeNull();
  });

  it('the model of a list page puts the listing kind and the column', () => {
    const m = modelFromHtml(listPage('<ul class="lb"><li><a href="/1.html">县农业农村局部署秋冬种生产工作</a><span>2026-09-28</span></li></ul>'), URL_);
    expect(m.kind).toBe('listing');
    expect(m.breadcrumb.at(-1)).toBe('部门动态');
  });
});
