import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../../rules/run';
import { extractPage } from '../../../rules/page/extract';

const URL_ = 'http://www.qingxi.gov.cn/zwgk/tzgg/index.html';
const TODAY = '2026-11-20';

function columnPage(n: number, opts: { menu?: number; prose?: string; dateInTitle?: boolean; newest?: string } = {}): string {
  const start = Date.parse(`${opts.newest ?? '2026-11-18'}T00:00:00Z`);
  const items = Array.from({ length: n }, (_, i) => {
    const d = new Date(start - i * 86400000 * 3).toISOString().slice(0, 10);
    const title = `关于做好第${i + 1}批城乡居民医疗保险缴费工作的通知`;
    return opts.dateInTitle
      ? `<li><a href="./${d.replace(/-/g, '').slice(0, 6)}/t${d.replace(/-/g, '')}_${i}.html">${title}（${d}） </a></li>`
      : `<li><a href="./${d.replace(/-/g, '').slice(0, 6)}/t${d.replace(/-/g, '')}_${i}.html">${title}</a><span>${d}</span></li>`;
  }).join('\n');
  // A side menu of links (主要职责, 机构设置 …) that no chrome name marks.
  const menu = Array.from({ length: opts.menu ?? 0 }, (_, i) => `<dd><a href="/zwgk/m${i}/">县政府工作部门第${i + 1}项职责介绍</a></dd>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><title>通知公告_青溪县人民政府</title></head><body>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="main"><div class="left"><dl>${menu}</dl></div>
<div class="right"><div class="hd">通知公告</div>${opts.prose ?? ''}<ul class="list">${items}</ul></div></div>
<div class="footer">主办单位：青溪县人民政府办公室</div></body></html>`;
}

describe('a column page is a listing however long its list', () => {
  it('60 and 100 items (2,000+ characters of titles) are a listing, and the column is judged', async () => {
    for (const n of [60, 100]) {
      const r = await auditHtml(columnPage(n, { newest: '2026-04-01' }), URL_, { today: TODAY });
      expect(r.model.kind).toBe('listing');
      expect(r.model.listing!.items).toHaveLength(n);
      expect(r.findings.filter((f) => f.ruleId === 'column/stale').map((f) => f.data?.newest)).toEqual(['2026-04-01']);
    }
  });

  it('a side menu with as much link text as the list does not make it an article', () => {
    expect(extractPage(columnPage(10, { menu: 120 }), URL_, { today: TODAY }).kind).toBe('listing');
  });

  it('a page with prose beside its list is not a listing', () => {
    const prose = `<p>${'为进一步做好城乡居民医疗保险缴费工作，现将有关事项通知如下。'.repeat(30)}</p>`;
    expect(extractPage(columnPage(10, { prose }), URL_, { today: TODAY }).kind).not.toBe('listing');
  });

  it('a date written at the end of the link, in brackets, is the item date', () => {
    const items = extractPage(columnPage(3, { dateInTitle: true }), URL_, { today: TODAY }).listing!.items;
    expect(items.map((i) => [i.title, i.date])).toEqual([
      ['关于做好第1批城乡居民医疗保险缴费工作的通知', '2026-11-18'],
      ['关于做好第2批城乡居民医疗保险缴费工作的通知', '2026-11-15'],
      ['关于做好第3批城乡居民医疗保险缴费工作的通知', '2026-11-12'],
    ]);
  });
});

describe('item titles are not the page headline', () => {
  const rows = (cell: string) =>
    Array.from({ length: 5 }, (_, i) => `<tr><td>${i + 1}</td>${cell.replace('{i}', String(i + 1))}<td>2026-11-${String(18 - i).padStart(2, '0')}</td></tr>`).join('');
  const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><title>部门动态_青溪县人民政府</title></head><body>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">信息公开</a> &gt; 部门动态</div>${body}
<div class="footer">主办单位：青溪县人民政府办公室</div></body></html>`;
  const BMDT = 'http://www.qingxi.gov.cn/zwgk/bmdt/index.html';

  it('a title cell class repeated in every row (td.bt) names no headline: the page is the column list', async () => {
    const html = page(`<table><tbody>${rows('<td class="bt"><a href="/zwgk/bmdt/t{i}.html">城关镇召开第{i}次安全生产工作会议</a></td>')}</tbody></table>`);
    const r = await auditHtml(html, BMDT, { today: '2027-02-22' });
    expect(r.model.kind).toBe('listing');
    expect(r.model.headline).toBe('');
    expect(r.findings.filter((f) => f.ruleId === 'column/stale').map((f) => f.data?.newest)).toEqual(['2026-11-18']);
  });

  it('an <h1> in every list item titles the items, not the page', () => {
    const items = Array.from({ length: 5 }, (_, i) => `<li><span>2026-11-${String(18 - i).padStart(2, '0')}</span><h1><a href="/lykb/${i}.html">宜丰县第${i + 1}届千人骑游活动完美落幕</a></h1></li>`).join('');
    const m = extractPage(page(`<ul class="news-list">${items}</ul>`), BMDT, { today: TODAY });
    expect(m.kind).toBe('listing');
    expect(m.listing!.items).toHaveLength(5);
  });

  it('a single title-named element still gives an article its headline', () => {
    const m = extractPage(page(`<div class="bt">青溪县2026年冬季森林防火工作方案</div><div class="content"><p>${'为切实做好冬季森林防火工作，确保森林资源安全，制定本方案。'.repeat(8)}</p></div>`), 'http://www.qingxi.gov.cn/zwgk/bmdt/t1.html', { today: TODAY });
    expect(m.headline).toBe('青溪县2026年冬季森林防火工作方案');
  });
});
