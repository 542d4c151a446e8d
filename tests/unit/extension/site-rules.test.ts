import { describe, expect, it } from 'vitest';
import { withRuleOff } from '../../../utils/site-rules';

describe('withRuleOff', () => {
  it('adds the site with the rule off, keeping the rest of the config', () => {
    const c = withRuleOff({ profile: 'daily', rules: { 'text/typo': 'error' } }, 'www.a.gov.cn', 'text/mixed-script');
    expect(c).toEqual({ profile: 'daily', rules: { 'text/typo': 'error' }, sites: { 'www.a.gov.cn': { rules: { 'text/mixed-script': 'off' } } } });
  });
  it('reuses a site key that already covers the host, keeping its settings', () => {
    const c = withRuleOff({ sites: { 'a.gov.cn': { requiredFields: ['索引号'], rules: { 'text/typo': 'warn' } } } }, 'www.a.gov.cn', 'text/mixed-script');
    expect(c.sites).toEqual({ 'a.gov.cn': { requiredFields: ['索引号'], rules: { 'text/typo': 'warn', 'text/mixed-script': 'off' } } });
  });
  it('does not take a key that only ends like the host', () => {
    expect(Object.keys(withRuleOff({ sites: { 'a.gov.cn': {} } }, 'www.xa.gov.cn', 'r/x').sites!)).toEqual(['a.gov.cn', 'www.xa.gov.cn']);
  });
});

describe('whitelistWord', () => {
  it('takes the word the rule matched', async () => {
    const { whitelistWord } = await import('../../../utils/site-rules');
    expect(whitelistWord({ ruleId: 'text/typo', data: { wrong: '布署', right: '部署' } })).toBe('布署');
    expect(whitelistWord({ ruleId: 'text/placeholder', messageId: 'placeholder', data: { text: 'xx' } })).toBe('xx');
    expect(whitelistWord({ ruleId: 'text/repeated', messageId: 'word', data: { unit: '我们' } })).toBe('我们我们');
    expect(whitelistWord({ ruleId: 'text/repeated', messageId: 'clause', data: { unit: '依法做到应公开尽公开' } })).toBeNull();
    expect(whitelistWord({ ruleId: 'catalog/missing-field', data: { field: '发布机构' } })).toBeNull();
  });
});
