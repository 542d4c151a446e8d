import { describe, expect, it } from 'vitest';
import { detailPage, only, run } from './helpers';

describe('catalog/missing-field', () => {
  it('reports each default required field the box lacks', async () => {
    const f = only(await run(detailPage({ fields: [['文号', '昌政发〔2018〕12号'], ['成文日期', '2018-12-01'], ['主题词', '政务公开']] })), 'catalog/missing-field');
    expect(f.map((x) => x.data?.field).sort()).toEqual(['发布机构', '索引号']);
    expect(f[0].message).toMatch(/信息公开目录缺少“(索引号|发布机构)”/);
  });
  it('accepts 成文日期 in place of 发布日期, and aliases such as 发文机关', async () => {
    const f = await run(detailPage({ fields: [['索 引 号', '000014349/2017-00110'], ['发文机关', '国务院办公厅'], ['成文日期', '2017-05-15']] }));
    expect(only(f, 'catalog/missing-field')).toEqual([]);
  });
  it('follows a site list of required fields', async () => {
    const html = detailPage({ fields: [['索引号', '000014349/2017-00110'], ['发布机构', '国务院办公厅'], ['发布日期', '2017-05-15']] });
    const f = await run(html, { sites: { 'cnx.gov.cn': { requiredFields: ['索引号', '名称'] } } });
    expect(only(f, 'catalog/missing-field').map((x) => x.data?.field)).toEqual(['名称']);
  });
  it('stays silent on pages without a catalogue box (news articles)', async () => {
    const html = `<html><body><h1>县长调研春耕备耕工作</h1><div class="content"><p>${'3月5日，县长深入乡镇调研春耕备耕工作，要求各级各部门抓好农资供应和技术服务。'.repeat(4)}</p></div></body></html>`;
    expect(only(await run(html), 'catalog/missing-field')).toEqual([]);
  });
});

describe('catalog/empty-field', () => {
  it('reports a shown label with no value: warn when required, info when optional', async () => {
    const f = only(
      await run(detailPage({ fields: [['索引号', ''], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04'], ['文号', ''], ['主题词', '']] })),
      'catalog/empty-field',
    );
    const by = Object.fromEntries(f.map((x) => [x.field, x.level]));
    expect(by).toEqual({ 索引号: 'warn', 文号: 'info', 主题词: 'info' });
  });
  it('does not report 浏览量, which scripts fill in', async () => {
    const f = only(await run(detailPage({ fields: [['索引号', '01526376-X-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04'], ['浏览量', '']] })), 'catalog/empty-field');
    expect(f).toEqual([]);
  });
});

describe('catalog/title-mismatch', () => {
  it('reports a 名称 that differs from the headline', async () => {
    const f = only(
      await run(detailPage({ headline: '关于做好2024年春季森林防火工作的通知', fields: [['索引号', '01526376-X-/2024-0301001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2024-03-01'], ['名称', '关于做好2023年秋冬季森林防火工作的通知']] })),
      'catalog/title-mismatch',
    );
    expect(f).toHaveLength(1);
    expect(f[0].suggestion).toBe('关于做好2024年春季森林防火工作的通知');
  });
  it('ignores differences of spaces and punctuation only', async () => {
    const f = only(
      await run(detailPage({ headline: '关于印发《昌宁县政务公开工作要点》的通知', fields: [['索引号', '01526376-X-/2024-0301001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2024-03-01'], ['名称', '关于印发 昌宁县政务公开工作要点 的通知']] })),
      'catalog/title-mismatch',
    );
    expect(f).toEqual([]);
  });
});
