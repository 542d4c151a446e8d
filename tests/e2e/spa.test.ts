/**
 * Single-page sites: the URL changes without a load. GovLint audits each new URL once, after the
 * new content settles, and never twice for the same URL.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, readStore, serve, storedFindings, waitFor, type Browser, type Site } from './harness';
import { detailPage } from '../unit/rules/helpers';

let site: Site;
let b: Browser;

const pageA = detailPage({ fields: [['索引号', '01526376-X-/2018-1204001'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']] });
const bodyB = detailPage({ fields: [['索引号', '01526376-5-/2018-1204002'], ['发布机构', '昌宁县人民政府'], ['发布日期', '2018-12-04']] }).match(/<body>([\s\S]*)<\/body>/)![1];
// The SPA swaps its body and pushes the new URL when the link is clicked, as CMS front ends do.
const spa = pageA.replace(
  '</body>',
  `<a id="next" href="#">下一篇</a><script>
document.getElementById('next').addEventListener('click', (e) => {
  e.preventDefault();
  history.pushState({}, '', '/spa/item2.html');
  document.body.innerHTML = ${JSON.stringify(bodyB)};
});
</script></body>`,
);

beforeAll(async () => {
  site = await serve({ '/spa/item1.html': spa });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

it('audits each URL of a single-page site once', async () => {
  const origin = site.origin('www.cnx.gov.cn');
  const page = await b.context.newPage();
  await page.goto(`${origin}/spa/item1.html`);
  await waitFor(async () => (await storedFindings(b, `${origin}/spa/item1.html`)).length > 0 || (await readStore(b, 'pages')).length > 0, '第一页检查完成');
  await page.click('#next');
  const second = await waitFor(async () => {
    const f = await storedFindings(b, `${origin}/spa/item2.html`);
    return f.some((x) => x.ruleId === 'index-number/check-digit') ? f : null;
  }, '第二个网址检查完成');
  expect(second.find((x) => x.ruleId === 'index-number/check-digit')!.status).toBe('open');
  // The panel is drawn again for the new content (the old one went with the old <body>).
  await page.waitForFunction(() => document.querySelector('govlint-panel')?.shadowRoot?.textContent?.includes('严重 1'));
  // Let a few more location checks pass: still one audit per URL.
  await new Promise((r) => setTimeout(r, 2500));
  const audits = await readStore<{ url: string; scope: string }>(b, 'audits');
  const pageAudits = (u: string) => audits.filter((a) => a.url === u && a.scope === 'page').length;
  expect(pageAudits(`${origin}/spa/item1.html`)).toBe(1);
  expect(pageAudits(`${origin}/spa/item2.html`)).toBe(1);
});
