import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placeholderRules } from '../../../rules/text/placeholder';
import { garbledRules } from '../../../rules/text/garbled';
import { pinyinResidueRules } from '../../../rules/text/pinyin-residue';
import { mixedScriptRules } from '../../../rules/text/mixed-script';
import { repeatedRules } from '../../../rules/text/repeated';
import { unbalancedRules, unpaired } from '../../../rules/text/unbalanced';
import { halfwidthPunctRules, halfwidthMarks } from '../../../rules/text/halfwidth-punct';
import { mojibakeTables } from '../../../rules/text/mojibake';
import { setBuiltinDictsForTest } from '../../../rules/text/dicts';
import { modelOf, run, useSampleDicts } from './helpers';

beforeAll(useSampleDicts);
afterAll(() => setBuiltinDictsForTest(null));

describe('text/placeholder', () => {
  const [rule] = placeholderRules;
  it('reports template placeholders and empty role labels', async () => {
    const f = await run(rule, modelOf(['完善《xx市八桥镇政府信息公开指南》。截止201x年12月20日，20xx年，--年完成。', '组长：', '副组长：', '组长：副组长：']));
    expect(f.map((x) => x.data?.text ?? x.data?.label)).toEqual(['xx', '201x年', '20xx年', '--年', '组长', '副组长', '组长', '副组长']);
    expect(f.every((x) => x.level === 'error')).toBe(true);
  });
  it('stays silent on filled labels and lead-ins', async () => {
    expect(await run(rule, modelOf(['组长：张三', '领导小组成员名单如下：', '联系电话：0871-1234567', '2024年完成。']))).toEqual([]);
  });
});

describe('text/garbled', () => {
  const [rule] = garbledRules;
  const gbk = new TextDecoder('gbk').decode(new TextEncoder().encode('关于印发政府信息公开工作要点的通知'));
  it('reports replacement characters, 锟斤拷, ?? runs, GBK and Latin-1 mojibake', async () => {
    const f = await run(rule, modelOf(['政府信息\ufffd\ufffd公开', '锟斤拷锟斤拷', '政府??公开', gbk, 'CafÃ© â€œquotedâ€', 'æ”¿åºœä¿¡æ¯å…¬å¼€']));
    expect(f.map((x) => x.messageId)).toEqual(['replacement', 'kunjinkao', 'questionMarks', 'gbk', 'latin1', 'latin1']);
    // One misread word inside normal text: 批产 → 鎵逛骇 (逛 and 骇 are common characters themselves).
    const one = await run(rule, modelOf(['企业实现' + new TextDecoder('gbk').decode(new TextEncoder().encode('批产')) + '，产值增长。']));
    expect(one.map((x) => x.messageId)).toEqual(['gbk']);
  });
  it('derives its GBK tells from common characters and never counts common ones', () => {
    const { tells, common } = mojibakeTables();
    expect(tells.has('鍙')).toBe(true); // 发 = E5 8F 91 → 鍙
    expect(common.size).toBeGreaterThan(3700);
    for (const c of '的是政府信息公开工作要点通知') expect(tells.has(c)).toBe(false);
  });
  it('stays silent on normal text, question marks and rare characters', async () => {
    expect(await run(rule, modelOf(['您好？请问如何申请？', '关于印发政府信息公开工作要点的通知', 'What?? 2024', '鍙是一个罕见字'], {}))).toEqual([]);
  });
});

describe('text/pinyin-residue', () => {
  const [rule] = pinyinResidueRules;
  it('reports bracketed toned pinyin once per block', async () => {
    const f = await run(rule, modelOf(['政務公開(kāi)工作要點(diǎn)和公開(kāi)']));
    expect(f).toHaveLength(1);
    expect(f[0].data).toEqual({ count: 3, examples: '開(kāi)”“點(diǎn)' });
  });
  it('stays silent on abbreviations and English in brackets', async () => {
    expect(await run(rule, modelOf(['国内生产总值(GDP)增长5%，世界卫生组织（WHO）发布。']))).toEqual([]);
  });
});

describe('text/mixed-script', () => {
  const [rule] = mixedScriptRules;
  const trad = '國務院辦公廳關於印發政務公開工作要點的通知';
  it('reports traditional characters once per block on a .gov.cn page', async () => {
    const f = await run(rule, modelOf([trad]));
    expect(f).toHaveLength(1);
    expect(f[0].data?.count).toBeGreaterThan(5);
  });
  it('is exempt on traditional pages and sites, and ignores one stray character', async () => {
    expect(await run(rule, modelOf([trad], { lang: 'zh-tw' }))).toEqual([]);
    expect(await run(rule, modelOf([trad], { host: 'www.info.gov.hk', lang: 'zh-hk' }))).toEqual([]);
    expect(await run(rule, modelOf([trad]), { sites: { 'qinghe.gov.cn': { traditional: true } } })).toEqual([]);
    expect(await run(rule, modelOf(['他在《說文》中写道：政府信息公开。']))).toEqual([]);
    expect(await run(rule, modelOf(['国务院办公厅关于印发政务公开工作要点的通知，乾坤、著作、於姓。']))).toEqual([]);
  });
});

describe('text/repeated', () => {
  const [rule] = repeatedRules;
  it('reports doubled function words, doubled words and repeated clauses', async () => {
    const f = await run(rule, modelOf(['这是我们的的工作。', '我们我们要做好。', '规范完善内容，依法做到“应公开尽公开”，依法做到“应公开尽公开”，按照条例执行。']));
    expect(f.map((x) => [x.messageId, x.data?.unit])).toEqual([
      ['functionWord', '的'],
      ['word', '我们'],
      ['clause', '依法做到“应公开尽公开”'],
    ]);
  });
  it('stays silent on reduplication, exceptions, numbers and counting off', async () => {
    const ok = ['实实在在的民生工程，这件事要研究研究，常常讨论讨论。', '的的确确如此，不能不了了之。', '编号1111，共2222元。', '一步一步推进，哈哈哈哈。', '工作作风好，人人参与。'];
    expect(await run(rule, modelOf(ok))).toEqual([]);
  });
  it('honours the user whitelist', async () => {
    expect(await run(rule, modelOf(['请大家琢磨琢磨。']))).toHaveLength(1);
    expect(await run(rule, modelOf(['请大家琢磨琢磨。']), { dictionaries: { whitelist: ['琢磨琢磨'] } })).toEqual([]);
  });
});

describe('text/unbalanced', () => {
  const [rule] = unbalancedRules;
  it('reports unpaired marks within a paragraph', async () => {
    const f = await run(rule, modelOf(['认真学习《政府信息公开条例的相关内容。', '“三个代表“重要思想', '（一）加强领导（2024年']));
    expect(f.map((x) => x.data?.ch)).toEqual(['《', '“', '“', '（']);
  });
  it('stays silent on balanced text, list numbers and multi-paragraph quotes', async () => {
    expect(unpaired('1）加强领导；（2）完善制度(试行）')).toEqual([]);
    expect(await run(rule, modelOf(['“第一段引文开始，', '“第二段引文结束。”', '《条例》〔2024〕【注】‘内’']))).toEqual([]);
  });
  it('pairs marks split by a line break, and skips texts the site cut short and English apostrophes', async () => {
    // 附件：《规范》（略，详情请登录网<br>站）
    expect(await run(rule, modelOf(['附件：《技术规范》（略，详情请登录发展改革委网', '站）']))).toEqual([]);
    const summary = '为便于有关单位更好地理解相关内容，切实做好贯彻实施工作，现解读如下：根据清理结果，按照最新立法要求，删除《水运工程建设项目招';
    expect(await run(rule, modelOf([summary, '关于印发《城乡规划管理办法…']))).toEqual([]);
    expect(await run(rule, modelOf(['Ministry of Foreign Affairs of the People’s Republic of China', 'the students’ work']))).toEqual([]);
    // Still reported: a title missing its 》, prose that ends in full, a closer with no opener.
    const f = await run(rule, modelOf(['关于印发《城乡规划管理办法的通知', summary + '的通知。', '他说：‘好的’’']));
    expect(f.map((x) => x.data?.ch)).toEqual(['《', '《', '’']);
  });
  it('in a cut text, still reports a “ or 《 that another one follows (they do not nest)', async () => {
    const f = await run(rule, modelOf(['南通市农普办推出“我为农普代言“系列宣...']));
    expect(f.map((x) => [x.data?.ch, x.textOffset])).toEqual([['“', 8]]);
    expect(await run(rule, modelOf(['南通市农普办推出“我为农普代言”系列宣传活动“百...']))).toEqual([]);
  });
});

describe('text/halfwidth-punct', () => {
  const [rule] = halfwidthPunctRules;
  it('reports half-width marks between hanzi once per block', async () => {
    expect(halfwidthMarks('通过总结,我们发现;问题:村(居)委会')).toHaveLength(5);
    const f = await run(rule, modelOf(['通过总结,我们发现不足,不断提升。']));
    expect(f.map((x) => [x.level, x.data?.count, x.suggestion])).toEqual([['info', 2, '改为全角“，”']]);
  });
  it('reports the half-width mark of a mixed-width pair, and nothing in a full-width one', () => {
    expect(halfwidthMarks('等曲目。(图片均由 林宏 摄）').map((i) => '等曲目。(图片均由 林宏 摄）'[i])).toEqual(['(']);
    expect(halfwidthMarks('等曲目（图片均由林宏摄)。').map((i) => '等曲目（图片均由林宏摄)。'[i])).toEqual([')']);
    expect(halfwidthMarks('等曲目（图片均由林宏摄）。')).toEqual([]);
  });
  it('stays silent on numbers, times, URLs and Latin text', async () => {
    expect(await run(rule, modelOf(['上午10:30开会，共1,200人，网址http://a.gov.cn:8080/x，GDP(国内生产总值)。']))).toEqual([]);
    expect(await run(rule, modelOf(['附件：2020年计量标准器具许可结果公示(第三批).docx']))).toEqual([]);
  });
});
