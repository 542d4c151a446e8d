/**
 * The site-identity footer (网站标识: 主办单位, 网站标识码, ICP备案号 …) and what the page's
 * scripts reference (the conac and 找错 badges are often written by a script).
 *
 * Footers are found by name (footer, bottom, copyright …), but the named box is often the whole
 * page bottom: a 友情链接 / 部门网站 link directory, a mobile copy and the identity block. And
 * some templates name it nothing (`table.dhbgbotton`). So: take the last named box that carries
 * a footer marker (ICP备, 公网安备, 网站标识码, 主办, 版权所有), else the block around the page's
 * last marker; then narrow it to the smallest element that still holds every footer element the
 * box holds, leaving link directories, dropdowns and script/style text out.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import data from '../dicts/footer-elements.json';
import type { Footer, PageLink } from '../types';
import { resolveUrl, SKIP_HREF } from './chrome';
import { INVISIBLE_TAGS, isFooterLike, visibleText as textOf } from './regions';
import { findAll, isElement } from './selector';
import { normalizeSpace, stripSpace } from './text';
import { docIndex } from './doc-index';

interface Def {
  id: string;
  text?: string;
  url?: string;
  scriptMarker?: string;
}

const DEFS = (data.elements as Def[]).map((e) => ({
  id: e.id,
  textRe: e.text ? new RegExp(e.text, 'i') : null,
  urlRe: e.url ? new RegExp(e.url, 'i') : null,
  markerRe: e.scriptMarker ? new RegExp(e.scriptMarker, 'i') : null,
}));
const MARKER = new RegExp(data.footerMarkers, 'i');
const DIRECTORY_HEAD = new RegExp(data.linkDirectoryHeading);
/** A block around the page's last marker grows up to this many characters of text. */
const MAX_FALLBACK_TEXT = 1000;
/** A link directory is a box of links, not a page: past this many elements an element is not one. */
const MAX_DIRECTORY_NODES = 3000;
/** `window.open('…')`, `location.href='…'` in an onclick: a clickable badge image is a link. */
const ONCLICK_URL = /(?:open|href|location)\s*(?:\(|=)\s*['"]([^'"]+)['"]/i;

interface Gathered {
  text: string;
  links: PageLink[];
  images: { src: string; alt: string }[];
  /** Inline script text (unescaped) and element ids: where script-written badges show. */
  refs: string[];
}

export function extractFooter($: CheerioAPI, base: string, selectorOf: (el: Element) => string): { footer: Footer | null; el: Element | null } {
  const body = docIndex($).body;
  if (!body) return { footer: null, el: null };
  const dir = makeDirectoryTest();
  const gather = makeGather(base, selectorOf, dir);

  const named = findAll(body, isFooterLike);
  const set = new Set(named);
  const outer = named.filter((el) => {
    for (let p = el.parent; p; p = p.parent) if (set.has(p as Element)) return false;
    return true;
  });
  const nonEmpty = outer.filter((el) => gather(el).text !== '' || gather(el).images.length > 0);
  const root = nonEmpty.filter((el) => MARKER.test(gather(el).text)).at(-1) ?? aroundLastMarker(body, dir) ?? nonEmpty.at(-1) ?? outer.at(-1);
  if (!root) return { footer: null, el: null };
  const el = narrow(root, gather, dir);
  const g = merge([...siblingParts(el, body, gather, 'prev').reverse(), el, ...siblingParts(el, body, gather, 'next')].map(gather));
  return { footer: { text: g.text, links: g.links, images: g.images, selector: selectorOf(el) }, el };
}

/**
 * A footer in two blocks: the template's own, and a site group's shared one right after it (often
 * written after </html>; trailing.ts moves it into <body>). Blocks at the body's level next to the
 * footer's, each carrying footer marks, are read with it.
 */
function siblingParts(el: Element, body: Element, gather: (el: Element) => Gathered, dir: 'prev' | 'next'): Element[] {
  let top: Element = el;
  while (isElement(top.parent) && top.parent !== body) top = top.parent;
  if (top.parent !== body) return [];
  const out: Element[] = [];
  let text = gather(el).text.length;
  for (let n = top[dir]; n; n = n[dir]) {
    if (!isElement(n)) {
      if (n.type === 'text' && (n as unknown as { data: string }).data.trim()) break;
      continue;
    }
    if (INVISIBLE_TAGS.has(n.name)) continue;
    // Plain text first: the block before the footer is often the whole page's wrapper, and
    // gathering it (links with their selectors) would cost the page again.
    const t = normalizeSpace(textOf(n));
    if (t === '') continue; // a row of badge images between the two parts
    if ((text += t.length) > 2 * MAX_FALLBACK_TEXT || !MARKER.test(t)) break;
    out.push(n);
  }
  return out;
}

function merge(parts: Gathered[]): Gathered {
  if (parts.length === 1) return parts[0];
  return {
    text: parts.map((p) => p.text).join(' '),
    links: parts.flatMap((p) => p.links),
    images: parts.flatMap((p) => p.images),
    refs: parts.flatMap((p) => p.refs),
  };
}

/** The footer elements (conac, icp …) an element's text, links, images and scripts show. */
function kindsOf(g: Gathered): Set<string> {
  const urls = [...g.links.map((l) => l.url), ...g.images.map((i) => i.src)];
  const texts = [g.text, ...g.links.map((l) => l.text), ...g.images.map((i) => i.alt)].join(' \n ');
  const out = new Set<string>();
  for (const d of DEFS)
    if (
      d.textRe?.test(texts) ||
      (d.urlRe && (urls.some((u) => d.urlRe!.test(u)) || g.refs.some((r) => d.urlRe!.test(r)))) ||
      (d.markerRe && g.refs.some((r) => d.markerRe!.test(r)))
    )
      out.add(d.id);
  // The identity text itself (版权所有, ICP备 …) is kept too: a badge link alone is not the footer.
  if (MARKER.test(g.text)) out.add('marker');
  return out;
}

/** Down to the last child that still holds every footer element its parent holds. */
function narrow(root: Element, gather: (el: Element) => Gathered, dir: (el: Element) => boolean): Element {
  const want = kindsOf(gather(root));
  if (want.size === 0) return root;
  let cur = root;
  for (;;) {
    const kids = cur.children.filter(isElement).filter((c) => !INVISIBLE_TAGS.has(c.name) && !dir(c));
    const next = kids.reverse().find((c) => {
      const k = kindsOf(gather(c));
      return [...want].every((w) => k.has(w));
    });
    if (!next) return cur;
    cur = next;
  }
}

/** No named footer carries a marker: the block around the page's last marker text. */
function aroundLastMarker(body: Element, dir: (el: Element) => boolean): Element | null {
  let last: Element | null = null;
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      if (MARKER.test((n as unknown as { data: string }).data) && isElement(n.parent)) last = n.parent;
      return;
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(n.name) || n.name === 'select' || dir(n)) return;
    for (const c of n.children) walk(c);
  };
  walk(body);
  if (!last) return null;
  let cur: Element = last;
  while (isElement(cur.parent) && cur.parent !== body && cur.parent.name !== 'html' && visibleLength(cur.parent) <= MAX_FALLBACK_TEXT) cur = cur.parent;
  return cur;
}

function visibleLength(el: Element): number {
  let n = 0;
  const walk = (x: AnyNode) => {
    if (x.type === 'text') n += stripSpace((x as unknown as { data: string }).data).length;
    else if (isElement(x) && !INVISIBLE_TAGS.has(x.name)) for (const c of x.children) walk(c);
  };
  walk(el);
  return n;
}

/**
 * A link directory (友情链接, 部门网站, 市县政府 …): headed so, or made almost only of links,
 * and carrying no footer marker.
 */
function makeDirectoryTest(): (el: Element) => boolean {
  const cache = new Map<Element, boolean>();
  return (el: Element) => {
    const hit = cache.get(el);
    if (hit !== undefined) return hit;
    let text = '';
    let linkChars = 0;
    let links = 0;
    let nodes = 0;
    const walk = (n: AnyNode, inLink: boolean) => {
      if (nodes > MAX_DIRECTORY_NODES) return;
      if (n.type === 'text') {
        const t = stripSpace((n as unknown as { data: string }).data);
        text += t;
        if (inLink) linkChars += t.length;
        return;
      }
      if (!isElement(n) || INVISIBLE_TAGS.has(n.name)) return;
      nodes++;
      const a = n.name === 'a' && n.attribs.href !== undefined;
      if (a || n.name === 'option') links++;
      for (const c of n.children) walk(c, inLink || a || n.name === 'option');
    };
    walk(el, false);
    if (nodes > MAX_DIRECTORY_NODES) {
      cache.set(el, false);
      return false;
    }
    const share = text.length ? linkChars / text.length : 0;
    const r = !MARKER.test(text) && ((DIRECTORY_HEAD.test(text) && links >= 3 && share >= 0.5) || (links >= 10 && share >= 0.7));
    cache.set(el, r);
    return r;
  };
}

function makeGather(base: string, selectorOf: (el: Element) => string, dir: (el: Element) => boolean): (el: Element) => Gathered {
  const cache = new Map<Element, Gathered>();
  return (root: Element) => {
    const hit = cache.get(root);
    if (hit) return hit;
    let raw = '';
    const links: PageLink[] = [];
    const images: { src: string; alt: string }[] = [];
    const refs: string[] = [];
    const walk = (n: AnyNode) => {
      if (n.type === 'text') {
        raw += (n as unknown as { data: string }).data;
        return;
      }
      if (!isElement(n)) return;
      const a = n.attribs;
      if (a.id) refs.push(a.id);
      if (n.name === 'script') {
        if (a.src) refs.push(resolveUrl(a.src, base) ?? a.src);
        refs.push(unescapeScript(scriptText(n)));
        return;
      }
      if (INVISIBLE_TAGS.has(n.name) || n.name === 'select' || (n !== root && dir(n))) return;
      if (n.name === 'a' && a.href !== undefined && !SKIP_HREF.test(a.href)) {
        const url = resolveUrl(a.href, base);
        if (url && /^https?:/.test(url)) links.push({ url, kind: 'a', text: normalizeSpace(textOf(n)) || a.title || '', selector: selectorOf(n) });
      }
      const click = a.onclick ? ONCLICK_URL.exec(a.onclick)?.[1] : undefined;
      const clickUrl = click ? resolveUrl(click, base) : null;
      if (clickUrl) links.push({ url: clickUrl, kind: 'a', text: a.alt ?? a.title ?? '', selector: selectorOf(n) });
      if (n.name === 'img' && a.src !== undefined) images.push({ src: resolveUrl(a.src, base) ?? a.src, alt: a.alt ?? '' });
      // Block boundaries keep words apart (主办单位：X</p><p>网站标识码).
      for (const c of n.children) walk(c);
      if (n.name === 'br' || n.name === 'p' || n.name === 'div' || n.name === 'li' || n.name === 'td') raw += ' ';
    };
    walk(root);
    const g = { text: normalizeSpace(raw), links, images, refs };
    cache.set(root, g);
    return g;
  };
}

function scriptText(el: Element): string {
  return el.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join('');
}

/** `document.write(unescape("%3Cspan id='_ideConac'…"))`: the markup the script writes. */
export function unescapeScript(s: string): string {
  return s
    .replace(/%u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/%([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\x([0-9a-f]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * What the page's inline scripts reference, for badges they write: `src`/`href` URLs and element
 * ids in the (unescaped) script text, and the ids of `<script>` elements (`script#_jiucuo_`).
 */
export function scriptRefs($: CheerioAPI, base: string): string[] {
  const out = new Set<string>();
  for (const node of docIndex($).tag('script')) {
    if (node.attribs.id) out.add(node.attribs.id);
    if (node.attribs.src) continue;
    const text = unescapeScript(scriptText(node));
    for (const m of text.matchAll(/\b(?:src|href)\s*=\s*\\?["']([^"'\\\s]+)/gi)) out.add(resolveUrl(m[1], base) ?? m[1]);
    for (const m of text.matchAll(/\bid\s*=\s*\\?["']([\w-]+)/gi)) out.add(m[1]);
    for (const m of text.matchAll(/getElementById\(\s*["']([\w-]+)/g)) out.add(m[1]);
  }
  return [...out];
}
