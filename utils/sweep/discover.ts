/**
 * What a swept page leads to. From the page's own model (the links extractPage already read, the
 * listing's paging): same-site links to follow, and what is not a page (attachments, images) to
 * list. A column's later pages (下一页, index_1.html, ?page=2) keep the column's depth, so depth
 * counts steps from the start page to a column and on to its articles, however long the column is.
 */
import { isLaterPage } from '../../rules/page/listing';
import type { PageLink, PageModel } from '../../rules/types';

export type LinkRole = 'paging' | 'link';

/** A link as the page shows it: where the sweep records who links to a URL, for link/broken. */
export interface LinkRef {
  /** The page the link is on. */
  page: string;
  text: string;
  selector: string;
  kind: PageLink['kind'];
}

export interface Found {
  url: string;
  role: LinkRole;
  /** Not a page by its name (PDF, Office file, image): checked that it answers, never parsed. */
  file: boolean;
  ref: LinkRef;
}

/** File types that are not pages, by extension (lower case, no dot). */
const FILE_EXT = new Set(
  'pdf doc docx xls xlsx ppt pptx wps et dps ofd zip rar 7z gz tar jpg jpeg png gif bmp webp svg tif tiff mp3 mp4 avi flv wmv mov swf exe apk txt csv xml json rss'.split(' '),
);

export function extensionOf(url: URL): string {
  const m = /\.([a-z0-9]{1,5})$/i.exec(url.pathname);
  return m ? m[1].toLowerCase() : '';
}

/** The URL a sweep keys a page by: no fragment, default ports folded by URL itself. */
export function sweepKey(raw: string): string | null {
  try {
    const u = new URL(raw);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}

/** True when `url` is inside the sweep's scope: the same host as one of the start pages. */
export function inScope(url: string, hosts: ReadonlySet<string>): boolean {
  try {
    return hosts.has(new URL(url).host.toLowerCase());
  } catch {
    return false;
  }
}

export function discover(model: PageModel, hosts: ReadonlySet<string>): Found[] {
  const found = new Map<string, Found>();
  const next = model.listing?.paging.nextUrl;
  const add = (raw: string, role: LinkRole, link: Pick<PageLink, 'text' | 'selector' | 'kind'>) => {
    const key = sweepKey(raw);
    if (!key || !inScope(key, hosts) || key === model.url) return;
    const file = FILE_EXT.has(extensionOf(new URL(key))) || link.kind === 'attachment';
    // A later page of a list is paging wherever it is linked from (1 2 3 … 尾页 all count).
    const r: LinkRole = !file && (role === 'paging' || (model.listing !== null && isLaterPage(key))) ? 'paging' : 'link';
    const had = found.get(key);
    if (had && (had.role === 'paging' || r !== 'paging')) return;
    found.set(key, { url: key, role: r, file, ref: had?.ref ?? { page: model.url, text: link.text, selector: link.selector, kind: link.kind } });
  };
  for (const l of model.links) {
    // Images are the page's own furniture: the link check of the page covers them, the sweep does not.
    if (l.kind === 'img') continue;
    add(l.url, 'link', l);
  }
  if (next) add(next, 'paging', { text: '下一页', selector: model.listing?.selector ?? 'body', kind: 'a' });
  return [...found.values()];
}
