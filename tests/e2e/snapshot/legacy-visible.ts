/**
 * TEST ORACLE: the content script's snapshot as it was before it was taken in slices (git show
 * e8640aa:entrypoints/content/visible.ts, unchanged but for this note, the import path and the
 * export's name). snapshot-slices.test.ts checks that the sliced snapshot gives exactly this HTML.
 * Do not edit: it is the reference, not code that runs in the extension.
 */
/**
 * The snapshot the engine audits: the rendered DOM, with what the page does not show marked
 * `data-govlint-hidden` (rules/page/regions.ts HIDDEN_MARK). The browser knows what is visible —
 * stylesheets, classes toggled by scripts, tabs — which the engine cannot compute from HTML; with
 * the mark the engine skips exactly what the reader cannot see. The live page is not touched: the
 * marks go on a clone, walked in step with the page.
 *
 * Frames: many CMSs show the article in an <iframe> or a <frameset>. A frame this page may read
 * (same origin) goes into the snapshot in its place as a <govlint-frame id="govlint-frame-N"
 * data-src="…"> holding its body, so the engine reads it as part of the page and the findings'
 * selectors lead back into it (frameDocuments()[N - 1]). A frame it may not read (another origin)
 * keeps its element, marked data-govlint-unread, and is listed as not audited — never skipped silently.
 */
import { FRAME_ID_PREFIX, FRAME_TAG, HIDDEN_MARK as MARK, UNREAD_FRAME_MARK } from '../../../rules/page/regions';

// Not judged: no box of their own by design (select options, image-map areas), or not content.
const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'MAP', 'BR', 'WBR', 'svg']);
const FRAMES = new Set(['IFRAME', 'FRAME']);
/** Frames inside frames are read this deep, no deeper. */
const MAX_FRAME_DEPTH = 3;

function hidden(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function' && check.call(el, { visibilityProperty: true } as never)) return false;
  const s = el.ownerDocument.defaultView?.getComputedStyle(el) ?? getComputedStyle(el);
  // display:contents has no box of its own, yet its children show.
  return s.display === 'none' || (s.visibility === 'hidden' && s.display !== 'contents');
}

let frames: Document[] = [];

/** The documents of the frames in the last snapshot: frame N is frameDocuments()[N - 1]. */
export function legacyFrameDocuments(): readonly Document[] {
  return frames;
}

/** A frame's document when this page may read it, else null. */
function readable(frame: Element): Document | null {
  try {
    const doc = (frame as HTMLIFrameElement).contentDocument;
    return doc && doc.documentElement ? doc : null;
  } catch {
    return null;
  }
}

export function legacySnapshotHtml(doc: Document = document): string {
  frames = [];
  const copy = markedCopy(doc.documentElement, 0);
  return copy.outerHTML;
}

/** A clone of `live` with hidden elements marked and readable frames put in place of their elements. */
function markedCopy(live: Element, depth: number): Element {
  const copy = live.cloneNode(true) as Element;
  // Walk both trees in step; a hidden element is marked and its subtree not visited (its
  // descendants are hidden with it).
  const stack: [Element, Element][] = [[live, copy]];
  const swaps: [Element, Element][] = [];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ac = a.children;
    const bc = b.children;
    for (let i = 0; i < ac.length && i < bc.length; i++) {
      const x = ac[i];
      if (SKIP.has(x.tagName)) continue;
      if (x.tagName !== 'BODY' && x.tagName !== 'FRAMESET' && hidden(x)) bc[i].setAttribute(MARK, '');
      else if (FRAMES.has(x.tagName)) swaps.push([bc[i], frameCopy(x, depth)]);
      else stack.push([x, bc[i]]);
    }
  }
  // Replaced after the walk: replacing during it would shift the copy's children against the live ones.
  for (const [old, repl] of swaps) old.replaceWith(repl);
  // A frameset page has no <body>: its frames become the body the engine reads.
  const frameset = copy.querySelector(':scope > frameset');
  if (frameset && !copy.querySelector(':scope > body')) {
    const body = copy.ownerDocument.createElement('body');
    body.append(...frameset.childNodes);
    frameset.replaceWith(body);
  }
  return copy;
}

function frameCopy(frame: Element, depth: number): Element {
  const src = (frame as HTMLIFrameElement).src || frame.getAttribute('src') || '';
  const doc = depth < MAX_FRAME_DEPTH ? readable(frame) : null;
  const unread = () => {
    const c = frame.cloneNode(false) as Element;
    if (src && !src.startsWith('about:')) c.setAttribute(UNREAD_FRAME_MARK, src);
    return c;
  };
  if (!doc?.body) return unread();
  frames.push(doc);
  const holder = frame.ownerDocument.createElement(FRAME_TAG);
  holder.id = `${FRAME_ID_PREFIX}${frames.length}`;
  holder.setAttribute('data-src', doc.location.href);
  const inner = markedCopy(doc.documentElement, depth + 1);
  const body = inner.querySelector(':scope > body');
  if (body) holder.append(...body.childNodes);
  return holder;
}
