/** Settings as a person changes them: a rule turned off applies to the next audit; a bad import changes nothing. */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it, onTestFinished } from 'vitest';
import { fixture, launch, readStore, serve, storedFindings, tabIdFor, waitFor, type Browser, type Site, inExtension } from './harness';

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

it('turns a rule off from the options page and rejects a bad config file without changing anything', async () => {
  const options = await b.openExtensionPage('options.html');
  await options.selectOption('select[data-rule="index-number/check-digit"]', 'off');
  await options.click('[data-testid="save"]');
  await options.waitForSelector('pre.ok');

  const url = site.origin('www.cn.gov.cn') + '/a.html';
  const page = await b.context.newPage();
  await page.goto(url);
  await waitFor(async () => (await readStore<{ url: string }>(b, 'pages')).some((p) => p.url === url), '页面检查完成');
  const findings = await storedFindings(b, url);
  expect(findings.some((f) => f.ruleId === 'catalog/empty-field')).toBe(true);
  expect(findings.some((f) => f.ruleId === 'index-number/check-digit')).toBe(false);

  // A corrupt file: the message says why, the saved setting stays.
  const dir = mkdtempSync(join(tmpdir(), 'govlint-opt-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'bad.json'), '{"profile": "weekly", "rules": {"no/such-rule": "error"}}');
  await options.setInputFiles('[data-testid="import"]', join(dir, 'bad.json'));
  const msg = await options.waitForSelector('pre.error');
  expect(await msg.textContent()).toContain('导入失败，设置未改变');
  expect(await msg.textContent()).toContain('未知的规则 "no/such-rule"');
  const saved = await inExtension(b, async () => (await (globalThis as any).chrome.storage.local.get('config')).config, null);
  expect(saved.rules['index-number/check-digit']).toBe('off');
  expect(saved.profile ?? 'daily').toBe('daily');
});

it('speaks English in the popup and the page panel once the user picks English', async () => {
  const options = await b.openExtensionPage('options.html');
  await options.selectOption('[data-testid="ui-locale"]', 'en');
  await options.waitForSelector('h1:has-text("GovLint settings")');
  const url = site.origin('www.cn.gov.cn') + '/a.html';
  const page = await b.context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector('govlint-panel')?.shadowRoot?.textContent?.includes('Info'));
  const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
  await popup.waitForSelector('[data-testid="reaudit"]');
  expect(await popup.locator('[data-testid="reaudit"]').textContent()).toBe('Check again');
  expect(await popup.locator('[data-rule="catalog/empty-field"] .msg').first().textContent()).toContain('is empty');

  const dash = await b.openExtensionPage('dashboard.html?status=all');
  await dash.waitForSelector('body[data-counts-ready]');
  expect(await dash.locator('html').getAttribute('lang')).toBe('en');
  expect(await dash.locator('h1').textContent()).toBe('GovLint findings');
});
