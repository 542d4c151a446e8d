/**
 * Footer findings mark the one thing concerned, not the whole footer (issue 10 item 4): a malformed
 * ICP number paints that number only; a missing footer element (nothing on the page to mark) paints
 * nothing in the footer — the panel lists it.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findingsOnceReported, fixture, launch, serve, tabIdFor, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;

beforeAll(async () => {
  site = await serve({ '/': fixture('columns/home-malformed.html'), '/index.html': fixture('columns/home-missing.html') });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

/** The text of every painted range of a level, as the page's own Highlight registry holds it. */
const painted = (page: import('playwright-core').Page, level: string) =>
  page.evaluate((name) => [...((CSS as any).highlights.get(name) ?? [])].map((r: Range) => r.toString().replace(/\s+/g, '')), `govlint-${level}`);

it('paints a malformed ICP number and a malformed 公网安备 number, not the footer around them', async () => {
  const url = site.origin('www.njq.gov.cn') + '/';
  const page = await b.context.newPage();
  await page.goto(url);
  await findingsOnceReported(b, url, 'footer/malformed-id', '页脚备案号问题');
  const warn = await waitFor(async () => {
    const p = await painted(page, 'warn');
    return p.length >= 2 ? p : null;
  }, '页脚问题标出');
  expect(warn.sort()).toEqual(['京ICP10036469号', '京公网安备1101150203014号']);
  // Located from the popup, the number flashes, not the footer.
  const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
  await popup.locator('[data-rule="footer/malformed-id"] [data-testid="locate"]').first().click();
  const flashed = await waitFor(async () => (await painted(page, 'flash')).join('|'), '闪烁标出', 3000);
  expect(['京ICP10036469号', '京公网安备1101150203014号']).toContain(flashed);
});

it('does not paint the footer for an element it lacks', async () => {
  const url = site.origin('www.xiling.gov.cn') + '/index.html';
  const page = await b.context.newPage();
  await page.goto(url);
  await findingsOnceReported(b, url, 'footer/missing-element', '页脚缺少要素');
  // The page's other finding (the stale homepage, an error) is painted: the highlights are drawn.
  await waitFor(async () => (await painted(page, 'error')).length > 0, '首页不更新问题标出');
  const footerText = await page.locator('.footer').innerText();
  const warn = await painted(page, 'warn');
  expect(warn.filter((t) => footerText.replace(/\s+/g, '').includes(t) && t.length > 0)).toEqual([]);
});
