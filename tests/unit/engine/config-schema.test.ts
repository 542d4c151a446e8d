/** The whole config is checked to its leaves, in Chinese, with the path of each problem. */
import { describe, expect, it } from 'vitest';
import { formatPath, isRealIsoDate, validateConfig } from '../../../rules/config-schema';
import { hasNestedQuantifier, regexProblem, testBounded } from '../../../rules/safe-regex';

describe('validateConfig', () => {
  it('accepts a full, valid config', () => {
    expect(
      validateConfig({
        profile: 'indicators',
        today: '2024-02-29',
        rules: { 'doc-number/format': ['warn', { oldDocsBefore: '2012-07-01' }], 'column/stale': ['error', { otherMaxAgeDays: null }], 'text/typo': ['off'] },
        sites: { 'cnx.gov.cn': { indexPatterns: ['^\\w{9}/\\d{4}-\\d{5}$'], requiredFields: ['索引号'], columnMaxAge: { news: 14 }, traditional: false, rules: { 'text/typo': 'warn' } } },
        dictionaries: { typos: [{ wrong: '按排', right: '安排' }], whitelist: ['某词'], leaders: [{ name: '张三', title: '县长', since: '2021-01-01' }] },
      }),
    ).toEqual([]);
  });

  it('checks rule options by the type of their defaults, and names unknown ones', () => {
    const p = validateConfig({ rules: { 'interaction/slow-reply': ['warn', { maxWorkingDays: 'twenty', maxDays: 3 }] } });
    expect(p).toContain('rules["interaction/slow-reply"][1].maxWorkingDays: 选项 maxWorkingDays 应为数字');
    expect(p.join('\n')).toMatch(/没有选项 "maxDays"（可用：maxWorkingDays、holidays、makeUpWorkdays）/);
  });

  it('says where a site setting is wrong, down to the list item', () => {
    expect(validateConfig({ sites: { 'cnx.gov.cn': { indexPatterns: 5 } } })).toEqual(['sites["cnx.gov.cn"].indexPatterns: indexPatterns 应为正则表达式列表']);
    expect(validateConfig({ sites: { 'cnx.gov.cn': { indexPatterns: ['^ok$', '(('] } } })[0]).toMatch(/^sites\["cnx\.gov\.cn"\]\.indexPatterns\[1\]: 不是合法的正则表达式/);
    expect(validateConfig({ sites: { 'cnx.gov.cn': { indexPatterns: ['^([0-9A-Z]+-?)+/[0-9]{4}-[0-9]{5}$'] } } })[0]).toMatch(/indexPatterns\[0\]: 含嵌套的重复/);
    expect(validateConfig({ sites: { 'http://cnx.gov.cn/': {} } })[0]).toMatch(/应为主机名/);
  });

  it('rejects impossible dates instead of rolling them over', () => {
    expect(validateConfig({ today: '2024-13-45' })).toEqual(['today: today “2024-13-45”不是有效的 YYYY-MM-DD 日期']);
    expect(validateConfig({ dictionaries: { leaders: [{ name: '张三', title: '县长', since: '2023-02-29' }] } })[0]).toMatch(/^dictionaries\.leaders\[0\]\.since:/);
    expect(isRealIsoDate('2024-02-29')).toBe(true);
    expect(isRealIsoDate('2023-02-29')).toBe(false);
  });

  it('checks dictionary shapes', () => {
    const p = validateConfig({ dictionaries: { whitelist: 5, typos: [{ wrong: '' , right: 'x' }], extra: [] } });
    expect(p).toContain('dictionaries.whitelist: 白名单应为字符串列表');
    expect(p).toContain('dictionaries.typos[0].wrong: 错误写法 wrong 不能为空');
    expect(p).toContain('dictionaries: 未知的词典 "extra"');
  });

  it('formats paths with dots for names and brackets for the rest', () => {
    expect(formatPath([{ key: 'sites' }, { key: 'cnx.gov.cn' }, { key: 'indexPatterns' }, { key: 0 }])).toBe('sites["cnx.gov.cn"].indexPatterns[0]');
  });
});

describe('user regexes', () => {
  it('refuses nested unbounded repeats and keeps the presets', () => {
    for (const bad of ['(a+)+$', '(x*)*', '((ab)+c)*', '(a{2,})+', '^([0-9A-Z]+-?)+/[0-9]{4}-[0-9]{5}$']) expect(hasNestedQuantifier(bad), bad).toBe(true);
    for (const ok of ['^\\w{9}/\\d{4}-\\d{5}$', '^\\d{8}-[\\dX]-\\w*/\\d{4}-\\d{7}$', '^[0-9A-HJ-NPQRTUWXY]{18}/\\d{4}(\\d{2})?-\\d{5}$', '(ab)+', '[(+]+', '(a+)?', '\\(a+\\)+'])
      expect(hasNestedQuantifier(ok), ok).toBe(false);
    expect(regexProblem('((')?.kind).toBe('syntax');
  });

  it('runs only on short input', () => {
    expect(testBounded(/^a+$/, 'a'.repeat(50))).toBe(true);
    expect(testBounded(/^a+$/, 'a'.repeat(500))).toBe(false);
  });
});
