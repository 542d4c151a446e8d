import { describe, expect, it } from 'vitest';
import { embeddedCode, shapeOf, yearOf } from '../../../rules/index-number';
import { MemoryLookups } from '../../../rules/run';
import { extractPage } from '../../../rules/page/extract';
import { detailPage, only, run, URL_ } from './helpers';

const box = (index: string, pub = '2018-12-04', extra: [string, string][] = []) =>
  detailPage({ fields: [['索引号', index], ['发布机构', '昌宁县人民政府'], ['发布日期', pub], ...extra] });

describe('embedded codes', () => {
  it('verifies GB 11714 and GB 32100 check characters', () => {
    expect(embeddedCode('01526376-X-/2018-1204001')!.check.ok).toBe(true);
    expect(embeddedCode('01525761-8-/2020-1125008')!.check.ok).toBe(true);
    expect(embeddedCode('000014349/2017-00110')!.check.ok).toBe(true);
    expect(embeddedCode('11441700007280420Y/2021-00050')!.check.ok).toBe(true);
    const bad = embeddedCode('01526376-5-/2018-1204001')!;
    expect(bad.check.ok).toBe(false);
    expect(bad.check.expected).toBe('X');
    expect(embeddedCode('11441700007280420A/2021-00050')!.check.ok).toBe(false);
  });
  it('reads the year and the shape', () => {
    expect(yearOf('01526376-X-/2018-1204001')).toBe(2018);
    expect(yearOf('11340000002986061N/202504-00057')).toBe(2025);
    expect(yearOf('MB1234567-2019-0003')).toBe(2019);
    expect(shapeOf('01526376-X-/2018-1204001')).toBe(shapeOf('01525761-8-/2020-1125008'));
  });
});

describe('index-number/check-digit', () => {
  it('stays silent on seed 000 (01526376-X, X is right)', async () => {
    expect((await run(box('01526376-X-/2018-1204001'))).filter((f) => f.ruleId.startsWith('index-number/'))).toEqual([]);
  });
  it('reports 01526376-5 with the corrected number as suggestion', async () => {
    const [f] = only(await run(box('01526376-5-/2018-1204001')), 'index-number/check-digit');
    expect(f.level).toBe('error');
    expect(f.certainty).toBe('certain');
    expect(f.suggestion).toBe('01526376-X-/2018-1204001');
  });
});

describe('index-number/year-mismatch', () => {
  it('reports an index year that matches neither date', async () => {
    const [f] = only(await run(box('01526376-X-/2018-1204001', '2019-01-15')), 'index-number/year-mismatch');
    expect(f.message).toContain('2018');
    expect(f.message).toContain('2019');
  });
  it('accepts a year that matches 成文日期 even when 发布日期 is later (back-filled document)', async () => {
    expect(only(await run(box('01526376-X-/2018-1204001', '2019-01-15', [['成文日期', '2018-12-28']])), 'index-number/year-mismatch')).toEqual([]);
  });
});

describe('index-number/format', () => {
  it('holds a site to its configured patterns', async () => {
    const config = { sites: { 'cnx.gov.cn': { indexPatterns: ['^\\d{8}-[\\dX]-\\w*/\\d{4}-\\d{7}$'] } } };
    expect(only(await run(box('01526376-X-/2018-1204001'), config), 'index-number/format')).toEqual([]);
    expect(only(await run(box('01526376-X/2018-00001'), config), 'index-number/format')).toHaveLength(1);
  });
  it('never runs a pattern with nested repeats, and never on a long subject (no stalled page)', async () => {
    // ^([0-9A-Z]+-?)+/… backtracks exponentially on a near-miss: refused, so the site is judged as unconfigured.
    const evil = { sites: { 'cnx.gov.cn': { indexPatterns: ['^([0-9A-Z]+-?)+/[0-9]{4}-[0-9]{5}$'] } } };
    const nearMiss = '0152637601526376015263760152637601526-X';
    // (Before the check this call took minutes: the test's own timeout is what fails then.)
    const f = only(await run(box(nearMiss), evil), 'index-number/format');
    expect(f.map((x) => x.key)).toEqual(['structure']);
  });
  it('without patterns reports only numbers with no structure at all', async () => {
    expect(only(await run(box('XXGK-ABCD-EFGH')), 'index-number/format')).toHaveLength(1);
    expect(only(await run(box('000014349/2017-00110')), 'index-number/format')).toEqual([]);
  });
  it('reports the empty segment only in the strict profile, at info', async () => {
    expect(only(await run(box('01526376-X-/2018-1204001')), 'index-number/format')).toEqual([]);
    const [f] = only(await run(box('01526376-X-/2018-1204001'), { profile: 'strict' }), 'index-number/format');
    expect(f.level).toBe('info');
  });
  it('suspects a number whose shape differs from most of the site', async () => {
    const lookups = { indexNumberShapes: async () => ({ [shapeOf('01526376-X-/2018-1204001')]: 40 }) };
    const [f] = only(await run(box('000014349/2018-00110'), {}, lookups), 'index-number/format');
    expect(f.certainty).toBe('suspected');
    expect(only(await run(box('01526376-X-/2019-0101001', '2019-01-01'), {}, lookups), 'index-number/format')).toEqual([]);
  });
});

describe('index-number/duplicate', () => {
  it('reports an index number another page of the run already carries', async () => {
    const lookups = new MemoryLookups();
    const other = 'http://www.cnx.gov.cn/zwgk/qk/201812/t20181204_2.html';
    lookups.add(extractPage(box('01526376-X-/2018-1204001'), other));
    lookups.add(extractPage(box('01526376-X-/2018-1204001'), URL_));
    const [f] = only(await run(box('01526376-X-/2018-1204001'), {}, lookups), 'index-number/duplicate');
    expect(f.message).toContain(other);
    expect(only(await run(box('01526376-X-/2018-1204002'), {}, lookups), 'index-number/duplicate')).toEqual([]);
  });
});
