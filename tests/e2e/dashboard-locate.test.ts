/**
 * The dashboard opened for one page counts that page only. 定位 from the dashboard: the finding's page comes to the front — opened again when no tab shows
 * it — and the finding's own text flashes there, found again from its selector and matched text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, fixture, inExtension, launch, serve, waitFor, type Browser, type Site } from './harness';

const PATH = '/zwgk/xxgk/2018/1204/1.html';
let site: Site;
let b: Browser;
beforeAll(async () => {
  site = await serve({ [PATH]: fixture('pages/yunnan-changning-bad-checkdigit.html'), '/zwgk/c.html': fixture('pages/doc-number-bad.html') });
  b = await launch();
  // The counts are compared with the page's findings at one moment: the link pass would add more as it goes.
  await inExtension(b, async () => (globalThis as any).chrome.storage.local.set({ config: { profile: 'daily', rules: { 'link/broken': 'off' } } }), null);
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('定位 from the dashboard', () => {
  it('opens the page again and flashes the finding in it', async () => {
    const url = site.origin('www.cn.gov.cn') + PATH;
    const first = await b.context.newPage();
    await first.goto(url);
    const stored = await findingsOnceReported(b, url, 'index-number/check-digit', '检查结果');
    const finding = stored.find((f) => f.ruleId === 'index-number/check-digit')!;
    await first.close();
    // Another page's findings in the store: the dashboard opened for one page counts only that page's.
    const otherUrl = site.origin('www.cn.gov.cn') + '/zwgk/c.html';
    const other = await b.context.newPage();
    await other.goto(otherUrl);
    await findingsOnceReported(b, otherUrl, 'doc-number/format', '另一页的检查结果');
    await other.close();

    const dash = await b.openExtensionPage(`dashboard.html?url=${encodeURIComponent(url)}`);
    const openHere = stored.filter((f) => f.status === 'open').length;
    await expect.poll(() => dash.locator('[data-count-field="status"] tr[data-key="open"] td.n').textContent()).toBe(String(openHere));
    expect(await dash.locator('[data-count-field="ruleId"] tr[data-key="doc-number/format"]').count()).toBe(0);
    // 检查指标 is reached by name, and says on how many pages its verdict rests.
    await dash.selectOption('[data-testid="indicators"]', site.origin('www.cn.gov.cn'));
    await expect.poll(() => dash.locator('[data-testid="site-view"] h2').textContent()).toContain('已检查 2 个页面，暂未发现否决项');
    await dash.click(`tr[data-fp="${finding.fingerprint}"] td.msg`);
    const [tab] = await Promise.all([b.context.waitForEvent('page'), dash.click('[data-testid="detail-locate"]')]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe(url);
    const flashed = await waitFor(
      () => tab.evaluate(() => {
        const h = (CSS as any).highlights.get('govlint-flash');
        return h ? [...h].map((r: Range) => r.toString()).join('') : null;
      }),
      '新打开的页面中闪烁这条问题',
    );
    expect(flashed).toBe('01526376-5-/2018-1204001');
  });
});
