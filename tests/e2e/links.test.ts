/**
 * link/broken as a person sees it: the page's findings come first; the link check runs after it
 * in the background and its findings arrive in the popup when ready.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { detailPage } from '../unit/rules/helpers';
import { launch, serve, storedFindings, tabIdFor, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;
const page = detailPage({ body: ['现将有关情况报告如下。<img src="/images/missing.png" alt="工作现场照片">', '附件：<a href="/files/fangan.pdf">实施方案.pdf</a> <a href="/ok.html">相关政策</a> <a href="/busy.html">政策解读</a>'] });

beforeAll(async () => {
  site = await serve({
    '/zwgk/a.html': page,
    '/ok.html': '<html><body>ok</body></html>',
    // The template's menu and breadcrumb links work.
    ...Object.fromEntries(['/', '/zwgk/', '/hdjl/', '/zwgk/qk/'].map((p) => [p, '<html><body>栏目</body></html>'])),
    '/files/fangan.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4'),
    '/busy.html': (_req, res) => void res.writeHead(503).end('busy'),
  });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('reports a 404 image and a 503 page after the page audit, and the popup shows them', async () => {
  const url = site.origin('www.cnx.gov.cn') + '/zwgk/a.html';
  const tab = await b.context.newPage();
  await tab.goto(url);
  const tabId = await waitFor(async () => ((await storedFindings(b, url)).length ? tabIdFor(b, url) : null), '页面检查完成');
  const popup = await b.openExtensionPage(`popup.html?tabId=${tabId}`);
  const item = popup.locator('[data-rule="link/broken"]');
  await item.first().waitFor({ timeout: 20000 });
  const texts = await item.allTextContents();
  expect(texts.some((t) => t.includes('图片失效（HTTP 404）') && t.includes('/images/missing.png'))).toBe(true);
  expect(texts.some((t) => t.includes('疑似') && t.includes('503'))).toBe(true);
  expect(texts.some((t) => t.includes('fangan.pdf') || t.includes('/ok.html'))).toBe(false);

  const stored = (await storedFindings(b, url)).filter((f) => f.ruleId === 'link/broken');
  expect(stored).toHaveLength(2);
  // Both passes drew into one panel, whichever answered first.
  expect(await tab.locator('govlint-panel').count()).toBe(1);
  // The page pass that runs again does not close the link findings, and vice versa.
  await tab.reload();
  await new Promise((r) => setTimeout(r, 3000));
  expect((await storedFindings(b, url)).filter((f) => f.ruleId === 'link/broken' && f.status === 'open')).toHaveLength(2);
});
