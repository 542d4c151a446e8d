/**
 * text/pinyin-residue — 拼音残留: a hanzi followed by its pinyin in brackets, `公開(kāi)`, left
 * by copying from annotated (注音) documents or web tools. Only bracketed syllables with a tone
 * mark count: toneless Latin in brackets is as likely an abbreviation (GDP), a tone mark is not.
 * One finding per block with the count and examples.
 * Reference: RULES.md §J。
 */
import { defineRule } from '../define';
import { excerptAround, HAN, OccurrenceCounter } from './util';

const TONED = 'āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ';
const RESIDUE = new RegExp(`([${HAN}])[(（]\\s*([a-zü${TONED}]{1,7})\\s*[)）]`, 'gi');
const HAS_TONE = new RegExp(`[${TONED}]`);

const pinyinResidue = defineRule({
  id: 'text/pinyin-residue',
  category: 'text',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '拼音残留', en: 'Pinyin residue' },
    description: '汉字后面跟着带声调的拼音括注，如“公開(kāi)”，多为从注音文档复制所致。每段报告一次，附数量和示例。',
    reference: 'RULES.md §J',
    messages: {
      residue: { zh: '本段有 {count} 处拼音残留，如“{examples}”', en: '{count} bracketed pinyin syllables in this paragraph, e.g. "{examples}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    for (const block of model.body) {
      const hits: RegExpExecArray[] = [];
      RESIDUE.lastIndex = 0;
      for (let m = RESIDUE.exec(block.text); m; m = RESIDUE.exec(block.text)) if (HAS_TONE.test(m[2])) hits.push(m);
      if (!hits.length) continue;
      const examples = [...new Set(hits.map((m) => m[0]))].slice(0, 3);
      const first = hits[0];
      ctx.report({
        messageId: 'residue',
        data: { count: hits.length, examples: examples.join('”“') },
        excerpt: excerptAround(block.text, first.index, first.index + first[0].length),
        suggestion: first[1],
        selector: block.selector,
        textOffset: first.index,
        textLength: first[0].length,
        key: `${first[0]}#${occ.next(first[0])}`,
      });
    }
  },
});

export const pinyinResidueRules = [pinyinResidue];
