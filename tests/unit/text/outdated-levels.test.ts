/**
 * text/outdated-term with the shipped list: a local body's old name is judged by the date its
 * level was renamed (市县 by 2019-03-31), not by the national reform (2018-03-17).
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../../../rules/engine';
import { outdatedTermRules } from '../../../rules/text/outdated-term';
import { modelOf } from './helpers';

const at = async (date: string, text: string) =>
  (await audit(modelOf([text], { fields: [{ name: '发布日期', label: '发布日期', value: date, selector: 'td' }] }), { today: '2026-01-01' }, { rules: outdatedTermRules })).findings.map((f) => f.suggestion);

describe('text/outdated-term per level', () => {
  it('is silent on a county text written between the national and the local reform', async () => {
    expect(await at('2018-10-15', '请向县国土资源局提交材料。')).toEqual([]);
    expect(await at('2018-11-02', '由县环保局牵头开展检查。')).toEqual([]);
  });
  it('reports the old name once the local reform is done', async () => {
    expect(await at('2019-06-01', '请向县国土资源局提交材料。')).toEqual(['自然资源局']);
  });
});
