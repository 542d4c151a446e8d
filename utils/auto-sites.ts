/**
 * Sites beyond *.gov.cn and *.政务 that GovLint audits on its own: a CMS preview host, an intranet
 * address, another domain. The user adds one in the settings; GovLint asks for that host's
 * permission at that moment (optional_host_permissions) and registers its content script there;
 * removing the site gives the permission back. Nothing broader is asked for up front.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { BUILT_IN_HOSTS } from './built-in-hosts';

/** Hosts audited without asking: the manifest's host_permissions. */
export { BUILT_IN_HOSTS };
export const SCRIPT_ID = 'govlint-added-sites';
const CONTENT_JS = 'content-scripts/content.js';

/** The hosts the user added, as written in their match patterns: `preview.cms.local`, `*.example.org`, `10.1.2.3`. */
export const autoSitesItem = storage.defineItem<string[]>('local:autoSites', { fallback: [] });

/**
 * What the user typed → a host a match pattern can name. A URL, a host with a port or a path, or
 * `*.domain` are all accepted; the port is dropped because a match pattern covers every port.
 */
export function parseSite(input: string): { host: string } | { error: string } {
  const raw = input.trim().toLowerCase();
  if (!raw) return { error: '请输入网站地址，如 preview.example.com 或 http://10.1.2.3:8080/' };
  const wildcard = raw.replace(/^[a-z]+:\/\//, '').startsWith('*.');
  let host: string;
  try {
    host = new URL(/^[a-z]+:\/\//.test(raw) ? raw.replace('://*.', '://') : `http://${raw.replace(/^\*\./, '')}`).hostname;
  } catch {
    return { error: `“${input.trim()}”不是有效的网站地址` };
  }
  if (!host || /[^a-z0-9.\-[\]:]/.test(host)) return { error: `“${input.trim()}”不是有效的网站地址` };
  if (BUILT_IN_HOSTS.test(host)) return { error: `${host} 属于 *.gov.cn / *.政务，本来就会自动检查，无需添加` };
  return { host: wildcard ? `*.${host}` : host };
}

export const patternFor = (host: string) => `*://${host}/*`;

/** Whether a page's host is one of the sites (a `*.x` site covers x and every subdomain of it). */
export function isAddedHost(hostname: string, sites: string[]): boolean {
  const h = hostname.toLowerCase();
  return sites.some((s) => (s.startsWith('*.') ? h === s.slice(2) || h.endsWith(s.slice(1)) : h === s));
}

/**
 * Adds a site. Must run in the click that asked for it: the browser shows its permission prompt
 * only inside a user gesture. Returns the problem, or null when the site is added.
 */
export async function addSite(input: string): Promise<string | null> {
  const parsed = parseSite(input);
  if ('error' in parsed) return parsed.error;
  const granted = await browser.permissions.request({ origins: [patternFor(parsed.host)] }).catch(() => false);
  if (!granted) return `没有获得访问 ${parsed.host} 的权限，未添加（浏览器询问时请选“允许”）`;
  const sites = await autoSitesItem.getValue();
  if (!sites.includes(parsed.host)) await autoSitesItem.setValue([...sites, parsed.host]);
  await syncContentScript();
  return null;
}

/** Removes a site and gives its permission back. */
export async function removeSite(host: string): Promise<void> {
  await autoSitesItem.setValue((await autoSitesItem.getValue()).filter((s) => s !== host));
  await browser.permissions.remove({ origins: [patternFor(host)] }).catch(() => false);
  await syncContentScript();
}

/**
 * The registered content script covers exactly the added sites whose permission is still granted
 * (the user can revoke one on the browser's extensions page): run at start-up and after each change.
 */
export async function syncContentScript(): Promise<string[]> {
  const sites = await autoSitesItem.getValue();
  const live: string[] = [];
  for (const s of sites) if (await browser.permissions.contains({ origins: [patternFor(s)] }).catch(() => false)) live.push(s);
  if (live.length !== sites.length) await autoSitesItem.setValue(live);
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] }).catch(() => []);
  if (registered.length) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (live.length)
    await browser.scripting.registerContentScripts([{ id: SCRIPT_ID, matches: live.map(patternFor), js: [CONTENT_JS], runAt: 'document_idle', persistAcrossSessions: true }]);
  return live;
}
