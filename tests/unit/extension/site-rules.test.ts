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
