/**
 * extractPage(html, url): builds the PageModel once per page (Lighthouse's "gather once").
 * Rules never parse HTML; everything they read is here. Works on what a browser serialised
 * after scripts ran and on what a server sent, broken HTML included (htmlparser2 is forgiving).
 */
import type { Element } from 'domhandler';
import type { PageKind, PageModel, TextBlock } from '../types';
import regions from '../dicts/page-regions.json';
import { linearize, BOUNDARY } from './blocks';
import { parseHtml } from './parse';
import { dropHidden } from './hidden';
import { adoptTrailing } from './trailing';
import { extractBreadcrumb, extractLinks, resolveUrl } from './chrome';
import { extractFooter, scriptRefs } from './footer-region';
import { findHeadline, findMainContent } from './content';
import { makeFieldReader, STRONG_FIELDS } from './fields';
import { extractInteraction } from './interaction';
import { isHomeUrl } from './home';
import { extractListing } from './listing';
import { FRAME_TAG, isChromeByTag, isFooterLike, makeChromeTest, UNREAD_FRAME_MARK } from './regions';
import { makeSelectorFn } from './selector';
import { normalizeSpace } from './text';
import { docIndex, type DocIndex } from './doc-index';
import { isSearchResultsPage } from './search';
import { textContent } from 'domutils';

export interface ExtractOptions {
  /** Extra catalogue label aliases of the site ({ label: canonical }). */
  fieldAliases?: Record<string, string>;
  /** Charset the bytes were decoded from, when the caller knows it. */
  charset?: string;
  /** ISO date; listing dates written without a year (`[03-05]`) take theirs from it. */
  today?: string;
}

const TAIL_SKIP = new Set(regions.breadcrumbTailSkip);

export function extractPage(html: string, url: string, opts: ExtractOptions = {}): PageModel {
  // Depth capped as it is built: every selector query (domutils find) costs the depth of the tree per node.
  let $ = parseHtml(html);
  // Every part below walks from <body>: a fragment, an empty file or text without a tag has none.
  if (!$('body').length) $ = parseHtml(`<body>${html}</body>`);
  adoptTrailing($.root().get(0)!);
  dropHidden($.root().get(0)!);
  const selectorOf = makeSelectorFn($);
  const doc = docIndex($);
  const baseHref = doc.tag('base').find((e) => e.attribs.href !== undefined)?.attribs.href;
  const base = (baseHref && resolveUrl(baseHref, url)) || url;
  const u = new URL(url);

  const meta: Record<string, string> = {};
  const metas = doc.tag('meta');
  metas.forEach((el) => {
    if (el.attribs.name === undefined) return;
    const name = el.attribs.name.trim();
    if (name && meta[name] === undefined) meta[name] = normalizeSpace(el.attribs.content ?? '');
  });
  const charset =
    opts.charset ??
    (metas.find((e) => e.attribs.charset !== undefined)?.attribs.charset ||
      /charset=([\w-]+)/i.exec(metas.find((e) => e.attribs['http-equiv'] !== undefined)?.attribs.content ?? '')?.[1] ||
      '').toLowerCase();

  const body = doc.body ?? ($.root().get(0) as unknown as Element);
  const breadcrumb = extractBreadcrumb($);
  const footer = extractFooter($, base, selectorOf);

  // Fields: the whole page except menus and the footer.
  const chromeForFields = (el: Element) => isChromeByTag(el) || isFooterLike(el) || el === breadcrumb.el;
  const { fields, used } = makeFieldReader(opts.fieldAliases).read($, body, chromeForFields, selectorOf);

  const isChrome = makeChromeTest(body);
  const main = findMainContent($, isChrome);
  const headline = findHeadline($, main, isChrome, meta.ArticleTitle ?? '', meta.SiteName ?? '');

  // Body: blocks of the main content; chrome, the catalogue cells and the headline left out.
  const skipBody = (el: Element) =>
    (el !== main && (isChrome(el) || isFooterLike(el))) || used.has(el) || el === breadcrumb.el || el === headline.el;
  const blocks: TextBlock[] = [];
  if (headline.el) blocks.push({ selector: selectorOf(headline.el), text: headline.text, tag: headline.el.name, headline: true });
  for (const b of linearize(main, skipBody)) {
    const text = normalizeSpace(b.raw.split(BOUNDARY).join(''));
    if (text) blocks.push({ selector: selectorOf(b.el), text, tag: b.el.name });
  }

  const strong = fields.filter((f) => STRONG_FIELDS.has(f.name)).length;
  const bodyChars = blocks.reduce((n, b) => n + (b.headline ? 0 : b.text.length), 0);
  const home = isHomeUrl(u) && strong < 2;
  // Only a homepage or a page without a catalogue box can be a column list (a page with prose
  // outside its list is an article: extractListing says null).
  const listing = home || strong < 2 ? extractListing($, base, { today: opts.today }) : null;
  const interaction = extractInteraction($, base);
  // A "list" one of whose items holds the page's headline is the article itself (a template that
  // wraps the heading and the body in sibling boxes, each with a link).
  const headlineSelector = headline.el ? selectorOf(headline.el) : null;
  const headlineInItem = !!headlineSelector && !!listing?.items.some((i) => !!i.selector && headlineSelector.startsWith(i.selector + ' >'));
  const isList = !!listing && !headlineInItem && (listing.items.length > 0 || !!listing.emptyText || listing.filledByScript === true);
  // On a list page the trail's last step is the column itself, even when a heading repeats it.
  const column = pickColumn(breadcrumb.items, meta.ColumnName, isList ? '' : headline.text);

  const title = normalizeSpace(textOf(doc.tag('title')[0]));
  // A search results page is none of the kinds below: its items are other pages' text.
  const search = isSearchResultsPage(url, title);
  let kind: PageKind;
  if (search) kind = 'other';
  else if (home) kind = 'home';
  else if (strong >= 2) kind = 'detail';
  // extractListing gave a list only where no prose stands outside it (a column of 60 items has
  // 2,000 characters of titles, and a side menu as many of link text: neither is prose).
  else if (isList) kind = 'listing';
  else if (headline.text && bodyChars >= 100) kind = 'article';
  else kind = 'other';

  // A list page has no headline of its own unless a heading names the column: an item's title is not it.
  // A homepage has none either: its biggest heading names a block (网站导航, 新法速递), not the page;
  // the page is named by its <title>.
  const listHeadline = kind === 'home' || (kind === 'listing' && listing!.items.some((i) => i.title === headline.text)) ? '' : headline.text;
  if (listHeadline !== headline.text && blocks[0]?.headline) blocks.shift();

  return {
    url,
    site: u.origin,
    host: u.hostname.toLowerCase(),
    title,
    headline: search ? '' : listHeadline,
    lang: (doc.tag('html')[0]?.attribs.lang ?? '').toLowerCase(),
    charset,
    meta,
    breadcrumb: breadcrumb.items,
    column,
    fields,
    body: blocks,
    listing,
    interaction,
    footer: footer.footer,
    links: extractLinks($, base, selectorOf),
    scripts: doc
      .tag('script')
      .filter((e) => e.attribs.src !== undefined)
      .map((e) => resolveUrl(e.attribs.src, base))
      .filter((x): x is string => !!x),
    scriptRefs: scriptRefs($, base),
    ...framesOf(doc),
    ...(search ? { searchResults: true } : {}),
    kind,
  };
}

function pickColumn(trail: string[], columnMeta: string | undefined, headline: string): string | null {
  for (let i = trail.length - 1; i >= 1; i--) {
    const t = trail[i];
    if (TAIL_SKIP.has(t) || t === headline || t.length > 30) continue;
    return t;
  }
  return columnMeta || null;
}

/** An element's text, as cheerio's .text() gives it. */
function textOf(el: Element | undefined): string {
  return el ? textContent(el) : '';
}

/** Frames the content script read into the snapshot, and those it could not read. */
function framesOf(doc: DocIndex): { frames?: PageModel['frames'] } {
  const frames: NonNullable<PageModel['frames']> = [];
  for (const e of doc.tag(FRAME_TAG)) frames.push({ url: e.attribs['data-src'] ?? '', audited: true, ...(e.attribs.id ? { id: e.attribs.id } : {}) });
  for (const e of [...doc.tag('iframe'), ...doc.tag('frame')]) {
    const url = e.attribs[UNREAD_FRAME_MARK];
    if (url) frames.push({ url, audited: false });
  }
  return frames.length ? { frames } : {};
}
