/**
 * `el.outerHTML`, in pieces: one outerHTML of a 2 MB page's clone is a long task of its own. A big
 * element is written as its start tag, its children one by one, and its end tag, which is exactly
 * how the HTML serialisation algorithm builds outerHTML — so the concatenation is the same string.
 * Small elements are written whole. Nothing here re-implements escaping: tags come from the
 * element's own shallow clone and a text or comment child from its parent's shallow clone holding
 * a copy of it (the parent decides whether text is escaped: <script>, <style>… are raw text).
 */
import type { Due, Work } from './slice';

/** Elements up to this many descendants are written with one outerHTML (a few ms at most). */
const WHOLE_BELOW = 400;

// HTML's void elements: no end tag, and outerHTML writes no children for them even if a script added some.
const VOID = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Whether `el` must be written whole: small, void, a <template> (its content is not its children), or not HTML. */
function whole(el: Element): boolean {
  return el.namespaceURI !== HTML_NS || VOID.has(el.localName) || el.localName === 'template' || el.getElementsByTagName('*').length < WHOLE_BELOW;
}

/** outerHTML of `el`, yielding between pieces when `due()`. */
export function* outerHtmlInPieces(el: Element, due: Due): Work<string> {
  // An XML document serialises as XML (namespace declarations per element): only whole is exact there.
  if (el.ownerDocument.contentType !== 'text/html') return el.outerHTML;
  const parts: string[] = [];
  yield* write(el, parts, due);
  return parts.join('');
}

function* write(el: Element, parts: string[], due: Due): Work<void> {
  if (whole(el)) {
    parts.push(el.outerHTML);
    if (due()) yield;
    return;
  }
  const shell = (el.cloneNode(false) as Element).outerHTML; // <tag attrs></tag>
  const end = shell.lastIndexOf('</');
  parts.push(shell.slice(0, end));
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === Node.ELEMENT_NODE) {
      yield* write(n as Element, parts, due);
      continue;
    }
    const holder = el.cloneNode(false) as Element;
    holder.appendChild(n.cloneNode(false));
    parts.push(holder.innerHTML);
    if (due()) yield;
  }
  parts.push(shell.slice(end));
}
