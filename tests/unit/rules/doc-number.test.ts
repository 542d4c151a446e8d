import { describe, expect, it } from 'vitest';
import { detailPage, only, run } from './helpers';

const fields = (docNo: string, written = '2018-12-01'): [string, string][] => [
  ['索引号', '01526376-X-/2018-1204001'],
  ['发布机构', '昌宁县人民政府'],
  ['成文日期', written],
  ['文号', docNo],
];

describe('doc-number/format in the 文号 field', () => {
  it.each([
    ['沪府办[2018]5号', 'bracket', '沪府办〔2018〕5号'],
    ['沪府办（2018）5号', 'bracket', '沪府办〔2018〕5号'],
    ['沪府办【2018】5号', 'bracket', '沪府办〔2018〕5号'],
    ['沪府办〔18〕5号', 'shortYear', '沪府办〔2018〕5号'],
    ['沪府办〔2018〕第5号', 'di', '沪府办〔2018〕5号'],
    ['沪府办〔2018〕05号', 'leadingZero', '沪府办〔2018〕5号'],
    ['青政办秘函〔2018153号', 'unclosed', '青政办秘函〔2018〕153号'],
    ['沪府办〔2018〕5', 'noHao', '沪府办〔2018〕5号'],
  ])('%s → %s', async (docNo, messageId, fixed) => {
    const f = only(await run(detailPage({ fields: fields(docNo) })), 'doc-number/format');
    expect(f).toHaveLength(1);
    expect(f[0].messageId).toBe(messageId);
    expect(f[0].suggestion).toBe(fixed);
    expect(f[0].level).toBe('warn');
  });
  it('accepts the standard form and an empty field', async () => {
    expect(only(await run(detailPage({ fields: fields('保政办函〔2018〕24号') })), 'doc-number/format')).toEqual([]);
    expect(only(await run(detailPage({ fields: fields('国办发〔2017〕47号') })), 'doc-number/format')).toEqual([]);
    expect(only(await run(detailPage({ fields: fields('') })), 'doc-number/format')).toEqual([]);
    expect(only(await run(detailPage({ fields: fields('无') })), 'doc-number/format')).toEqual([]);
  });
  it('reports documents made before GB/T 9704-2012 took effect at info', async () => {
    const [f] = only(await run(detailPage({ fields: fields('沪府办[2010]5号', '2010-05-04') })), 'doc-number/format');
    expect(f.level).toBe('info');
  });
});

describe('doc-number/format in body text', () => {
  it('reports malformed citations and keeps the correct ones quiet', async () => {
    const body = [
      '根据《保山市人民政府办公室关于印发保山市2018年政务公开工作要点分工方案的通知》（保政办函〔2018〕24号）文件要求，现将有关情况报告如下。',
      '根据《青海省人民政府办公厅关于开展2018年政务公开考核工作的通知》（青政办秘函〔2018153号）要求，结合本县实际情况开展工作。',
      '按照《北京市人民政府关于进一步做好政务公开工作的通知》（京政发[2019]3号）的部署，各单位要抓好落实。',
      '依据国家税务总局公告2018年第5号的规定办理，2018年（第一批）名单另行公布。',
    ];
    const f = only(await run(detailPage({ body })), 'doc-number/format');
    expect(f.map((x) => x.data?.text)).toEqual(['青政办秘函〔2018153号', '京政发[2019]3号']);
    expect(f[0].excerpt).toContain('青政办秘函〔2018153号');
    expect(f[0].textLength).toBe('青政办秘函〔2018153号'.length);
  });

  it('reports a space inside a cited 文号, not spaces around it', async () => {
    const body = [
      '为落实《国务院关于扩大对外开放积极利用外资若干措施的通知》（国发〔2017〕5  号）的有关精神，制定本办法。',
      '根据《某某县人民政府关于做好防汛工作的通知》（某政发 〔2019〕 3号）要求，各单位要抓好落实。',
      '依照 国办发〔2017〕47号 文件精神，结合实际制定本方案。',
    ];
    const f = only(await run(detailPage({ body })), 'doc-number/format');
    expect(f.map((x) => [x.messageId, x.data?.text, x.suggestion])).toEqual([
      ['space', '国发〔2017〕5 号', '国发〔2017〕5号'],
      ['space', '某政发 〔2019〕 3号', '某政发〔2019〕3号'],
    ]);
  });
});
