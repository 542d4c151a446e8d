/**
 * Content that a script adds after the page settled (a list or an article loaded late) is audited
 * once more when it arrives; a page whose content does not change is audited once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, launch, readStore, serve, waitFor, type Browser, type Site } from './harness';

const head = `<!doctype html><html><head><meta charset="utf-8"><title>通知</title></head><body><div class="content"><h1>关于开展安全生产大检查的通知</h1>
<p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实，确保检查工作取得实效。</p><div id="more"></div></div>`;
const late = `${head}<script>setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = '联系单位：xx市应急管理局。请各单位于本月底前将检查情况报送县安委办，逾期未报的将予以通报，并纳入年度安全生产目标责任考核，确保检查工作不走过场、取得实效。';
  document.getElementById('more').appendChild(p);
}, 2500);</script></body></html>`;

let site: Site;
let b: Browser;
beforeAll(async () => {
  site = await serve({ '/late.html': late, '/still.html': `${head}</body></html>` });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

const pageAudits = async (url: string) => (await readStore<{ url: string; scope: string }>(b, 'audits')).filter((a) => a.url === url && a.scope === 'page').length;

describe('late content', () => {
  it('audits what a script adds after the page settled, once', async () => {
    const url = site.origin('www.cnx.gov.cn') + '/late.html';
    const page = await b.context.newPage();
    await page.goto(url);
    await waitFor(async () => (await pageAudits(url)) >= 1, '首次检查');
    const stored = await findingsOnceReported(b, url, 'text/placeholder', '后到内容中的占位符');
    expect(stored.filter((f) => f.ruleId === 'text/placeholder').map((f) => f.message)).toEqual(['模板占位符未替换：“xx”']);
    expect(await pageAudits(url)).toBe(2);
  });

  it('audits a page whose content does not change once', async () => {
    const url = site.origin('www.cnx.gov.cn') + '/still.html';
    const page = await b.context.newPage();
    await page.goto(url);
    await waitFor(async () => (await pageAudits(url)) >= 1, '首次检查');
    await new Promise((r) => setTimeout(r, 3500));
    expect(await pageAudits(url)).toBe(1);
  });
});
