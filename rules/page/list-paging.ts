/** A column list's paging: 共N页, 下一页, a link to page 2, TRS's createPageHTML; and later pages' URLs. */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import type { Listing } from '../types';
import words from '../dicts/listing-words.json';
import { SKIP_HREF } from './chrome';
import { visibleText as textOf } from './regions';
import { findAll } from './selector';
import { normalizeSpace } from './text';
import { docIndex } from './doc-index';

const TOTAL_PAGES = words.totalPagePatterns.map((p) => new RegExp(p));
const NEXT_TEXTS = new Set(words.nextPageTexts);
const PAGE_TWO_HREF = new RegExp(words.pageTwoHref, 'i');
const CREATE_PAGE = /createPageHTML\(([^)]*)\)/;

/** 共N页, 下一页, a link to page 2, or TRS's createPageHTML(total, current, "index", "html"). */
export function readPaging($: CheerioAPI, body: Element, base: string): Listing['paging'] {
  let totalPages: number | null = null;
  let nextUrl: string | null = null;
  const resolve = (href: string) => {
    try {
      return new URL(href.trim(), base).href;
    } catch {
      return null;
    }
  };
  const script = docIndex($)
    .tag('script')
    .map((s) => $(s).text())
    .join('\n');
  const cp = CREATE_PAGE.exec(script);
  if (cp) {
    const args = cp[1].split(',').map((s) => s.trim().replace(/^['"]|['"]$/g, ''));
    const nums = args.map((a) => (/^\d+$/.test(a) ? +a : null));
    const i = nums.findIndex((n) => n !== null);
    if (i >= 0) {
      totalPages = nums[i];
      const cur = nums[i + 1] ?? 0;
      const prefix = args[i + 2];
      const ext = args[i + 3];
      if (totalPages !== null && cur + 1 < totalPages && prefix && ext && /^\w+$/.test(prefix) && /^\w+$/.test(ext))
        nextUrl = resolve(`${prefix}_${cur + 1}.${ext}`);
    }
  }
  const text = normalizeSpace(textOf(body));
  if (totalPages === null)
    for (const re of TOTAL_PAGES) {
      const m = re.exec(text);
      if (m) {
        totalPages = +m[1];
        break;
      }
    }
  if (!nextUrl) {
    let pageTwo: string | null = null;
    for (const a of findAll(body, (e) => e.name === 'a' && e.attribs.href !== undefined)) {
      const href = a.attribs.href;
      if (SKIP_HREF.test(href)) continue;
      const t = normalizeSpace($(a).text());
      const names = `${a.attribs.class ?? ''} ${a.attribs.id ?? ''}`.toLowerCase();
      if (NEXT_TEXTS.has(t) || /(^|[-_ ])next([-_ ]|$)/.test(names)) {
        nextUrl = resolve(href);
        break;
      }
      if (!pageTwo && (t === '2' || t === '[2]') && PAGE_TWO_HREF.test(href)) pageTwo = resolve(href);
    }
    nextUrl ??= pageTwo;
  }
  return { totalPages, nextUrl };
}

/** True when a listing URL is a later page of its column (index_1.html, ?page=3): its newest item is on page 1. */
export function isLaterPage(url: string): boolean {
  try {
    const u = new URL(url);
    if (/(?:^|\/)(?:index|list|default|more|page)_[1-9]\d*\.s?html?$/i.test(u.pathname)) return true;
    for (const k of ['page', 'pageNo', 'pageNum', 'pageIndex', 'pageindex', 'curPage', 'currentPage', 'p', 'pn', 'pagenum']) {
      const v = u.searchParams.get(k);
      if (v && /^\d+$/.test(v) && +v >= 2) return true;
    }
  } catch {
    /* not a URL */
  }
  return false;
}
