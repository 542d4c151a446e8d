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
