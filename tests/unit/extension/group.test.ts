import { describe, expect, it } from 'vitest';
import { groupFindings } from '../../../utils/group';

describe('groupFindings', () => {
  const f = (ruleId: string, message: string, id: string) => ({ ruleId, message, id });
  it('groups one rule with one message, in the order of first appearance', () => {
    const g = groupFindings([f('text/placeholder', '“xx”', 'a'), f('text/typo', '甲', 'b'), f('text/placeholder', '“xx”', 'c'), f('text/placeholder', '“××”', 'd')]);
    expect(g.map((x) => x.items.map((i) => i.id))).toEqual([['a', 'c'], ['b'], ['d']]);
  });
  it('makes one row of a per-block rule whatever each block says', () => {
    const g = groupFindings([f('text/mixed-script', '段落一', 'a'), f('text/mixed-script', '段落二', 'b')]);
    expect(g.map((x) => x.items.length)).toEqual([2]);
  });
});
