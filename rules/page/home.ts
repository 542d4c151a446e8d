/**
 * The site's front page, by its address: the root (/, /index.html, /default.aspx …), or the folder
 * named like the host's first label (tjj.zhenjiang.gov.cn/tjj/index.shtml): city platforms serve
 * each department's site from a folder of its own name. A column's index (/xxgk/index.shtml) is not.
 */
const INDEX_FILE = '(?:(?:index|default|main)\\.(?:s?html?|jsp|php|aspx?))?';
const ROOT = new RegExp(`^/${INDEX_FILE}$`, 'i');

export function isHomeUrl(url: string | URL): boolean {
  let u: URL;
  try {
    u = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false; // a relative or odd base: not the homepage
  }
  if (ROOT.test(u.pathname)) return true;
  const label = u.hostname.split('.')[0];
  if (!/^[a-z0-9-]+$/i.test(label) || label === 'www') return false;
  return new RegExp(`^/${label}/${INDEX_FILE}$`, 'i').test(u.pathname);
}
