/**
 * Where the CSS Custom Highlight API is missing (an older or trimmed kernel), findings are still
 * marked: boxes over the text in a shadow root of their own. Current Chromium cannot switch the API
 * off, and a content script's isolated world does not see the page's globals, so the overlay's
 * highlight module is run in the page itself after `CSS.highlights` was removed there, in Chromium.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, ROOT, serve, type Browser, type Site } from './harness';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body style="font:16px sans-serif">
<table><tr><td>索引号</td><td id="idx">01526376-5-/2018-1204001</td></tr></table>
<p id="body">根据《某某县人民政府关于做好防汛工作的通知》（某政发 〔2019〕 3号）要求，各单位要抓好落实。</p></body></html>`;
let site: Site;
let b: Browser;
let bundle = '';
beforeAll(async () => {
  site = await serve({ '/a.html': PAGE });
  b = await launch();
  const out = await build({ entryPoints: [join(ROOT, 'entrypoints/content/highlight.ts')], bundle: true, format: 'iife', globalName: 'GovLintMarks', write: false, target: 'chrome100' });
  bundle = out.outputFiles[0].text;
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('highlights without the Highlight API', () => {
  it('draws a box over each finding, over the matched text, and removes them on clear', async () => {
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      delete (CSS as unknown as { highlights?: unknown }).highlights;
    });
    await page.goto(site.origin('www.example.com') + '/a.html');
    expect(await page.evaluate(() => 'highlights' in CSS)).toBe(false);
    await page.addScriptTag({ content: bundle });
    await page.evaluate(() => {
      const m = (window as any).GovLintMarks;
      m.applyHighlights([
        { fingerprint: 'a', ruleId: 'index-number/check-digit', level: 'error', selector: '#idx', matched: '01526376-5' },
        { fingerprint: 'b', ruleId: 'doc-number/format', level: 'warn', selector: '#body', matched: '某政发 〔2019〕 3号' },
      ]);
    });
    const boxes = await page.evaluate(() =>
      [...document.querySelector('govlint-marks')!.shadowRoot!.querySelectorAll('.govlint-box')].map((box) => {
        const r = box.getBoundingClientRect();
        // What text is under the middle of the box (the host takes no pointer events).
        const under = document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2).find((e) => e.id);
        return { level: box.classList[1], under: under?.id, width: r.width };
      }),
    );
    expect(boxes.map((x) => [x.level, x.under])).toEqual([
      ['error', 'idx'],
      ['warn', 'body'],
    ]);
    // The box covers the matched text, not the whole cell.
    const cell = await page.locator('#idx').evaluate((e) => e.getBoundingClientRect().width);
    expect(boxes[0].width).toBeLessThan(cell * 0.7);
    await page.evaluate(() => (window as any).GovLintMarks.clearHighlights());
    expect(await page.locator('govlint-marks').count()).toBe(0);
  });
});
