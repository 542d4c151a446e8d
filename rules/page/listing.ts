/**
 * The column list (栏目列表) of a listing page: its items with their dates, its paging, or the
 * notice (暂无信息 …) an empty column shows instead of items.
 *
 * How: every element's children are grouped by tag; a group whose members each hold one title
 * link (and usually one date) is a candidate list — `ul > li`, `table > tr`, `dl > dt+dd`,
 * `div.list > div.card` alike, whatever the class names. Candidates inside page chrome (menus,
 * header, footer, sidebars by name) or under a 相关链接/热点 heading are left out, and the list
 * with the most dated items wins. Menus and footer link lists have no dates, so they lose even
 * when no chrome name marks them. On the homepage every dated list counts (the homepage is
 * "updated" when any of its lists is). A page with prose outside the list is an article whose
 * side list is not a column: it gets null.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Listing, ListingItem } from '../types';
import words from '../dicts/listing-words.json';
import { todayIso } from '../config';
import { scriptFilledList } from './list-script';
import { INVISIBLE_TAGS, isChromeByName, isChromeByTag, isFooterLike, spacedNamesOf, visibleText as textOf } from './regions';
import { isHomeUrl } from './home';
import { readItem, type Item } from './list-item';
import { readPaging } from './list-paging';
import { nameHomeLists } from './home-blocks';
import { isElement, makeSelectorFn } from './selector';
import { normalizeSpace, stripSpace } from './text';
import { docIndex } from './doc-index';

/** Chrome by tag, minus `form` and `button`: ASP.NET pages wrap the whole page in a form. */
const NOT_CHROME_TAGS = new Set(['form', 'button', 'select']);
const LIST_TAGS = new Set(['ul', 'ol', 'tbody', 'table', 'thead', 'dl']);
const RELATED = new RegExp(words.relatedHeadings);
const EMPTY_TEXTS = new Set(words.emptyTexts);
const EMPTY_PREFIX = /^(?:对不起|抱歉)?(?:本|该|此|当前)?(?:栏目|页面|频道|分类|目录|专题)?/;
const ZERO_COUNT = words.zeroCountPatterns.map((p) => new RegExp(p));
const CAROUSEL = new RegExp(words.carouselNames, 'i');
const MENU_HREF = new RegExp(words.menuHref, 'i');

interface Candidate {
  parent: Element;
  items: Item[];
  dated: number;
  order: number;
}

export function extractListing($: CheerioAPI, baseUrl: string, ctx: { today?: string }): Listing | null {
  const today = ctx.today ?? todayIso();
  const body = docIndex($).body;
  if (!body) return null;
  const home = isHomeUrl(baseUrl);
  const excluded = makeExclusion(home);
  const selectorOf = makeSelectorFn($);

  const candidates: Candidate[] = [];
  let order = 0;
  const visit = (el: Element) => {
    if (INVISIBLE_TAGS.has(el.name) || excluded(el)) return;
    const c = candidateOf(el, baseUrl, today, order++, excluded);
    if (c) candidates.push(c);
    for (const ch of el.children) if (isElement(ch)) visit(ch);
  };
  visit(body);

  const best = pickBest(candidates, home);
  if (!best) {
    // A list a script fills (an empty container the page's script writes into, or template
    // placeholders shown as text) is unknown here, not empty: its notice may be the loading one.
    const filler = !home && !hasProse(body, excluded, new Set()) ? scriptFilledList($, body, excluded) : null;
    if (filler) return { items: [], emptyText: null, paging: readPaging($, body, baseUrl), selector: selectorOf(filler), filledByScript: true };
    const empty = findEmptyNotice($, body, excluded);
    if (!empty || (!home && hasProse(body, excluded, new Set()))) return null;
    return { items: [], emptyText: empty.text, paging: readPaging($, body, baseUrl), selector: empty.el ? selectorOf(empty.el) : null };
  }
  // Prose outside the items — beside the list or between its items (an article whose paragraphs
  // alternate with 更多内容，点击阅读 links) — makes the page an article.
  if (!home && hasProse(body, excluded, new Set(best.items.flatMap((i) => i.roots)))) return null;

  // The homepage's freshness is that of its freshest list: take every dated list.
  const chosen = home ? candidates.filter((c) => c === best || c.dated >= 2) : [best];
  chosen.sort((a, b) => a.order - b.order);
  // Each homepage box is also its column's window: name it after the column, so its age is judged too.
  const names = home ? nameHomeLists(chosen.map((c) => c.items.map((i) => i.href)), docIndex($).tag('a').filter((a) => a.attribs.href !== undefined), baseUrl) : [];
  const seen = new Set<Element>();
  const items: ListingItem[] = [];
  chosen.forEach((c, ci) => {
    for (const it of c.items) {
      if (seen.has(it.roots[0])) continue;
      seen.add(it.roots[0]);
      items.push({
        title: it.title,
        href: it.href,
        date: it.parsed?.iso ?? null,
        dateText: it.parsed?.raw ?? null,
        selector: selectorOf(it.roots[0]),
        ...(names[ci] ? { block: names[ci]! } : {}),
      });
    }
  });
  return { items, emptyText: null, paging: readPaging($, body, baseUrl), selector: selectorOf(best.parent) };
}

/** True for elements whose subtree is page chrome (or, off the homepage, a related/hot list box). */
function makeExclusion(home: boolean): (el: Element) => boolean {
  const cache = new Map<Element, boolean>();
  return (el: Element) => {
    const hit = cache.get(el);
    if (hit !== undefined) return hit;
    const r =
      (isChromeByTag(el) && !NOT_CHROME_TAGS.has(el.name)) ||
      isChromeByName(el) ||
      isFooterLike(el) ||
      // A homepage's 专题 / banner carousel is not one of its information lists.
      (home && CAROUSEL.test(spacedNamesOf(el))) ||
      (!home && underRelatedHeading(el));
    cache.set(el, r);
    return r;
  };
}

/** A box titled 相关链接 / 热点新闻 …: its heading is a short previous sibling or first child. */
function underRelatedHeading(el: Element): boolean {
  const probes: Element[] = [];
  let prev = el.prev;
  for (let i = 0; prev && i < 3; prev = prev.prev) {
    if (isElement(prev)) {
      probes.push(prev);
      i++;
    }
  }
  const first = el.children.find(isElement);
  if (first && first !== el.children.filter(isElement).at(-1)) probes.push(first);
  return probes.some(isRelatedHeading);
}

/**
 * A short text naming a related/hot box (相关链接, 热点新闻). Kept per element: each element of a long
 * list probes its three previous siblings, and the text is read only up to what a heading can hold.
 */
const relatedHeading = new WeakMap<Element, boolean>();
function isRelatedHeading(el: Element): boolean {
  let r = relatedHeading.get(el);
  if (r === undefined) {
    const t = shortText(el, 12);
    relatedHeading.set(el, (r = t !== null && t.length > 0 && RELATED.test(t)));
  }
  return r;
}

/** The element's visible text without spaces, or null as soon as it is longer than `max`. */
function shortText(el: Element, max: number): string | null {
  let s = '';
  const walk = (n: AnyNode): boolean => {
    if (n.type === 'text') {
      s += stripSpace((n as unknown as { data: string }).data);
      return s.length <= max;
    }
    if (isElement(n) && !INVISIBLE_TAGS.has(n.name)) for (const c of n.children) if (!walk(c)) return false;
    return true;
  };
  return walk(el) ? s : null;
}

function candidateOf(parent: Element, base: string, today: string, order: number, excluded: (el: Element) => boolean): Candidate | null {
  // Chrome children (a top bar, the menu, the footer) are never items, even of a list-less body.
  const kids = parent.children.filter(isElement).filter((c) => !INVISIBLE_TAGS.has(c.name) && !excluded(c));
  if (kids.length === 0) return null;
  let groups: Element[][];
  let dateColumn = -1;
  if (parent.name === 'dl' && kids.some((k) => k.name === 'dt')) {
    // <dl><dt>title</dt><dd>date</dd>…: each dt with the dd's after it is one item.
    groups = [];
    for (const k of kids) {
      if (k.name === 'dt' || groups.length === 0) groups.push([k]);
      else groups[groups.length - 1].push(k);
    }
    return build(parent, groups, base, today, order, -1, true);
  }
  if (parent.name === 'tbody' || parent.name === 'table') dateColumn = dateColumnOf(parent.name === 'tbody' && isElement(parent.parent) ? parent.parent : parent);
  const byTag = new Map<string, Element[]>();
  for (const k of kids) {
    const g = byTag.get(k.name);
    if (g) g.push(k);
    else byTag.set(k.name, [k]);
  }
  let best: Candidate | null = null;
  const listTag = LIST_TAGS.has(parent.name);
  for (const [, members] of byTag) {
    // Outside list elements a lone item is layout (build says null): not worth reading.
    if (!listTag && members.length < 2) continue;
    const c = build(
      parent,
      members.map((m) => [m]),
      base,
      today,
      order,
      dateColumn,
      listTag,
    );
    if (c && (!best || c.dated > best.dated || (c.dated === best.dated && c.items.length > best.items.length))) best = c;
  }
  return best;
}

function build(
  parent: Element,
  groups: Element[][],
  base: string,
  today: string,
  order: number,
  dateColumn: number,
  listTag: boolean,
): Candidate | null {
  const items: Item[] = [];
  for (const g of groups) {
    const it = readItem(g, base, today, dateColumn);
    if (it) items.push(it);
  }
  if (items.length === 0) return null;
  // Outside list elements, a lone item or a group where most members are not items is layout.
  if (!listTag && (items.length < 2 || items.length * 2 < groups.length)) return null;
  return { parent, items, dated: items.filter((i) => i.parsed).length, order };
}

/** The index of the 发布日期 (else 日期/时间) column from a table's header row. */
function dateColumnOf(table: Element): number {
  const rows: Element[] = [];
  const collect = (el: Element) => {
    for (const c of el.children) if (isElement(c)) c.name === 'tr' ? rows.push(c) : ['thead', 'tbody'].includes(c.name) && collect(c);
  };
  collect(table);
  const head = rows.find((r) => r.children.some((c) => isElement(c) && c.name === 'th')) ?? rows[0];
  if (!head) return -1;
  const cells = head.children.filter(isElement).map((c) => stripSpace(textOf(c)));
  const pub = cells.findIndex((t) => /^(?:发布|发文|公开|更新)(?:日期|时间)$/.test(t));
  if (pub >= 0) return pub;
  return cells.findIndex((t) => /^(?:日期|时间)$/.test(t));
}

function pickBest(cands: Candidate[], home: boolean): Candidate | null {
  let best: Candidate | null = null;
  for (const c of cands) {
    if (!best || c.dated > best.dated || (c.dated === best.dated && c.items.length > best.items.length)) best = c;
  }
  if (!best) return null;
  if (best.dated > 0) return best;
  // No dates anywhere: accept an undated list only when it plainly is one (a column whose items
  // show no date is itself a finding); menus and link boxes have few, short entries.
  if (home) return null;
  const avg = best.items.reduce((n, i) => n + i.title.length, 0) / best.items.length;
  // A navigation menu links to column index pages (…/gzdt/, …/index.html), a column to documents.
  const menu = best.items.filter((i) => i.href && MENU_HREF.test(new URL(i.href).pathname)).length;
  return best.items.length >= 5 && avg >= 8 && menu * 2 < best.items.length ? best : null;
}

/** Sentence punctuation outside links, chrome and the list: an article, not a column page. */
function hasProse(body: Element, excluded: (el: Element) => boolean, items: Set<Element>): boolean {
  let chars = 0;
  let stops = 0;
  const walk = (n: AnyNode) => {
    if (n.type === 'text') {
      const d = (n as unknown as { data: string }).data;
      chars += d.replace(/\s+/g, '').length;
      stops += (d.match(/[，。；！？]/g) ?? []).length;
      return;
    }
    if (!isElement(n) || items.has(n) || n.name === 'a' || INVISIBLE_TAGS.has(n.name) || excluded(n)) return;
    for (const c of n.children) walk(c);
  };
  walk(body);
  return chars >= 300 && stops >= 10;
}

/** The 暂无信息 notice of an empty column, or a pager that says 共0条. */
function findEmptyNotice($: CheerioAPI, body: Element, excluded: (el: Element) => boolean): { text: string; el: Element | null } | null {
  let found: { text: string; el: Element | null } | null = null;
  const walk = (n: AnyNode) => {
    if (found) return;
    if (n.type === 'text') {
      const raw = normalizeSpace((n as unknown as { data: string }).data);
      const t = stripSpace(raw).replace(/[。！!.…～~,，、:：\-—（）()]/g, '');
      if (t && t.length <= 20 && EMPTY_TEXTS.has(t.replace(EMPTY_PREFIX, ''))) found = { text: raw, el: n.parent as Element };
      return;
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(n.name) || excluded(n)) return;
    for (const c of n.children) walk(c);
  };
  walk(body);
  if (found) return found;
  // A pager saying 共0条 sits in chrome-named boxes (pager, page): read the whole body.
  const all = normalizeSpace($(body).text());
  for (const re of ZERO_COUNT) {
    const m = re.exec(all);
    if (m) return { text: m[0], el: null };
  }
  return null;
}

/** Later pages of a column (index_1.html, ?page=3), for the column rules and the sweep. */
export { isLaterPage } from './list-paging';
