/**
 * The dashboard's site view draws the site's open and fixed findings over time (issue 10 item 7):
 * a page is audited, its defect fixed, the page re-checked; the chart's latest figures say 1 fixed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findingsOnceReported, fixture, launch, serve, storedFindings, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;
const RULE = 'index-number/check-digit';
const BAD = fixture('pages/yunnan-changning-bad-checkdigit.html');

beforeAll(async () => {
  site = await serve({ '/a.html': BAD });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('shows one fixed finding after the page is fixed and re-checked', async () => {
  const origin = site.origin('www.cn.gov.cn');
  const url = origin + '/a.html';
  const page = await b.context.newPage();
  await page.goto(url);
  await findingsOnceReported(b, url, RULE, '检查结果');

  // The editor corrects the check digit (01526376-5 → 01526376-X); the page is checked again.
  site.route('/a.html', BAD.replaceAll('01526376-5', '01526376-X'));
  await page.reload();
  await waitFor(async () => (await storedFindings(b, url)).find((f) => f.ruleId === RULE)?.status === 'fixed', '复查后校验位问题已整改');
  const stored = await storedFindings(b, url);
  const open = stored.filter((f) => f.status === 'open').length;
  expect(stored.filter((f) => f.status === 'fixed').length).toBe(1);

  const dash = await b.openExtensionPage(`dashboard.html?site=${encodeURIComponent(origin)}&status=all`);
  const chart = dash.locator('[data-testid="site-view"] [data-testid="status-chart"]');
  await chart.waitFor();
  expect(await chart.locator('[data-testid="chart-legend-fixed"]').textContent()).toContain('已整改 1');
  expect(await chart.locator('[data-testid="chart-legend-open"]').textContent()).toContain(`待整改 ${open}`);
  // One day so far: one point per line, and the figures in words for a screen reader.
  expect(await chart.locator('g.fixed circle').count()).toBe(1);
  const label = await chart.locator('svg[role="img"]').getAttribute('aria-label');
  expect(label).toContain(`待整改 ${open}，已整改 1`);
  expect(await chart.locator('svg[role="img"] > title').textContent()).toBe(label);
  // Readable at 600×160: the chart is drawn at that size.
  const box = await chart.locator('svg[role="img"]').boundingBox();
  expect([Math.round(box!.width), Math.round(box!.height)]).toEqual([600, 160]);
});
