/**
 * Reads the 信息公开 catalogue box (目录要素) into label/value pairs, whatever the layout:
 * label and value cells side by side (td/td, th/td, dt/dd, span/span), `标签：值` runs in
 * one element, labels with spaces inside (`索 引 号`), a label row above a value row,
 * and a label shown with nothing after it (an empty field, which rules report).
 * Labels fold to canonical names through rules/dicts/field-aliases.json.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { CatalogField } from '../types';
import aliasData from '../dicts/field-aliases.json';
import { BOUNDARY, linearize, type RawBlock } from './blocks';
import { findAll, isElement } from './selector';
import { normalizeSpace, stripSpace } from './text';

export const DEFAULT_ALIASES: Record<string, string> = aliasData.aliases;
export const STRONG_FIELDS = new Set(aliasData.strong);
export const OPTIONAL_EMPTY_OK = new Set(aliasData.optionalEmptyOk);

/** Cells longer than this are prose, not a catalogue entry. */
const MAX_CELL = 400;
const GAP = `[\\s\\u00a0\\u3000${BOUNDARY}]*`;
const GAP_RUN = new RegExp(`[\\s\\u00a0\\u3000${BOUNDARY}]+`, 'g');

export interface FieldReader {
  read($: CheerioAPI, root: Element, skip: (el: Element) => boolean, selectorOf: (el: Element) => string): { fields: CatalogField[]; used: Set<Element> };
}

export function makeFieldReader(extraAliases: Record<string, string> = {}): FieldReader {
  const aliases: Record<string, string> = { ...DEFAULT_ALIASES, ...extraAliases };
  const stops = new Set(aliasData.stopLabels.map((l) => stripSpace(l)));
  const labels = [...Object.keys(aliases), ...aliasData.stopLabels].sort((a, b) => b.length - a.length);
  const spaced = labels.map((l) => [...l.replace(/\s+/g, '')].map(escapeRe).join(GAP));
  // A label starts a cell or follows a gap/bracket, and is followed by a colon or a gap/end.
  const labelRe = new RegExp(
    `(?:^|(?<=[\\s\\u00a0\\u3000${BOUNDARY}【\\[（(|｜]))[【\\[]?(${spaced.join('|')})[】\\]]?${GAP}(?:[：:]|(?=[\\s\\u00a0\\u3000${BOUNDARY}]|$))`,
    'g',
  );
  // The label pattern allows a gap between any two characters (索 引 号), which makes it slow on
  // long lists; a cell is tried only when its text without gaps holds a label at all (a superset).
  const anyLabel = new RegExp(labels.map((l) => escapeRe(l.replace(/\s+/g, ''))).join('|'));
  const mayHoldLabel = (raw: string) => anyLabel.test(raw.replace(GAP_RUN, ''));
  /** A matched label as written, without the spaces and element boundaries inside it. */
  const plain = (label: string) => stripSpace(label.split(BOUNDARY).join(''));
  const canonical = (label: string) => aliases[plain(label)] ?? plain(label);
  /** The whole cell is one label (with optional colon). */
  const exactLabel = (raw: string): string | null => {
    const t = stripSpace(raw.split(BOUNDARY).join('')).replace(/^[【\[]|[】\]]?[：:]?$/g, '');
    return aliases[t] !== undefined ? t : null;
  };

  return {
    read($, root, skip, selectorOf) {
      const found: { field: CatalogField; box: Element | null; order: number }[] = [];
      const used = new Set<Element>();
      const add = (label: string, value: string, el: Element) => {
        const name = canonical(label);
        used.add(el);
        const v = clean(value);
        const field: CatalogField = { name, label: plain(label), value: v, selector: selectorOf(el), ...(v === '' && filledByScript(el) ? { filledByScript: true as const } : {}) };
        found.push({ field, box: boxOf(el, root), order: found.length });
      };

      // 1. A row of labels above a row of values (both rows the same width).
      const isTag = (name: string) => (el: Element) => el.name === name;
      for (const t of findAll(root, isTag('table'))) {
        (() => {
          const rows = findAll(t, isTag('tr'));
          if (rows.length < 2 || rows.length % 2 !== 0) return;
          const cellsOf = (tr: Element) => tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
          let wide = false;
          for (let i = 0; i < rows.length; i += 2) {
            const heads = cellsOf(rows[i]);
            const vals = cellsOf(rows[i + 1]);
            if (heads.length === 0 || heads.length !== vals.length) return;
            if (!heads.every((h) => exactLabel($(h).text()))) return;
            if (vals.some((v) => exactLabel($(v).text()))) return;
            wide ||= heads.length >= 2;
          }
          if (!wide) return;
          for (let i = 0; i < rows.length; i += 2) {
            const heads = cellsOf(rows[i]);
            const vals = cellsOf(rows[i + 1]);
            heads.forEach((h, j) => {
              add(exactLabel($(h).text())!, $(vals[j]).text(), vals[j]);
              used.add(h);
            });
          }
        })();
      }

      // A row made only of labels, not paired with a value row above, heads a data table
      // (名称 | 文号 | 发布日期 over a list of documents): its cells are not empty fields.
      const headerCells = new Set<Element>();
      for (const tr of findAll(root, isTag('tr'))) {
        const cells = tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
        if (cells.length >= 2 && cells.every((c) => !used.has(c) && exactLabel($(c).text()))) cells.forEach((c) => headerCells.add(c));
      }

      // 2. Everything else, cell by cell in document order.
      const blocks = linearize(root, (el) => skip(el) || used.has(el) || headerCells.has(el)).filter((b) => b.raw.length <= MAX_CELL);
      for (let i = 0; i < blocks.length; i++) {
        const b = blocks[i];
        // A long cell without a colon is prose; space-separated label runs (seed 000) are short.
        if (b.raw.length > 100 && !/[：:]/.test(b.raw)) continue;
        if (!mayHoldLabel(b.raw)) continue;
        const matches = [...b.raw.matchAll(labelRe)];
        if (matches.length === 0) continue;
        // A cell that merely mentions a label inside prose (no colon, not at the start) is not a box cell.
        if (matches[0].index! > 0 && !/[：:]/.test(matches[0][0]) && !onlyGapBefore(b.raw, matches[0].index!)) continue;
        for (let m = 0; m < matches.length; m++) {
          const start = matches[m].index! + matches[m][0].length;
          const end = m + 1 < matches.length ? matches[m + 1].index! : b.raw.length;
          let value = b.raw.slice(start, end);
          // The element that shows the value: highlights and 定位 land on it, not on the label.
          let at = b.el;
          // Label alone at the end of its block: the value is the next block of the same cell
          // group — the next sibling cell (td/td, dt/dd) or a block inside the label's own
          // element (<dd><label>索引号：</label><div>…</div></dd>).
          if (m === matches.length - 1 && clean(value) === '' && i + 1 < blocks.length) {
            const next = blocks[i + 1];
            if ((isSiblingCell(b, next) || contains(b.el, next.el)) && !startsWithLabel(next.raw, labelRe) && !LEADING_LABEL.test(next.raw)) {
              value = next.raw;
              used.add(next.el);
              if (clean(next.raw) !== '') at = next.el;
              i++;
            }
          }
          used.add(b.el);
          if (!stops.has(plain(matches[m][1]))) add(matches[m][1], untilUnknownLabel(value), at);
        }
      }
      return { fields: pickFields(found), used };
    },
  };
}

/** The box a field is written in: its nearest table or list, else the element around its line. */
function boxOf(el: Element, root: Element): Element | null {
  for (let p: Element | null = el; p && p !== root; p = isElement(p.parent) ? p.parent : null) if (BOX_TAGS.has(p.name)) return p;
  return isElement(el.parent) ? el.parent : null;
}
const BOX_TAGS = new Set(['table', 'dl', 'ul', 'ol']);

/**
 * One field per name. A name written twice (a 标题： line above the page and the 名称 of the
 * catalogue box, a 来源： under the headline and in the box) is taken from the box that holds
 * more fields — the catalogue box — and within one box from the first; document order is kept.
 */
function pickFields(found: { field: CatalogField; box: Element | null; order: number }[]): CatalogField[] {
  const perBox = new Map<Element | null, number>();
  for (const f of found) perBox.set(f.box, (perBox.get(f.box) ?? 0) + 1);
  const best = new Map<string, (typeof found)[number]>();
  for (const f of found) {
    const b = best.get(f.field.name);
    if (!b || perBox.get(f.box)! > perBox.get(b.box)!) best.set(f.field.name, f);
  }
  return [...best.values()].sort((a, b) => a.order - b.order).map((f) => f.field);
}

/**
 * A label the alias list does not know still ends the value before it: `发布时间：2021-04-07
 * 信息发布人：管理员`, `2017-10-13【浏览字号：大 中 小】`. A label here is two to six Chinese
 * characters and a colon after a gap, an element boundary or a 【.
 */
const UNKNOWN_LABEL = new RegExp(`(?:[\\s\\u00a0\\u3000${BOUNDARY}]|【|\\[)[\\u4e00-\\u9fff]{2,6}[：:]`);

/** A block that starts with a label (公文种类：…), known or not, is the next field, not this one's value. */
const LEADING_LABEL = new RegExp(`^[\\s\\u00a0\\u3000${BOUNDARY}【\\[]*[\\u4e00-\\u9fff]{2,6}[：:]`);

function untilUnknownLabel(value: string): string {
  const m = UNKNOWN_LABEL.exec(value);
  // At the very start the "label" is the value itself (`来源：本站：…` is not a case worth guessing).
  return m && clean(value.slice(0, m.index)) !== '' ? value.slice(0, m.index) : value;
}

function onlyGapBefore(raw: string, idx: number): boolean {
  return /^[\s\u00a0\u3000\u0001【\[（(|｜]*$/.test(raw.slice(0, idx));
}

function startsWithLabel(raw: string, re: RegExp): boolean {
  re.lastIndex = 0;
  const m = re.exec(raw);
  re.lastIndex = 0;
  return !!m && onlyGapBefore(raw, m.index);
}

function contains(outer: Element, inner: Element): boolean {
  for (let p = inner.parent; p; p = p.parent) if (p === outer) return true;
  return false;
}

/** td→td, th→td, dt→dd, or any two elements with the same parent, next to each other. */
function isSiblingCell(a: RawBlock, b: RawBlock): boolean {
  if (a.el.parent !== b.el.parent || a.el === b.el) return false;
  let n = a.el.next;
  while (n && !isElement(n)) n = n.next;
  return n === b.el;
}

/**
 * The cell after an empty field's label shows nothing but holds what a
 * script displays: `<td><input type="hidden" value="1645150682000"><span id="fwrqBox"></span></td>`.
 */
function filledByScript(labelEl: Element): boolean {
  let cell: AnyNode | null = labelEl.next;
  while (cell && !isElement(cell)) cell = cell.next;
  const holds = (el: Element) => findAll(el, (e) => (e.name === 'input' && !!e.attribs.value?.trim()) || e.name === 'script').length > 0;
  return !!cell && isElement(cell) && holds(cell);
}

function clean(v: string): string {
  return normalizeSpace(v.split(BOUNDARY).join('')).replace(/^[】\]）)：:\s]+/, '').trim();
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
