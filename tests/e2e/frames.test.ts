/**
 * Frames in Chromium: an article shown in a same-origin <iframe> is audited as part of its page
 * (its placeholder is reported, the finding names the frame, and it is highlighted inside the
 * frame); a frame from another site is listed as not audited, so the page never says only
 * 未发现问题; a <frameset> page is audited through its frames.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, launch, serve, waitFor, type Browser, type Site } from './harness';

let site: Site;
let b: Browser;

const article = `<!doctype html><html><head><meta charset="utf-8"><title>正文</title></head><body>
<div class="content"><h1>关于开展安全生产大检查的通知</h1>
<p>各乡镇人民政府，县直各单位：现将全县安全生产大检查有关事项通知如下，请认真贯彻落实，确保检查工作取得实效。</p>
<p>联系单位：xx市应急管理局</p></div></body></html>`;

beforeAll(async () => {
  site = await serve({
    '/zwgk/framed.html': '',
    '/zwgk/article.html': article,
    '/zwgk/frameset.html': '',
    '/other.html': '<!doctype html><html><body><p>外站内容</p></body></html>',
  });
  const other = site.origin('www.example.com') + '/other.html';
  site.route(
    '/zwgk/framed.html',
    `<!doctype html><html><head><meta charset="utf-8"><title>通知_示范县人民政府</title></head><body>
<div class="header">示范县人民政府</div>
<iframe src="/zwgk/article.html" width="800" height="400"></iframe>
<iframe src="${other}" width="300" height="100"></iframe>
<div class="footer">主办单位：示范县人民政府办公室</div></body></html>`,
  );
  site.route(
    '/zwgk/frameset.html',
    `<!doctype html><html><head><meta charset="utf-8"><title>框架页</title></head>
<frameset rows="20%,80%"><frame src="/other.html"><frame src="/zwgk/article.html"></frameset></html>`,
  );
  b = await launch();
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

describe('frames in Chromium', () => {
  it('audits a same-origin iframe as part of the page, names the frame, and lists a cross-origin one as not audited', async () => {
    const url = site.origin('www.cnx.gov.cn') + '/zwgk/framed.html';
    const tab = await b.context.newPage();
    await tab.goto(url);
    const stored = await findingsOnceReported(b, url, 'text/placeholder', '框架内的占位符写入 IndexedDB');
    expect(stored.filter((f) => f.ruleId === 'text/placeholder').map((f) => f.message)).toEqual(['模板占位符未替换：“xx”']);

    const panel = tab.getByTestId('govlint-panel');
    await panel.locator('.gl-pill').click();
    await expect.poll(() => panel.locator('[data-testid=govlint-unread-frames]').textContent()).toContain('www.example.com');
    const item = panel.locator('.gl-item', { hasText: '模板占位符' });
    await expect.poll(() => item.locator('.gl-frame').textContent()).toContain('/zwgk/article.html');

    // The highlight is painted in the frame's own document, over the placeholder's text.
    const frame = tab.frames().find((f) => f.url().endsWith('/zwgk/article.html'))!;
    const painted = await waitFor(
      () => frame.evaluate(() => [...((CSS as any).highlights?.values() ?? [])].flatMap((h: any) => [...h]).map((r: Range) => r.toString()).join('|')),
      '框架内的高亮',
    );
    expect(painted).toContain('xx');
    await tab.close();
  });

  it('audits a frameset page through its readable frames', async () => {
    const url = site.origin('www.cnx.gov.cn') + '/zwgk/frameset.html';
    const tab = await b.context.newPage();
    await tab.goto(url);
    const stored = await findingsOnceReported(b, url, 'text/placeholder', 'frameset 页面的占位符写入 IndexedDB');
    expect(stored.some((f) => f.ruleId === 'text/placeholder' && f.message.includes('xx'))).toBe(true);
    await tab.close();
  });
});
