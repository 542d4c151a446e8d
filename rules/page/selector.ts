/**
 * A readable CSS selector that finds an element again (axe-core style): `#id` where the id is
 * unique, else a `tag:nth-of-type(n)` chain from the nearest unique id or from `body`.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { docIndex } from './doc-index';

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

export function makeSelectorFn($: CheerioAPI): (el: Element) => string {
  const cache = new Map<Element, string>();
  const idCount = new Map<string, number>();
  for (const e of docIndex($).all) {
    const id = e.attribs.id;
    if (id !== undefined) idCount.set(id, (idCount.get(id) ?? 0) + 1);
  }

  // Positions among same-tag siblings, computed once per parent: a list of 2,000 items costs
  // one pass, not 2,000.
  const nth = new Map<Element, number>();
  const nthOfType = (el: Element, parent: Element): number => {
    if (!nth.has(el)) {
      const counts = new Map<string, number>();
      for (const sib of parent.children) {
        if (!isElement(sib)) continue;
        const n = (counts.get(sib.name) ?? 0) + 1;
        counts.set(sib.name, n);
        nth.set(sib, n);
      }
    }
    return nth.get(el)!;
  };

  const selectorOf = (el: Element): string => {
    const hit = cache.get(el);
    if (hit) return hit;
    let sel: string;
    const id = el.attribs?.id;
    if (id && SIMPLE_ID.test(id) && idCount.get(id) === 1) sel = `#${id}`;
    else if (el.name === 'body' || el.name === 'html' || !isElement(el.parent)) sel = el.name;
    else {
      const parent = el.parent as Element;
      sel = `${selectorOf(parent)} > ${el.name}:nth-of-type(${nthOfType(el, parent)})`;
    }
    cache.set(el, sel);
    return sel;
  };
  return selectorOf;
}

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}

/**
 * Elements under `root` (not root itself) that pass `test`, in document order. A plain walk:
 * cheerio's `$(el).find()` de-duplicates against the context's children and turns quadratic
 * on an element with tens of thousands of children (a 10 MB article in one <div>).
 */
export function findAll(root: Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  const stack: Element[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) if (isElement(root.children[i])) stack.push(root.children[i] as Element);
  while (stack.length) {
    const el = stack.pop()!;
    if (test(el)) out.push(el);
    for (let i = el.children.length - 1; i >= 0; i--) if (isElement(el.children[i])) stack.push(el.children[i] as Element);
  }
  return out;
}
