/**
 * Names the lists of a homepage after the columns they show. A homepage box (新闻动态, 工作动态,
 * 通知公告 …) repeats its column's newest items; the homepage as a whole counts as updated when any
 * box is, but each box's column has its own duty (检查指标: a 动态 column within 2 weeks), and a
 * stale own-news box hides behind a fresh box of reprinted national news.
 *
 * A list is named by a link elsewhere on the page that leads to the column its items live in —
 * the box's tab or heading, or the site's menu — never by guessing from layout:
 * - the link's folder is the items' folder, up to segments that only file a document (art/2026/…,
 *   t20260803_…): /xwzx/xwdt/index.html names items under /xwzx/xwdt/art/2026/…;
 * - or the link ends in a column code that every item's path carries (/class/MFCIMFBB names items
 *   under /html/tjj/2026/MFCIMFBB_0803/…).
 * A 更多 link is named by its box's heading or tab label (see moreLinkName).
 * Items on other hosts (reprints from gov.cn) name nothing; a list whose links disagree stays unnamed.
 */
import type { Element } from 'domhandler';
import words from '../dicts/listing-words.json';
import { textContent } from 'domutils';
import { normalizeSpace } from './text';

/** Folder segments that file a document under its column (a year, a date, art/, content/, t2026…). */
const FILING_SEGMENT = new RegExp(words.homeBlocks.filingSegment, 'i');
/** Link texts that name no column (更多, more, >>). */
const MORE_TEXT = new RegExp(words.moreLinkText, 'i');
/** Path segments too common to be a column's code. */
const COMMON_SEGMENTS = new Set(words.homeBlocks.commonSegments);
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template']);
const INDEX_FILE = /^(?:index|default|list|main)(?:_\d+)?\.\w+$/i;
/** A column name as a link shows it: a few Han characters. */
const NAME = /^[\u4e00-\u9fff（）()·]{2,12}$/;
/** Items that must be on the page's host for a list to be named. */
const MIN_ITEMS = 2;

interface ColumnLink {
  name: string;
  /** The column's folder segments. */
  folder: string[];
  /** Its last segment when it can be a column code (MFCIMFBB, xwdt_01), else null. */
  code: string | null;
}

function segments(pathname: string): string[] {
  return pathname.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function columnLinkOf(a: Element, host: string, base: string): ColumnLink | null {
  const text = normalizeSpace(textContent(a)) || normalizeSpace(a.attribs.title ?? '');
  const name = MORE_TEXT.test(text) ? moreLinkName(a) : NAME.test(text) ? text : null;
  if (!name) return null;
  let u: URL;
  try {
    u = new URL(a.attribs.href!.trim(), base);
  } catch {
    return null;
  }
  if (u.hostname.toLowerCase() !== host) return null;
  const segs = segments(u.pathname);
  // /xwzx/xwdt/ or /xwzx/xwdt/index.html: the folder; /class/MFCIMFBB: the path is the column.
  const folder = segs.length && INDEX_FILE.test(segs[segs.length - 1]) ? segs.slice(0, -1) : segs;
  if (!folder.length) return null;
  const last = folder[folder.length - 1];
  const code = last.length >= 5 && /[a-z]/i.test(last) && !COMMON_SEGMENTS.has(last.toLowerCase()) ? last : null;
  return { name, folder, code };
}

/**
 * The name a 更多 link stands for: its box's heading (<h3>工作动态</h3><a>更多</a>), or, in a tab box
 * with one 更多 link per tab, the tab label at the link's place (labels 工作动态 政声传递, then 更多 更多).
 * Only when the labels before the links in the box are exactly as many as the links; else null.
 */
function moreLinkName(a: Element): string | null {
  const parent = a.parent as Element | null;
  if (!parent || !Array.isArray(parent.children)) return null;
  const group = parent.children.filter((c): c is Element => c.type === 'tag' && (c as Element).name === 'a' && MORE_TEXT.test(normalizeSpace(textContent(c))));
  const at = group.indexOf(a);
  if (at < 0) return null;
  // The box: the nearest ancestor (a few levels up) with names written before the group.
  let box: Element | null = parent;
  for (let up = 0; up < 3 && box; up++, box = box.parent as Element | null) {
    const labels = namesBefore(box, group[0]);
    if (labels.length) return labels.length === group.length ? labels[at] : null;
  }
  return null;
}

/** Texts that look like column names, in document order, inside `box` and before `stop`. */
function namesBefore(box: Element, stop: Element): string[] {
  const out: string[] = [];
  let done = false;
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (done) return;
      if (c === stop) {
        done = true;
        return;
      }
      if (c.type === 'text') {
        const t = normalizeSpace((c as unknown as { data: string }).data);
        if (t) out.push(t);
      } else if (c.type === 'tag' && !INVISIBLE.has((c as Element).name)) walk(c as Element);
    }
  };
  walk(box);
  // Any other text before the links (a sentence, a date) means this is not a plain label row.
  return done && out.every((t) => NAME.test(t) && !MORE_TEXT.test(t)) ? out : [];
}

/** How well a column link fits items' paths: the folder's depth, or 0 when it does not lead to them. */
function fit(link: ColumnLink, itemPaths: string[][]): number {
  const byFolder = itemPaths.every((p) => {
    if (p.length <= link.folder.length) return false;
    for (let i = 0; i < link.folder.length; i++) if (p[i] !== link.folder[i]) return false;
    // What lies between the column's folder and the file only files it (no sub-column).
    return p.slice(link.folder.length, -1).every((s) => FILING_SEGMENT.test(s));
  });
  if (byFolder) return link.folder.length;
  if (link.code) {
    const code = link.code.toLowerCase();
    const carries = (p: string[]) => p.some((s) => s.toLowerCase().split(/[_\-.]/).includes(code));
    if (itemPaths.every(carries)) return 1;
  }
  return 0;
}

/**
 * The column name of each list, or null: `lists` are the hrefs of each list's items (absolute),
 * `links` the page's <a href> elements, `base` the page's URL.
 */
export function nameHomeLists(lists: (string | null)[][], links: Element[], base: string): (string | null)[] {
  let host: string;
  try {
    host = new URL(base).hostname.toLowerCase();
  } catch {
    return lists.map(() => null);
  }
  const columns: ColumnLink[] = [];
  for (const a of links) {
    const c = columnLinkOf(a, host, base);
    if (c) columns.push(c);
  }
  return lists.map((hrefs) => {
    const paths: string[][] = [];
    for (const h of hrefs) {
      if (!h) continue;
      try {
        const u = new URL(h);
        if (u.hostname.toLowerCase() !== host) return null; // a reprint list: not this site's column
        paths.push(segments(u.pathname));
      } catch {
        return null;
      }
    }
    if (paths.length < MIN_ITEMS) return null;
    let best = 0;
    const names = new Set<string>();
    for (const c of columns) {
      const f = fit(c, paths);
      if (f === 0 || f < best) continue;
      if (f > best) names.clear();
      best = f;
      names.add(c.name);
    }
    // Two different names for the same folder (a menu's 新闻中心 and a tab's 新闻动态 both leading
    // to /xwzx/): which one is the box is not known, so neither.
    return names.size === 1 ? [...names][0] : null;
  });
}
