import { describe, expect, it } from 'vitest';
import { Matcher, getMatcher } from '../../../rules/text/matcher';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, id) => {
    if (patterns.indexOf(p) !== id) return; // duplicates report the first id
    for (let i = text.indexOf(p); i >= 0; i = text.indexOf(p, i + 1)) out.push(`${i}-${i + p.length}-${id}`);
  });
  return out.sort();
}

describe('Matcher', () => {
  it('finds every occurrence with its offsets, overlapping and nested ones included', () => {
    const pats = ['树立健全', '健全', '建立健全', '立健', '当局', '当局信息公开', 'ab'];
    const text = '我镇树立健全制度，当局信息公开，建立健全机制。abab';
    const m = new Matcher(pats);
    const got = m.findAll(text).map((h) => `${h.start}-${h.end}-${h.id}`).sort();
    expect(got).toEqual(naive(pats, text));
    expect(got).toContain(`${text.indexOf('当局信息公开')}-${text.indexOf('当局信息公开') + 6}-5`);
  });

  it('agrees with a naive scan on random text over a small alphabet', () => {
    const alpha = '的是公开政府信息和了';
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const word = (len: number) => Array.from({ length: len }, () => alpha[rnd(alpha.length)]).join('');
    const pats = Array.from({ length: 300 }, () => word(1 + rnd(5)));
    const text = word(5000);
    const m = new Matcher(pats);
    expect(m.findAll(text).map((h) => `${h.start}-${h.end}-${h.id}`).sort()).toEqual(naive(pats, text));
  });

  it('handles surrogate pairs, empty patterns and an empty list', () => {
    const m = new Matcher(['', '𠀀字', 'x']);
    expect(m.findAll('a𠀀字x').map((h) => [h.start, h.end, h.id])).toEqual([[1, 4, 1], [4, 5, 2]]);
    expect(new Matcher([]).findAll('任何文字')).toEqual([]);
  });

  it('is cached by identity and by content', () => {
    const a = ['甲乙', '丙丁'];
    expect(getMatcher(a)).toBe(getMatcher(a));
    expect(getMatcher(['甲乙', '丙丁'])).toBe(getMatcher(a));
    expect(getMatcher(['甲乙', '丙丁', '戊'])).not.toBe(getMatcher(a));
  });
});
