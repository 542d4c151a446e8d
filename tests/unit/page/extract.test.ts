/** extractPage on the fixture pages (real layouts) and on the layout edge cases behind them. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../rules/page/decode';
import { extractPage } from '../../../rules/page/extract';

const DIR = resolve(import.meta.dirname, '../../fixtures/pages');
const load = (name: string) => {
  const { html, charset } = decodeHtml(readFileSync(join(DIR, name)));
  return extractPage(html, 'http://www.cnx.gov.cn/zwgk/a.html', { charset });
};
const fieldMap = (m: ReturnType<typeof load>) => Object.fromEntries(m.fields.map((f) => [f.name, f.value]));

describe('catalogue boxes in the layouts real sites use', () => {
  it.each([
    // file, canonical field → value (a subset that proves the layout was read), headline
    ['yunnan-changning-2018.html', { 索引号: '01526376-X-/2018-1204001', 发布机构: '昌宁县人民政府', 分类: '情况报告', 发布日期: '2018-12-04', 文号: '', 主题词: '' }, '昌宁县2018年政务公开工作要点落实情况报告'],
    ['qinghai-minhe-report.html', { 索引号: '015193642/2019-00012', 发布机构: '民和县人民政府办公室', 公开属性: '主动公开' }, '2018年民和县政府信息公开工作年度报告'],
    ['gov-cn-style.html', { 索引号: '000014349/2017-00110', 发布机构: '国务院办公厅', 文号: '国办发〔2017〕47号', 成文日期: '2017年05月15日', 名称: '国务院办公厅关于印发政府网站发展指引的通知' }, '国务院办公厅关于印发政府网站发展指引的通知'],
    ['guangdong-style.html', { 索引号: '11441700007280420Y/2021-00050', 文号: '阳府办〔2021〕8号', 主题词: '政务公开 工作要点' }, '阳江市人民政府办公室关于印发阳江市2021年政务公开工作要点的通知'],
    ['anhui-style.html', { 索引号: '11340100002985210P/202504-00057', 文号: '合政办秘〔2025〕12号', 成文日期: '2025-04-22', 公开属性: '主动公开', 浏览量: '' }, '合肥市人民政府办公室关于印发合肥市2025年政务公开工作要点的通知'],
    ['table-values-next-row.html', { 索引号: '11431129006882534P/2021-00123', 发布机构: '江永县人民政府办公室', 文号: '江政办发〔2021〕9号', 名称: '关于印发《江永县2021年政务公开工作要点》的通知', 来源: '江永县人民政府办公室' }, '关于印发《江永县2021年政务公开工作要点》的通知'],
    ['gbk-page.html', { 索引号: '014556923/2016-00123', 成文日期: '2016-08-10', 发布日期: '2016-08-15' }, '安福县人民政府办公室关于进一步加强政府网站信息内容建设的通知'],
    ['broken-html.html', { 索引号: '014970235/2015-00012', 文号: '檀政发〔2015〕9号', 主题词: '' }, '檀林镇人民政府关于做好2015年防汛工作的通知'],
    ['normative-valid.html', { 登记号: 'SCCD01-2023-0018', 有效性: '有效', 有效期: '2028-07-31' }, '成都市人民政府关于印发《成都市城市照明管理办法》的通知'],
  ])('%s', (file, fields, headline) => {
    const m = load(file);
    expect(m.kind).toBe('detail');
    expect(fieldMap(m)).toMatchObject(fields);
    expect(m.headline).toBe(headline);
  });

  it('folds label aliases and keeps the label as shown', () => {
    const m = load('gov-cn-style.html');
    expect(m.fields.find((f) => f.name === '发布机构')!.label).toBe('发文机关');
    expect(m.fields.find((f) => f.name === '文号')!.label).toBe('发文字号');
  });

  it('reads a page declared GBK', () => {
    expect(load('gbk-page.html').charset).toBe('gbk');
  });
});

describe('page parts', () => {
  it('breadcrumb, column, body without menus and footer, footer, links', () => {
    const m = load('yunnan-changning-2018.html');
    expect(m.breadcrumb).toEqual(['首页', '政府信息公开', '法定主动公开内容', '情况报告']);
    expect(m.column).toBe('情况报告');
    expect(m.body[0]).toMatchObject({ headline: true, text: '昌宁县2018年政务公开工作要点落实情况报告' });
    const bodyText = m.body.map((b) => b.text).join('\n');
    expect(bodyText).toContain('保政办函〔2018〕24号');
    expect(bodyText).not.toContain('主办单位');
    expect(bodyText).not.toContain('索引号');
    expect(bodyText).not.toContain('当前位置');
    expect(m.footer!.text).toContain('主办单位');
    expect(m.links.some((l) => l.kind === 'a')).toBe(true);
    expect(m.meta.SiteName).toBeTruthy();
  });

  it('keeps a swallowing unclosed breadcrumb from hiding the page (broken HTML)', () => {
    const m = load('broken-html.html');
    expect(m.breadcrumb).toEqual(['首页', '信息公开', '乡镇信息公开', '檀林镇']);
    expect(m.body.length).toBeGreaterThan(5);
    expect(m.body.map((b) => b.text).join('')).not.toContain('网站标识码');
  });

  it('tells a news article from a detail page', () => {
    const m = load('clean-article.html');
    expect(m.kind).toBe('article');
    expect(m.column).toBe('工作动态');
  });
});

describe('layout edge cases', () => {
  const page = (box: string, extra = '') =>
    extractPage(`<html><body><div class="nav"><a href="/">首页</a></div>${box}<h1>关于做好防汛工作的通知</h1><div id="zoom"><p>${'各乡镇人民政府，县直各单位：现将有关事项通知如下，请认真贯彻执行。'.repeat(3)}</p>${extra}</div></body></html>`, 'http://www.x.gov.cn/a.html');

  it('does not take the next block for the value of a trailing empty label', () => {
    const m = page('<table><tr><td>索引号</td><td>01526376-X-/2018-1204001</td><td>发布机构</td><td>县政府</td></tr><tr><td>主题词</td></tr></table>');
    expect(m.fields.find((f) => f.name === '主题词')!.value).toBe('');
  });

  it('reads label：value runs in one element and labels with spaces inside', () => {
    const m = page('<div class="info">索 引 号：000014349/2017-00110　发文机关：国务院办公厅　成文日期：2017年05月15日</div>');
    expect(Object.fromEntries(m.fields.map((f) => [f.name, f.value]))).toEqual({ 索引号: '000014349/2017-00110', 发布机构: '国务院办公厅', 成文日期: '2017年05月15日' });
  });

  it('points a field at the cell that shows its value (highlights land on the value, not the label)', () => {
    const m = page('<table><tr><td>索引号</td><td id="v">01526376-X-/2018-1204001</td><td>主题词</td><td></td></tr></table>');
    expect(m.fields.find((f) => f.name === '索引号')!.selector).toMatch(/td:nth-of-type\(2\)$|#v$/);
    // An empty value has no cell of its own to show: the label's.
    expect(m.fields.find((f) => f.name === '主题词')!.selector).toMatch(/td:nth-of-type\(3\)$/);
  });

  it('ends a value at a label the alias list does not know (信息发布人：, 【浏览字号：)', () => {
    const a = page('<table><tr><td>发布时间：2021-04-07&nbsp;&nbsp;&nbsp;&nbsp;信息发布人：管理员</td></tr></table>');
    expect(a.fields.find((f) => f.name === '发布日期')!.value).toBe('2021-04-07');
    const b = page('<div class="info">来源：县发改局　发布日期：2017-10-13【浏览字号：大 中 小】</div>');
    expect(Object.fromEntries(b.fields.map((f) => [f.name, f.value]))).toEqual({ 来源: '县发改局', 发布日期: '2017-10-13' });
    // A value with a colon of its own and no gap before it is kept whole.
    const c = page('<div class="info">名称：关于印发《某某办法》的通知　发布日期：2017-10-13</div>');
    expect(c.fields.find((f) => f.name === '名称')!.value).toBe('关于印发《某某办法》的通知');
  });

  it('does not read a data table in the body as a catalogue box, nor labels inside prose', () => {
    const table = '<table><tr><th>名称</th><th>文号</th><th>发布日期</th></tr><tr><td>甲通知</td><td>县政发〔2020〕1号</td><td>2020-01-01</td></tr><tr><td>乙通知</td><td>县政发〔2020〕2号</td><td>2020-02-01</td></tr></table>';
    const m = page('', `<p>按照文件名称规范要求，各单位应当在发布日期前完成自查。</p>${table}`);
    expect(m.fields).toEqual([]);
    expect(m.kind).toBe('article');
  });
});

describe('homepage title', () => {
  it('is the <title>, not the heading of a block', () => {
    const html = `<html><head><title>某某县人民政府门户网站</title></head><body><div class="nav"><a href="/zwgk/">政务公开</a></div>
      <div class="box"><h2>网站导航</h2><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/xw/${i}.html">某某县召开第${i + 1}次全体会议部署重点工作</a><span>2024-05-0${i + 1}</span></li>`).join('')}</ul></div>
      </body></html>`;
    const m = extractPage(html, 'http://www.cnx.gov.cn/');
    expect(m.kind).toBe('home');
    expect(m.headline).toBe('');
    expect(m.title).toBe('某某县人民政府门户网站');
  });

  it('is found under the folder named like the host (a department site on a city platform), not under a column folder', () => {
    const html = `<html><head><title>某某市统计局</title></head><body><div class="box"><h2>统计动态</h2><ul>${Array.from({ length: 6 }, (_, i) => `<li><a href="/tjj/xw/${i}.html">某某市统计局召开第${i + 1}次局务会议</a><span>2024-05-0${i + 1}</span></li>`).join('')}</ul></div></body></html>`;
    expect(extractPage(html, 'http://tjj.cnx.gov.cn/tjj/index.shtml').kind).toBe('home');
    expect(extractPage(html, 'http://tjj.cnx.gov.cn/tjj/').kind).toBe('home');
    expect(extractPage(html, 'http://www.cnx.gov.cn/xxgk/index.shtml').kind).toBe('listing');
    expect(extractPage(html, 'http://tjj.cnx.gov.cn/xwzx/index.shtml').kind).toBe('listing');
  });
});

describe('catalogue box read in reading order, whatever the markup', () => {
  const page = (box: string) =>
    extractPage(`<html><body>${box}<h1>某某县人民政府办公室关于做好安全生产工作的通知</h1><div id="zoom"><p>各乡镇人民政府：现将有关事项通知如下，请认真贯彻落实。</p></div></body></html>`, 'http://www.cnx.gov.cn/art/1.html');
  const want = { 索引号: '01526376-X-/2018-1204001', 发布机构: '某某县人民政府办公室', 成文日期: '2018-12-04', 文号: '某政办发〔2018〕12号' };
  const row = (l: string, v: string, shape: (l: string, v: string) => string) => shape(l, v);
  const box = (shape: (l: string, v: string) => string) =>
    [['索引号：', want.索引号], ['发布机构：', want.发布机构], ['成文日期：', want.成文日期], ['文号：', want.文号]].map(([l, v]) => row(l, v, shape)).join('');
  it.each([
    ['a <label> and a sibling <div> in one <dd>', `<dl>${box((l, v) => `<dd><label>${l}</label><div>${v}</div></dd>`)}</dl>`],
    ['label and value in separate inline elements', `<div>${box((l, v) => `<span class="l">${l.replace('：', '')}</span><span class="v">${v}</span>`)}</div>`],
    ['labels spaced with en/em/ideographic spaces', `<table><tr><td>索\u2002引\u2002号：${want.索引号}</td><td>发布机构：${want.发布机构}</td></tr><tr><td>成\u3000文\u3000日\u3000期：${want.成文日期}</td><td>文\u2003\u2003号：${want.文号}</td></tr></table>`],
    ['a label cell and a value cell in cousin boxes', `<div>${box((l, v) => `<div class="row"><div class="l"><span>${l}</span></div><div class="r"><span>${v}</span></div></div>`)}</div>`],
  ])('%s', (_, html) => {
    expect(fieldMap(page(html))).toMatchObject(want);
  });
});

describe('breadcrumb', () => {
  it('never reads a 位置 inside a script template', () => {
    const html = `<html><body><script id="location-tpl" type="text/html"><div name="{{ name }}"><p class="location-box-title">地理位置</p><iframe src="{{ linkUrl }}"></iframe></div></script>
      <h1>关于开展安全生产大检查的通知</h1><div id="zoom"><p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实。</p></div></body></html>`;
    const m = extractPage(html, 'http://www.cnx.gov.cn/art/1.html');
    expect(m.breadcrumb).toEqual([]);
    expect(m.column).toBeNull();
  });
});

describe('headline', () => {
  const body = '<div id="zoom"><p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实，确保取得实效。</p></div>';
  const headline = (head: string, top = '') =>
    extractPage(`<html><head>${head}</head><body><div class="content">${top}${body}</div></body></html>`, 'http://www.cnx.gov.cn/art/1.html').headline;
  it('is never a bare date, a section heading or a sentence', () => {
    expect(headline('', '<h1>( 2022-04-26)</h1><h1>上海新增本土确诊病例情况通报</h1>')).toBe('上海新增本土确诊病例情况通报');
    expect(headline('<meta name="ArticleTitle" content="某某县物业服务采购公告">', '<h1>一、项目基本情况</h1><h1>对本次招标提出询问，请与下列人员联系。</h1>')).toBe('某某县物业服务采购公告');
  });
  it('takes the ArticleTitle meta as text, without the markup a CMS left in it', () => {
    expect(headline(`<meta name="ArticleTitle" content="<font color='#0066FF'>[电子化]</font>某某县物业服务采购公告">`)).toBe('[电子化]某某县物业服务采购公告');
  });
});
