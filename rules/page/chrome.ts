/** Breadcrumb and links: the parts of a page around its content (the footer: footer-region.ts). */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isBlockTag } from './blocks';
import { findAll, isElement } from './selector';
import type { PageLink } from '../types';
import regions from '../dicts/page-regions.json';
import { BREADCRUMB_NAME, INVISIBLE_TAGS, spacedNamesOf } from './regions';
import { normalizeSpace } from './text';
import { docIndex } from './doc-index';
import { textContent } from 'domutils';

const LEAD_IN = new RegExp(regions.breadcrumbLeadIn);
const SEPARATORS = new RegExp(`\\s*(?:${regions.breadcrumbSeparators.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})\\s*`);
const ATTACHMENT = new RegExp(`\\.(?:${regions.attachmentExtensions.join('|')})(?:$|[?#])`, 'i');
/** hrefs that lead to no page: scripts, mail, phone, in-page anchors, inline data. */
export const SKIP_HREF = /^\s*(?:javascript:|mailto:|tel:|#|data:)/i;

/** The absolute URL an href leads to, or null for no page (see SKIP_HREF) or a malformed href. */
export function linkTarget(href: string | undefined, base: string): string | null {
  return !href || SKIP_HREF.test(href) ? null : resolveUrl(href, base);
}

export function resolveUrl(href: string, base: string): string | null {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

/**
 * The breadcrumb trail, lead-in removed: ['首页', '信息公开', '通知公告']. `el` is the element to
 * leave out of content and catalogue reading — null when the trail's element also holds the
 * page (an unclosed breadcrumb <div> swallows the rest of a broken page).
 */
export function extractBreadcrumb($: CheerioAPI): { items: string[]; el: Element | null } {
  const textOf = (el: Element) => normalizeSpace($(el).text());
  const short = (el: Element) => {
    const t = textOf(el);
    return t.length > 0 && t.length <= 200;
  };
  // Not a script or template named so (<script id="location-tpl" type="text/html">): its text is code.
  const named = docIndex($).all.find(
    (e) => (e.attribs.class !== undefined || e.attribs.id !== undefined) && !INVISIBLE_TAGS.has(e.name) && BREADCRUMB_NAME.test(spacedNamesOf(e)) && short(e),
  );
  if (named) return { items: splitTrail(textOf(named)), el: named };

  // Else the run of inline nodes that starts with a 当前位置： lead-in.
  // A plain walk in document order (cheerio's `$('body *').contents()` concatenates arrays and
  // turns quadratic on a page of tens of thousands of elements).
  const body = docIndex($).body ?? undefined;
  const stack: AnyNode[] = body ? [...body.children].reverse() : [];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) {
      // A script's or template's text is code, not a 当前位置 the reader sees.
      if (!INVISIBLE_TAGS.has(n.name)) for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      continue;
    }
    if (n.type !== 'text' || n.parent === body || !LEAD_IN.test((n as unknown as { data: string }).data)) continue;
    let trail = '';
    for (let s: AnyNode | null = n; s; s = s.next) {
      if (isElement(s) && isBlockTag(s.name)) break;
      trail += s.type === 'text' ? (s as unknown as { data: string }).data : isElement(s) ? $(s).text() : '';
    }
    const parent = n.parent as Element | null;
    return { items: splitTrail(normalizeSpace(trail)), el: parent && isElement(parent) && short(parent) ? parent : null };
  }
  return { items: [], el: null };
}

function splitTrail(text: string): string[] {
  return text
    .replace(LEAD_IN, '')
    .split(SEPARATORS)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function extractLinks($: CheerioAPI, base: string, selectorOf: (el: Element) => string, within?: Element): PageLink[] {
  const links: PageLink[] = [];
  const linked = (e: Element) => (e.name === 'a' && e.attribs.href !== undefined) || (e.name === 'img' && e.attribs.src !== undefined);
  const nodes = within ? findAll(within, linked) : docIndex($).all.filter(linked);
  nodes.forEach((node) => {
    const el = node as Element;
    const raw = el.name === 'img' ? el.attribs.src : el.attribs.href;
    if (!raw || SKIP_HREF.test(raw)) return;
    let u: URL;
    try {
      u = new URL(raw.trim(), base);
    } catch {
      return;
    }
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return;
    const url = u.href;
    const kind = el.name === 'img' ? 'img' : ATTACHMENT.test(u.pathname) ? 'attachment' : 'a';
    const text = el.name === 'img' ? (el.attribs.alt ?? '') : normalizeSpace(textContent(el)) || el.attribs.title || '';
    links.push({ url, kind, text, selector: selectorOf(el) });
  });
  return links;
}
