/**
 * The snapshot the engine audits is taken in slices now (issue 10 item 8: no long task on a 2 MB
 * page), and it must be the same HTML as before: the same hidden marks, frames, scripts and
 * text, byte for byte. In real Chromium, on pages with hidden elements (stylesheet classes,
 * `hidden`, visibility, display:contents, closed <details>), frames (same-origin, nested,
 * srcdoc, another origin, a frameset), scripts, raw-text elements and thousands of elements,
 * the sliced snapshot is compared with the one taken before slicing (snapshot/legacy-visible.ts,
 * the old code kept as the reference). And a page that changes while it is walked is snapshotted
 * as it is after the change, never as a mix of before and after.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, ROOT, serve, type Site } from './harness';

let site: Site;
let browser: Browser;
let script: string;

type Stats = { tries: number; slices: number; whole: boolean };
type Snap = {
  sliced(): Promise<string>;
  whole(): string;
  legacy(): string;
  stats(): Stats;
  frames(): string[];
  legacyFrames(): string[];
};
declare const __snap: Snap;

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const cls = i % 7 === 3 ? ' class="off"' : i % 11 === 5 ? ' class="ghost"' : '';
    const back = i % 11 === 5 ? '<span class="back">可见的子元素</span>' : '';
    return `<p${cls} data-i="${i}">第${i}段：关于&nbsp;做好&amp;落实 &lt;工作&gt; 的通知<b>加粗</b>${back}</p>\n`;
  }).join('');

const FRAME = `<!doctype html><html><head><meta charset="utf-8"><style>.tab-off{display:none}</style></head><body>
<div id="art"><h2>框架里的正文</h2><p>各乡镇人民政府：现将有关事项通知如下。</p><div class="tab-off"><p>联系单位：xx市应急管理局</p></div>
<iframe src="/inner.html"></iframe><p hidden>隐藏属性</p></div></body></html>`;
const INNER = `<!doctype html><html><head><meta charset="utf-8"></head><body><p>嵌套框架的文字</p><p style="display:none">嵌套里隐藏的</p></body></html>`;

const page = (other: string) => `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>关于开展安全生产大检查的通知</title>
<style>.off{display:none}.ghost{visibility:hidden}.ghost .back{visibility:visible}.box{display:contents}</style>
<script>var a = 1 < 2 && "</div>" && '&amp;'; document.write('<p id="written">脚本写入的段落</p>');</script>
</head><body>
<!-- 注释 & <b>不是标签</b> -->
<div class="nav"><a href="/a?x=1&amp;y=2" title='引号"和&lt;尖括号&gt;&amp;'>首页</a></div>
<div id="zoom" class="content">
${rows(3000)}</div>
<div hidden><p>隐藏属性</p></div>
<details><summary>展开</summary><p>折叠内容</p></details>
<div class="box"><p>contents 的子元素</p></div>
<template><p>模板内容</p><div class="off">模板里的</div></template>
<svg width="10" height="10"><circle r="4"></circle><text>矢量</text><foreignObject><p>外来</p></foreignObject></svg>
<textarea>输入 <b>框</b> &amp;</textarea><noscript><p>无脚本</p></noscript><select><option>选项</option></select>
<iframe src="/frame.html"></iframe>
<iframe src="${other}/other.html"></iframe>
<iframe srcdoc="<p>srcdoc 的内容</p><p style='display:none'>srcdoc 隐藏</p>"></iframe>
<iframe src="about:blank"></iframe>
<pre>  保留   空白
	制表</pre><xmp><b>xmp 原样</b></xmp>
<table><tbody><tr><td>单元格</td><td style="visibility:hidden">隐藏单元格</td></tr></tbody></table>
<div id="big">${'<span>片</span>'.repeat(4000)}</div>
<script>/* 结尾脚本 <div> & */</script>
</body></html>`;

const FRAMESET = `<!doctype html><html><head><meta charset="utf-8"><title>框架集</title></head>
<frameset cols="50%,50%"><frame src="/frame.html"><frame src="/inner.html"></frameset></html>`;

beforeAll(async () => {
  site = await serve({ '/frame.html': FRAME, '/inner.html': INNER, '/frameset.html': FRAMESET, '/other.html': INNER });
  site.route('/page.html', page(site.origin('www.other.gov.cn')));
  const fixtures = join(ROOT, 'tests/fixtures/pages');
  for (const f of readdirSync(fixtures).filter((f) => f.endsWith('.html'))) site.route(`/fixtures/${f}`, readFileSync(join(fixtures, f), 'utf8'));
  const out = await build({ entryPoints: [join(ROOT, 'tests/e2e/snapshot/page-entry.ts')], bundle: true, write: false, format: 'iife', target: 'chrome105' });
  script = out.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Every host name to the loopback: fixture pages name outside hosts, and nothing may leave the machine.
    args: ['--host-resolver-rules=MAP * 127.0.0.1', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string): Promise<Page> {
  const tab = await browser.newPage();
  await tab.goto(site.origin('www.cnx.gov.cn') + path, { waitUntil: 'load' });
  await tab.addScriptTag({ content: script });
  return tab;
}

/** Old and new snapshot of the page as it is, the new one sliced. */
function compare(tab: Page) {
  return tab.evaluate(async () => {
    const legacy = __snap.legacy();
    const legacyFrames = __snap.legacyFrames();
    const sliced = await __snap.sliced();
    const stats = __snap.stats();
    const frames = __snap.frames();
    return { legacy, sliced, whole: __snap.whole(), stats, frames, legacyFrames };
  });
}

describe('the snapshot taken in slices', () => {
  it('is the HTML of the snapshot taken in one go, on a big page with hidden elements, frames and scripts', async () => {
    const tab = await open('/page.html');
    const r = await compare(tab);
    // It did pause: a page this big takes several slices.
    expect(r.stats.slices).toBeGreaterThan(1);
    expect(r.stats).toMatchObject({ tries: 1, whole: false });
    expect(r.sliced.length).toBe(r.legacy.length);
    expect(r.sliced === r.legacy).toBe(true);
    expect(r.whole === r.legacy).toBe(true);
    expect(r.frames).toEqual(r.legacyFrames);
    // What a reader of the snapshot checks: marks, frames read and not read, scripts kept.
    expect(r.sliced).toContain('<p class="off" data-i="3" data-govlint-hidden="">');
    expect(r.sliced).toContain('id="govlint-frame-1"');
    expect(r.sliced).toContain('data-govlint-unread=');
    expect(r.sliced).toContain('document.write(');
    expect(r.frames.length).toBeGreaterThanOrEqual(3);
    await tab.close();
  });

  it('is the same where scheduler.yield is missing (paused with a message instead)', async () => {
    const tab = await open('/page.html');
    await tab.evaluate(() => {
      (globalThis as unknown as { scheduler: { yield?: unknown } }).scheduler.yield = undefined;
    });
    const r = await compare(tab);
    expect(r.stats.slices).toBeGreaterThan(1);
    expect(r.sliced === r.legacy).toBe(true);
    await tab.close();
  });

  it('is the same on a frameset page and on every fixture page', async () => {
    const paths = ['/frameset.html', ...readdirSync(join(ROOT, 'tests/fixtures/pages')).filter((f) => f.endsWith('.html')).map((f) => `/fixtures/${f}`)];
    const differ: string[] = [];
    for (const p of paths) {
      const tab = await open(p);
      const r = await compare(tab);
      if (r.sliced !== r.legacy || JSON.stringify(r.frames) !== JSON.stringify(r.legacyFrames)) differ.push(p);
      if (p === '/frameset.html') expect(r.sliced).toContain('<body><govlint-frame id="govlint-frame-1"');
      await tab.close();
    }
    expect(differ).toEqual([]);
  });

  it('starts over when the page changes during a pause, and gives the page as it is after the change', async () => {
    const tab = await open('/page.html');
    const r = await tab.evaluate(async () => {
      // The page's own script runs while the snapshot pauses for the first time: a paragraph
      // arrives at the top of the article (shifting every later one) and a later one is hidden.
      const s = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
      const pause = s.yield.bind(s);
      let n = 0;
      s.yield = () => {
        if (++n === 1) {
          const zoom = document.getElementById('zoom')!;
          const p = document.createElement('p');
          p.textContent = '后来插入的段落';
          zoom.insertBefore(p, zoom.firstChild);
          zoom.children[2000].classList.add('off');
        }
        return pause();
      };
      const sliced = await __snap.sliced();
      return { sliced, stats: __snap.stats(), after: __snap.legacy() };
    });
    expect(r.sliced === r.after).toBe(true);
    expect(r.sliced).toContain('后来插入的段落');
    expect(r.stats.tries).toBe(2);
    await tab.close();
  });

  it('is taken in one go on a page that changes at every pause', async () => {
    const tab = await open('/page.html');
    const r = await tab.evaluate(async () => {
      const s = (globalThis as unknown as { scheduler: { yield: () => Promise<void> } }).scheduler;
      const pause = s.yield.bind(s);
      let n = 0;
      s.yield = () => {
        document.getElementById('zoom')!.setAttribute('data-tick', String(++n));
        return pause();
      };
      const sliced = await __snap.sliced();
      return { sliced, stats: __snap.stats(), after: __snap.legacy() };
    });
    expect(r.sliced === r.after).toBe(true);
    expect(r.stats).toMatchObject({ whole: true, tries: 4 });
    await tab.close();
  });
});
