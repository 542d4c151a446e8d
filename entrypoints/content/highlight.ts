/**
 * Marks findings in the page with the CSS Custom Highlight API: ranges over the page's own text
 * nodes, painted by `::highlight()` rules — the page's DOM is not modified. The `::highlight`
 * rules must live in a page-level stylesheet (a shadow root's styles do not reach page text),
 * so one small <style> with only those rules is added to <head>.
 *
 * Where the API is missing (an older or trimmed kernel) the same ranges are drawn as boxes over
 * Range.getClientRects(), inside a shadow root of their own (boxes.ts): degraded, not gone.
 */
import type { Level } from '../../rules/types';
import type { OverlayFinding } from '../../utils/messages';
import { clearBoxes, drawBoxes, flashBoxes, PALETTE } from './boxes';

const STYLE_ID = 'govlint-highlight-style';
const NAMES: Record<Level, string> = { error: 'govlint-error', warn: 'govlint-warn', info: 'govlint-info' };

function ensureStyle() {
  if (document.getElementById(STYLE_ID)) return;
  const style = document.createElement('style');
  style.id = STYLE_ID;
  style.textContent = (Object.keys(PALETTE) as (keyof typeof PALETTE)[])
    .map((k) => `::highlight(govlint-${k}){background-color:${PALETTE[k].fill}${PALETTE[k].line ? `;text-decoration:underline wavy ${PALETTE[k].line}` : ''}}`)
    .join('');
  (document.head ?? document.documentElement).appendChild(style);
}

/** The range of `matched` inside `el` (whitespace-insensitive), or the whole element. */
export function rangeFor(el: Element, matched?: string): Range {
  const range = document.createRange();
  if (matched) {
    const wanted = matched.replace(/\s+/g, '');
    let flat = '';
    const map: { node: Text; offset: number }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const data = n.data;
      for (let i = 0; i < data.length; i++) {
        if (/\s/.test(data[i])) continue;
        flat += data[i];
        map.push({ node: n, offset: i });
      }
    }
    const at = flat.indexOf(wanted);
    if (at >= 0 && wanted.length > 0) {
      const a = map[at];
      const b = map[at + wanted.length - 1];
      range.setStart(a.node, a.offset);
      range.setEnd(b.node, b.offset + 1);
      return range;
    }
  }
  range.selectNodeContents(el);
  return range;
}

function query(selector: string | undefined): Element | null {
  if (!selector) return null;
  try {
    return document.querySelector(selector);
  } catch {
    return null;
  }
}

/** Whether this engine paints highlights (checked at each call: a page script may remove it). */
export const hasHighlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

export function applyHighlights(findings: OverlayFinding[]) {
  const byLevel: Record<Level, Range[]> = { error: [], warn: [], info: [] };
  for (const f of findings) {
    const el = query(f.selector);
    if (el) byLevel[f.level].push(rangeFor(el, f.matched));
  }
  if (!hasHighlightApi()) return drawBoxes(byLevel);
  ensureStyle();
  for (const level of Object.keys(NAMES) as Level[]) CSS.highlights.set(NAMES[level], new Highlight(...byLevel[level]));
}

export function clearHighlights() {
  if (!hasHighlightApi()) return clearBoxes();
  for (const name of [...Object.values(NAMES), 'govlint-flash']) CSS.highlights.delete(name);
}

/** Scrolls to a finding and flashes it for a moment. */
export function flashFinding(f: OverlayFinding) {
  const el = query(f.selector);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  if (!hasHighlightApi()) return flashBoxes(rangeFor(el, f.matched));
  ensureStyle();
  CSS.highlights.set('govlint-flash', new Highlight(rangeFor(el, f.matched)));
  setTimeout(() => CSS.highlights.delete('govlint-flash'), 1600);
}
