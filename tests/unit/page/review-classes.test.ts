/**
 * Classes of false alarm the review of real pages 801–905 found, each on pages written here:
 * a teaser article read as a column list, a 更多》 arrow read as a title mark, a catalogue date a
 * script fills read as empty, a 标题 line above the page shadowing the catalogue box's 名称, and a
 * mobile number published for enquiries (详情请咨询：) read as personal data.
 */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../../../rules/run';
import { extractPage } from '../../../rules/page/extract';

const URL_ = 'http://www.qingxi.gov.cn/xwzx/t20261110_1.html';
const TODAY = '2026-11-20';
const page = (body: string, title = '青溪县人民政府') =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<div class="footer">主办单位：青溪县人民政府办公室</div></body></html>`;
const ruleIds = async (html: string, url = URL_) => (await auditHtml(html, url, { today: TODAY })).findings.filter((f) => f.level !== 'info').map((f) => f.ruleId);

describe('an article whose paragraphs each end in a 更多内容 link is an article, not a column list', () => {
  const para = (i: number) => `<div class="p">${i}月${i + 1}日，青溪县召开第${i}次生态环境保护工作会议，研究部署下一阶段重点任务，要求各乡镇压实责任、加快整改。<a href="/xwzx/t${i}.html">更多内容，点击阅读</a></div>`;
  it('is an article, with no column finding', async () => {
    const html = page(`<h1>青溪县生态环境一周要闻</h1><div class="content">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div>`);
    expect(extractPage(html, URL_, { today: TODAY }).kind).toBe('article');
    expect((await ruleIds(html)).filter((r) => r.startsWith('column/'))).toEqual([]);
  });
  it('a list whose items carry real titles is still a list', () => {
    const items = [1, 2, 3, 4, 5].map((i) => `<li><a href="/xwzx/t${i}.html">青溪县召开第${i}次生态环境保护工作会议</a><span>2026-11-0${i}</span></li>`).join('');
    expect(extractPage(page(`<ul class="list">${items}</ul>`), 'http://www.qingxi.gov.cn/xwzx/index.html', { today: TODAY }).kind).toBe('listing');
  });
});

describe('text/unbalanced and the 更多》 arrow', () => {
  it('is silent on 更多》 and still reports a title mark left open', async () => {
    const body = (tail: string) => page(`<h1>青溪县政务要闻</h1><div class="content"><p>全县扎实推进生态文明建设，入选全省生态文明先行示范县。${tail}</p></div>`);
    expect(await ruleIds(body('<a href="/more/">更多》</a>'))).not.toContain('text/unbalanced');
    expect(await ruleIds(body('详见《青溪县生态文明建设规划。'))).toContain('text/unbalanced');
  });
});

describe('catalogue fields', () => {
  const box = (rows: string) => `<table class="xxgk"><tbody>
<tr><th>索引号</th><td>001008003/2026-00123</td><th>分类</th><td>综合政务</td></tr>
<tr><th>发布机构</th><td>青溪县人民政府办公室</td><th>发文日期</th>${rows}</tr>
<tr><th>名称</th><td colspan="3">青溪县2026年冬季森林防火工作方案</td></tr>
<tr><th>文号</th><td>青政办发〔2026〕12号</td><th>主题词</th><td>森林防火</td></tr></tbody></table>`;
  const article = (head: string, rows: string) =>
    page(`${head}${box(rows)}<h1>青溪县2026年冬季森林防火工作方案</h1><div class="content"><p>${'为切实做好冬季森林防火工作，确保森林资源安全，制定本方案。'.repeat(6)}</p></div>`);
  const empty = async (html: string) => (await auditHtml(html, URL_, { today: TODAY })).findings.filter((f) => f.ruleId === 'catalog/empty-field').map((f) => f.field);

  it('a date cell a script fills from a hidden input is not empty; a cell with nothing is', async () => {
    expect(await empty(article('', `<td><input class="fwrq" type="hidden" value="1763337600000"><span id="fwrqBox"></span></td>`))).toEqual([]);
    expect(await empty(article('', '<td></td>'))).toEqual(['成文日期']);
  });

  it('a 标题 line above the page does not shadow the box\u2019s 名称', async () => {
    const head = '<div class="meta"><div><strong>标题：</strong>青溪县2026年冬季森林防火工作方案-县应急局</div><div><strong>来源：</strong>县应急局</div></div>';
    const r = await auditHtml(article(head, '<td>2026-11-10</td>'), URL_, { today: TODAY });
    expect(r.model.fields.find((f) => f.name === '名称')?.value).toBe('青溪县2026年冬季森林防火工作方案');
    expect(r.findings.map((f) => f.ruleId)).not.toContain('catalog/title-mismatch');
  });
});

describe('privacy/phone and a number published for enquiries', () => {
  const notice = (p: string) => page(`<h1>景区开放公告</h1><div class="content"><p>${p}</p></div>`);
  it('is silent after 详情请咨询：, and still reports a party\u2019s number', async () => {
    expect(await ruleIds(notice('景区定于5月1日正式对外开放，欢迎社会各界前来参观。详情请咨询：13733127888　0377—65157888'))).not.toContain('privacy/phone');
    expect(await ruleIds(notice('当事人张某某，住青溪县城关镇，手机13733127888，因违反有关规定被处以罚款。'))).toContain('privacy/phone');
  });
});

describe('misses of the same review, fixed', () => {
  it('doc-number/format reports a 文号 in small-form brackets ﹝﹞', async () => {
    const html = page('<h1>关于转发产业结构调整有关文件的通知</h1><div class="content"><p>按照《国务院关于发布实施〈促进产业结构调整暂行规定〉的决定》（国发﹝2005﹞40号）有关规定执行。</p></div>');
    expect((await auditHtml(html, URL_, { today: TODAY })).findings.filter((f) => f.ruleId === 'doc-number/format').map((f) => f.data?.text)).toEqual(['国发﹝2005﹞40号']);
  });

  it('an empty catalogue value followed by a label the alias list does not know stays empty', async () => {
    const li = (label: string, value: string) => `<li><span>${label}：</span><span class="con_sum">${value}</span></li>`;
    const html = page(`<ul class="con_fg">${li('索引号', 'B-0300-2013-0035')}${li('发文机关', '')}${li('公文种类', '通知')}${li('发布日期', '2013-06-01')}</ul><h1>关于做好支付结算工作的通知</h1><div class="content"><p>${'为进一步做好支付结算工作，现就有关事项通知如下。'.repeat(6)}</p></div>`);
    const r = await auditHtml(html, URL_, { today: TODAY });
    expect(r.model.fields.find((f) => f.label === '发文机关')?.value).toBe('');
    expect(r.findings.filter((f) => f.ruleId === 'catalog/empty-field').map((f) => f.field)).toEqual(['发布机构']);
  });
});
