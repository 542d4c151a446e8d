/**
 * Nesting as deep as a browser keeps it. Chromium's HTML parser stops nesting at depth 512
 * (elements deeper than that become siblings at that depth), so a rendered page never has more;
 * a file can (100k nested <div>, or unclosed <div><span> runs), and the recursive walks of
 * cheerio and domutils (`.text()`, descendant selectors) overflow the stack or turn quadratic on
 * it. Capping the tree the same way right after parsing makes the CLI see what the extension's
 * snapshot holds, and keeps every walk linear.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';

/** Blink's kMaximumHTMLParserDOMTreeDepth. */
export const MAX_DEPTH = 512;

const hasChildren = (n: AnyNode): n is Element => Array.isArray((n as Element).children);

/** Flattens every subtree that starts at MAX_DEPTH into a flat run of its nodes, in document order. */
export function capDepth(root: ParentNode, max = MAX_DEPTH): void {
  const stack: [ParentNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth >= max) {
      flatten(node);
      continue;
    }
    for (const c of node.children) if (hasChildren(c) && c.children.length) stack.push([c, depth + 1]);
  }
}

function flatten(node: ParentNode): void {
  if (!node.children.some((c) => hasChildren(c) && c.children.length)) return;
  const out: AnyNode[] = [];
  const stack: AnyNode[] = [...node.children].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    out.push(n);
    if (hasChildren(n) && n.children.length) {
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      n.children = [];
    }
  }
  for (let i = 0; i < out.length; i++) {
    out[i].parent = node;
    out[i].prev = out[i - 1] ?? null;
    out[i].next = out[i + 1] ?? null;
  }
  node.children = out;
}
