/**
 * The snapshot the engine audits: the rendered DOM, with what the page does not show marked
 * `data-govlint-hidden` (rules/page/regions.ts HIDDEN_MARK). The browser knows what is visible —
 * stylesheets, classes toggled by scripts, tabs — which the engine cannot compute from HTML; with
 * the mark the engine skips exactly what the reader cannot see. The live page is not touched: the
 * marks go on a copy, built as the page is walked.
 *
 * Frames: many CMSs show the article in an <iframe> or a <frameset>. A frame this page may read
 * (same origin) goes into the snapshot in its place as a <govlint-frame id="govlint-frame-N"
 * data-src="…"> holding its body, so the engine reads it as part of the page and the findings'
 * selectors lead back into it (frameDocuments()[N - 1]). A frame it may not read (another origin)
 * keeps its element, marked data-govlint-unread, and is listed as not audited — never skipped silently.
 *
 * On a big page the walk and the serialisation take longer than a long task (50 ms), so they run in
 * slices (slice.ts) and the page gets a turn in between. The copy is built from the live page as
 * the walk goes, so the page must not change while it is walked: a MutationObserver on the page and
 * on each frame read watches, and when anything changed during a pause the snapshot starts over. After
 * MAX_SLICED_TRIES such starts (a page that never stops changing: a ticker, a clock) it is taken in
 * one go, as it always was. Whichever way, the HTML is the same: the slices only pause the work.
 * What no mutation shows (a stylesheet that loads during the walk) could change what is visible
 * between two slices; content that arrives later is audited again anyway (index.tsx lateContent).
 */
import { FRAME_ID_PREFIX, FRAME_TAG, HIDDEN_MARK as MARK, UNREAD_FRAME_MARK } from '../../rules/page/regions';
import { outerHtmlInPieces } from './serialise';
import { never, runSliced, runWhole, type Due, type Work } from './slice';

// Not judged: no box of their own by design (select options, image-map areas), or not content.
const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'MAP', 'BR', 'WBR', 'svg']);
const FRAMES = new Set(['IFRAME', 'FRAME']);
/** Frames inside frames are read this deep, no deeper. */
const MAX_FRAME_DEPTH = 3;
/** Sliced attempts before the snapshot is taken in one go. */
const MAX_SLICED_TRIES = 3;

function hidden(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function' && check.call(el, { visibilityProperty: true } as never)) return false;
  const s = el.ownerDocument.defaultView?.getComputedStyle(el) ?? getComputedStyle(el);
  // display:contents has no box of its own, yet its children show.
  return s.display === 'none' || (s.visibility === 'hidden' && s.display !== 'contents');
}

// Published when a snapshot is complete: the overlay keeps finding the last one's frames meanwhile.
let frames: Document[] = [];

/** The documents of the frames in the last snapshot: frame N is frameDocuments()[N - 1]. */
export function frameDocuments(): readonly Document[] {
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

/** What one snapshot walk needs: the frames it read so far, and the watcher it adds their documents to. */
interface Walk {
  due: Due;
  frames: Document[];
  watch(doc: Document): void;
}

/** How the last snapshot was taken (the tests check that slicing and starting over happened). */
export const lastSnapshotStats = { tries: 0, slices: 0, whole: false };

/** The snapshot in one go, in the current task (the same code as the sliced one, never pausing). */
export function snapshotHtmlNow(doc: Document = document): string {
  const walk: Walk = { due: never, frames: [], watch: () => {} };
  const html = runWhole(snapshotWork(doc, walk));
  frames = walk.frames;
  Object.assign(lastSnapshotStats, { tries: 1, slices: 1, whole: true });
  return html;
}

/** The snapshot in slices (the page gets a turn between them); the same HTML as snapshotHtmlNow. */
export async function snapshotHtml(doc: Document = document): Promise<string> {
  let slices = 0;
  for (let attempt = 1; attempt <= MAX_SLICED_TRIES; attempt++) {
    let changed = false;
    const obs = new MutationObserver(() => (changed = true));
    const options = { subtree: true, childList: true, attributes: true, characterData: true };
    const watch = (d: Document) => obs.observe(d.documentElement ?? d, options);
    watch(doc);
    const stale = () => changed || obs.takeRecords().length > 0;
    const stats = { slices: 0 };
    try {
      const walk: Walk = { due: never, frames: [], watch };
      // The walk reads the live page: it is dropped when the page changed during a pause.
      const copy = await runSliced((due) => markedCopy(doc.documentElement, 0, Object.assign(walk, { due })), stale, stats);
      slices += stats.slices;
      if (!copy) continue;
      obs.disconnect();
      // Serialising reads only the copy, which nothing else holds: no reason to start over.
      const html = await runSliced((due) => outerHtmlInPieces(copy, due), () => false, stats);
      slices += stats.slices;
      frames = walk.frames;
      Object.assign(lastSnapshotStats, { tries: attempt, slices, whole: false });
      return html!;
    } finally {
      obs.disconnect();
    }
  }
  const html = snapshotHtmlNow(doc);
  lastSnapshotStats.tries = MAX_SLICED_TRIES + 1;
  return html;
}

function* snapshotWork(doc: Document, walk: Walk): Work<string> {
  const copy = yield* markedCopy(doc.documentElement, 0, walk);
  return yield* outerHtmlInPieces(copy, walk.due);
}

/** A clone of `live` with hidden elements marked and readable frames put in place of their elements. */
function* markedCopy(live: Element, depth: number, walk: Walk): Work<Element> {
  // The copy is built as the walk goes, an element and then its children, rather than cloned
  // whole first: one cloneNode(true) of a 2 MB page is a long task of its own. Each node is cloned
  // as cloneNode(true) would have (same node, same attributes); what the walk does not enter is
  // cloned whole: a hidden element (marked; its descendants are hidden with it) and what is not
  // judged (SKIP). Elements are visited in the order the walk always had: frames keep their numbers.
  const copy = live.cloneNode(false) as Element;
  const stack: [Element, Element][] = [[live, copy]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    for (let n = a.firstChild; n; n = n.nextSibling) {
      // A pause between two nodes (one element may have thousands): the page may not change meanwhile (see above).
      if (walk.due()) yield;
      if (n.nodeType !== Node.ELEMENT_NODE) {
        b.appendChild(n.cloneNode(false));
        continue;
      }
      const x = n as Element;
      if (SKIP.has(x.tagName)) b.appendChild(x.cloneNode(true));
      else if (x.tagName !== 'BODY' && x.tagName !== 'FRAMESET' && hidden(x)) {
        const c = x.cloneNode(true) as Element;
        c.setAttribute(MARK, '');
        b.appendChild(c);
      } else if (FRAMES.has(x.tagName)) b.appendChild(yield* frameCopy(x, depth, walk));
      else {
        const c = x.cloneNode(false) as Element;
        b.appendChild(c);
        stack.push([x, c]);
      }
    }
  }
  // A frameset page has no <body>: its frames become the body the engine reads.
  const frameset = copy.querySelector(':scope > frameset');
  if (frameset && !copy.querySelector(':scope > body')) {
    const body = copy.ownerDocument.createElement('body');
    body.append(...frameset.childNodes);
    frameset.replaceWith(body);
  }
  return copy;
}

function* frameCopy(frame: Element, depth: number, walk: Walk): Work<Element> {
  const src = (frame as HTMLIFrameElement).src || frame.getAttribute('src') || '';
  const doc = depth < MAX_FRAME_DEPTH ? readable(frame) : null;
  const unread = () => {
    const c = frame.cloneNode(false) as Element;
    if (src && !src.startsWith('about:')) c.setAttribute(UNREAD_FRAME_MARK, src);
    return c;
  };
  if (!doc?.body) return unread();
  walk.frames.push(doc);
  walk.watch(doc);
  const holder = frame.ownerDocument.createElement(FRAME_TAG);
  holder.id = `${FRAME_ID_PREFIX}${walk.frames.length}`;
  holder.setAttribute('data-src', doc.location.href);
  const inner = yield* markedCopy(doc.documentElement, depth + 1, walk);
  const body = inner.querySelector(':scope > body');
  if (body) holder.append(...body.childNodes);
  return holder;
}
