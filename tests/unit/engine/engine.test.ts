import { describe, expect, it } from 'vitest';
import { resolveRules, resolveSite, PROFILE_NAMES } from '../../../rules/config';
import { validateConfig } from '../../../rules/config-schema';
import { defineRule } from '../../../rules/define';
import { audit } from '../../../rules/engine';
import { allRules, ruleById } from '../../../rules/index';
import { extractPage } from '../../../rules/page/extract';
import { detailPage } from '../rules/helpers';
import type { Config } from '../../../rules/types';

const model = extractPage(detailPage({ fields: [['索引号', '01526376-5-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']] }), 'http://www.cnx.gov.cn/a.html');

const boom = defineRule({
  id: 'test/boom',
  category: 'text',
  defaultLevel: 'warn',
  meta: { title: { zh: '炸', en: 'boom' }, description: '', messages: { m: { zh: '消息 {x}', en: 'message {x}' } } },
  defaultOptions: {},
  check() {
    throw new Error('规则内部错误');
  },
});
const echo = defineRule({
  id: 'test/echo',
  category: 'text',
  defaultLevel: 'warn',
  meta: { title: { zh: '回声', en: 'echo' }, description: '', messages: { m: { zh: '消息 {x}', en: 'message {x}' } } },
  defaultOptions: { x: 'default' },
  check(_m, ctx) {
    ctx.report({ messageId: 'm', data: { x: ctx.options.x as string }, excerpt: 'a'.repeat(400), key: 'k' });
    ctx.report({ messageId: 'm', data: { x: 'dup' }, excerpt: '', key: 'k' }); // same key: reported once
    ctx.report({ messageId: 'm', data: { x: 'up' }, excerpt: '', key: 'up', levelShift: 1 });
  },
});

/** A rule that reports every block and takes 3 ms over each: slow by construction, not by machine. */
const slow = defineRule({
  id: 'test/slow',
  category: 'text',
  defaultLevel: 'warn',
  meta: { title: { zh: '慢', en: 'slow' }, description: '', messages: { m: { zh: '消息 {x}', en: 'message {x}' } } },
  defaultOptions: {},
  check(m, ctx) {
    for (const b of m.body) {
      const until = performance.now() + 3;
      while (performance.now() < until);
      ctx.report({ messageId: 'm', data: { x: b.text }, excerpt: b.text, key: b.selector });
    }
  },
});
const manyBlocks = extractPage(`<body>${Array.from({ length: 400 }, (_, i) => `<p>第${i}段正文内容</p>`).join('')}</body>`, 'http://www.cnx.gov.cn/a.html');

describe('audit', () => {
  it('stops a rule at its time budget: a diagnostic, nothing it reported kept, not completed, the others run', async () => {
    const r = await audit(manyBlocks, {}, { rules: [slow, echo], budgetMs: 100 });
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'test/slow' });
    expect(r.diagnostics[0].message).toMatch(/运行超过 0.1 秒，已停止/);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['test/echo', 'test/echo']);
    expect(r.completed).toEqual(['test/echo']);
    // Within its budget the same rule runs to the end.
    const whole = await audit(manyBlocks, {}, { rules: [slow], budgetMs: 60_000 });
    expect(whole.completed).toEqual(['test/slow']);
    expect(whole.findings).toHaveLength(400);
  });

  it('turns a throwing rule into a diagnostic and runs the others', async () => {
    const r = await audit(model, {}, { rules: [boom, echo] });
    expect(r.diagnostics).toEqual([{ ruleId: 'test/boom', message: '规则内部错误' }]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['test/echo', 'test/echo']);
    expect(r.timings.map((t) => t.ruleId)).toEqual(['test/boom', 'test/echo']);
  });
  it('fills messages, cuts excerpts to 300 characters, dedupes keys, shifts levels', async () => {
    const r = await audit(model, {}, { rules: [echo] });
    expect(r.findings[0].message).toBe('消息 default');
    expect(r.findings[0].excerpt.length).toBe(300);
    expect(r.findings[1].level).toBe('error');
  });
  it('applies options and levels from config, then from the site', async () => {
    const config: Config = { rules: { 'test/echo': ['info', { x: 'user' }] }, sites: { 'cnx.gov.cn': { rules: { 'test/echo': 'error' } } } };
    const r = await audit(model, config, { rules: [echo] });
    expect(r.findings[0].message).toBe('消息 user');
    expect(r.findings[0].level).toBe('error');
    const off = await audit(model, { rules: { 'test/echo': 'off' } }, { rules: [echo] });
    expect(off.findings).toEqual([]);
  });
  it('runs the registry by default', async () => {
    const r = await audit(model, { today: '2026-11-22' });
    expect(r.findings.some((f) => f.ruleId === 'index-number/check-digit')).toBe(true);
    expect(r.timings.length).toBeGreaterThan(10);
  });
});

describe('config', () => {
  it('has the three profiles and every rule id in them exists', () => {
    expect(PROFILE_NAMES).toEqual(['daily', 'indicators', 'strict']);
  });
  it('resolves profiles under user rules', () => {
    const daily = resolveRules(allRules, { profile: 'daily' }, {});
    const strict = resolveRules(allRules, { profile: 'strict' }, {});
    expect(daily.get('disclosure/missing')!.level).toBe('off');
    expect(strict.get('disclosure/missing')!.level).toBe('warn');
    expect(strict.get('index-number/format')!.options.reportEmptySegment).toBe(true);
  });
  it('matches a site key to the host and its sub-domains, longest first', () => {
    const config: Config = { sites: { 'gov.cn': { traditional: false }, 'cnx.gov.cn': { traditional: true } } };
    expect(resolveSite(config, 'www.cnx.gov.cn').matched as string | null).toBe('cnx.gov.cn');
    expect(resolveSite(config, 'www.other.gov.cn').matched).toBe('gov.cn');
    expect(resolveSite(config, 'example.com').matched).toBeNull();
  });
  it('explains what is wrong with a bad config in Chinese', () => {
    expect(validateConfig({ profile: 'daily', rules: { 'doc-number/format': 'error' } })).toEqual([]);
    const problems = validateConfig({ profile: 'weekly', rules: { 'doc-number/formt': 'warn', 'doc-number/format': 'loud' }, sites: { 'a.gov.cn': { indexPatterns: ['(('] } } });
    expect(problems.join('\n')).toMatch(/profile/);
    expect(problems.join('\n')).toMatch(/未知的规则 "doc-number\/formt"/);
    expect(problems.join('\n')).toMatch(/级别必须是/);
    expect(problems.join('\n')).toMatch(/不是合法的正则表达式/);
    expect(validateConfig([])).toEqual(['配置必须是一个 JSON 对象']);
  });
});
