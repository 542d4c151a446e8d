/**
 * A readable CSS selector that finds an element again (axe-core style): `#id` where the id is
 * unique, else a `tag:nth-of-type(n)` chain from the nearest unique id or from `body`.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const SIMPLE_ID = /^[A-Za-z][\w-]*$/;

export function makeSelectorFn($: CheerioAPI): (el: Element) => string {
  const cache = new Map<Element, string>();
  const idCount = new Map<string, number>();
  $('[id]').each((_, e) => {
    const id = (e as Element).attribs.id;
    idCount.set(id, (idCount.get(id) ?? 0) + 1);
  });

  const selectorOf = (el: Element): string => {
    const hit = cache.get(el);
    if (hit) return hit;
    let sel: string;
    const id = el.attribs?.id;
    if (id && SIMPLE_ID.test(id) && idCount.get(id) === 1) sel = `#${id}`;
    else if (el.name === 'body' || el.name === 'html' || !isElement(el.parent)) sel = el.name;
    else {
      const parent = el.parent as Element;
      let n = 0;
      for (const sib of parent.children) {
        if (isElement(sib) && sib.name === el.name) n++;
        if (sib === el) break;
      }
      sel = `${selectorOf(parent)} > ${el.name}:nth-of-type(${n})`;
    }
    cache.set(el, sel);
    return sel;
  };
  return selectorOf;
}

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && (n.type === 'tag' || n.type === 'script' || n.type === 'style');
}
