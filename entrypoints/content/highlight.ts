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
import { FRAME_ID_PREFIX } from '../../rules/page/regions';
import { clearBoxes, drawBoxes, flashBoxes, PALETTE } from './boxes';
import { frameDocuments } from './visible';

const STYLE_ID = 'govlint-highlight-style';
const NAMES: Record<Level, string> = { error: 'govlint-error', warn: 'govlint-warn', info: 'govlint-info' };

export function ensureStyle(doc: Document = document) {
  if (doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = (Object.keys(PALETTE) as (keyof typeof PALETTE)[])
    .map((k) => `::highlight(govlint-${k}){background-color:${PALETTE[k].fill}${PALETTE[k].line ? `;text-decoration:underline wavy ${PALETTE[k].line}` : ''}}`)
    .join('');
  (doc.head ?? doc.documentElement).appendChild(style);
}

/** The range of `matched` inside `el` (whitespace-insensitive), or the whole element. */
export function rangeFor(el: Element, matched?: string): Range {
  const doc = el.ownerDocument;
  const range = doc.createRange();
  if (matched) {
    const wanted = matched.replace(/\s+/g, '');
    let flat = '';
    const map: { node: Text; offset: number }[] = [];
    const walker = doc.createTreeWalker(el, NodeFilter.SHOW_TEXT);
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

/**
 * A footer element found missing has nothing on the page to mark (its finding names the footer, to
 * scroll to): it is listed in the panel, not painted over the whole footer.
 */
const NOTHING_TO_PAINT = new Set(['footer/missing-element']);

const FRAME_SELECTOR = new RegExp(`^#${FRAME_ID_PREFIX}(\\d+)(.*)$`);

function queryIn(doc: Document, selector: string): Element | null {
  try {
    return doc.querySelector(selector);
  } catch {
    return null;
  }
}

/**
 * The element a finding's selector names: inside a frame when it starts at the frame's holder
 * (#govlint-frame-N > …, read against that frame's <body>), else in the page, else in a frame (an
 * element inside a frame with an id of its own is named by that id alone).
 */
function query(selector: string | undefined): Element | null {
  if (!selector) return null;
  const frames = frameDocuments();
  const m = FRAME_SELECTOR.exec(selector);
  if (m) {
    const doc = frames[Number(m[1]) - 1];
    if (!doc?.body) return null;
    return m[2].trim() ? queryIn(doc, `body${m[2]}`) : doc.body;
  }
  const el = queryIn(document, selector);
  if (el) return el;
  for (const doc of frames) {
    const inFrame = queryIn(doc, selector);
    if (inFrame) return inFrame;
  }
  return null;
}

/** Whether this engine paints highlights (checked at each call: a page script may remove it). */
export const hasHighlightApi = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

type Registry = { highlights: HighlightRegistry; Highlight: typeof Highlight };

/** The Highlight API of the window a document belongs to: each frame paints its own ranges. */
function registryOf(doc: Document): Registry | null {
  const win = doc.defaultView as (Window & { CSS?: { highlights?: HighlightRegistry }; Highlight?: typeof Highlight }) | null;
  if (!win?.CSS?.highlights || typeof win.Highlight !== 'function') return null;
  return { highlights: win.CSS.highlights, Highlight: win.Highlight };
}

export function applyHighlights(findings: OverlayFinding[]) {
  const byDoc = new Map<Document, Record<Level, Range[]>>();
  for (const f of findings) {
    if (NOTHING_TO_PAINT.has(f.ruleId)) continue;
    const el = query(f.selector);
    if (!el) continue;
    const doc = el.ownerDocument;
    if (!byDoc.has(doc)) byDoc.set(doc, { error: [], warn: [], info: [] });
    byDoc.get(doc)![f.level].push(rangeFor(el, f.matched));
  }
  // Without the API the page's own ranges are drawn as boxes; a frame's are not drawn then.
  if (!hasHighlightApi()) return drawBoxes(byDoc.get(document) ?? { error: [], warn: [], info: [] });
  for (const doc of [document, ...frameDocuments()]) {
    const reg = registryOf(doc);
    if (!reg) continue;
    const byLevel = byDoc.get(doc);
    if (byLevel) ensureStyle(doc);
    for (const level of Object.keys(NAMES) as Level[]) {
      if (byLevel?.[level].length) reg.highlights.set(NAMES[level], new reg.Highlight(...byLevel[level]));
      else reg.highlights.delete(NAMES[level]);
    }
  }
}

export function clearHighlights() {
  if (!hasHighlightApi()) return clearBoxes();
  for (const doc of [document, ...frameDocuments()]) {
    const reg = registryOf(doc);
    if (reg) for (const name of [...Object.values(NAMES), 'govlint-flash']) reg.highlights.delete(name);
  }
}

/** Scrolls to a finding and flashes it for a moment. */
export function flashFinding(f: OverlayFinding) {
  const el = query(f.selector);
  if (!el) return;
  // A frame's element: bring the frame into view first, then the element inside it.
  if (el.ownerDocument !== document) el.ownerDocument.defaultView?.frameElement?.scrollIntoView({ block: 'center' });
  el.scrollIntoView({ behavior: 'smooth', block: 'center' });
  const range = rangeFor(el, f.matched);
  if (!hasHighlightApi()) return el.ownerDocument === document ? flashBoxes(range) : undefined;
  const reg = registryOf(el.ownerDocument);
  if (!reg) return;
  ensureStyle(el.ownerDocument);
  reg.highlights.set('govlint-flash', new reg.Highlight(range));
  setTimeout(() => reg.highlights.delete('govlint-flash'), 1600);
}
