/**
 * 疑似错别字 — text/typo's statistical check (issue 9): the one-character slips no dictionary
 * lists (总休方案 → 总体方案, 健立健全 → 建立健全). Findings are the dictionary rule's — same rule
 * id, message, excerpt, selector and offsets — with certainty 'suspected', so the overlay, popup,
 * dashboard and export treat them alike and users can filter on certainty.
 *
 * Why inside text/typo rather than a rule of its own: to an editor both are 错别字 with a fix, one
 * rule's switch and level govern both, and "never report a spot twice" is a check within one rule.
 *
 * The model (rules/model/typo-model.bin) reaches the engine through `ctx.lookups.typoModel` —
 * the engine reads no files: the CLI loads it from disk (cli/typo-model.ts), the extension fetches
 * it from its package (utils/typo-model.ts). Loading is lazy (the first page that runs the rule)
 * and a missing or broken model means the rule does only its dictionary work, silently.
 */
import type { PageModel, RuleContext } from '../types';
import { builtinDicts } from './dicts';
import { dictSetFor, scanPage } from './dictset';
import { detectRun } from './lm-detect';
import { beforeNameSuffix, frozenMask, PAGINATION, SURNAMES, traditionalBlock } from './lm-guards';
import { lmModelOf, type LmModel } from './lm-model';
import { coveredByAny, excerptAround, isHan, OccurrenceCounter } from './util';

/** Gain thresholds (nats) of the presets: "cautious" reports only the clearest slips. */
export const MODEL_PRESETS: Record<string, number> = { normal: 4, cautious: 8 };

export interface SuspectedOptions {
  /** 'normal' | 'cautious' | 'off'. */
  model: string;
  /** A gain threshold instead of the preset's (null: the preset's). */
  modelThreshold: number | null;
}

export interface Suspect {
  block: number;
  start: number;
  end: number;
  wrong: string;
  right: string;
  gain: number;
}

/** The model over the lookup's buffer; null when there is none or it cannot be read. */
export async function loadModel(ctx: RuleContext<any>): Promise<LmModel | null> {
  const get = ctx.lookups.typoModel;
  if (!get) return null;
  try {
    const buf = await get();
    return buf ? lmModelOf(buf) : null;
  } catch {
    return null;
  }
}

/**
 * Every suspected typo of the page, guards applied (no reporting: see reportSuspected).
 * `withDictionary: false` leaves in what the dictionary rule reports (the eval measures the model alone).
 */
export function findSuspects(model: PageModel, lm: LmModel, ctx: Pick<RuleContext<any>, 'dictionaries' | 'site'>, threshold: number, withDictionary = true): Suspect[] {
  const dicts = ctx.dictionaries;
  const whitelist = (dicts.whitelist ?? []).map((w) => w.trim()).filter(Boolean);
  const leaders = (dicts.leaders ?? []).map((l) => l.name.trim()).filter(Boolean);
  const surnames = new Set(SURNAMES);
  for (const name of leaders) surnames.add(name[0]);
  const traditional = ctx.site.traditional ? null : builtinDicts().traditional;
  // Spots the dictionary rules already judge (typo and serious-error pairs, their exceptions too).
  const taken = new Map<number, [number, number][]>();
  for (const h of withDictionary ? scanPage(model, dictSetFor(dicts)) : []) {
    if (!h.roles.some((r) => r.kind === 'typo' || r.kind === 'serious')) continue;
    (taken.get(h.block) ?? taken.set(h.block, []).get(h.block)!).push([h.start, h.end]);
  }
  for (const [bi, block] of withDictionary ? model.body.entries() : []) {
    for (let at = block.text.indexOf('截止'); at >= 0; at = block.text.indexOf('截止', at + 1)) (taken.get(bi) ?? taken.set(bi, []).get(bi)!).push([at, at + 2]);
  }
  const pageText = model.body.map((b) => b.text).join('\n');
  const out: Suspect[] = [];
  model.body.forEach((block, bi) => {
    const text = block.text;
    // A site marked traditional has no simplified text for the model; nor has a traditional paragraph.
    if (!traditional || traditionalBlock(text, traditional) || PAGINATION.test(text)) return;
    const frozen = frozenMask(text, surnames);
    for (let i = 0; i < text.length; ) {
      if (!isHan(text[i])) {
        i++;
        continue;
      }
      let j = i;
      while (j < text.length && isHan(text[j])) j++;
      const from = i;
      i = j;
      if (j - from < 2) continue;
      const codes = new Uint16Array(j - from);
      for (let k = 0; k < codes.length; k++) codes[k] = text.charCodeAt(from + k);
      for (const e of detectRun(lm, codes, { threshold, frozen: (p) => frozen[from + p] === 1 })) {
        const start = from + e.start;
        const end = from + e.end;
        const wrong = text.slice(start, end);
        const right = wrong.slice(0, e.at - e.start) + String.fromCharCode(e.code) + wrong.slice(e.at - e.start + 1);
        if (beforeNameSuffix(text, end, from + e.at)) continue;
        if (taken.get(bi)?.some(([a, b]) => a < end && start < b)) continue;
        if (coveredByAny(text, start, end, whitelist) || coveredByAny(text, start, end, leaders)) continue;
        // A word the page uses twice is the page's own term (a name, a local word), not a slip.
        const first = pageText.indexOf(wrong);
        if (first >= 0 && pageText.indexOf(wrong, first + 1) >= 0) continue;
        out.push({ block: bi, start, end, wrong, right, gain: e.gain });
      }
    }
  });
  return out;
}

/** Runs the model on the page and reports what it finds as text/typo findings, certainty 'suspected'. */
export async function reportSuspected(model: PageModel, ctx: RuleContext<any>, options: SuspectedOptions, headlineShift: boolean): Promise<void> {
  const preset = options.model;
  if (preset === 'off') return;
  const threshold = options.modelThreshold ?? MODEL_PRESETS[preset] ?? MODEL_PRESETS.normal;
  const lm = await loadModel(ctx);
  if (!lm) return;
  const occ = new OccurrenceCounter();
  for (const s of findSuspects(model, lm, ctx, threshold)) {
    const block = model.body[s.block];
    ctx.report({
      messageId: 'suspected',
      data: { wrong: s.wrong, right: s.right },
      excerpt: excerptAround(block.text, s.start, s.end),
      suggestion: s.right,
      selector: block.selector,
      textOffset: s.start,
      textLength: s.end - s.start,
      key: `lm:${s.wrong}#${occ.next(s.wrong)}`,
      certainty: 'suspected',
      levelShift: block.headline && headlineShift ? 1 : undefined,
    });
  }
}
