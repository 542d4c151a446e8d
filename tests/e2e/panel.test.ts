/**
 * The panel can be brought back: closed by the editor (highlights gone with it), it returns with
 * its highlights from the popup's 在页面上标出, without a new audit. A finding in the popup is
 * reached with 定位: the page scrolls to it and flashes exactly its text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, fixture, launch, serve, tabIdFor, waitFor, type Browser, type Site } from './harness';

const PATH = '/zwgk/xxgk/2018/1204/1.html';
let site: Site;
let b: Browser;
beforeAll(async () => {
  site = await serve({ [PATH]: fixture('pages/yunnan-changning-bad-checkdigit.html') });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('the panel', () => {
  it('closes with its highlights and comes back from the popup', async () => {
    const url = site.origin('www.cn.gov.cn') + PATH;
    const page = await b.context.newPage();
    await page.goto(url);
    await findingsOnceReported(b, url, 'index-number/check-digit', '检查结果');
    await page.waitForSelector('govlint-panel', { state: 'attached' });
    const painted = () => page.evaluate(() => (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('govlint-error')?.size ?? 0);
    expect(await waitFor(async () => ((await painted()) > 0 ? true : null), '标注')).toBe(true);

    // Close it: open the list from the pill, then ×.
    await page.locator('govlint-panel .gl-pill').click();
    await page.locator('govlint-panel .gl-close').click();
    expect(await page.locator('govlint-panel').count()).toBe(0);
    expect(await painted()).toBe(0);

    const tabId = await tabIdFor(b, url);
    const popup = await b.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.locator('[data-testid="show-panel"]').click();
    await page.waitForSelector('govlint-panel', { state: 'attached' });
    expect(await page.locator('govlint-panel').count()).toBe(1);
    expect(await painted()).toBeGreaterThan(0);
  });

  it('takes the editor from a finding in the popup to its text in the page', async () => {
    const url = site.origin('www.cn.gov.cn') + PATH + '?again';
    const page = await b.context.newPage();
    await page.goto(url);
    await findingsOnceReported(b, url, 'index-number/check-digit', '检查结果');
    await page.waitForSelector('govlint-panel', { state: 'attached' });
    const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
    await popup.locator('[data-rule="index-number/check-digit"] [data-testid="locate"]').click();
    const flashed = await waitFor(
      () => page.evaluate(() => [...((CSS as any).highlights.get('govlint-flash') ?? [])].map((r: Range) => r.toString()).join('|')),
      '闪烁标出',
      3000,
    );
    // The index number itself (the finding is about it), not its label cell.
    expect(flashed).toBe('01526376-5-/2018-1204001');
  });
});
