/**
 * Content script: thin. Waits for the page to settle, sends the rendered DOM to the background,
 * and draws what comes back: text highlights (CSS Custom Highlight API, no change to the page's
 * DOM) and a small panel in a shadow root. Runs by default on *.gov.cn and *.政务, and on the sites
 * the user added (utils/auto-sites.ts); elsewhere the popup injects it on demand (activeTab) and it
 * only draws.
 */
import { snapshotHtml } from './visible';
import { yieldToPage } from './slice';
import './overlay.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SNAPSHOT_PARTS_LOST, type AuditSummary, type Request, type Response } from '../../utils/messages';
import { autoSitesItem, BUILT_IN_HOSTS, isAddedHost } from '../../utils/auto-sites';
import { BUILT_IN_MATCHES } from '../../utils/built-in-hosts';
import { initLocale } from '../../utils/locale';
import { storage } from 'wxt/utils/storage';
import { siteKeyFor } from '../../rules/site-match';
import { applyHighlights, clearHighlights, ensureStyle, flashFinding } from './highlight';
import { Panel } from './Panel';

// Quiet this long counts as settled. Short, because what arrives later is audited again anyway
// (lateContent below): a static page shows its findings a third of a second after it is idle.
const SETTLE_MS = 300;
const MAX_WAIT_MS = 6000;

export default defineContentScript({
  matches: BUILT_IN_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const w = window as unknown as { __govlint?: boolean };
    if (w.__govlint) return; // injected twice (declared + on demand): one is enough
    w.__govlint = true;
    // Marks on the page's performance timeline: the page-cost benchmark reads where the time goes.
    performance.mark('govlint:start');
    await initLocale();

    let ui: ShadowRootContentScriptUi<void> | null = null;
    let summary: AuditSummary | null = null;
    const audited = new Set<string>();

    // The page audit and the link pass answer in either order: draw one after the other, so the
    // second sees the panel the first made (two overlapping calls would each mount a panel).
    let drawing: Promise<void> = Promise.resolve();
    const show = (s: AuditSummary) => (drawing = drawing.then(() => draw(s)).catch(() => {}));
    const draw = async (s: AuditSummary) => {
      summary = s;
      const painting = performance.now();
      applyHighlights(s.findings);
      performance.measure('govlint:highlights', { start: painting });
      // A single-page site may have replaced <body>, panel included: draw a new one.
      if (ui && !ui.shadowHost.isConnected) {
        ui.remove();
        ui = null;
      }
      if (!ui) {
        ui = await createShadowRootUi(ctx, {
          name: 'govlint-panel',
          position: 'overlay',
          alignment: 'bottom-right',
          zIndex: 2147483646,
          anchor: 'body',
          onMount: (container) => renderPanel(container),
          onRemove: (container) => container && render(null, container),
        });
        ui.mount();
      } else renderPanel(ui.uiContainer);
    };
    const renderPanel = (container: HTMLElement) =>
      render(<Panel summary={summary!} onPick={(f) => flashFinding(f)} onClose={closePanel} />, container);
    const closePanel = () => {
      ui?.remove();
      ui = null;
      clearHighlights();
    };

    browser.runtime.onMessage.addListener((raw: unknown, _sender, sendResponse) => {
      const msg = raw as Request;
      if (msg.type === 'ping') {
        sendResponse({ ok: true, data: 'pong' });
        return true;
      }
      if (msg.type === 'toggle-panel') {
        // Nothing audited here yet: say so, and the sender audits the tab instead.
        if (!summary) {
          sendResponse({ ok: false, error: 'not audited' });
          return true;
        }
        if (ui && !msg.show) closePanel();
        else void show(summary);
        sendResponse({ ok: true, data: null });
        return true;
      }
      if (msg.type === 'show-finding') {
        const f = summary?.findings.find((x) => x.fingerprint === msg.fingerprint);
        if (f) {
          if (!ui) void show(summary!);
          flashFinding(f);
        }
        sendResponse(f ? { ok: true, data: null } : { ok: false, error: 'not on this page' });
        return true;
      }
      if (msg.type === 'show-findings' && msg.summary.url === normalize(location.href)) {
        void show(msg.summary);
        sendResponse({ ok: true, data: null });
        return true;
      }
      return undefined;
    });

    let lastSent = '';
    const auditNow = async (again = false) => {
      const url = normalize(location.href);
      if (audited.has(url) && !again) return;
      audited.add(url);
      // Taken in slices: on a big page one go would hold the page's main thread for a long task.
      const taking = performance.now();
      const html = await snapshotHtml();
      performance.measure('govlint:take-snapshot', { start: taking });
      // The same content is never audited twice (a late mutation that changed nothing visible).
      if (again && html === lastSent) return;
      lastSent = html;
      performance.mark('govlint:snapshot');
      // The ::highlight rules' stylesheet restyles the whole page once (tens of ms on a 2 MB page):
      // added now, while the worker audits, rather than in the frame that paints the findings.
      ensureStyle();
      // Sending copies the whole HTML on this thread: in a task of its own, not after the last slice.
      await yieldToPage();
      const s = await sendSnapshot(url, html);
      performance.mark('govlint:answered');
      if (s && s.url === normalize(location.href)) await show(s);
    };

    // Audited on its own: *.gov.cn, *.政务 and the sites the user added in the settings; elsewhere
    // (injected from the popup) the script only draws what it is sent.
    const automatic = BUILT_IN_HOSTS.test(location.hostname) || isAddedHost(location.hostname, await autoSitesItem.getValue());
    if (automatic && (await autoAuditOn(location.hostname))) {
      await settle(ctx);
      await framesLoaded(ctx);
      performance.mark('govlint:settled');
      await auditNow();
      performance.mark('govlint:shown');
      // Content that arrives after the page settled (a list or an article a script loads late) is
      // audited once more, when it has settled too.
      if (await lateContent(ctx)) {
        await settle(ctx);
        await auditNow(true);
      }
      // Single-page sites change URL without a load: audit each new URL once.
      ctx.addEventListener(window, 'wxt:locationchange', async () => {
        await settle(ctx);
        await auditNow();
      });
    }
  },
});

function normalize(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

/** Waits before each retry: MV3 may stop the service worker mid-audit; the next message restarts it. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000];
/**
 * A message sent while the worker is being stopped can be lost without an error: no answer in
 * this time means "send again" (an audit takes well under a second; a 10 MB page a few).
 */
const ANSWER_TIMEOUT_MS = 10000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${ms} ms 内没有应答`)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

/**
 * A big snapshot goes in parts of this many characters, one message per task: copying one message
 * of megabytes out of the page is a long task of its own (~50 ms for 2 MB).
 */
const PART_CHARS = 256 * 1024;

/** Sends the parts before the last (each in its own task); the last goes with the snapshot message. */
async function sendParts(html: string): Promise<{ id: string; count: number } | undefined> {
  const count = Math.ceil(html.length / PART_CHARS);
  if (count <= 1) return undefined;
  const id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  for (let index = 0; index < count - 1; index++) {
    await browser.runtime.sendMessage({ type: 'snapshot-part', id, index, text: html.slice(index * PART_CHARS, (index + 1) * PART_CHARS) } satisfies Request);
    await yieldToPage();
  }
  return { id, count };
}

/** Sends the rendered DOM; when the worker was stopped before it answered, sends it again. */
async function sendSnapshot(url: string, html: string): Promise<AuditSummary | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      const partsOf = await sendParts(html);
      const msg: Request = { type: 'snapshot', url, html: partsOf ? html.slice((partsOf.count - 1) * PART_CHARS) : html, partsOf };
      const sending = performance.now();
      const sent = browser.runtime.sendMessage(msg);
      // The part of sending that runs on the page's thread (copying the HTML out), for the page-cost bench.
      performance.measure('govlint:send-copy', { start: sending });
      const res = (await withTimeout(sent, ANSWER_TIMEOUT_MS)) as Response<AuditSummary> | undefined;
      if (res?.ok) return res.data;
      // The worker was stopped between the parts: send them all again.
      if (res && !res.ok && res.error !== SNAPSHOT_PARTS_LOST) {
        console.warn('GovLint：检查失败：', res.error);
        return null;
      }
      // No answer at all: the worker went away while auditing. Try again.
    } catch (e) {
      if (attempt >= RETRY_DELAYS_MS.length) {
        console.warn('GovLint：无法连接扩展后台：', e);
        return null;
      }
    }
    if (attempt >= RETRY_DELAYS_MS.length) return null;
    await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
  }
}

/** Resolves when the DOM has been quiet for SETTLE_MS (scripts done rendering), at most MAX_WAIT_MS. */
function settle(ctx: ContentScriptContext): Promise<void> {
  return new Promise((resolve) => {
    let timer = ctx.setTimeout(done, SETTLE_MS);
    const cap = ctx.setTimeout(done, MAX_WAIT_MS);
    const obs = new MutationObserver(() => {
      clearTimeout(timer);
      timer = ctx.setTimeout(done, SETTLE_MS);
    });
    obs.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    function done() {
      obs.disconnect();
      clearTimeout(timer);
      clearTimeout(cap);
      resolve();
    }
  });
}

/**
 * Waits (at most FRAME_WAIT_MS) for the page's frames that are still loading: an article in an
 * <iframe> arrives after the page itself. A frame of another site cannot be asked; it is not waited for.
 */
const FRAME_WAIT_MS = 4000;
function framesLoaded(ctx: ContentScriptContext): Promise<void> {
  const loading = [...document.querySelectorAll('iframe[src], frame[src]')].filter((f) => {
    if (/^\s*(?:about:|javascript:|$)/i.test(f.getAttribute('src') ?? '')) return false;
    try {
      const doc = (f as HTMLIFrameElement).contentDocument;
      return !!doc && (doc.readyState !== 'complete' || doc.URL === 'about:blank');
    } catch {
      return false;
    }
  });
  if (loading.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    let left = loading.length;
    const cap = ctx.setTimeout(resolve, FRAME_WAIT_MS);
    for (const f of loading)
      f.addEventListener(
        'load',
        () => {
          if (--left === 0) {
            clearTimeout(cap);
            resolve();
          }
        },
        { once: true },
      );
  });
}

/** How long after the first audit late content is watched for, and how much text counts as content. */
const LATE_WINDOW_MS = 20000;
const LATE_MIN_CHARS = 50;

/**
 * Resolves true when at least LATE_MIN_CHARS of text are added to the page (outside GovLint's own
 * panel) within LATE_WINDOW_MS of the first audit; false when the window passes without it.
 */
function lateContent(ctx: ContentScriptContext): Promise<boolean> {
  return new Promise((resolve) => {
    let added = 0;
    const obs = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.addedNodes) {
          if (n instanceof Element && n.tagName.toLowerCase() === 'govlint-panel') continue;
          added += (n.textContent ?? '').trim().length;
        }
      if (added >= LATE_MIN_CHARS) finish(true);
    });
    const cap = ctx.setTimeout(() => finish(false), LATE_WINDOW_MS);
    obs.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    function finish(v: boolean) {
      obs.disconnect();
      clearTimeout(cap);
      resolve(v);
    }
  });
}

/** Whether the site's settings leave automatic audits on (站点设置 → 自动检查). Read raw: the content script carries no validator. */
async function autoAuditOn(host: string): Promise<boolean> {
  const config = await storage.getItem<{ sites?: Record<string, { autoAudit?: boolean }> }>('local:config').catch(() => null);
  const key = siteKeyFor(config?.sites, host.toLowerCase());
  return !key || config?.sites?.[key]?.autoAudit !== false;
}
