/**
 * Linearises a subtree into text blocks, the way a reader sees paragraphs: every block-level
 * element (and every <br>) starts a new block; inline elements join their text into the
 * current one. Inline element boundaries are kept as BOUNDARY marks so that the catalogue
 * reader can tell `<span>索引号</span><span>值</span>` from one word; body text drops them.
 */
import type { AnyNode, Element } from 'domhandler';
import { INVISIBLE_TAGS } from './regions';
import { isElement } from './selector';

export const BOUNDARY = '\u0001';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li',
  'main', 'nav', 'ol', 'govlint-frame', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

export interface RawBlock {
  el: Element;
  /** Text with BOUNDARY marks at inline element edges; not yet normalised. */
  raw: string;
}

export function isBlockTag(name: string): boolean {
  return BLOCK_TAGS.has(name);
}

/**
 * @param skip elements whose subtree is left out (chrome, the catalogue box …)
 */
export function linearize(root: Element, skip: (el: Element) => boolean = () => false): RawBlock[] {
  const out: RawBlock[] = [];
  let cur: RawBlock | null = null;
  const flush = () => {
    if (cur && /[^\s\u00a0\u3000\u0001]/.test(cur.raw)) out.push(cur);
    cur = null;
  };
  const walk = (node: AnyNode, blockEl: Element) => {
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      if (!cur) cur = { el: blockEl, raw: '' };
      cur.raw += data;
      return;
    }
    if (!isElement(node)) return;
    const el = node;
    if (INVISIBLE_TAGS.has(el.name) || skip(el)) {
      if (isBlockTag(el.name)) flush();
      return;
    }
    if (el.name === 'br') {
      flush();
      return;
    }
    if (el.name === 'img' || el.name === 'input') return;
    if (isBlockTag(el.name)) {
      flush();
      for (const c of el.children) walk(c, el);
      flush();
    } else {
      if (cur) cur.raw += BOUNDARY;
      for (const c of el.children) walk(c, blockEl);
      if (cur) cur.raw += BOUNDARY;
    }
  };
  walk(root, root);
  flush();
  return out;
}
