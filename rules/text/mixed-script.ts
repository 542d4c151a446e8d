/**
 * text/mixed-script — 繁简混用: traditional-only characters (rules/dicts/traditional-chars.txt,
 * generated from opencc-js by scripts/gen-traditional-chars.mjs) on a page that should be
 * simplified: a `.gov.cn` host, or `lang` zh-CN/zh-Hans or none. Pages declared zh-TW/zh-HK/
 * zh-Hant and sites marked `traditional: true` are exempt. One finding per block with the count
 * and examples; a block needs `minPerBlock` such characters (one stray character is more often
 * a name or a quotation than a conversion slip).
 * Reference: 《中华人民共和国国家通用语言文字法》第九条、第十四条；《通用规范汉字表》（2013）。
 */
import { defineRule } from '../define';
import { builtinDicts } from './dicts';
import { mojibakeBigrams } from './mojibake';
import { OccurrenceCounter } from './util';

interface Options extends Record<string, unknown> {
  minPerBlock: number;
}

const TRADITIONAL_LANG = /^zh-(?:tw|hk|mo|hant)/;
const SIMPLIFIED_LANG = /^(?:zh|zh-cn|zh-sg|zh-hans.*|zh-cmn.*)$/;

const flagCache = new WeakMap<Set<string>, Uint8Array>();
/** The set as a per-code-unit table (the list is BMP characters): one array read per character. */
function flagsOf(set: Set<string>): Uint8Array {
  let f = flagCache.get(set);
  if (!f) {
    f = new Uint8Array(65536);
    for (const c of set) if (c.length === 1) f[c.charCodeAt(0)] = 1;
    flagCache.set(set, f);
  }
  return f;
}

const mixedScript = defineRule<Options>({
  id: 'text/mixed-script',
  category: 'text',
  defaultLevel: 'warn',
  meta: {
    title: { zh: '繁简混用', en: 'Traditional characters in simplified text' },
    description: '应使用规范简体字的页面（.gov.cn 网站，或 lang 为 zh-CN/zh-Hans/未声明）出现繁体字；每段报告一次。声明为繁体或用户标记为繁体版的网站不检查。',
    reference: '《国家通用语言文字法》第九条、第十四条',
    messages: {
      mixed: { zh: '本段有 {count} 个繁体字，如“{examples}”', en: '{count} traditional characters in this paragraph, e.g. "{examples}"' },
    },
  },
  defaultOptions: { minPerBlock: 2 },
  check(model, ctx) {
    if (ctx.site.traditional || TRADITIONAL_LANG.test(model.lang)) return;
    const govCn = model.host === 'gov.cn' || model.host.endsWith('.gov.cn');
    if (!govCn && model.lang && !SIMPLIFIED_LANG.test(model.lang)) return;
    const trad = flagsOf(builtinDicts().traditional);
    const occ = new OccurrenceCounter();
    for (const block of model.body) {
      // Mojibake (鍙戝竷) is full of rare traditional-looking characters: text/garbled reports it.
      if (mojibakeBigrams(block.text).count >= 2) continue;
      let count = 0;
      let first = -1;
      const examples: string[] = [];
      for (let i = 0; i < block.text.length; i++) {
        if (!trad[block.text.charCodeAt(i)]) continue;
        const ch = block.text[i];
        count++;
        if (first < 0) first = i;
        if (examples.length < 5 && !examples.includes(ch)) examples.push(ch);
      }
      if (count < Math.max(1, ctx.options.minPerBlock)) continue;
      const sample = block.text.slice(first, first + 6);
      ctx.report({
        messageId: 'mixed',
        data: { count, examples: examples.join('') },
        excerpt: block.text.slice(Math.max(0, first - 10), first + 30),
        selector: block.selector,
        textOffset: first,
        textLength: 1,
        key: `${sample}#${occ.next(sample)}`,
      });
    }
  },
});

export const mixedScriptRules = [mixedScript];
