/**
 * text/placeholder with the shipped dictionaries: ×× explained as notation by its sentence (a
 * licence number format in a 部门规章) is not a placeholder left in; the same runs in a template
 * sentence still are.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../../../rules/engine';
import { placeholderRules } from '../../../rules/text/placeholder';
import notation from '../../../rules/dicts/placeholder-notation.json';
import { modelOf } from './helpers';

async function placeholders(text: string): Promise<string[]> {
  const r = await audit(modelOf([text]), { today: '2024-06-01' }, { rules: placeholderRules });
  return r.findings.map((f) => String(f.data?.text ?? f.data?.label));
}

describe('text/placeholder notation', () => {
  it('stays silent on a format the sentence explains', async () => {
    expect(await placeholders('编号采用大写汉语拼音“XK”加十位阿拉伯数字编码组成：XK××-×××-×××××。')).toEqual([]);
    expect(await placeholders('其中，“XK”代表许可，前两位（××）代表行业编号，中间三位（×××）代表产品编号，后五位（×××××）代表企业生产许可证编号。')).toEqual([]);
    for (const ex of notation.example) expect(await placeholders(ex), ex).toEqual([]);
  });
  it('still reports the runs in a template sentence', async () => {
    expect(await placeholders('××县人民政府关于××的通知')).toContain('××');
    expect(await placeholders('××县第十八届人民代表大会第一次会议')).toContain('××');
    expect(await placeholders('联系电话：0571-××××××××。其他事项另行通知。')).not.toEqual([]);
  });
});

describe('text/placeholder redaction', () => {
  it('treats ××/XXX as redaction marks in a text published with parts removed', async () => {
    const model = modelOf(['罚款人民币XXX元，没收违法所得××元。', '（本文有删减）']);
    expect((await audit(model, { today: '2024-06-01' }, { rules: placeholderRules })).findings).toEqual([]);
    expect(await placeholders('罚款人民币XXX元，没收违法所得××元。')).not.toEqual([]);
  });
});
