import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain .mjs script without types
import { renderGenerated } from '../../../scripts/build-dicts.mjs';
import { builtinDicts, parseFunctionWords, parseOutdated, parsePairs, parsePlaceholders } from '../../../rules/text/dicts';

const dictDir = fileURLToPath(new URL('../../../rules/dicts/', import.meta.url));

describe('dictionary files', () => {
  it('rules/dicts/generated.ts is up to date with the data files (run node scripts/build-dicts.mjs)', () => {
    expect(readFileSync(dictDir + 'generated.ts', 'utf8')).toBe(renderGenerated(dictDir));
  });

  it('load without problems and carry a source header', () => {
    expect(builtinDicts().warnings).toEqual([]);
    for (const f of ['traditional-chars.txt', 'title-words.txt', 'role-labels.txt']) expect(readFileSync(dictDir + f, 'utf8')).toMatch(/^# source: /);
    expect(builtinDicts().traditional.has('開')).toBe(true);
    expect(builtinDicts().traditional.has('乾')).toBe(false); // also simplified (乾坤)
  });
});

describe('loaders are tolerant', () => {
  it('skip malformed pair lines with a warning', () => {
    const r = parsePairs('# c\n按排\t安排\t按排名\t注\n坏行\n甲\t甲\n按排\t重复\n做为\t作为\t不相关\n', 'x.tsv');
    expect(r.entries.map((e) => [e.wrong, e.right, e.exceptions])).toEqual([
      ['按排', '安排', ['按排名']],
      ['做为', '作为', []],
    ]);
    expect(r.warnings).toHaveLength(4);
  });
  it('skip outdated rows without a date, function words with spaces, broken regexes', () => {
    expect(parseOutdated('甲\t乙\t2018\n丙\t丁\t2018-03-21\t注', 'o').entries.map((e) => e.old)).toEqual(['丙']);
    expect(parseFunctionWords('的\t的的确确\na b', 'f').entries).toEqual([{ word: '的', exceptions: ['的的确确'] }]);
    const p = parsePlaceholders('[{"id":"a","pattern":"xx"},{"id":"b","pattern":"("},{"nope":1}]', 'p.json');
    expect(p.entries.map((e) => e.id)).toEqual(['a']);
    expect(p.warnings).toHaveLength(2);
    expect(parsePlaceholders('{not json', 'p.json').warnings).toHaveLength(1);
  });
});
