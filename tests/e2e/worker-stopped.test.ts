/**
 * MV3 stops service workers whenever it likes. Here the worker is stopped again and again while
 * a page is being audited: the content script sends its snapshot again, the audit lands once,
 * and the store holds each finding once (a reconcile is one transaction: all or nothing).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { badgeFor, fixture, launch, serve, storedFindings, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;

beforeAll(async () => {
  site = await serve({ '/a.html': fixture('pages/yunnan-changning-bad-checkdigit.html') });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('finishes the audit although the service worker is stopped while it runs', async () => {
  const url = site.origin('www.cn.gov.cn') + '/a.html';
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  let stopping = true;
  let stops = 0;
  // Stop every worker every 60 ms for the first 1.5 s: the snapshot goes out ~0.8 s after load.
  const killer = (async () => {
    const end = Date.now() + 1500;
    while (stopping && Date.now() < end) {
      await cdp.send('ServiceWorker.stopAllWorkers');
      stops++;
      await new Promise((r) => setTimeout(r, 60));
    }
  })();
  await page.goto(url);
  await killer;
  stopping = false;
  expect(stops).toBeGreaterThan(10);

  const stored = await waitFor(async () => {
    const f = await storedFindings(b, url);
    return f.some((x) => x.ruleId === 'index-number/check-digit') ? f : null;
  }, '工作进程被停止后检查仍完成', 30000);
  const fingerprints = stored.map((f) => f.fingerprint);
  expect(new Set(fingerprints).size).toBe(fingerprints.length);
  await page.waitForFunction(() => document.querySelector('govlint-panel')?.shadowRoot?.textContent?.includes('严重 1'), undefined, { timeout: 15000 });
  expect(await waitFor(async () => ((await badgeFor(b, url)) !== '' ? badgeFor(b, url) : null), '图标角标')).not.toBe('');
});
