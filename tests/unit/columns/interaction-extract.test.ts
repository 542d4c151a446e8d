import { describe, expect, it } from 'vitest';
import { extractInteraction } from '../../../rules/page/interaction';
import { $of, listPage, modelOf } from './helpers';

const URL_ = 'http://www.qingxi.gov.cn/hdjl/zxts/index.html';
const read = (html: string) => extractInteraction($of(html), URL_);

describe('interaction extraction', () => {
  it('a list of span rows under a header row (信件标题 / 写信时间 / 回复时间 / 办理状态)', () => {
    const items = modelOf('hudong-list.html').interaction;
    expect(items.map((i) => [i.title, i.askedDate, i.repliedDate, i.status])).toEqual([
      ['关于城关镇府前路路灯长期不亮的问题', '2026-07-01', null, '未回复'],
      ['咨询2026年城乡居民医保缴费时间', '2026-11-02', '2026-11-13', '已回复'],
      ['关于小区周边夜间施工噪音扰民的投诉', '2026-10-09', '2026-10-12', '已回复'],
      ['请问新生儿户口办理需要哪些材料', '2026-11-15', null, '办理中'],
      ['关于农村宅基地审批流程的咨询', '2026-08-05', '2026-08-07', '已办结'],
    ]);
    expect(items[0].href).toBe('http://www.qingxi.gov.cn/hdjl/zxts/1001.html');
  });

  it('a table with thead labels and tbody rows', () => {
    const items = read(
      listPage(`<table class="hd"><thead><tr><th>标题</th><th>提问时间</th><th>答复时间</th></tr></thead>
<tbody><tr><td><a href="/hd/1.html">咨询公积金提取条件</a></td><td>2026-05-06</td><td>2026-05-08</td></tr>
<tr><td><a href="/hd/2.html">咨询社保转移手续</a></td><td>2026-06-10</td><td></td></tr></tbody></table>`),
    );
    expect(items.map((i) => [i.title, i.askedDate, i.repliedDate, i.status])).toEqual([
      ['咨询公积金提取条件', '2026-05-06', '2026-05-08', null],
      ['咨询社保转移手续', '2026-06-10', null, null],
    ]);
  });

  it('a detail page: label cells, 办理中 status, no reply', () => {
    const [it1, ...rest] = modelOf('hudong-detail-unanswered.html').interaction;
    expect(rest).toEqual([]);
    expect(it1).toMatchObject({ title: '关于城关镇府前路路灯长期不亮的问题', askedDate: '2026-07-01', repliedDate: null, status: '办理中' });
  });

  it('a detail page: 留言时间： and 答复时间： in text', () => {
    const items = modelOf('hudong-detail-replied.html').interaction;
    expect(items).toEqual([expect.objectContaining({ title: '关于农村宅基地审批流程的咨询', askedDate: '2026-08-05', repliedDate: '2026-08-07' })]);
  });

  it('a reply shown without a 回复时间 label counts as answered', () => {
    const items = read(
      listPage(`<div class="ly"><h1>关于办理居住证的咨询</h1><p>留言时间：2026-03-02</p><p>留言内容：请问居住证需要什么材料？</p></div>
<div class="hf"><p>回复内容：您好，办理居住证需携带身份证、居住证明，到所在地派出所办理。</p></div>`),
    );
    expect(items).toHaveLength(1);
    expect(items[0].status ?? items[0].repliedDate).toBeTruthy();
  });

  it('repeated labelled blocks: one item per message', () => {
    const items = read(
      listPage(`<div class="ly-list">
<div class="item"><a href="/hd/11.html">咨询老年证办理地点</a><p>留言时间：2026-06-01 回复时间：2026-06-03</p></div>
<div class="item"><a href="/hd/12.html">反映村道路面破损问题</a><p>留言时间：2026-07-15 状态：未回复</p></div></div>`),
    );
    expect(items.map((i) => [i.title, i.href, i.askedDate, i.repliedDate, i.status])).toEqual([
      ['咨询老年证办理地点', 'http://www.qingxi.gov.cn/hd/11.html', '2026-06-01', '2026-06-03', null],
      ['反映村道路面破损问题', 'http://www.qingxi.gov.cn/hd/12.html', '2026-07-15', null, '未回复'],
    ]);
  });

  it('nothing on ordinary pages, column lists and lists that show no reply information', () => {
    expect(modelOf('bmdt-stale.html').interaction).toEqual([]);
    expect(modelOf('article-related.html').interaction).toEqual([]);
    expect(read(listPage('<table><tr><th>标题</th><th>留言时间</th></tr><tr><td><a href="/1.html">咨询</a></td><td>2026-01-01</td></tr></table>'))).toEqual([]);
    expect(read(listPage('<p>本网站将在收到留言后及时回复，回复时间一般不超过5个工作日。</p>'))).toEqual([]);
  });
});

describe('interaction extraction: notices are not messages', () => {
  it('a notice giving a 咨询时间 date with no sender, status or reply is not a message', () => {
    expect(
      read(listPage('<div class="article"><h1>关于开展2026年度个税汇算咨询服务的通知</h1><p>咨询时间：2026-03-01至2026-06-30，工作日上午9:00—12:00。设备运行状态良好。</p></div>')),
    ).toEqual([]);
  });
});
