/**
 * One entry of a column list: its title link, where it leads and its date, read from the entry's
 * elements (a li, a table row, a dt with its dd). Used by listing.ts on every candidate group.
 */
import type { AnyNode, Element } from 'domhandler';
import words from '../dicts/listing-words.json';
import { SKIP_HREF } from './chrome';
import { findFullDates, parseYearlessDate, type ParsedDate } from './list-dates';
import { TEMPLATE } from './list-script';
import { INVISIBLE_TAGS, visibleText as textOf } from './regions';
import { isElement } from './selector';
import { normalizeSpace } from './text';

/** An item carrying more links than this is a block of lists, not one entry. */
const MAX_LINKS_PER_ITEM = 4;
/** An item with more text than this is a block of prose. */
const MAX_ITEM_TEXT = 500;
/** Nor this many elements: a chain of wrappers around the whole page is walked once, not once per wrapper. */
const MAX_ITEM_NODES = 400;
const MIN_TITLE = 4;
/** Beside a date, labels (发布时间： 来源：…), brackets and a count (浏览 123 次) fit in this many characters. */
const MAX_DATE_COMPANION = 40;
const SENTENCE_STOP = /[，。；！？]/;
const MORE_LINK = new RegExp(words.moreLinkText, 'i');
const ONCLICK_OPEN = /(?:window\.open|location(?:\.href)?\s*=|location\.assign)\s*\(?\s*['"]([^'"]+)['"]/;

/** An entry as read: the elements it spans, its title, link and date. */
export interface Item {
  roots: Element[];
  title: string;
  href: string | null;
  parsed: ParsedDate | null;
}

interface TextPiece {
  text: string;
  anchor: Element | null;
  cell: number;
}

export function readItem(roots: Element[], base: string, today: string, dateColumn: number): Item | null {
  const anchors: Element[] = [];
  const pieces: TextPiece[] = [];
  let total = 0;
  let cell = -1;
  let over = false;
  let nodes = 0;
  const walk = (n: AnyNode, anchor: Element | null, top: boolean) => {
    // Stop as soon as the subtree is plainly a container: the walk stays cheap on big pages.
    if (over) return;
    if (n.type === 'text') {
      const t = normalizeSpace((n as unknown as { data: string }).data);
      if (t) {
        pieces.push({ text: t, anchor, cell });
        total += t.length;
        if (total > MAX_ITEM_TEXT) over = true;
      }
      return;
    }
    if (!isElement(n) || INVISIBLE_TAGS.has(n.name)) return;
    if (++nodes > MAX_ITEM_NODES) {
      over = true;
      return;
    }
    if (top && (n.name === 'td' || n.name === 'th')) cell++;
    let a = anchor;
    if (linkHref(n)) {
      anchors.push(n);
      a = n;
      if (anchors.length > MAX_LINKS_PER_ITEM) over = true;
    }
    for (const c of n.children) walk(c, a, top && (n.name === 'tr' || n.name === 'tbody'));
  };
  for (const r of roots) walk(r, null, r.name === 'tr');
  if (over || anchors.length === 0) return null;
  // A box of several titled links (a homepage column box: three news and a 更多 link) is a
  // container of items, not an item; a card's image link has no text and a [分类] link is short.
  const titled = new Set(anchors.filter((a) => normalizeSpace(textOf(a)).length >= 8).map((a) => linkHref(a)));
  if (titled.size >= 2) return null;
  if (anchors.length >= 2 && roots[0].name !== 'tr' && pieces.filter((p) => findFullDates(p.text).length > 0).length >= 2) return null;

  // The title link: the one with the most text (an image link next to it has none).
  let titleA: Element | null = null;
  let titleText = '';
  for (const a of anchors) {
    const t = anchorTitle(a);
    if (t.length > titleText.length) {
      titleA = a;
      titleText = t;
    }
  }
  if (!titleA) return null;
  // The title's own text node: the longest piece inside the title link.
  const inTitle = pieces.filter((p) => p.anchor === titleA);
  const titlePiece = inTitle.reduce<TextPiece | null>((m, p) => (!m || p.text.length > m.text.length ? p : m), null);

  const dateOf = (p: TextPiece) => standaloneDate(p.text, today);
  let parsed: ParsedDate | null = null;
  if (dateColumn >= 0) for (const p of pieces) if (p.cell === dateColumn && (parsed = dateOf(p))) break;
  if (!parsed) for (const p of pieces) if (p.anchor !== titleA && (parsed = dateOf(p))) break;
  if (!parsed) for (const p of inTitle) if (p !== titlePiece && (parsed = dateOf(p))) break;
  // <a>标题 2021-03-05</a>, <a>标题（2021-03-05）</a>: a date at the very end of the link's shown
  // text is the item's date (not one at the end of its title attribute: the reader does not see that).
  const shown = normalizeSpace(textOf(titleA));
  const tail = !parsed && titlePiece ? findFullDates(shown).at(-1) : undefined;
  if (tail && /^[)）\]】]?$/.test(shown.slice(tail.index + tail.raw.length).trim()) && tail.index > 0) {
    parsed = tail;
    titleText = titleText === shown ? shown.slice(0, tail.index).replace(/[\s\-—|｜[(（【]+$/, '') : titleText;
  }
  // A 更多内容/阅读全文 link leads on from a teaser: it titles no entry of a list.
  if (TEMPLATE.test(titleText) || MORE_LINK.test(titleText)) return null;
  titleText = titleText.replace(/^[·•\-—▪■□◆◇●○►▶>\s]+/, '');
  if (titleText.length < MIN_TITLE) return null;
  let href: string | null = null;
  try {
    href = new URL(linkHref(titleA)!.trim(), base).href;
  } catch {
    href = null;
  }
  return { roots, title: titleText, href, parsed };
}

/**
 * The date a text piece shows as an item's date: the piece is the date, with at most a label or
 * a view count beside it ([2021-03-05], 发布时间：2021-03-05). A date inside a sentence (a picture
 * caption's 2024年5月1日，市长调研…) is what the item tells, not when it was published.
 */
function standaloneDate(text: string, today: string): ParsedDate | null {
  const full = findFullDates(text)[0];
  if (!full) return parseYearlessDate(text, today);
  const rest = (text.slice(0, full.index) + text.slice(full.index + full.raw.length)).replace(/\s+/g, '');
  if (SENTENCE_STOP.test(rest) || rest.length > MAX_DATE_COMPANION) return null;
  return full;
}

/**
 * Where a title element leads: an `<a href>`, or an element that opens a page when clicked
 * (`<p onclick="window.open('./detail.html?id=…')">`, as some database sites write their lists).
 */
export function linkHref(el: Element): string | null {
  const href = el.name === 'a' ? el.attribs.href : undefined;
  if (href && !SKIP_HREF.test(href)) return href;
  const click = el.attribs.onclick ? ONCLICK_OPEN.exec(el.attribs.onclick)?.[1] : undefined;
  return click && !SKIP_HREF.test(click) ? click : null;
}

/** Link text, or its title attribute when the text is cut short (`关于做好…`). */
function anchorTitle(a: Element): string {
  const text = normalizeSpace(textOf(a));
  const attr = normalizeSpace(a.attribs.title ?? '');
  if (attr.length > text.length && (/(?:\.{2,}|…+)$/.test(text) || text === '' || attr.startsWith(text.replace(/(?:\.{2,}|…+)$/, '')))) return attr;
  return text;
}

