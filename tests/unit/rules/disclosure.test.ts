import { describe, expect, it } from 'vitest';
import { detailPage, only, run } from './helpers';
import type { Config } from '../../../rules/types';

const base: [string, string][] = [
  ['索引号', '01526376-X-/2023-0301001'],
  ['发布机构', '昌宁县人民政府办公室'],
  ['发布日期', '2023-03-01'],
];

describe('disclosure/invalid-value', () => {
  it('reports a value outside 主动公开/依申请公开/不予公开', async () => {
    const [f] = only(await run(detailPage({ fields: [...base, ['公开方式', '部分公开']] })), 'disclosure/invalid-value');
    expect(f.message).toContain('部分公开');
  });
  it('accepts 主动公开 and configured local values', async () => {
    expect(only(await run(detailPage({ fields: [...base, ['公开属性', '主动公开']] })), 'disclosure/invalid-value')).toEqual([]);
    const config: Config = { rules: { 'disclosure/invalid-value': ['warn', { extraValues: ['删减后公开'] }] } };
    expect(only(await run(detailPage({ fields: [...base, ['公开属性', '删减后公开']] }), config), 'disclosure/invalid-value')).toEqual([]);
  });
});

describe('disclosure/contradiction', () => {
  it('reports a published page marked 依申请公开 and a text that says 此件不予公开', async () => {
    const f = only(
      await run(detailPage({ fields: [...base, ['公开属性', '依申请公开']], body: ['各乡镇人民政府：现将有关事项通知如下。', '（此件不予公开）'] })),
      'disclosure/contradiction',
    );
    expect(f.map((x) => x.messageId).sort()).toEqual(['field', 'text']);
    expect(f.every((x) => x.level === 'error')).toBe(true);
  });
  it('stays silent when an annual report counts 不予公开 replies', async () => {
    const body = ['本年度共收到政府信息公开申请12件，其中予以公开8件，部分公开2件，不予公开1件，无法提供1件。'];
    expect(only(await run(detailPage({ fields: [...base, ['公开属性', '主动公开']], body })), 'disclosure/contradiction')).toEqual([]);
  });
});

describe('disclosure/missing', () => {
  it('is reported only where the site requires the field, and is off in the daily profile', async () => {
    const site = { sites: { 'cnx.gov.cn': { requireDisclosure: true } } };
    expect(only(await run(detailPage({ fields: base }), { ...site, profile: 'indicators' }), 'disclosure/missing')).toHaveLength(1);
    expect(only(await run(detailPage({ fields: base }), { ...site, profile: 'daily' }), 'disclosure/missing')).toEqual([]);
    expect(only(await run(detailPage({ fields: base }), { profile: 'indicators' }), 'disclosure/missing')).toEqual([]);
  });
});

describe('validity/*', () => {
  const normative: [string, string][] = [...base, ['文号', '昌政规〔2023〕2号']];
  it('reports a normative document without 有效性', async () => {
    const f = only(await run(detailPage({ headline: '昌宁县城市道路管理办法', fields: normative })), 'validity/missing');
    expect(f).toHaveLength(1);
  });
  it('judges the title by its own kind, not by a document it names in 《》', async () => {
    const docNo = [...base, ['文号', '昌政办发〔2023〕5号']] as typeof base;
    const missing = async (headline: string) => only(await run(detailPage({ headline, fields: docNo })), 'validity/missing').length;
    expect(await missing('昌宁县人民政府办公室关于印发《昌宁县城市道路管理办法》的通知')).toBe(1);
    expect(await missing('昌宁县人民政府关于废止《昌宁县城市道路管理办法》的决定')).toBe(0);
    expect(await missing('《昌宁县关于加快乡村振兴的实施意见》解读')).toBe(0);
    // An 实施意见 with an ordinary 文号 is policy guidance; one with 规 in its 文号 is still checked.
    expect(await missing('昌宁县市场监管局关于在法治轨道上统筹推进疫情防控工作的实施意见')).toBe(0);
  });
  it('is silent for an ordinary notice and for a normative document with 有效性', async () => {
    expect(only(await run(detailPage({ headline: '关于召开全县春耕生产会议的通知', fields: [...base, ['文号', '昌政办发〔2023〕5号']] })), 'validity/missing')).toEqual([]);
    expect(only(await run(detailPage({ headline: '昌宁县城市道路管理办法', fields: [...normative, ['有效性', '有效']] })), 'validity/missing')).toEqual([]);
  });
  it('reports 有效 past its 有效期, not before', async () => {
    const expired = only(await run(detailPage({ headline: '昌宁县城市道路管理办法', fields: [...normative, ['有效性', '有效'], ['有效期至', '2024-12-31']] })), 'validity/expired');
    expect(expired).toHaveLength(1);
    expect(expired[0].suggestion).toBe('失效');
    const valid = only(await run(detailPage({ headline: '昌宁县城市道路管理办法', fields: [...normative, ['有效性', '有效'], ['有效期至', '2028-12-31']] })), 'validity/expired');
    expect(valid).toEqual([]);
  });
});
