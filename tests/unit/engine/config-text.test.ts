import { describe, expect, it } from 'vitest';
import { leadersText, parseLeaders, parseTypos, parseWords, typosText } from '../../../utils/config-text';

describe('dictionary text forms', () => {
  it('reads typo pairs in the forms editors write them and names the bad lines', () => {
    const r = parseTypos('按排 安排\n既使→即使\n# comment\n\n再接再励,再接再厉\n只有一个词');
    expect(r.value).toEqual([
      { wrong: '按排', right: '安排' },
      { wrong: '既使', right: '即使' },
      { wrong: '再接再励', right: '再接再厉' },
    ]);
    expect(r.problems).toEqual(['错别字第 6 行无法识别：“只有一个词”（格式：错词 正词）']);
    expect(parseTypos(typosText({ typos: r.value })).value).toEqual(r.value);
  });
  it('reads leaders with an optional date', () => {
    const r = parseLeaders('张三 县委书记 2021-06-01\n李四 县长\n王五');
    expect(r.value).toEqual([{ name: '张三', title: '县委书记', since: '2021-06-01' }, { name: '李四', title: '县长' }]);
    expect(r.problems).toHaveLength(1);
    expect(parseLeaders(leadersText({ leaders: r.value })).value).toEqual(r.value);
  });
  it('dedupes word lists', () => {
    expect(parseWords('甲\n乙\n甲\n')).toEqual(['甲', '乙']);
  });
});
