/**
 * Finds the main content element (readability-style text density) and the headline.
 * Paragraph text counts for its parent fully and its grandparent by half; link text does not
 * count (menus are mostly links); content-like class names get a bonus, chrome-like ones a malus.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { CONTENT_NAME, HEADLINE_NAME, INVISIBLE_TAGS, spacedNamesOf } from './regions';
import { findAll, isElement } from './selector';
import { normalizeSpace } from './text';
import { docIndex } from './doc-index';

const CANDIDATE = new Set(['div', 'article', 'section', 'main', 'td', 'body']);
const PARA = new Set(['p', 'pre', 'blockquote', 'td', 'li', 'dd', 'h2', 'h3', 'h4', 'font', 'span', 'div']);

/** Text of an element not inside links, scripts or styles: how much prose it carries. */
function ownText(el: Element): { len: number; commas: number } {
  let n = 0;
  let commas = 0;
  const walk = (node: Element) => {
    for (const c of node.children) {
      if (c.type === 'text') {
        const d = (c as unknown as { data: string }).data;
        n += d.replace(/\s+/g, '').length;
        commas += (d.match(/[，。；,]/g) ?? []).length;
      }
      else if (isElement(c) && c.name !== 'a' && !INVISIBLE_TAGS.has(c.name) && !isBlockish(c)) walk(c);
    }
  };
  walk(el);
  return { len: n, commas };
}

function isBlockish(el: Element): boolean {
  return ['p', 'div', 'table', 'ul', 'ol', 'li', 'section', 'article', 'dl', 'td', 'tr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'blockquote'].includes(el.name);
}

export function findMainContent($: CheerioAPI, isChrome: (el: Element) => boolean): Element {
  const body = docIndex($).body ?? ($.root().children().get(0) as Element);
  const scores = new Map<Element, number>();
  for (const el of findAll(body, (e) => PARA.has(e.name))) {
    const { len, commas } = ownText(el);
    if (len < 20) continue;
    // Commas are a sign of prose rather than lists of labels.
    const score = len + Math.min(10, commas) * 5;
    let p = el.parent;
    let factor = 1;
    for (let depth = 0; depth < 3 && isElement(p); depth++, p = p.parent) {
      if (CANDIDATE.has(p.name)) scores.set(p, (scores.get(p) ?? 0) + score * factor);
      factor /= 2;
    }
  }
  let best: Element = body;
  let bestScore = 0;
  for (const [el, s] of scores) {
    if (insideChrome(el, isChrome)) continue;
    const adj = s * (CONTENT_NAME.test(spacedNamesOf(el)) ? 1.3 : 1);
    if (adj > bestScore) {
      best = el;
      bestScore = adj;
    }
  }
  return widen(best, body, isChrome);
}

/**
 * An article split over sibling blocks (an editor's first paragraph in one div, the rest in the
 * next): the content is their parent, when another child of it is prose too and the rest carry next
 * to no text. Prose: a sentence or more, mostly not link text (a list of related news is links).
 */
function widen(best: Element, body: Element, isChrome: (el: Element) => boolean): Element {
  let cur = best;
  for (let level = 0; level < 2; level++) {
    const p = cur.parent;
    if (!isElement(p) || p === body || p.name === 'body' || p.name === 'html' || isChrome(p)) break;
    let prose = 0;
    let stray = 0;
    for (const c of p.children) {
      if (c === cur || !isElement(c) || INVISIBLE_TAGS.has(c.name)) continue;
      const { text, linked } = textAndLinks(c);
      if (text >= 20 && linked <= text * 0.3 && c.name !== 'ul' && c.name !== 'ol') prose++;
      else stray += text;
    }
    if (prose === 0 || stray > 50) break;
    cur = p;
  }
  return cur;
}

function textAndLinks(el: Element): { text: number; linked: number } {
  let text = 0;
  let linked = 0;
  const walk = (n: Element, inLink: boolean) => {
    for (const c of n.children) {
      if (c.type === 'text') {
        const len = (c as unknown as { data: string }).data.replace(/\s+/g, '').length;
        text += len;
        if (inLink) linked += len;
      } else if (isElement(c) && !INVISIBLE_TAGS.has(c.name)) walk(c, inLink || c.name === 'a');
    }
  };
  walk(el, el.name === 'a');
  return { text, linked };
}

/** True when `el` is one of three or more like headings, each in a sibling of its parent (list items). */
function titlesRepeatedItem(el: Element): boolean {
  const item = el.parent as Element | null;
  if (!item || !isElement(item) || !item.parent || !isElement(item.parent)) return false;
  let like = 0;
  for (const sib of item.parent.children) {
    if (!isElement(sib) || sib.name !== item.name) continue;
    if (sib.children.some((c) => isElement(c) && c.name === el.name) && ++like >= 3) return true;
  }
  return false;
}

function insideChrome(el: Element, isChrome: (el: Element) => boolean): boolean {
  for (let p: Element | null = el; p && isElement(p); p = p.parent as Element | null) {
    if (isChrome(p)) return true;
  }
  return false;
}

/**
 * The article's own title: an h1 that is not the site logo, else a title-named element near
 * the content, else the ArticleTitle meta. Returns the element when one is on the page.
 */
/** Outline numbers that start a section heading inside a document: 一、 （一） 1. 1、 第一章 第二条. */
const SECTION_NUMBER = /^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}\s*[、.．](?!\d)|第[一二三四五六七八九十百\d]+[章节条部分编])/;

/**
 * Text that can be a page's title: words, not a bare date or number in brackets ("( 2022-04-26)"),
 * not a section heading of the document (一、项目基本情况), and not a sentence (ends with 。).
 */
export function isTitleLike(t: string): boolean {
  const words = t.replace(/[\s\d\p{P}\p{S}]/gu, '');
  return words.length >= 4 && !SECTION_NUMBER.test(t) && !/[。！？]$/.test(t);
}

export function findHeadline($: CheerioAPI, main: Element, isChrome: (el: Element) => boolean, articleTitleMeta: string, siteName: string): { text: string; el: Element | null } {
  const ok = (t: string) => t.length >= 4 && t.length <= 150 && t !== siteName && isTitleLike(t);
  const candidates: Element[] = [];
  // A heading in each item of a list (<li><span>日期</span><h1><a>标题</a></h1></li> ×20) titles
  // the items, not the page.
  const inMain = findAll(main, (e) => (e.name === 'h1' || e.name === 'h2') && !titlesRepeatedItem(e));
  for (const e of inMain) if (e.name === 'h1') candidates.push(e);
  for (const e of docIndex($).tag('h1')) if (!insideChrome(e, isChrome) && !titlesRepeatedItem(e)) candidates.push(e);
  // By name (class="title", "bt" …), unless the name is repeated: a page has one headline, and a
  // class on several elements is the item titles of a list (<td class="bt"> in every row).
  const named = docIndex($).all.filter((e) => (e.attribs.class !== undefined || e.attribs.id !== undefined) && HEADLINE_NAME.test(spacedNamesOf(e)));
  const classCount = new Map<string, number>();
  for (const e of named) if (e.attribs.class) classCount.set(e.attribs.class, (classCount.get(e.attribs.class) ?? 0) + 1);
  candidates.push(
    ...named.filter((e) => (!e.attribs.class || classCount.get(e.attribs.class)! < 3) && !insideChrome(e, isChrome) && e.children.length <= 6),
  );
  for (const e of inMain) if (e.name === 'h2') candidates.push(e);
  // A heading just before the content (<h2>标题</h2><p>来源…</p><div class="content">), up three levels.
  for (let el: Element = main, level = 0; level < 3 && isElement(el.parent); el = el.parent, level++)
    for (let prev = el.prev; prev; prev = prev.prev)
      if (isElement(prev) && (prev.name === 'h1' || prev.name === 'h2') && !insideChrome(prev, isChrome)) candidates.push(prev);
  // Some CMSs put the list's markup in the meta (<font color='#0066FF'>[电子化]</font>标题): text only.
  articleTitleMeta = normalizeSpace(articleTitleMeta.replace(/<[^>]*>/g, ''));
  const metaFold = articleTitleMeta.replace(/\s+/g, '');
  // Prefer a candidate equal to the ArticleTitle meta when the site provides one.
  if (metaFold) {
    const same = candidates.find((e) => normalizeSpace($(e).text()).replace(/\s+/g, '') === metaFold);
    if (same) return { text: normalizeSpace($(same).text()), el: same };
  }
  for (const e of candidates) {
    const t = normalizeSpace($(e).text());
    if (ok(t)) return { text: t, el: e };
  }
  return { text: articleTitleMeta, el: null };
}
