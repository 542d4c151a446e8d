import { describe, expect, it } from 'vitest';
import { malformedDates } from '../../../rules/dates';
import { workingDaysBetween } from '../../../rules/date-parse';
import { detailPage, only, run } from './helpers';

const box = (extra: [string, string][]) => detailPage({ fields: [['索引号', '01526376-X-/2021-0510001'], ['发布机构', '昌宁县人民政府'], ...extra] });

describe('date rules on catalogue fields', () => {
  it('date/invalid: impossible and unparsable dates', async () => {
    const f = only(await run(box([['成文日期', '2021-02-30'], ['发布日期', '二〇二一年']])), 'date/invalid');
    expect(f.map((x) => x.messageId).sort()).toEqual(['impossible', 'unparsable']);
    expect(only(await run(box([['成文日期', '2021年2月28日'], ['发布日期', '2021/3/1']])), 'date/invalid')).toEqual([]);
  });
  it('date/future: 发布日期 after today (the test today is 2026-11-22)', async () => {
    expect(only(await run(box([['发布日期', '2099-01-01']])), 'date/future')).toHaveLength(1);
    expect(only(await run(box([['发布日期', '2026-11-22']])), 'date/future')).toEqual([]);
  });
  it('date/order: 成文日期 after 发布日期', async () => {
    expect(only(await run(box([['成文日期', '2021-05-10'], ['发布日期', '2021-05-01']])), 'date/order')).toHaveLength(1);
    expect(only(await run(box([['成文日期', '2021-05-01'], ['发布日期', '2021-05-10']])), 'date/order')).toEqual([]);
  });
  it('date/publish-lag: over 20 working days (info, off in the daily profile)', async () => {
    const late = box([['成文日期', '2021-01-04'], ['发布日期', '2021-03-01']]);
    expect(only(await run(late, { profile: 'indicators' }), 'date/publish-lag')[0].level).toBe('info');
    expect(only(await run(late, { profile: 'daily' }), 'date/publish-lag')).toEqual([]);
    expect(only(await run(box([['成文日期', '2021-01-04'], ['发布日期', '2021-01-29']]), { profile: 'indicators' }), 'date/publish-lag')).toEqual([]);
  });
  it('counts working days without weekends and listed holidays', () => {
    expect(workingDaysBetween('2021-01-01', '2021-01-08')).toBe(5);
    expect(workingDaysBetween('2021-01-01', '2021-01-08', ['2021-01-04'])).toBe(4);
  });
});

describe('date/malformed-text', () => {
  it('finds the seed defects', () => {
    const found = malformedDates('会议于2019131召开。新建政务服务中心于201711月投入运行。20186月，我县分别对乡镇培训。2019年13月底完成，2月30日前上报。');
    expect(found.map((p) => p.text)).toEqual(['2019131', '201711月', '20186月', '2019年13月', '2月30日']);
    expect(found[0].suggestion).toBe('2019年1月31日');
    expect(found[1].suggestion).toBe('2017年11月');
  });
  it('leaves numbers that are not dates alone', () => {
    const text = '全县累计主动公开政府信息15307条，投资2019131元，咨询电话0875-6123456，邮编678100，2020年2月29日、2024年12月31日、3月31日均为有效日期，编号2019131。';
    expect(malformedDates(text)).toEqual([]);
  });
  it('is reported on body text with an excerpt around the date', async () => {
    const f = only(await run(detailPage({ body: ['新建政务服务中心于201711月投入运行，中心共进驻22个部门。'] })), 'date/malformed-text');
    expect(f).toHaveLength(1);
    expect(f[0].excerpt).toContain('于201711月投入运行');
  });
});
