/**
 * The 巡检 page in Chromium with the built extension, on the generated fixture site served as
 * www.sweep-test.gov.cn: start a sweep from the page's form, pause it (nothing more is fetched),
 * resume, close the browser mid-sweep, reopen the page in the same profile (it goes on by itself),
 * and at the end: every planted defect stored as an open finding on its page and nothing else at
 * warn/error, the 检查指标 verdict of every column shown, no page fetched twice beyond those under
 * way when the browser closed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, SITE_HOST, type SiteServer } from '../sweep/server';
import { generateSite, type FixtureSite } from '../sweep/site';
import { launch, readStore, waitFor, type Browser } from './harness';

const TODAY = '2026-12-01';

async function number(page: Page, cls: string): Promise<number> {
  return Number((await page.locator(`.status .${cls}`).textContent()) ?? 'NaN');
}

describe('sweep from the 巡检 page', () => {
  let site: FixtureSite;
  let server: SiteServer;
  let profile: string;
  let b: Browser | null = null;

  beforeAll(async () => {
    site = generateSite({ today: TODAY, size: 'full' });
    server = await serveSite(site);
    profile = mkdtempSync(join(tmpdir(), 'govlint-sweep-profile-'));
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  });

  it('sweeps the fixture site through pause, resume and a browser restart, and stores what was planted', async () => {
    b = await launch({ userDataDir: profile });
    // The check date is a setting (as an inspector sets it for a dated self-check).
    const options = await b.openExtensionPage('options.html');
    await options.evaluate(async (today) => {
      await (globalThis as any).chrome.storage.local.set({ config: { profile: "daily", today } });
    }, TODAY);
    await options.close();

    const page = await b.openExtensionPage('sweep.html');
    await page.locator('textarea[name=start]').fill(server.url('/', SITE_HOST));
    await page.locator('input[name=depth]').fill('4');
    await page.locator('input[name=maxPages]').fill('2000');
    await page.locator('input[name=delayMs]').fill('0');
    await page.getByRole('button', { name: '开始巡检' }).click();
    await waitFor(async () => (await number(page, 'n-done')) >= 40, '巡检开始后检查了 40 个页面', 60000);

    // Pause: what is under way finishes, then nothing more is fetched.
    await page.getByRole('button', { name: '暂停' }).click();
    await waitFor(async () => (await page.locator('.status').getAttribute('data-status')) === 'paused', '状态显示“已暂停”');
    await new Promise((r) => setTimeout(r, 300));
    const requestsAtPause = [...server.hits.values()].reduce((a, n) => a + n, 0);
    await new Promise((r) => setTimeout(r, 1000));
    expect([...server.hits.values()].reduce((a, n) => a + n, 0)).toBe(requestsAtPause);

    await page.getByRole('button', { name: '继续' }).click();
    await waitFor(async () => (await number(page, 'n-done')) >= 150, '继续后检查到 150 个页面', 90000);

    // The browser goes away mid-sweep; the same profile opens the page again and the sweep goes on.
    await b.close();
    b = await launch({ userDataDir: profile });
    const again = await b.openExtensionPage('sweep.html');
    await waitFor(async () => (await again.locator('.status').getAttribute('data-status')) === 'done', '重启浏览器后巡检自行继续并完成', 110000);
    expect(await number(again, 'n-failed')).toBe(site.missing.length + 2); // the 404s, the 500 and the loop

    // Every planted defect is an open finding on its page; nothing else at warn/error.
    const findings = await readStore<{ url: string; ruleId: string; level: string; status: string }>(b, 'findings');
    const path = (u: string) => new URL(u).pathname + new URL(u).search;
    const found = new Set(findings.filter((f) => f.status === 'open' && f.level !== 'info').map((f) => `${path(f.url)} ${f.ruleId}`));
    const planted = new Set(site.planted.map((d) => `${d.path} ${d.ruleId}`));
    expect({ missed: [...planted].filter((k) => !found.has(k)), extra: [...found].filter((k) => !planted.has(k)) }).toEqual({ missed: [], extra: [] });

    // The 检查指标 table shows each column's verdict.
    for (const c of site.columns) {
      const row = again.locator(`table.columns tr[data-url="${server.url(c.path, SITE_HOST)}"]`);
      const want = { fresh: ['正常', '不要求更新'], stale: ['不更新'], empty: ['空白栏目'] }[c.verdict];
      expect(want, c.path).toContain(await row.locator('td.verdict').textContent());
    }

    // Robots.txt obeyed; a page is fetched again only if it was under way when the browser closed.
    for (const p of site.disallowed) expect(server.hits.get(p), p).toBeUndefined();
    const again2 = new Set([site.specials.error500, ...site.specials.loop, '/robots.txt']);
    const twice = [...server.hits].filter(([p, n]) => n > 1 && !again2.has(p));
    expect(twice.length, JSON.stringify(twice)).toBeLessThanOrEqual(2);
  });
});
