/**
 * Classes of error seen on real pages (issue 8): footers inside link directories or named
 * nothing, script-written badges, lists a script fills, dates the reader does not see,
 * navigation menus and homepage carousels. Fixtures: tests/fixtures/real-classes/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { columnRules } from '../../../rules/columns';
import { findMalformedIds, footerRules } from '../../../rules/footer';
import { auditHtmlAt, listPage, modelFromHtml, only } from './helpers';

const DIR = fileURLToPath(new URL('../../fixtures/real-classes/', import.meta.url));
const rules = [...footerRules, ...columnRules];

function page(name: string): { html: string; url: string } {
  const html = readFileSync(DIR + name, 'utf8');
  return { html, url: /<link rel="canonical" href="([^"]+)"/.exec(html)![1] };
}
const auditPage = (name: string) => {
  const { html, url } = page(name);
  return auditHtmlAt(html, url, { rules });
};
const modelPage = (name: string) => {
  const { html, url } = page(name);
  return modelFromHtml(html, url);
};

describe('footer: the identity block, not a link directory', () => {
  it('leaves the 部门网站 directory out of the footer and its excerpts', async () => {
    const m = modelPage('footer-link-directory.html');
    expect(m.footer!.text).toContain('网站标识码：3311270001');
    expect(m.footer!.text).not.toContain('县教育局');
    const f = await auditPage('footer-link-directory.html');
    expect(only(f, 'footer/missing-element')).toEqual([]);
    const bad = only(f, 'footer/malformed-id');
    expect(bad.map((x) => x.data?.raw)).toEqual(['浙ICP备05012345']);
    expect(bad[0].excerpt).not.toContain('部门网站');
  });

  it('finds a footer named nothing footer-like (table.dibuxinxi) by its identifiers', async () => {
    const m = modelPage('footer-unnamed.html');
    expect(m.footer!.text).toContain('清溪县人民政府办公室主办');
    // Everything is there but the 网站标识码.
    expect(only(await auditPage('footer-unnamed.html'), 'footer/missing-element').map((x) => x.key)).toEqual(['siteId']);
  });

  it('does not read script or style text as footer text', () => {
    const m = modelPage('footer-script-badges.html');
    expect(m.footer!.text).not.toMatch(/document\.write|unescape/);
  });
});

describe('footer: badges written by scripts are present', () => {
  it('document.write(unescape("%3Cspan id=\'_ideConac\'…")) and script#_jiucuo_ count', async () => {
    expect(only(await auditPage('footer-script-badges.html'), 'footer/missing-element')).toEqual([]);
  });

  it('without those scripts the badges are reported (suspected)', async () => {
    const { html, url } = page('footer-script-badges.html');
    const bare = html.replace(/<div class="ft-badge">[\s\S]*?<\/div>/, '').replace(/<div class="ft-jc">[\s\S]*?<\/div>/, '');
    const f = only(await auditHtmlAt(bare, url, { rules }), 'footer/missing-element');
    expect(f.map((x) => [x.key, x.certainty])).toEqual([
      ['conac', 'suspected'],
      ['jiucuo', 'suspected'],
    ]);
  });

  it('a shared footer written after </html> is read with the template footer above it, as a browser shows it', async () => {
    const { html, url } = page('footer-script-badges.html');
    const ids = '<p>浙ICP备05012345号-3　网站标识码：3311270009　浙公网安备 33112702000456号</p>';
    const split = html.replace(ids, '').replace('</body></html>', `</body></html><table class="site-bottom"><tr><td>${ids}</td></tr></table>`);
    expect(split).not.toBe(html);
    expect(only(await auditHtmlAt(split, url, { rules }), 'footer/missing-element')).toEqual([]);
    // Without it, the three are missing: the appended table is what supplies them.
    const without = html.replace(ids, '');
    expect(only(await auditHtmlAt(without, url, { rules }), 'footer/missing-element').map((x) => x.key).sort()).toEqual(['icp', 'psb', 'siteId']);
  });

  it('版权所有 naming the organ counts as the 主办单位', async () => {
    const { html, url } = page('footer-script-badges.html');
    const noOwner = html.replace('版权所有：清溪县教育局', '版权所有');
    expect(only(await auditHtmlAt(noOwner, url, { rules }), 'footer/missing-element').map((x) => x.key)).toEqual(['sponsor']);
  });
});

describe('footer/malformed-id: the registries\' abbreviations and number shapes', () => {
  it('accepts every province, in both forms where there are two', () => {
    const all = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川蜀贵黔云滇藏陕甘陇青宁新';
    for (const p of all) {
      expect(findMalformedIds(`${p}ICP备12345678号`)).toEqual([]);
      expect(findMalformedIds(`${p}公网安备 12345678901234号`)).toEqual([]);
    }
  });

  it('accepts 10-digit numbers and -n serials written either side of 号; old 12-digit 公网安备', () => {
    expect(findMalformedIds('京ICP备05070218号-1 京ICP备2021012345号 京ICP备05070218-1号')).toEqual([]);
    expect(findMalformedIds('京公网安备 110105002097号')).toEqual([]);
  });

  it('reports a number without its 号 or its abbreviation', () => {
    expect(findMalformedIds('京公网安备11040102700114').map((x) => x.problems)).toEqual([['缺少“号”字']]);
    expect(findMalformedIds('备案号：ICP备12345678号').map((x) => x.problems)).toEqual([['缺少省份简称']]);
    expect(findMalformedIds('陇ICP备17003689').map((x) => x.suggestion)).toEqual(['陇ICP备17003689号']);
  });

  it('reports 公安备案 for 公网安备, and leaves the label 公安备案号： alone', () => {
    const [f] = findMalformedIds('赣公安备案 36040202000107号');
    expect(f.problems).toEqual(['应写作“公网安备”']);
    expect(f.suggestion).toBe('赣公网安备 36040202000107号');
    expect(findMalformedIds('公安备案号：赣公网安备 36040202000107号')).toEqual([]);
  });
});

describe('columns: a list a script fills is unknown, not empty', () => {
  it('an empty container the page script fills (ajax + $("#id").append) is not column/empty', async () => {
    const m = modelPage('column-script-filled.html');
    expect(m.kind).toBe('listing');
    expect(m.listing).toMatchObject({ items: [], emptyText: null, filledByScript: true });
    expect((await auditPage('column-script-filled.html')).filter((x) => x.ruleId.startsWith('column/'))).toEqual([]);
  });

  it('template placeholders ({{ item.title }}) are not items and the 暂无信息 is not read as empty', async () => {
    const m = modelPage('column-template.html');
    expect(m.listing?.filledByScript).toBe(true);
    expect((await auditPage('column-template.html')).filter((x) => x.ruleId.startsWith('column/'))).toEqual([]);
  });

  it('a static empty column still is one', async () => {
    expect(only(await auditPage('column-empty-static.html'), 'column/empty')).toHaveLength(1);
  });
});

describe('columns: dates the reader sees', () => {
  it('dates in title attributes and hrefs are not item dates: the column shows none', async () => {
    const m = modelPage('column-attr-dates.html');
    expect(m.listing!.items.map((i) => i.date)).toEqual([null, null, null, null, null]);
    const f = await auditPage('column-attr-dates.html');
    expect(only(f, 'column/undated-items').map((x) => x.data?.count)).toEqual([5]);
    expect(only(f, 'column/stale').map((x) => x.messageId)).toEqual(['undated']);
  });

  it('a date beside a label and a source line is the item date; one inside a caption sentence is not', () => {
    const html = listPage(
      `<ul class="list">
<li><a href="/zwdt/x/202611/t20261120_1.html">县政府召开第三十次常务会议</a><p>发布时间：2026-11-20　来源：清溪县人民政府办公室</p></li>
<li><a href="/zwdt/x/202611/t20261118_2.html">县领导调研冬季安全生产工作</a><p>2026年11月18日，县领导到县应急管理局调研冬季安全生产工作。</p></li>
</ul>`,
      { column: '工作动态' },
    );
    const m = modelFromHtml(html, 'http://www.qingxi.gov.cn/zwgk/x/index.html');
    expect(m.listing!.items.map((i) => i.date)).toEqual(['2026-11-20', null]);
  });

  it('a navigation menu of column links is not an undated column', async () => {
    // Its entries lead to column index pages (…/index.html, …/), not to documents.
    expect(modelPage('column-nav-menu.html').listing).toBeNull();
    const f = await auditPage('column-nav-menu.html');
    expect(f.filter((x) => x.ruleId.startsWith('column/'))).toEqual([]);
  });

  it('a link list with no dates under a name that is no news or notice column is not reported', async () => {
    const { html, url } = page('column-attr-dates.html');
    const renamed = html.replace(/工作动态/g, '办事指南');
    expect(only(await auditHtmlAt(renamed, url, { rules }), 'column/undated-items')).toEqual([]);
  });
});

describe('columns: the homepage newest item', () => {
  it('a 专题 carousel and a picture caption are not the newest item', async () => {
    const m = modelPage('column-home-carousel.html');
    expect(m.kind).toBe('home');
    expect(m.listing!.items.map((i) => i.title)).not.toContain('专题：学习宣传贯彻全会精神');
    const stale = only(await auditPage('column-home-carousel.html'), 'column/stale');
    expect(stale.map((x) => x.data?.newest)).toEqual(['2026-10-10']);
    expect(stale[0].excerpt).toContain('县政府召开第二十九次常务会议');
  });

  it('the same homepage with a fresh news list is silent', async () => {
    const { html, url } = page('column-home-carousel.html');
    const fresh = html.replace('t20261010_1.html">县政府召开第二十九次常务会议</a><span>2026-10-10', 't20261120_1.html">县政府召开第三十次常务会议</a><span>2026-11-20');
    expect(only(await auditHtmlAt(fresh, url, { rules }), 'column/stale')).toEqual([]);
  });
});
