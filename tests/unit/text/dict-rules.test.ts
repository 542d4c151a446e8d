import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { typoRules, jiezhiShouldBeJiezhi } from '../../../rules/text/typo';
import { seriousErrorRules, titleFits } from '../../../rules/text/serious-error';
import { outdatedTermRules } from '../../../rules/text/outdated-term';
import { sensitiveRules } from '../../../rules/text/sensitive';
import { setBuiltinDictsForTest } from '../../../rules/text/dicts';
import { modelOf, run, useSampleDicts } from './helpers';

const [typo] = typoRules;
const [serious] = seriousErrorRules;
const [outdated] = outdatedTermRules;
const [sensitive] = sensitiveRules;

beforeAll(useSampleDicts);
afterAll(() => setBuiltinDictsForTest(null));

describe('text/typo', () => {
  it('reports a pair with the right form as suggestion, excerpt and a stable key', async () => {
    const f = await run(typo, modelOf(['我镇把信息公开工作列入紧张议事日程，树立健全工作机制，按排专人负责。']));
    expect(f.map((x) => [x.suggestion, x.key, x.level])).toEqual([
      ['重要议事日程', '紧张议事日程#0', 'warn'],
      ['建立健全', '树立健全#0', 'warn'],
      ['安排', '按排#0', 'warn'],
    ]);
    expect(f[0].excerpt).toContain('列入紧张议事日程');
    expect(f[0].message).toBe('疑似错别字“紧张议事日程”，应为“重要议事日程”');
  });

  it('stays silent inside a listed exception and on whitelisted words', async () => {
    expect(await run(typo, modelOf(['按排名顺序公布，标新立异不可取。']))).toEqual([]);
    expect(await run(typo, modelOf(['做为试点单位。']), { dictionaries: { whitelist: ['做为试点'] } })).toEqual([]);
    expect(await run(typo, modelOf(['以建立健全制度为重点。']))).toEqual([]);
  });

  it('raises a typo in the headline to error', async () => {
    const f = await run(typo, modelOf(['正文。'], { headline: '关于按排2024年工作的通知' }));
    expect(f.map((x) => x.level)).toEqual(['error']);
  });

  it('takes user pairs from the config', async () => {
    const f = await run(typo, modelOf(['本镇的帐户已开通。']), { dictionaries: { typos: [{ wrong: '帐户', right: '账户' }] } });
    expect(f.map((x) => x.suggestion)).toEqual(['账户']);
  });

  it('counts occurrences per word for the key', async () => {
    const f = await run(typo, modelOf(['按排一。', '按排二。']));
    expect(f.map((x) => x.key)).toEqual(['按排#0', '按排#1']);
  });

  it('decides 截止/截至 by what follows', async () => {
    expect(jiezhiShouldBeJiezhi('截止2024年底，全县共有', 0)).toBe(true);
    expect(jiezhiShouldBeJiezhi('据统计，截止目前，', 4)).toBe(true);
    expect(jiezhiShouldBeJiezhi('截止2024年12月31日，', 0)).toBe(true);
    expect(jiezhiShouldBeJiezhi('截止10月11日下午，', 0)).toBe(true);
    expect(jiezhiShouldBeJiezhi('截止3月8日下午5:30，', 0)).toBe(true);
    expect(jiezhiShouldBeJiezhi('截止日期为5月1日', 0)).toBe(false);
    expect(jiezhiShouldBeJiezhi('报名截止时间为3月8日', 2)).toBe(false);
    expect(jiezhiShouldBeJiezhi('截止到2024年底，', 0)).toBe(false);
    expect(jiezhiShouldBeJiezhi('报名截止2024年5月1日，', 2)).toBe(false);
    const f = await run(typo, modelOf(['截止2024年底，全县共有企业1200家。', '报名截止时间为3月8日，截止日期不再延长。']));
    expect(f.map((x) => [x.suggestion, x.certainty, x.key])).toEqual([['截至', 'suspected', '截止#0']]);
  });
});

describe('text/serious-error', () => {
  it('reports serious wording errors as errors', async () => {
    const f = await run(serious, modelOf(['2019年，我镇赓续规范当局信息公开内容。', '中华人民共合国成立以来']));
    expect(f.map((x) => [x.level, x.suggestion])).toEqual([
      ['error', '政府信息公开'],
      ['error', '中华人民共和国'],
    ]);
  });

  it('stays silent on correct text', async () => {
    expect(await run(serious, modelOf(['2019年，我镇持续规范政府信息公开内容。中华人民共和国政府信息公开条例。']))).toEqual([]);
  });

  const leaders = { dictionaries: { leaders: [{ name: '杜家毫', title: '省委书记' }, { name: '李强', title: '总理' }] } };

  it('reports a near-miss of a listed leader next to a title', async () => {
    const f = await run(serious, modelOf(['省委书记杜家豪主持会议。', '杜家豪同志强调。']), leaders);
    expect(f.map((x) => [x.messageId, x.suggestion])).toEqual([
      ['nearName', '杜家毫'],
      ['nearName', '杜家毫'],
    ]);
  });

  it('does not take namesakes for near-misses', async () => {
    // 2-character names: 李明 is one character from 李强, but 主任李明 is someone else.
    expect(await run(serious, modelOf(['主任李明出席。', '杜家华在会上发言。', '省委书记杜家毫主持会议。']), leaders)).toEqual([]);
    const f = await run(serious, modelOf(['总理李墙出席。']), leaders);
    expect(f.map((x) => x.suggestion)).toEqual(['李强']);
  });

  it('reports a listed leader with a title that is not theirs', async () => {
    const f = await run(serious, modelOf(['县长杜家毫出席会议。', '副书记杜家毫讲话。']), leaders);
    expect(f.map((x) => [x.messageId, x.data?.found])).toEqual([
      ['wrongTitle', '县长'],
      ['wrongTitle', '副书记'],
    ]);
    expect(await run(serious, modelOf(['省委书记杜家毫出席会议，书记杜家毫讲话。']), leaders)).toEqual([]);
    expect(titleFits('书记', ['省委书记'])).toBe(true);
    expect(titleFits('市长', ['副市长'])).toBe(false);
  });
});

describe('text/outdated-term', () => {
  it('reports a renamed organ on a page dated after the change', async () => {
    const f = await run(outdated, modelOf(['请向县国土资源局提交材料。']));
    expect(f.map((x) => [x.level, x.suggestion])).toEqual([['info', '自然资源局']]);
  });

  it('stays silent on a page dated before the change', async () => {
    const fields = [{ name: '发布日期', label: '发布日期', value: '2016-05-04', selector: 'td' }];
    expect(await run(outdated, modelOf(['请向县国土资源局提交材料。'], { fields }))).toEqual([]);
    expect(await run(outdated, modelOf(['请向县自然资源局提交材料。']))).toEqual([]);
  });
});

describe('text/sensitive', () => {
  it('reports words of the user list, not inside whitelisted words', async () => {
    const config = { dictionaries: { sensitive: ['敏感甲'], whitelist: ['非敏感甲方'] } };
    const f = await run(sensitive, modelOf(['这里有敏感甲。', '这是非敏感甲方。']), config);
    expect(f.map((x) => [x.level, x.key])).toEqual([['error', '敏感甲#0']]);
    expect(await run(sensitive, modelOf(['这里有敏感甲。']))).toEqual([]);
  });
});
