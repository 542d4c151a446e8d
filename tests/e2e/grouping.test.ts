/**
 * One problem, one row: the same placeholder left in five paragraphs is one line in the popup
 * (共 5 处, the other four folded under it, each with its own 定位) and one line in the panel,
 * where each click goes on to the next place in the page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, launch, serve, tabIdFor, waitFor, type Browser, type Site } from './harness';

const PATH = '/zwgk/tzgg/grouped.html';
const paras = [1, 2, 3, 4, 5].map((i) => `<p>第${i}项工作：由xx市应急管理局负责组织实施，各相关单位要按照职责分工，认真抓好落实，确保各项工作按期完成见到实效。</p>`).join('\n');
const html = `<!doctype html><html><head><meta charset="utf-8"><title>工作安排</title></head><body>
<div class="content"><h1>关于做好年度重点工作的通知</h1>${paras}</div></body></html>`;

let site: Site;
let b: Browser;
beforeAll(async () => {
  site = await serve({ [PATH]: html });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('grouped findings', () => {
  it('shows the same placeholder in five places as one row in the popup and in the panel', async () => {
    const url = site.origin('www.cnx.gov.cn') + PATH;
    const page = await b.context.newPage();
    await page.goto(url);
    const stored = await findingsOnceReported(b, url, 'text/placeholder', '检查结果');
    expect(stored.filter((f) => f.ruleId === 'text/placeholder').length).toBe(5);

    const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
    const rows = popup.locator('section.group > ul > li[data-rule="text/placeholder"]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-count')).toBe('5');
    expect(await rows.first().locator('.group-n').textContent()).toBe('共 5 处');
    expect(await rows.first().locator('details.more li [data-testid="locate"]').count()).toBe(4);
    // One page is not enough to call a site free of veto risk.
    expect(await popup.locator('details.site summary').textContent()).toContain('已检查 1 个页面，暂未发现否决项');
    await popup.close();

    await page.waitForSelector('govlint-panel', { state: 'attached' });
    await page.locator('govlint-panel .gl-pill').click();
    const item = page.locator('govlint-panel .gl-item[data-count="5"]');
    expect(await item.count()).toBe(1);
    // Each click flashes the next place: the flashed range moves from paragraph to paragraph.
    const flashedParagraph = () =>
      page.evaluate(() => {
        const h = (CSS as any).highlights.get('govlint-flash');
        const r = h && [...h][0];
        return r ? (r.startContainer.parentElement?.textContent ?? '').slice(0, 4) : null;
      });
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      await item.click();
      seen.push(await waitFor(flashedParagraph, `第 ${i + 1} 次点击的闪烁`));
    }
    expect(seen).toEqual(['第1项工', '第2项工', '第3项工']);
  });
});

describe('whitelist from a finding', () => {
  it('puts the word in the whitelist, marks its findings on the page 误报, and a re-check keeps them so', async () => {
    const url = site.origin('www.cnx.gov.cn') + PATH;
    const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
    const button = popup.locator('section.group > ul > li[data-rule="text/placeholder"] > [data-testid="whitelist"]');
    await expect.poll(() => button.textContent()).toBe('“xx”加入白名单');
    await button.click();
    await expect.poll(() => popup.locator('[data-testid="notice"]').textContent()).toContain('已将“xx”加入白名单');
    const { storedFindings, inExtension } = await import('./harness');
    const statuses = async () => (await storedFindings(b, url)).filter((f) => f.ruleId === 'text/placeholder').map((f) => f.status);
    expect(await statuses()).toEqual(Array(5).fill('false-positive'));
    const config = await inExtension(b, async () => (await (globalThis as any).chrome.storage.local.get('config')).config, null);
    expect(config.dictionaries.whitelist).toContain('xx');
    await popup.locator('[data-testid="reaudit"]').click();
    await waitFor(async () => !(await popup.locator('[data-testid="reaudit"]').isDisabled()), '重新检查完成');
    expect(await statuses()).toEqual(Array(5).fill('false-positive'));
  });
});
