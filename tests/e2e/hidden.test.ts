/**
 * What the rendered page does not show is not audited: a block hidden by the site's stylesheet
 * (a class GovLint cannot know from the HTML alone) is marked by the content script and skipped,
 * while the same text shown is reported.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, launch, serve, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;

const page = (tabClass: string) => `<!doctype html><html><head><meta charset="utf-8"><title>关于开展安全生产大检查的通知</title>
<style>.tab-off { display: none } .tab-on { display: block }</style></head><body>
<div class="content" id="zoom"><h1>关于开展安全生产大检查的通知</h1>
<p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实，确保检查工作取得实效。</p>
<div class="${tabClass}"><p>联系单位：xx市应急管理局</p></div>
<p>××县应急管理局</p></div></body></html>`;

beforeAll(async () => {
  site = await serve({ '/zwgk/hidden.html': page('tab-off'), '/zwgk/shown.html': page('tab-on') });
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('hidden content in Chromium', () => {
  it('skips a block the stylesheet hides and reports the same block shown', async () => {
    const placeholders = async (path: string) => {
      const url = site.origin('www.cnx.gov.cn') + path;
      const tab = await b.context.newPage();
      await tab.goto(url);
      const stored = await findingsOnceReported(b, url, 'text/placeholder', '检查结果写入 IndexedDB');
      await tab.close();
      return stored.filter((f) => f.ruleId === 'text/placeholder').map((f) => f.message).sort();
    };
    expect(await placeholders('/zwgk/hidden.html')).toEqual(['模板占位符未替换：“××”']);
    expect(await placeholders('/zwgk/shown.html')).toEqual(['模板占位符未替换：“xx”', '模板占位符未替换：“××”']);
  });
});
