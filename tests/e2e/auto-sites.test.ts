/**
 * Sites beyond *.gov.cn: a site the user added is audited on its own once its permission is granted,
 * like a gov.cn page; a site whose permission is missing (refused, or revoked on the extensions page)
 * is dropped and not audited. The browser's own permission prompt cannot be answered from a test
 * (Chromium has no switch for it), so the grant is the one step simulated: a copy of the build whose
 * manifest already holds the host, which is what Chromium records when the user clicks 允许.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION, findingsOnceReported, fixture, inExtension, launch, serve, storedFindings, waitFor, type Browser, type Site } from './harness';

const PATH = '/xxgk/2018/1204/1.html';
const work = mkdtempSync(join(tmpdir(), 'govlint-sites-'));
let site: Site;
let b: Browser;

beforeAll(async () => {
  site = await serve({ [PATH]: fixture('pages/yunnan-changning-bad-checkdigit.html') });
  const granted = join(work, 'ext');
  cpSync(EXTENSION, granted, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(granted, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push('*://preview.example.com/*');
  writeFileSync(join(granted, 'manifest.json'), JSON.stringify(manifest));
  b = await launch({ extension: granted });
});
afterAll(async () => {
  await b?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('sites added in the settings', () => {
  it('audits an added, permitted site on its own and drops one without permission', async () => {
    const url = site.origin('preview.example.com') + PATH;
    // Before it is added, the page is not audited (the content script does not even run there).
    const before = await b.context.newPage();
    await before.goto(url);
    await before.waitForTimeout(2500);
    expect(await storedFindings(b, url)).toEqual([]);
    await before.close();

    // The settings page lists what is stored, after checking each site's permission.
    await inExtension(b, async () => {
      await (globalThis as any).chrome.storage.local.set({ autoSites: ['preview.example.com', 'intranet.example.org'] });
    }, null);
    const options = await b.openExtensionPage('options.html');
    await options.waitForSelector('[data-testid=auto-sites] code');
    expect(await options.locator('[data-testid=auto-sites] code').allTextContents()).toEqual(['preview.example.com']);
    const registered = await inExtension(b, async () => (globalThis as any).chrome.scripting.getRegisteredContentScripts(), null);
    expect(registered.map((r: { matches: string[] }) => r.matches)).toEqual([['*://preview.example.com/*']]);

    const page = await b.context.newPage();
    await page.goto(url);
    const found = await findingsOnceReported(b, url, 'index-number/check-digit', '其他网站的页面自动检查');
    expect(found.length).toBeGreaterThan(0);
    await page.waitForSelector('govlint-panel', { state: 'attached' });

    // Removed: no script there any more.
    await options.locator('[data-testid=auto-sites] li button').first().click();
    await waitFor(async () => ((await options.locator('[data-testid=auto-sites] code').count()) === 0 ? true : null), '移除网站');
    expect(await inExtension(b, async () => (globalThis as any).chrome.scripting.getRegisteredContentScripts(), null)).toEqual([]);
  });
});
