/**
 * parseHtml builds the tree cheerio/slim built before (htmlparser2's Parser), node for node, on
 * every page the tests hold and on the broken HTML that exercises each of the Parser's rules; past
 * MAX_DEPTH it drops tags and keeps their text, so a hostile page is no deeper than a browser's.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnyNode } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../../rules/page/decode';
import { MAX_DEPTH } from '../../../rules/page/depth';
import { parseDocumentCapped, parseHtml } from '../../../rules/page/parse';

/** Every node as one line (depth, type, name, attributes in order, data), and its sibling links checked. */
function shape(root: AnyNode): string[] {
  const out: string[] = [];
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    const el = n as AnyNode & { name?: string; attribs?: Record<string, string>; data?: string; children?: AnyNode[] };
    out.push(`${d} ${n.type} ${el.name ?? ''} ${el.attribs ? JSON.stringify(Object.entries(el.attribs)) : ''} ${JSON.stringify(el.data ?? '')}`);
    const kids = el.children ?? [];
    kids.forEach((c, i) => {
      if (c.parent !== n || c.prev !== (kids[i - 1] ?? null) || c.next !== (kids[i + 1] ?? null)) out.push(`bad links under ${el.name}`);
    });
    for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], d + 1]);
  }
  return out;
}

function depthOf(root: AnyNode): number {
  let max = 0;
  const stack: [AnyNode, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    for (const c of (n as { children?: AnyNode[] }).children ?? []) stack.push([c, d + 1]);
  }
  return max;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return htmlFiles(p);
    return /\.html?$/i.test(name) ? [p] : [];
  });
}

const TESTS = resolve(import.meta.dirname, '../..');
const PAGES = [...htmlFiles(join(TESTS, 'fixtures')), ...htmlFiles(join(TESTS, 'real/pages'))];

describe('the same tree as htmlparser2 on ordinary pages', () => {
  it('holds pages to compare', () => expect(PAGES.length).toBeGreaterThan(50));

  it.each(PAGES.map((p) => [p.slice(TESTS.length + 1), p]))('%s', (_name, path) => {
    const { html } = decodeHtml(readFileSync(path));
    expect(shape(parseDocumentCapped(html))).toEqual(shape(parseDocument(html)));
  });

  it.each([
    ['implied closes', '<p>a<div>b</p>c</div><ul><li>1<li>2</ul><dl><dt>t<dd>d<dt>u</dl><select><option>1<option>2<optgroup><option>3</select>'],
    ['tables', '<table><tr><td>1<td>2<tr><th>3<td>4</table><table><thead><tr><td>h<tbody><tr><td>b<tfoot><tr><td>f</table>'],
    ['end tags without a start', '</x></b></p></br></div><span>a</i></span>' + '</p>'.repeat(3)],
    ['foreign content and self-closing', '<svg><img/><path/><g/>x<desc><p/>in html</desc><foreignObject><br/>y</foreignObject><rect/></svg><p/>z<math><mi><b/>m</mi></math><div/>after'],
    ['raw text elements', '<title><b>t</b></title><textarea><i>x</textarea><script>if (a<b) document.write("</div>")</script><style>p>a{}</style><xmp><q></xmp>'],
    ['entities, attributes, declarations', '<!doctype html><?xml version="1.0"?><![CDATA[c]]><!-- 注释 --><a href="x?a=1&amp;b=2" HREF="y" Title=&lt;t&gt; disabled>&#x4e2d;&nbsp;&copy &unknown;</a>'],
    ['unclosed at the end', '<div><span><b>a<i>b'],
  ])('%s', (_name, html) => {
    expect(shape(parseDocumentCapped(html))).toEqual(shape(parseDocument(html)));
  });
});

describe('nesting past what a browser keeps', () => {
  const page = (body: string) => `<!doctype html><html><head><title>深层</title></head><body>${body}</body></html>`;

  it.each([
    ['nested <div>', page('<div>'.repeat(100_000) + '正文' + '</div>'.repeat(100_000) + '<p>之后</p>')],
    ['unclosed <div><span>', page('<div><span>'.repeat(100_000) + '正文<a href="/x.html">链接</a>结尾')],
  ])('100k %s: no deeper than MAX_DEPTH, every character of text kept', (_name, html) => {
    const doc = parseDocumentCapped(html);
    // The deepest element is at MAX_DEPTH; its text one below.
    expect(depthOf(doc)).toBe(MAX_DEPTH + 1);
    expect(textContent(doc)).toBe(textContent(parseDocument(html.replace(/<\/?(?:div|span|a)\b[^>]*>/g, ''))));
  });

  it('the page above the cap is as the source nests it', () => {
    const $ = parseHtml(page('<div id="top">' + '<div>'.repeat(2000) + '深处' + '</div>'.repeat(2000) + '</div><p id="after">之后</p>'));
    expect($('body > p#after').text()).toBe('之后');
    expect($('#top').text()).toBe('深处');
  });
});
