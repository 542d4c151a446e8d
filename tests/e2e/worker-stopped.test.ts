/**
 * MV3 stops service workers whenever it likes. Here the worker is stopped while it audits a
 * large page: the content script gets no answer, sends its snapshot again, the audit lands, and
 * the store holds each finding once (a reconcile is one transaction: all or nothing).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { detailPage } from '../unit/rules/helpers';
import { badgeFor, launch, serve, storedFindings, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;
// ~3 MB of report text: the worker spends a second or more on it, a wide window to stop it in.
const para = '根据《保山市人民政府办公室关于印发保山市2018年政务公开工作要点分工方案的通知》（保政办函〔2018〕24号）文件要求，昌宁县人民政府高度重视，加强组织领导，积极开展部署。';
const big = detailPage({
  fields: [['索引号', '01526376-5-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']],
  body: Array.from({ length: 12000 }, () => para),
});

beforeAll(async () => {
  site = await serve({ '/a.html': big });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('finishes the audit although the service worker is stopped while it runs', async () => {
  const url = site.origin('www.cn.gov.cn') + '/a.html';
  const page = await b.context.newPage();
  const cdp = await b.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await page.goto(url);
  // The snapshot goes out once the page has been quiet for 0.8 s; stop the worker twice after that.
  for (const at of [1300, 600]) {
    await new Promise((r) => setTimeout(r, at));
    await cdp.send('ServiceWorker.stopAllWorkers');
  }

  const stored = await waitFor(async () => {
    const f = await storedFindings(b, url);
    return f.some((x) => x.ruleId === 'index-number/check-digit') ? f : null;
  }, '工作进程被停止后检查仍完成', 60000);
  const fingerprints = stored.map((f) => f.fingerprint);
  expect(new Set(fingerprints).size).toBe(fingerprints.length);
  await page.waitForFunction(() => document.querySelector('govlint-panel')?.shadowRoot?.textContent?.includes('严重 1'), undefined, { timeout: 30000 });
  expect(await waitFor(async () => badgeFor(b, url), '图标角标')).not.toBe('');
});
