/**
 * text/placeholder — 模板占位符未替换: template text left in the published page (`xx县`, `××`,
 * `20xx年`, `201x年`, `--年`, `X月X日`, `○○` …) from rules/dicts/placeholders.json, and role
 * labels with nothing after them (`组长：` at the end of a line) from rules/dicts/role-labels.txt.
 * Reference: 《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）内容准确性；RULES.md §J。
 */
import { defineRule } from '../define';
import { builtinDicts } from './dicts';
import { coveredByAny, excerptAround, OccurrenceCounter } from './util';
import notation from '../dicts/placeholder-notation.json';

const NOTATION_AFTER = new RegExp(notation.after);
const NOTATION_BEFORE = new RegExp(notation.before);
const REDACTED = new RegExp(notation.redacted);

/** The run is explained as notation by its sentence (前两位（××）代表…, 编码组成：XK××-×××), not left in. */
export function isNotation(text: string, start: number, end: number): boolean {
  if (NOTATION_AFTER.test(text.slice(end, end + 12))) return true;
  const sentence = text.slice(0, start).split(/[。；！？]/).at(-1) ?? '';
  return NOTATION_BEFORE.test(sentence);
}

let labelRe: { labels: string[]; re: RegExp } | null = null;

function emptyLabelRe(labels: string[]): RegExp {
  if (labelRe?.labels === labels) return labelRe.re;
  const alt = [...labels].sort((a, b) => b.length - a.length).map((l) => l.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  // A label at the start of the block or after a separator, its colon, then the end of the
  // block or straight another label: 组长：  /  组长：副组长：
  const re = alt ? new RegExp(`(?:^|[\\s；;，,。、）)：:])(?:[0-9０-９]+[.、．]\\s*)?(${alt})\\s*[：:](?=\\s*$|\\s*(?:${alt})\\s*[：:])`, 'g') : /$^/g;
  labelRe = { labels, re };
  return re;
}

const placeholder = defineRule({
  id: 'text/placeholder',
  category: 'text',
  defaultLevel: 'error',
  meta: {
    title: { zh: '模板占位符未替换', en: 'Template placeholder left in' },
    description: '页面保留了模板文字：xx县、××、20xx年、201x年、--年、X月X日、○○，或“组长：”等标签后没有内容。',
    reference: '《政府网站与政务新媒体检查指标》（国办秘函〔2019〕19号）；RULES.md §J',
    messages: {
      placeholder: { zh: '模板占位符未替换：“{text}”', en: 'Template placeholder left in: "{text}"' },
      emptyLabel: { zh: '“{label}”后没有内容', en: 'Nothing after the label "{label}"' },
    },
  },
  defaultOptions: { emptyLabels: true },
  check(model, ctx) {
    const b = builtinDicts();
    const occ = new OccurrenceCounter();
    // A document published with parts removed marks them ××/XXX: redaction, not a template's leftovers.
    const redacted = REDACTED.test(model.headline) || model.body.some((x) => REDACTED.test(x.text));
    for (const block of model.body) {
      const text = block.text;
      const taken: [number, number][] = [];
      const found: { start: number; end: number; id: string; text: string }[] = [];
      for (const p of b.placeholders) {
        p.re.lastIndex = 0;
        for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
          if (m[0].length === 0) {
            p.re.lastIndex++;
            continue;
          }
          found.push({ start: m.index, end: m.index + m[0].length, id: p.id, text: m[0] });
        }
      }
      // Overlapping matches of several patterns are one placeholder: keep the longest.
      found.sort((x, y) => y.end - y.start - (x.end - x.start) || x.start - y.start);
      for (const f of found) {
        if (taken.some(([s, e]) => f.start < e && f.end > s)) continue;
        taken.push([f.start, f.end]);
      }
      for (const f of found
        .filter((f) => taken.some(([s, e]) => s === f.start && e === f.end))
        .filter((f, i, arr) => arr.findIndex((g) => g.start === f.start && g.end === f.end) === i)
        .sort((x, y) => x.start - y.start)) {
        if (coveredByAny(text, f.start, f.end, ctx.dictionaries.whitelist)) continue;
        if (redacted || isNotation(text, f.start, f.end)) continue;
        ctx.report({
          messageId: 'placeholder',
          data: { text: f.text },
          excerpt: excerptAround(text, f.start, f.end),
          selector: block.selector,
          textOffset: f.start,
          textLength: f.end - f.start,
          key: `${f.text}#${occ.next(f.text)}`,
        });
      }
      if (!ctx.options.emptyLabels) continue;
      const re = emptyLabelRe(b.roleLabels);
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const label = m[1];
        const at = m.index + m[0].lastIndexOf(label);
        re.lastIndex = at + label.length; // let a label right after this one be found too
        // placeholders.json may carry a label pattern of its own: one finding per label.
        if (taken.some(([s, e]) => at < e && at + label.length + 1 > s)) continue;
        ctx.report({
          messageId: 'emptyLabel',
          data: { label },
          excerpt: excerptAround(text, at, at + m[0].length - (at - m.index)),
          selector: block.selector,
          textOffset: at,
          textLength: label.length + 1,
          key: `label:${label}#${occ.next('label:' + label)}`,
        });
      }
    }
  },
});

export const placeholderRules = [placeholder];
