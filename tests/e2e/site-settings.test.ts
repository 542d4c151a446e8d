/**
 * Settings an editor reaches without JSON: 本站不再检查此项 on a finding in the popup turns the rule
 * off for that site and ignores its open findings there (a re-check does not bring them back, and
 * another site still gets the rule); the check date is a date field in the settings.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { findingsOnceReported, fixture, inExtension, launch, readStore, serve, storedFindings, tabIdFor, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;
const RULE = 'index-number/check-digit';

beforeAll(async () => {
  site = await serve({ '/a.html': fixture('pages/yunnan-changning-bad-checkdigit.html') });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('turns a rule off for one site from its finding in the popup', async () => {
  const url = site.origin('www.cn.gov.cn') + '/a.html';
  const page = await b.context.newPage();
  await page.goto(url);
  await findingsOnceReported(b, url, RULE, '检查结果');

  const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
  const button = popup.locator(`li[data-rule="${RULE}"] [data-testid="ignore-on-site"]`).first();
  await button.click();
  expect(await button.textContent()).toContain('确认');
  await button.click();
  await popup.waitForSelector('[data-testid="notice"]');
  expect(await popup.locator('[data-testid="notice"]').textContent()).toMatch(/已忽略/);

  const config = await inExtension(b, async () => (await (globalThis as any).chrome.storage.local.get('config')).config, null);
  expect(config.sites['www.cn.gov.cn'].rules[RULE]).toBe('off');
  const statuses = async (u: string) => (await storedFindings(b, u)).filter((f) => f.ruleId === RULE).map((f) => f.status);
  expect(await statuses(url)).toEqual(['ignored']);

  // A re-check leaves it ignored; the same page on another site still gets the rule.
  await popup.locator('[data-testid="reaudit"]').click();
  await waitFor(async () => !(await popup.locator('[data-testid="reaudit"]').isDisabled()), '重新检查完成');
  expect(await statuses(url)).toEqual(['ignored']);
  const other = site.origin('www.other.gov.cn') + '/a.html';
  const page2 = await b.context.newPage();
  await page2.goto(other);
  await findingsOnceReported(b, other, RULE, '其他网站的检查结果');
  expect(await statuses(other)).toEqual(['open']);
});

it('sets the check date from a date field in the settings', async () => {
  const options = await b.openExtensionPage('options.html');
  await options.locator('[data-testid="today"]').fill('2024-06-30');
  await options.click('[data-testid="save"]');
  await options.waitForSelector('pre.ok');
  const config = await inExtension(b, async () => (await (globalThis as any).chrome.storage.local.get('config')).config, null);
  expect(config.today).toBe('2024-06-30');
  expect(config.sites['www.cn.gov.cn'].rules[RULE]).toBe('off');
});

it('edits a site in the settings form: the rule turned off from the popup is listed and turned on again; an index pattern is added', async () => {
  const options = await b.openExtensionPage('options.html');
  const card = options.locator('fieldset.site-card[data-host="www.cn.gov.cn"]');
  await expect.poll(() => card.locator(`li[data-rule="${RULE}"]`).count()).toBe(1);
  await card.locator(`li[data-rule="${RULE}"] [data-testid="site-rule-on"]`).click();
  await card.locator('[data-testid="site-index-patterns"]').fill('^\\d{8}-\\d/\\d{4}-\\d{7}$');
  await card.locator('[data-testid="site-index-patterns"]').blur();
  // The live test box says at once whether an index number passes.
  await card.locator('[data-testid="site-index-try"]').fill('01526376-5/2018-1204001');
  expect(await card.locator('[data-testid="site-index-result"]').textContent()).toBe('✓ 符合第 1 条规则');
  await card.locator('[data-testid="site-index-try"]').fill('01526376-5-/2018-1204001');
  expect(await card.locator('[data-testid="site-index-result"]').textContent()).toContain('✗ 不符合');
  // A bad advanced JSON is refused with a message, and nothing is saved.
  await card.locator('details summary').click();
  await card.locator('[data-testid="site-advanced"]').fill('{ columnMaxAge: 30 }');
  await card.locator('[data-testid="site-advanced"]').blur();
  await options.click('[data-testid="save"]');
  expect(await (await options.waitForSelector('pre.error')).textContent()).toContain('www.cn.gov.cn 的高级设置不是有效的 JSON');
  await card.locator('[data-testid="site-advanced"]').fill('{ "columnMaxAge": { "news": 30 } }');
  await card.locator('[data-testid="site-advanced"]').blur();
  await options.click('[data-testid="save"]');
  await options.waitForSelector('pre.ok');
  const config = await inExtension(b, async () => (await (globalThis as any).chrome.storage.local.get('config')).config, null);
  expect(config.sites['www.cn.gov.cn']).toEqual({ indexPatterns: ['^\\d{8}-\\d/\\d{4}-\\d{7}$'], columnMaxAge: { news: 30 } });
});

it('stops auditing a site on its own when its 自动检查 is turned off, and the popup can still check a page', async () => {
  const options = await b.openExtensionPage('options.html');
  const card = options.locator('fieldset.site-card[data-host="www.cn.gov.cn"]');
  await expect.poll(() => card.count()).toBe(1);
  await card.locator('[data-testid="site-auto-audit"]').uncheck();
  await options.click('[data-testid="save"]');
  await options.waitForSelector('pre.ok');

  const url = site.origin('www.cn.gov.cn') + '/a.html?again=1';
  const page = await b.context.newPage();
  await page.goto(url);
  await new Promise((r) => setTimeout(r, 2500));
  expect(await storedFindings(b, url)).toEqual([]);
  const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
  await popup.locator('[data-testid="reaudit"]').click();
  await waitFor(async () => (await storedFindings(b, url)).length > 0, '弹出窗口中手动检查');
});

it('sets a column class’s age in the form: the next audit of a column page judges it by that age', async () => {
  // bmdt-stale's newest item is of 2026-10-01: 52 days old on the 22nd, over the 14 days of 动态要闻类.
  site.route('/zwgk/bmdt/index.html', fixture('columns/bmdt-stale.html'));
  const host = 'www.qingxi.gov.cn';
  const url = site.origin(host) + '/zwgk/bmdt/index.html';
  const options = await b.openExtensionPage('options.html');
  await options.locator('[data-testid="today"]').fill('2026-11-22');
  await options.click('[data-testid="save"]');
  await options.waitForSelector('pre.ok');
  const page = await b.context.newPage();
  await page.goto(url);
  await waitFor(async () => (await readStore<{ url: string }>(b, 'pages')).some((p) => p.url === url), '栏目页检查完成');
  const stale = async () => (await storedFindings(b, url)).filter((f) => f.ruleId === 'column/stale').map((f) => f.status);
  expect(await stale()).toEqual(['open']);

  // The site's card, with its column classes as fields: the default ages are the placeholders.
  await options.reload();
  await options.locator('[data-testid="site-new-host"]').fill(host);
  await options.click('[data-testid="site-add"]');
  const card = options.locator(`fieldset.site-card[data-host="${host}"]`);
  const newsAge = card.locator('tr[data-class="news"] [data-testid="site-class-age"]');
  expect(await newsAge.getAttribute('placeholder')).toBe('14');
  expect(await card.locator('tr[data-class="notice"] [data-testid="site-class-age"]').getAttribute('placeholder')).toBe('183');
  // A limit that is not a number of days is refused in Chinese, and nothing is saved.
  await newsAge.fill('5000');
  await newsAge.blur();
  expect(await card.locator('[data-testid="site-column-problems"]').textContent()).toContain('“动态要闻类”的更新期限应为 0–3650 之间的整数天数');
  await options.click('[data-testid="save"]');
  expect(await (await options.waitForSelector('pre.error')).textContent()).toContain(`站点 ${host} 的栏目分类`);

  await newsAge.fill('60');
  await newsAge.blur();
  expect(await card.locator('[data-testid="site-column-problems"]').count()).toBe(0);
  // The JSON box shows the same setting.
  await card.locator('details summary').click();
  expect(JSON.parse(await card.locator('[data-testid="site-advanced"]').inputValue())).toEqual({ columnMaxAge: { news: 60 } });
  // A class of the site's own: a name, keywords, an age.
  await card.locator('[data-testid="site-class-add"]').click();
  const row = card.locator('tr[data-class^="custom-"]').last();
  await row.locator('[data-testid="site-class-name"]').fill('专题专栏');
  await row.locator('[data-testid="site-class-name"]').blur();
  await row.locator('[data-testid="site-class-keywords"]').fill('专题、专栏');
  await row.locator('[data-testid="site-class-keywords"]').blur();
  await row.locator('[data-testid="site-class-age"]').fill('90');
  await row.locator('[data-testid="site-class-age"]').blur();
  await options.click('[data-testid="save"]');
  await options.waitForSelector('pre.ok');
  const config = await inExtension(b, async () => (await (globalThis as any).chrome.storage.local.get('config')).config, null);
  expect(config.sites[host]).toEqual({ columnMaxAge: { news: 60, 专题专栏: 90 }, columnClasses: { 专题专栏: ['专题', '专栏'] } });

  // Re-audit: 52 days is inside the site's 60, the column is no longer stale.
  await page.reload();
  await waitFor(async () => ((await stale()).includes('fixed') ? true : null), '栏目按本站期限判为已更新');

  // And the JSON box edits the same setting: the form follows it.
  await card.locator('[data-testid="site-advanced"]').fill('{ "columnMaxAge": { "news": 30 } }');
  await card.locator('[data-testid="site-advanced"]').blur();
  expect(await newsAge.inputValue()).toBe('30');
  expect(await card.locator('tr[data-class^="custom-"]').count()).toBe(0);
});
