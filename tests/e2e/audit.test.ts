/**
 * The audit path as a person meets it: open a government detail page, GovLint audits it on its
 * own, the badge shows the count, the findings are in the extension's IndexedDB, the popup shows
 * them; the page is corrected, re-checked from the popup, and the finding shows as fixed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeFor, findingsOnceReported, fixture, launch, serve, storedFindings, tabIdFor, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;
const PATH = '/zwgk/xxgk/2018/1204/1.html';
const bad = fixture('pages/yunnan-changning-bad-checkdigit.html');
const good = bad.replaceAll('01526376-5-/2018-1204001', '01526376-X-/2018-1204001');

beforeAll(async () => {
  site = await serve({ [PATH]: bad });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('audit path in Chromium', () => {
  it('audits a *.gov.cn detail page on load, stores findings, badges the tab, shows them in the popup, and closes them on re-check', async () => {
    const url = site.origin('www.cn.gov.cn') + PATH;
    const page = await b.context.newPage();
    await page.goto(url);

    // The audit runs once the page settles: wait for the check-digit finding in the real IndexedDB.
    const stored = await findingsOnceReported(b, url, 'index-number/check-digit', '检查结果写入 IndexedDB');
    const checkDigit = stored.find((f) => f.ruleId === 'index-number/check-digit')!;
    expect(checkDigit.level).toBe('error');
    expect(checkDigit.status).toBe('open');
    expect(checkDigit.message).toContain('01526376-5');
    // The empty 文号 and 主题词 of the seed page are there too.
    expect(stored.filter((f) => f.ruleId === 'catalog/empty-field').length).toBeGreaterThanOrEqual(2);

    // Badge = open error + warn findings of this page. The link pass adds its findings a moment
    // after the page audit (and the badge follows): compare the badge with the store as it is at
    // the same moment, not with the first read (that race failed about one fresh run in ten).
    const serious = (fs: typeof stored) => String(fs.filter((f) => f.status === 'open' && (f.level === 'error' || f.level === 'warn')).length);
    const badge = await waitFor(async () => {
      const [now, shown] = [serious(await storedFindings(b, url)), await badgeFor(b, url)];
      return shown === now && now !== '0' ? shown : null;
    }, '图标角标与问题库一致');
    expect(Number(badge)).toBeGreaterThanOrEqual(Number(serious(stored)));

    // The in-page panel shows the counts (shadow root, so read through the host element).
    await page.waitForSelector('govlint-panel', { state: 'attached' });
    const pill = await page.locator('govlint-panel').evaluate((host) => host.shadowRoot?.textContent ?? '');
    expect(pill).toContain('严重 1');

    // The popup, opened as a page for this tab, shows what a person reads.
    const tabId = await tabIdFor(b, url);
    const popup = await b.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-rule="index-number/check-digit"]');
    expect(await popup.locator('[data-level="error"] .n').textContent()).toBe('1');
    const item = popup.locator('[data-rule="index-number/check-digit"]');
    expect(await item.textContent()).toContain('校验位错误');
    expect(await item.textContent()).toContain('建议：01526376-X');
    expect(await popup.locator('[data-category="catalog"] h2').textContent()).toContain('目录要素');
    // 提示 findings (the empty 文号 and 主题词) are folded under their group, not listed on top.
    expect(await popup.locator('[data-category="catalog"] details.infos summary').textContent()).toBe('提示 2 条');
    expect(await popup.locator('[data-category="catalog"] details.infos').getAttribute('open')).toBeNull();

    // The editor fixes the page in the CMS and reloads it; then re-checks from the popup.
    site.route(PATH, good);
    await page.reload();
    await popup.click('[data-testid="reaudit"]');
    await popup.waitForSelector('[data-rule="index-number/check-digit"][data-status="fixed"]', { state: 'attached' });
    expect(await popup.locator('details.closed summary').textContent()).toContain('已整改');
    expect(await popup.locator('[data-level="error"] .n').textContent()).toBe('0');
    const after = await storedFindings(b, url);
    expect(after.find((f) => f.ruleId === 'index-number/check-digit')!.status).toBe('fixed');
    expect(after.find((f) => f.fingerprint === checkDigit.fingerprint)).toBeTruthy();
  });
});
