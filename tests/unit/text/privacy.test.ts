import { describe, expect, it } from 'vitest';
import { privacyRules, mask } from '../../../rules/privacy';
import { idCardCheck, isIdNumber, luhn } from '../../../rules/personal-codes';
import { modelOf, run } from './helpers';

const [idRule, phoneRule, cardRule] = privacyRules;
// GB 11643 example number from the standard's appendix: 11010519491231002X.
const ID = '11010519491231002X';

describe('check digits', () => {
  it('computes the GB 11643 check character and validates birth dates', () => {
    expect(idCardCheck('11010519491231002')).toBe('X');
    expect(isIdNumber(ID)).toBe(true);
    expect(isIdNumber('110105194912310021')).toBe(false); // wrong check digit
    expect(isIdNumber('110105194902300025')).toBe(false); // 30 February
  });
  it('computes Luhn', () => {
    expect(luhn('4111111111111111')).toBe(true);
    expect(luhn('4111111111111112')).toBe(false);
  });
});

describe('privacy/id-number', () => {
  it('reports an unmasked ID number as error, masked in the finding', async () => {
    const f = await run(idRule, modelOf([`申请人张三，身份证号${ID}，住址某村。`]));
    expect(f.map((x) => [x.level, x.data?.masked])).toEqual([['error', '11*************02X']]);
    expect(f[0].excerpt).not.toContain(ID);
  });
  it('stays silent on masked numbers, wrong check digits and longer runs', async () => {
    expect(await run(idRule, modelOf(['身份证号11**************2X', '编号110105194912310021', `流水号${ID}99`]))).toEqual([]);
  });
});

describe('privacy/phone', () => {
  it('reports an unmasked mobile number as warn', async () => {
    // A party's number (当事人, 申请人) and a list of names with numbers leak personal data.
    const f = await run(phoneRule, modelOf(['当事人：李四，联系电话：13812345678。', '张三　男　139-1234-5678　城关镇']));
    expect(f.map((x) => [x.level, x.data?.masked])).toEqual([
      ['warn', '138****5678'],
      ['warn', '139****5678'],
    ]);
    expect(mask('13812345678', 3, 4)).toBe('138****5678');
  });
  it('stays silent on masked numbers, office numbers and longer runs', async () => {
    expect(await run(phoneRule, modelOf(['电话138****5678', '办公电话0871-12345678', '索引号1381234567800', '编码12345678901']))).toEqual([]);
  });
  it('stays silent on a number the page publishes as its contact', async () => {
    // 八、联系方式 … 联系人：李某某联系方式：178…（a procurement notice's contact for questions）
    expect(await run(phoneRule, modelOf(['1.采购人信息 名称：某某设计院 联系人：李某某联系方式：17887115877', '咨询电话：13912345678']))).toEqual([]);
  });
});

describe('privacy/bank-card', () => {
  it('reports a Luhn-valid card number', async () => {
    const f = await run(cardRule, modelOf(['补贴发放至银行卡号6222021234567890128。']));
    expect(luhn('6222021234567890128')).toBe(true);
    expect(f.map((x) => [x.level, x.data?.masked, x.certainty])).toEqual([['warn', '6222***********0128', 'certain']]);
  });
  it('stays silent on ID numbers, document numbers and Luhn failures', async () => {
    expect(await run(cardRule, modelOf([`身份证${ID}`, '项目编号6222021234567890128', '卡号6222021234567890129']))).toEqual([]);
  });
});

describe('personal data in every finding', () => {
  it('masks every ID, mobile and card number in the excerpts, messages and keys of all rules', async () => {
    const { audit } = await import('../../../rules/engine');
    const { maskPersonalData } = await import('../../../rules/personal-codes');
    // A date typo, a doubled word and a placeholder in paragraphs that also carry personal numbers.
    const model = modelOf([
      '申请人身份证11010519491231002X于201711月，手机13812345678。',
      '补贴已发放发放至6222021234567890128，××县民政局。',
    ]);
    const { findings } = await audit(model, { today: '2024-06-01' });
    expect(findings.length).toBeGreaterThan(2);
    const shown = findings.flatMap((f) => [f.excerpt, f.message, f.key, f.suggestion ?? '', ...Object.values(f.data ?? {}).map(String)]).join('\n');
    for (const raw of ['11010519491231002X', '13812345678', '6222021234567890128']) expect(shown).not.toContain(raw);
    expect(shown).toContain('11*************02X');
    expect(maskPersonalData('电话 139-1234-5678，卡号 6222021234567890128')).toBe('电话 139****5678，卡号 6222***********0128');
    expect(maskPersonalData('索引号 2018-1204001，0871-12345678')).toBe('索引号 2018-1204001，0871-12345678');
  });
});
