/**
 * The snapshot the engine audits: the rendered DOM, with what the page does not show marked
 * `data-govlint-hidden` (rules/page/regions.ts HIDDEN_MARK). The browser knows what is visible —
 * stylesheets, classes toggled by scripts, tabs — which the engine cannot compute from HTML; with
 * the mark the engine skips exactly what the reader cannot see. The live page is not touched: the
 * marks go on a clone, walked in step with the page.
 */
import { HIDDEN_MARK as MARK } from '../../rules/page/regions';

// Not judged: no box of their own by design (select options, image-map areas), or not content.
const SKIP = new Set(['HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SELECT', 'MAP', 'BR', 'WBR', 'svg']);

function hidden(el: Element): boolean {
  const check = (el as HTMLElement).checkVisibility;
  if (typeof check === 'function' && check.call(el, { visibilityProperty: true } as never)) return false;
  const s = getComputedStyle(el);
  // display:contents has no box of its own, yet its children show.
  return s.display === 'none' || (s.visibility === 'hidden' && s.display !== 'contents');
}

export function snapshotHtml(doc: Document = document): string {
  const live = doc.documentElement;
  const copy = live.cloneNode(true) as Element;
  // Walk both trees in step; a hidden element is marked and its subtree not visited (its
  // descendants are hidden with it).
  const stack: [Element, Element][] = [[live, copy]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const ac = a.children;
    const bc = b.children;
    for (let i = 0; i < ac.length && i < bc.length; i++) {
      const x = ac[i];
      if (SKIP.has(x.tagName)) continue;
      if (x.tagName !== 'BODY' && hidden(x)) bc[i].setAttribute(MARK, '');
      else stack.push([x, bc[i]]);
    }
  }
  return copy.outerHTML;
}
