/**
 * One walk of the parsed page, shared by every part of extractPage: its elements in document order
 * and by tag. Each `$('selector')` of cheerio walks the whole tree again through css-select; with a
 * dozen of them per page that was a fifth of the extraction time of a long list page. Built after
 * the tree's last change (depth cap, trailing content, hidden content) and cached per document.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export interface DocIndex {
  /** Every element, in document order. */
  all: Element[];
  /** Elements of a tag (lower case), in document order. */
  tag(name: string): Element[];
  /** The first <body>, or null (extractPage wraps a fragment in one). */
  body: Element | null;
}

const cache = new WeakMap<CheerioAPI, DocIndex>();

export function docIndex($: CheerioAPI): DocIndex {
  let idx = cache.get($);
  if (idx) return idx;
  const all: Element[] = [];
  const byTag = new Map<string, Element[]>();
  // An explicit stack, not recursion: capDepth bounds the depth, but a wide page is long.
  const stack: AnyNode[] = [...($.root().get(0)!.children ?? [])].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
    const el = n as Element;
    all.push(el);
    const list = byTag.get(el.name);
    if (list) list.push(el);
    else byTag.set(el.name, [el]);
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  idx = { all, tag: (name) => byTag.get(name) ?? [], body: byTag.get('body')?.[0] ?? null };
  cache.set($, idx);
  return idx;
}
