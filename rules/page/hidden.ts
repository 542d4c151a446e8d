/**
 * What the reader cannot see is not content. Right after parsing, every hidden element (regions.ts
 * isHidden: the `hidden` attribute, inline display:none / visibility:hidden, a framework's hide
 * class, the content script's mark for what the rendered page does not show) is emptied, so that
 * no walk — body text, catalogue box, lists, footer — reads a print-only copy of the article, a tab
 * that is not shown, or a template's hidden leftovers.
 *
 * Emptied, not removed: the element keeps its place, so the selectors of its siblings (nth-of-type)
 * still name the same elements in the live page. Its scripts stay (badges drawn by a script count
 * wherever the script sits). One exception, for static files only: a hidden element that holds most
 * of the page's text is shown by a script on load (a fade-in template), and is kept.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { HIDDEN_MARK, INVISIBLE_TAGS, isHidden } from './regions';
import { isElement as isTag } from './selector';


function textLength(n: AnyNode): number {
  let total = 0;
  const stack: AnyNode[] = [n];
  while (stack.length) {
    const x = stack.pop()!;
    if (x.type === 'text') total += (x as unknown as { data: string }).data.replace(/\s+/g, '').length;
    else if (isTag(x) ? !INVISIBLE_TAGS.has(x.name) : x.type === 'root') for (const c of (x as ParentNode).children) stack.push(c);
  }
  return total;
}

function scriptsIn(el: Element): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = el.children.slice();
  while (stack.length) {
    const x = stack.pop()!;
    if (!isTag(x)) continue;
    if (x.name === 'script') out.push(x);
    else for (const c of x.children) stack.push(c);
  }
  return out.reverse();
}

export function dropHidden(root: ParentNode): void {
  // The page's text length is measured only once a hidden element turns up (most pages have few).
  let body = -1;
  const pageText = () => (body < 0 ? (body = textLength(root as AnyNode)) : body);
  // Pushed one by one: a spread of 200k children overflows the call stack.
  const stack: AnyNode[] = root.children.slice();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isTag(n)) continue;
    if (n.name !== 'head' && isHidden(n) && (n.attribs[HIDDEN_MARK] !== undefined || textLength(n) <= pageText() / 2)) {
      const kept = scriptsIn(n);
      kept.forEach((s, i) => {
        s.parent = n;
        s.prev = kept[i - 1] ?? null;
        s.next = kept[i + 1] ?? null;
      });
      n.children = kept;
      continue;
    }
    for (const c of n.children) stack.push(c);
  }
}
