/**
 * text/garbled — 乱码 (RULES.md §J): U+FFFD replacement characters, the classic 锟斤拷 and
 * 烫烫烫/屯屯屯 debug fill, `??`/`？？` runs inside Chinese (characters lost in a charset
 * conversion), UTF-8 read as GBK (鍙戝竷…, tell-tale characters derived in mojibake.ts) and
 * UTF-8 read as Latin-1/Windows-1252 (Ã©, â€œ, ä¸­æ–‡). One finding per kind and block.
 * Reference: 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）“页面乱码”。
 */
import { defineRule } from '../define';
import { mojibakeBigrams, mojibakeScore, mojibakeTables } from './mojibake';
import { excerptAround, HAN, OccurrenceCounter } from './util';

// Windows-1252 renderings of the bytes 0x80–0xBF (continuation bytes of UTF-8).
const CONT = '\\u0080-\\u00bf\\u0152\\u0153\\u0160\\u0161\\u0178\\u017d\\u017e\\u0192\\u02c6\\u02dc\\u2013\\u2014\\u2018-\\u201e\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203a\\u20ac\\u2122';
const KINDS: { id: string; re: RegExp }[] = [
  { id: 'replacement', re: /\ufffd+/g },
  { id: 'kunjinkao', re: /(?:锟斤拷|烫烫烫|屯屯屯)+/g },
  { id: 'questionMarks', re: new RegExp(`(?<=[${HAN}])(?:\\?{2,}|？{2,})(?=[${HAN}])`, 'g') },
  // Latin-1: a CJK character's three UTF-8 bytes (lead E3–E9 = ã–é) twice in a row, or the
  // typical two-byte sequences of accented letters and curly quotes (Ã©, â€œ).
  { id: 'latin1', re: new RegExp(`(?:[ã-é][${CONT}]{2}){2,}|Ã[${CONT}]|â€[${CONT}]`, 'g') },
];

interface Options extends Record<string, unknown> {
  /** UTF-8-as-GBK: adjacent pairs that fit a misreading byte for byte (2 = one misread word) … */
  gbkMinBigrams: number;
  /** … or minimum tell-tale characters in a block … */
  gbkMinTells: number;
  /** … and their minimum share of the block's hanzi. */
  gbkMinRatio: number;
}

const garbled = defineRule<Options>({
  id: 'text/garbled',
  category: 'text',
  defaultLevel: 'error',
  meta: {
    title: { zh: '乱码', en: 'Garbled text' },
    description: '替换字符 U+FFFD、锟斤拷、烫烫烫、中文间的“??”，以及按 GBK 或 Latin-1 误读的 UTF-8 文本（鍙戝竷、Ã©）。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）',
    messages: {
      replacement: { zh: '出现乱码替换字符“�”', en: 'Replacement character "�" (lost characters)' },
      kunjinkao: { zh: '出现乱码“{text}”', en: 'Garbled text "{text}"' },
      questionMarks: { zh: '中文之间出现“{text}”，疑为编码转换丢失的文字', en: '"{text}" between Chinese characters: characters lost in a conversion' },
      latin1: { zh: '乱码“{text}”（UTF-8 文本被按 Latin-1 解读）', en: 'Garbled "{text}" (UTF-8 read as Latin-1)' },
      gbk: { zh: '乱码（UTF-8 文本被按 GBK 解读），如“{text}”', en: 'Garbled text (UTF-8 read as GBK), e.g. "{text}"' },
    },
  },
  defaultOptions: { gbkMinBigrams: 2, gbkMinTells: 4, gbkMinRatio: 0.4 },
  check(model, ctx) {
    const occ = new OccurrenceCounter();
    const { tells } = mojibakeTables();
    for (const block of model.body) {
      const text = block.text;
      for (const k of KINDS) {
        k.re.lastIndex = 0;
        const m = k.re.exec(text);
        if (!m) continue;
        ctx.report({
          messageId: k.id,
          data: { text: m[0].slice(0, 12) },
          excerpt: excerptAround(text, m.index, m.index + m[0].length),
          selector: block.selector,
          textOffset: m.index,
          textLength: m[0].length,
          key: `${k.id}:${m[0].slice(0, 12)}#${occ.next(k.id + m[0].slice(0, 12))}`,
        });
      }
      const s = mojibakeScore(text);
      const bi = mojibakeBigrams(text);
      if (bi.count >= ctx.options.gbkMinBigrams || (s.tells >= ctx.options.gbkMinTells && s.tells / s.han >= ctx.options.gbkMinRatio)) {
        // Excerpt from the first misread pair, else the first run of tells.
        let at = Math.max(0, bi.first);
        if (bi.first < 0)
          for (let i = 0; i < text.length; i++)
            if (tells.has(text[i]) && tells.has(text[i + 1] ?? '')) {
              at = i;
              break;
            }
        const sample = text.slice(at, at + 8);
        ctx.report({
          messageId: 'gbk',
          data: { text: sample },
          excerpt: excerptAround(text, at, at + 8),
          selector: block.selector,
          textOffset: at,
          textLength: Math.min(8, text.length - at),
          key: `gbk:${sample}#${occ.next('gbk:' + sample)}`,
        });
      }
    }
  },
});

export const garbledRules = [garbled];
