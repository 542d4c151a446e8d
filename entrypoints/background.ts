/**
 * Background service worker: receives snapshots, runs the engine, keeps the store, sets the
 * badge. The logic is in utils/audit-service.ts; this file only wires extension events.
 * MV3 may stop the worker at any time: nothing here lives only in memory that matters —
 * a snapshot is audited and reconciled in one go, and the content script retries a snapshot
 * whose answer never came.
 */
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import type { PageModel } from '../rules/types';
import { auditLinks, auditSnapshot, badgeText, summarize } from '../utils/audit-service';
import { createLinkChecker, type LinkChecker } from '../utils/link-check';
import { normalizeUrl, openStore, type Store } from '../utils/db';
import { fail, ok, SNAPSHOT_PARTS_LOST, type AuditSummary, type Request } from '../utils/messages';
import { loadConfig } from '../utils/settings';
import { inFlight, snapshotKey } from '../utils/in-flight';
import { syncContentScript } from '../utils/auto-sites';

/** A resent snapshot joins the audit of the same snapshot still under way. */
const once = inFlight<AuditSummary>();

/**
 * The parts of big snapshots not complete yet, by id (utils/messages.ts snapshot-part). A tab closed
 * mid-send leaves its parts behind: only the last few ids are kept.
 */
const parts = new Map<string, string[]>();
const MAX_PENDING_SNAPSHOTS = 4;
function keepPart(id: string, index: number, text: string) {
  if (!parts.has(id)) {
    parts.set(id, []);
    if (parts.size > MAX_PENDING_SNAPSHOTS) parts.delete(parts.keys().next().value!);
  }
  parts.get(id)![index] = text;
}
/** The whole HTML of a snapshot sent in parts; null when some were lost (the worker was stopped meanwhile). */
function assembled(id: string, count: number, last: string): string | null {
  const got = parts.get(id);
  parts.delete(id);
  if (!got || got.length !== count - 1) return null;
  // A loop, not got.some(): some() skips the holes a lost part leaves.
  for (let i = 0; i < count - 1; i++) if (typeof got[i] !== 'string') return null;
  return got.join('') + last;
}

let storePromise: Promise<Store> | null = null;
function store(): Promise<Store> {
  storePromise ??= openStore().catch((e) => {
    storePromise = null;
    throw e;
  });
  return storePromise;
}

async function setBadge(tabId: number | undefined, summary: AuditSummary) {
  if (tabId === undefined) return;
  // MV3 `action`; the Firefox build is MV2, where the same calls live on `browserAction`.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeText({ tabId, text: badgeText(summary) });
  await action.setBadgeBackgroundColor({ tabId, color: summary.counts.error > 0 ? '#d93025' : '#e37400' });
}

async function auditAndStore(tabId: number | undefined, url: string, html: string): Promise<AuditSummary> {
  const config = await loadConfig();
  const outcome = await auditSnapshot(await store(), config, url, html);
  for (const d of outcome.diagnostics) console.warn(`GovLint: 规则 ${d.ruleId} 出错：${d.message}`);
  await published(tabId, outcome.summary);
  void checkLinksLater(tabId, outcome.model);
  return outcome.summary;
}

/** Badge, popup and overlay learn of new findings. */
async function published(tabId: number | undefined, summary: AuditSummary) {
  await setBadge(tabId, summary);
  void browser.runtime.sendMessage({ type: 'findings-updated', url: summary.url } satisfies Request).catch(() => {});
}

let checker: LinkChecker | null = null;
/** One checker per worker life: its per-host limits span pages; its cache persists in the store. */
async function linkChecker(): Promise<LinkChecker> {
  if (checker) return checker;
  const s = await store();
  const inner = createLinkChecker({
    perHost: 2,
    timeoutMs: 8000,
    persistence: { get: (url) => s.getMeta(`link:${url}`), set: (url, entry) => s.setMeta(`link:${url}`, entry) },
  });
  // Only hosts the extension may fetch without CORS get checked: elsewhere a refused fetch would
  // read as a broken link. Unchecked links get no result and so no finding.
  checker = async (links) => {
    const allowed: { url: string }[] = [];
    for (const l of links) if (await mayFetch(l.url)) allowed.push(l);
    return inner(allowed);
  };
  return checker;
}

const permitted = new Map<string, boolean>();
async function mayFetch(url: string): Promise<boolean> {
  const origin = new URL(url).origin;
  if (!permitted.has(origin)) permitted.set(origin, await browser.permissions.contains({ origins: [`${origin}/*`] }).catch(() => false));
  return permitted.get(origin)!;
}

async function checkLinksLater(tabId: number | undefined, model: PageModel) {
  try {
    const summary = await auditLinks(await store(), await loadConfig(), model, await linkChecker());
    await published(tabId, summary);
    if (tabId !== undefined) await browser.tabs.sendMessage(tabId, { type: 'show-findings', summary } satisfies Request).catch(() => {});
  } catch (e) {
    console.warn('GovLint：链接检查失败：', e);
  }
}

/** On-demand audit of any tab (activeTab from the popup): read the DOM, audit, show the overlay. */
async function auditTab(tabId: number): Promise<AuditSummary> {
  const [res] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({ url: location.href, html: document.documentElement.outerHTML }),
  });
  const snap = res?.result as { url: string; html: string } | undefined;
  if (!snap) throw new Error('无法读取页面内容（浏览器内部页面或扩展商店页面不能检查）');
  const summary = await auditAndStore(tabId, snap.url, snap.html);
  await showInTab(tabId, summary);
  return summary;
}

/**
 * 定位 from the dashboard: the finding's page in front — the tab that shows it, or a new one —
 * then the content script finds the finding again (selector, offset, matched text) and flashes it.
 * A page just opened is audited first (on its own on *.gov.cn, by injection elsewhere): the finding
 * is asked for until the page has its findings, for at most LOCATE_WAIT_MS.
 */
const LOCATE_WAIT_MS = 20000;
async function locateFinding(url: string, fingerprint: string): Promise<null> {
  const tabs = await browser.tabs.query({});
  let tab = tabs.find((t) => t.url && normalizeUrl(t.url) === url);
  tab = tab ? await browser.tabs.update(tab.id!, { active: true }) : await browser.tabs.create({ url, active: true });
  const tabId = tab!.id!;
  if (tab!.windowId !== undefined) await browser.windows.update(tab!.windowId, { focused: true }).catch(() => {});
  const end = Date.now() + LOCATE_WAIT_MS;
  let injected = false;
  while (Date.now() < end) {
    const res = (await browser.tabs.sendMessage(tabId, { type: 'show-finding', fingerprint } satisfies Request).catch(() => null)) as { ok: boolean } | null;
    if (res?.ok) return null;
    const loaded = (await browser.tabs.get(tabId).catch(() => null))?.status === 'complete';
    // Loaded, and no content script answers: a page outside the sites audited on their own.
    if (loaded && res === null && !injected) {
      injected = true;
      await auditTab(tabId).catch(() => {});
      continue;
    }
    await new Promise((r) => setTimeout(r, 400));
  }
  throw new Error('未能在页面中找到这条问题');
}

/** Hands the findings to the tab's content script, injecting it first on pages outside *.gov.cn. */
async function showInTab(tabId: number, summary: AuditSummary) {
  const msg: Request = { type: 'show-findings', summary };
  try {
    await browser.tabs.sendMessage(tabId, { type: 'ping' } satisfies Request);
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
  }
  await browser.tabs.sendMessage(tabId, msg).catch(() => {});
}

export default defineBackground(() => {
  // The added sites' content script follows their permissions, also when one is revoked outside GovLint.
  void syncContentScript().catch((e) => console.warn('GovLint：无法登记其他网站的检查脚本：', e));
  browser.permissions.onRemoved.addListener(() => void syncContentScript().catch(() => {}));

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    const msg = raw as Request;
    let work: Promise<unknown> | null = null;
    if (msg.type === 'snapshot-part') {
      keepPart(msg.id, msg.index, msg.text);
      sendResponse(ok(null));
      return true;
    }
    if (msg.type === 'snapshot') {
      const html = msg.partsOf ? assembled(msg.partsOf.id, msg.partsOf.count, msg.html) : msg.html;
      if (html === null) {
        sendResponse(fail(new Error(SNAPSHOT_PARTS_LOST)));
        return true;
      }
      work = once(snapshotKey(sender.tab?.id, msg.url, html), () => auditAndStore(sender.tab?.id, msg.url, html));
    }
    else if (msg.type === 'audit-tab') work = auditTab(msg.tabId);
    else if (msg.type === 'locate-finding') work = locateFinding(msg.url, msg.fingerprint);
    if (!work) return undefined;
    work.then((data) => sendResponse(ok(data)), (e) => sendResponse(fail(e)));
    return true;
  });

  // The shortcut (Alt+Shift+G) shows or hides the panel and highlights; on a page not audited yet
  // it audits it (the shortcut grants activeTab like a click on the popup).
  browser.commands?.onCommand.addListener(async (command, tab) => {
    if (command !== 'toggle-panel' || tab?.id === undefined) return;
    const res = (await browser.tabs.sendMessage(tab.id, { type: 'toggle-panel' } satisfies Request).catch(() => null)) as { ok: boolean } | null;
    if (!res?.ok) await auditTab(tab.id).catch((e) => console.warn('GovLint：无法检查此页：', e));
  });

  // A tab that navigates keeps no stale badge; a tab that comes back shows its stored counts.
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'loading' || !tab.url) return;
    void restoreBadge(tabId, tab.url);
  });
});

async function restoreBadge(tabId: number, url: string) {
  if (!/^https?:/.test(url)) return;
  try {
    const findings = await (await store()).findingsForUrl(normalizeUrl(url));
    await setBadge(tabId, summarize(normalizeUrl(url), findings));
  } catch {
    /* the badge is a convenience; the popup shows the truth */
  }
}
