/**
 * 疑似错别字 from the language model in the extension: the worker fetches the packaged model on the
 * first audit and reports a one-character slip no dictionary lists (触膜屏 for 触摸屏) as a
 * suspected text/typo, while the correct sentences around it stay quiet.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION, findingsOnceReported, launch, serve, type Browser, type Site } from './harness';

const html = `<!doctype html><html><head><meta charset="utf-8"><title>招商引资项目签约</title></head><body>
<div class="content"><h1>我县电子信息产业园项目签约落地</h1>
<p>该项目一期投资20亿元，专业从事玻璃面板、触膜屏等产品的研发、生产和销售，建成后年产值可达50亿元。</p>
<p>县委、县政府高度重视项目建设，成立专班跟踪服务，确保项目早日开工、早日投产、早日见效。</p></div></body></html>`;

let site: Site;
let b: Browser;
beforeAll(async () => {
  site = await serve({ '/zwgk/typo.html': html });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('the 疑似错别字 model in the extension', () => {
  it('ships the model and reports the slip as suspected', async () => {
    expect(existsSync(join(EXTENSION, 'model/typo-model.bin'))).toBe(true);
    const url = site.origin('www.cnx.gov.cn') + '/zwgk/typo.html';
    const page = await b.context.newPage();
    await page.goto(url);
    const stored = await findingsOnceReported(b, url, 'text/typo', '模型的疑似错别字');
    const typos = stored.filter((f) => f.ruleId === 'text/typo');
    expect(typos.map((f) => f.message)).toEqual(['疑似错别字“触膜屏”，应为“触摸屏”']);
  });
});
