/**
 * An inspector's spot-check: column pages of one site are opened; stale and empty columns and an
 * unanswered message are found, and the popup sums them up as the 检查指标 view of the site.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixture, launch, readStore, serve, tabIdFor, waitFor, type Browser, type Site, inExtension } from './harness';

let site: Site;
let b: Browser;
const PAGES: Record<string, string> = {
  '/zwgk/bmdt/index.html': 'columns/bmdt-stale.html',
  '/zwgk/tzgg/index.html': 'columns/tzgg-stale.html',
  '/zwgk/czyjs/index.html': 'columns/empty-column.html',
  '/hdjl/zxts/index.html': 'columns/hudong-list.html',
};

beforeAll(async () => {
  site = await serve(Object.fromEntries(Object.entries(PAGES).map(([p, f]) => [p, fixture(f)])));
  b = await launch();
  // The fixtures were written for this day; config.today makes the extension judge ages by it.
  await inExtension(b, async () => (globalThis as any).chrome.storage.local.set({ config: { profile: 'daily', today: '2026-11-22', rules: { 'link/broken': 'off' } } }), null);
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('finds stale and empty columns and an unanswered message, and shows the site summary in the popup', async () => {
  const origin = site.origin('www.qingxi.gov.cn');
  const tabs = [];
  for (const path of Object.keys(PAGES)) {
    const tab = await b.context.newPage();
    await tab.goto(origin + path);
    tabs.push(tab);
  }
  await waitFor(async () => (await readStore<{ url: string }>(b, 'pages')).length === Object.keys(PAGES).length, '四个栏目页检查完成');
  const findings = await readStore<{ ruleId: string; url: string; status: string }>(b, 'findings');
  const rules = (path: string) => findings.filter((f) => f.url === origin + path).map((f) => f.ruleId);
  expect(rules('/zwgk/bmdt/index.html')).toContain('column/stale');
  expect(rules('/zwgk/tzgg/index.html')).toContain('column/stale');
  expect(rules('/zwgk/czyjs/index.html')).toContain('column/empty');
  expect(rules('/hdjl/zxts/index.html')).toContain('interaction/unanswered');

  const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, origin + '/zwgk/czyjs/index.html')}`);
  await popup.waitForSelector('[data-testid="site-summary"]', { state: 'attached' });
  expect(await popup.locator('details.site summary').textContent()).toContain('存在否决风险');
  const row = (id: string) => popup.locator(`[data-item="${id}"] td`).allTextContents();
  expect(await row('emptyColumns')).toEqual(['空白栏目', '1', '≥5', '通过']);
  expect((await row('unanswered')).slice(1)).toEqual(['1', '≥1', '否决风险']);
  expect((await row('staleColumns'))[1]).toBe('1');
});
