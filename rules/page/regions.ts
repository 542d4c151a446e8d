/**
 * Page regions: what is page chrome (menus, header, footer, breadcrumb, share bars) and what is
 * content. Names come from rules/dicts/page-regions.json, so a site's odd template is a data fix.
 */
import type { AnyNode, Element } from 'domhandler';
import regions from '../dicts/page-regions.json';
import { isElement } from './selector';

const CHROME_TAGS = new Set(regions.chromeTags);
const CHROME_ROLES = new Set(regions.chromeRoles);
const CHROME_NAME = new RegExp(regions.chromeNamePattern, 'i');
const FOOTER_NAME = new RegExp(regions.footerNamePattern, 'i');
export const BREADCRUMB_NAME = new RegExp(regions.breadcrumbNamePattern, 'i');
export const CONTENT_NAME = new RegExp(regions.contentNamePattern, 'i');
export const HEADLINE_NAME = new RegExp(regions.headlineNamePattern, 'i');
/** Never visible text: skipped everywhere. */
export const INVISIBLE_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'svg', 'object', 'iframe']);

/** `class` and `id` of an element, space-joined (lower-case). */
export function namesOf(el: Element): string {
  const a = el.attribs ?? {};
  return `${a.class ?? ''} ${a.id ?? ''}`.toLowerCase();
}

/**
 * namesOf with every space doubled, the form the name patterns are written against (a name
 * bounded by spaces on both sides matches even between two others), or '' when the element has
 * neither class nor id. Kept per element: several walks of one extraction ask for the same
 * element, and a long list page has tens of thousands of them.
 */
const spacedCache = new WeakMap<Element, string>();
export function spacedNamesOf(el: Element): string {
  const a = el.attribs;
  if (!a || (a.class === undefined && a.id === undefined)) return '';
  let s = spacedCache.get(el);
  if (s === undefined) {
    s = namesOf(el).trim() === '' ? '' : namesOf(el).replace(/\s+/g, '  ');
    spacedCache.set(el, s);
  }
  return s;
}

export function isChromeByTag(el: Element): boolean {
  return CHROME_TAGS.has(el.name) || CHROME_ROLES.has((el.attribs?.role ?? '').toLowerCase());
}

export function isChromeByName(el: Element): boolean {
  const n = spacedNamesOf(el);
  return n !== '' && CHROME_NAME.test(n);
}

export function isFooterLike(el: Element): boolean {
  if (el.name === 'footer' || (el.attribs?.role ?? '') === 'contentinfo') return true;
  const n = spacedNamesOf(el);
  return n !== '' && FOOTER_NAME.test(n);
}

const HIDDEN_CLASSES = new Set(regions.hiddenClasses);
/** Set by the content script on what the rendered page does not show (entrypoints/content/visible.ts). */
export const HIDDEN_MARK = 'data-govlint-hidden';
/** What the content script puts in a readable frame's place: its body, as a block of the page. */
export const FRAME_TAG = 'govlint-frame';
/** Its id: FRAME_ID_PREFIX + the frame's number in the snapshot (1, 2 …), so selectors lead back into it. */
export const FRAME_ID_PREFIX = 'govlint-frame-';
/** On a frame the content script could not read (another origin): its URL. */
export const UNREAD_FRAME_MARK = 'data-govlint-unread';

/**
 * Not shown to the reader: the `hidden` attribute, inline display:none / visibility:hidden, a
 * framework's hide class, or the content script's mark for what the rendered page hides.
 */
export function isHidden(el: Element): boolean {
  const a = el.attribs;
  if (!a) return false;
  if (a.hidden !== undefined || a[HIDDEN_MARK] !== undefined) return true;
  const style = (a.style ?? '').replace(/\s+/g, '').toLowerCase();
  if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
  return !!a.class && a.class.split(/\s+/).some((c) => HIDDEN_CLASSES.has(c));
}

/**
 * Chrome test for one page: by tag, and by class/id name unless the named element holds most of
 * the page's text (a broken page's unclosed `<div class="position">` that swallowed the article,
 * or a template that names its main column "side-layout").
 */
export function makeChromeTest(root: Element): (el: Element) => boolean {
  const lengths = new Map<Element, number>();
  const measure = (el: Element): number => {
    let n = 0;
    for (const c of el.children) {
      if (c.type === 'text') n += (c as unknown as { data: string }).data.replace(/\s+/g, '').length;
      else if (c.type === 'tag' && !INVISIBLE_TAGS.has((c as Element).name)) n += measure(c as Element);
    }
    lengths.set(el, n);
    return n;
  };
  const total = measure(root);
  return (el) => isChromeByTag(el) || (isChromeByName(el) && (lengths.get(el) ?? 0) <= total * 0.5);
}

/** The text of an element as the reader sees it: scripts, styles and other invisible tags left out. */
export function visibleText(el: Element): string {
  let s = '';
  const walk = (n: AnyNode) => {
    if (n.type === 'text') s += (n as unknown as { data: string }).data;
    else if (isElement(n) && !INVISIBLE_TAGS.has(n.name)) for (const c of n.children) walk(c);
  };
  walk(el);
  return s;
}
