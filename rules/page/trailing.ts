/**
 * Content after </body> or </html>. A browser puts it at the end of <body> (the HTML parser's
 * "after body" modes reprocess it there), so the reader sees it as the page's bottom: site groups
 * append a shared footer table after </html>. htmlparser2 leaves it beside <html>, outside every
 * walk from <body>. Moving it in makes the file read the way the rendered page does.
 */
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { isElement } from './selector';

export function adoptTrailing(root: ParentNode): void {
  const html = root.children.find((c): c is Element => isElement(c) && c.name === 'html');
  const body = html?.children.find((c): c is Element => isElement(c) && c.name === 'body');
  if (!html || !body) return;
  const moved: AnyNode[] = [
    ...html.children.slice(html.children.indexOf(body) + 1),
    ...root.children.slice(root.children.indexOf(html) + 1),
  ];
  if (!moved.some((n) => isElement(n) || (n.type === 'text' && (n as unknown as { data: string }).data.trim()))) return;
  html.children = html.children.slice(0, html.children.indexOf(body) + 1);
  root.children = root.children.slice(0, root.children.indexOf(html) + 1);
  for (const n of moved) {
    const last = body.children.at(-1) ?? null;
    n.parent = body;
    n.prev = last;
    n.next = null;
    if (last) last.next = n;
    body.children.push(n);
  }
  html.next = null;
  body.next = null;
}
