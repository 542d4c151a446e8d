/**
 * text/sensitive — 敏感词: words from the user's sensitive-word lists (none shipped; imported
 * in the options page or the CLI config `dictionaries.sensitive`). Whitelisted words containing
 * one (a longer, harmless word) silence it.
 * Reference: RULES.md §J; the lists are the site's own.
 */
import { defineRule } from '../define';
import { coveredBy, dictSetFor, scanPage } from './dictset';
import { excerptAround, OccurrenceCounter } from './util';

const sensitive = defineRule({
  id: 'text/sensitive',
  category: 'text',
  defaultLevel: 'error',
  meta: {
    title: { zh: '敏感词', en: 'Sensitive word' },
    description: '正文或标题中出现用户敏感词表中的词（默认不内置词表，可导入）。',
    reference: 'RULES.md §J（词表由用户提供）',
    messages: {
      found: { zh: '出现敏感词“{word}”', en: 'Sensitive word "{word}"' },
    },
  },
  defaultOptions: {},
  check(model, ctx) {
    if (!ctx.dictionaries.sensitive?.length) return;
    const occ = new OccurrenceCounter();
    for (const h of scanPage(model, dictSetFor(ctx.dictionaries))) {
      for (const r of h.roles) {
        if (r.kind !== 'sensitive') continue;
        const n = occ.next(r.word);
        const block = model.body[h.block];
        if (coveredBy(block.text, h.start, h.end, r.word, r.whitelist)) continue;
        ctx.report({
          messageId: 'found',
          data: { word: r.word },
          excerpt: excerptAround(block.text, h.start, h.end),
          selector: block.selector,
          textOffset: h.start,
          textLength: h.end - h.start,
          key: `${r.word}#${n}`,
        });
      }
    }
  },
});

export const sensitiveRules = [sensitive];
