/**
 * K. Personal data (RULES.md §K): unmasked 公民身份号码, mobile numbers and bank card numbers in
 * the article body and headline. A number counts only on its own (not part of a longer run of
 * digits or letters) and only when it is the real thing: the GB 11643 check digit and birth
 * date for ID numbers, the Luhn check for cards. Masked forms (35*************123,
 * 138****1234) never match: the stars break the digit run.
 * Reference: 《中华人民共和国个人信息保护法》第二十八条、第五十一条；《政府信息公开条例》第十五条；
 * GB 11643-1999；ISO/IEC 7812-1。
 */
import { defineRule } from './define';
import { CARD_RE, ID_RE, isCardNumber, isIdNumber, mask, PHONE_RE } from './personal-codes';
import { excerptAround, OccurrenceCounter } from './text/util';
import context from './dicts/privacy-context.json';

const CONTACT_LABEL = new RegExp(context.contactLabel);
const PARTY_WORDS = new RegExp(context.partyWords);

/** A number the page publishes as its contact (联系方式：138…) in a paragraph that names no party. */
export function isPublishedContact(text: string, at: number): boolean {
  return CONTACT_LABEL.test(text.slice(Math.max(0, at - 12), at)) && !PARTY_WORDS.test(text);
}

const REF = '《个人信息保护法》第二十八条；《政府信息公开条例》第十五条';

export { mask };

const idNumber = defineRule({
  id: 'privacy/id-number',
  category: 'privacy',
  defaultLevel: 'error',
  meta: {
    title: { zh: '身份证号未脱敏', en: 'Unmasked ID number' },
    description: '正文中出现通过 GB 11643 校验、出生日期有效的 18 位公民身份号码，且未做脱敏处理（如 35*************123）。',
    reference: REF + '；GB 11643-1999',
    messages: {
      id: { zh: '公民身份号码未脱敏：{masked}', en: 'Unmasked citizen ID number: {masked}' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    for (const block of model.body) {
      for (const m of block.text.matchAll(ID_RE)) {
        if (!isIdNumber(m[0], ctx.today)) continue;
        const masked = mask(m[0], 2, 3);
        ctx.report({
          messageId: 'id',
          data: { masked },
          excerpt: excerptAround(block.text, m.index!, m.index! + 18).replace(m[0], masked),
          selector: block.selector,
          textOffset: m.index,
          textLength: 18,
          key: `${masked}#${occ.next(masked)}`,
        });
      }
    }
  },
});

const phone = defineRule({
  id: 'privacy/phone',
  category: 'privacy',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '手机号未脱敏', en: 'Unmasked mobile number' },
    description: '正文中出现未脱敏的 11 位手机号码（脱敏形式如 138****1234）；带区号的办公电话不报告，作为联系方式公布的号码（“联系电话：”后，且该段未写当事人、申请人等）也不报告。',
    reference: REF,
    messages: {
      phone: { zh: '手机号码未脱敏：{masked}', en: 'Unmasked mobile number: {masked}' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    for (const block of model.body) {
      for (const m of block.text.matchAll(PHONE_RE)) {
        if (isPublishedContact(block.text, m.index!)) continue;
        const digits = m[1] + m[3] + m[4];
        const masked = mask(digits, 3, 4);
        ctx.report({
          messageId: 'phone',
          data: { masked },
          excerpt: excerptAround(block.text, m.index!, m.index! + m[0].length).replace(m[0], masked),
          selector: block.selector,
          textOffset: m.index,
          textLength: m[0].length,
          key: `${masked}#${occ.next(masked)}`,
        });
      }
    }
  },
});

interface CardOptions extends Record<string, unknown> {
  /** Words shortly before a number that make it a document or record number, not a card. */
  notCardContext: string[];
}

const bankCard = defineRule<CardOptions>({
  id: 'privacy/bank-card',
  category: 'privacy',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '银行卡号未脱敏', en: 'Unmasked bank card number' },
    description:
      '正文中出现通过 Luhn 校验的 16–19 位银行卡号且未脱敏。身份证号、前面写有索引号/文号/编号/流水号/统一社会信用代码等的号码和单位对公账户不报告。',
    reference: REF + '；ISO/IEC 7812-1',
    messages: {
      card: { zh: '银行卡号未脱敏：{masked}', en: 'Unmasked bank card number: {masked}' },
    },
  },
  defaultOptions: {
    notCardContext: ['索引号', '文号', '编号', '流水号', '订单号', '单号', '代码', '税号', '许可证', '证书号', '登记号', '批准号', '备案号', '项目号', '合同号', '对公', '基本户', '账户名称', '户名'],
  },
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    for (const block of model.body) {
      for (const m of block.text.matchAll(CARD_RE)) {
        const digits = m[0].replace(/[\s-]/g, '');
        if (!isCardNumber(digits, ctx.today)) continue;
        const before = block.text.slice(Math.max(0, m.index! - 20), m.index!);
        if (ctx.options.notCardContext.some((w) => before.includes(w))) continue;
        const masked = mask(digits, 4, 4);
        ctx.report({
          messageId: 'card',
          data: { masked },
          excerpt: excerptAround(block.text, m.index!, m.index! + m[0].length).replace(m[0], masked),
          selector: block.selector,
          textOffset: m.index,
          textLength: m[0].length,
          key: `${masked}#${occ.next(masked)}`,
          certainty: /卡号|银行卡|储蓄卡|借记卡|信用卡|社保卡|账号|帐号/.test(before) ? 'certain' : 'suspected',
        });
      }
    }
  },
});

export const privacyRules = [idNumber, phone, bankCard];
