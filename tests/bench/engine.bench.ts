/**
 * extractPage and audit on a 100 KB article, a 500 KB listing and a 2 MB page (median of ≥ 20
 * runs each), and throughput in bytes/ms: the figures of issue 2. Pages are built from the
 * fixtures by repeating their content, so they look like real pages, only longer.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { audit } from '../../rules/engine';
import { extractPage } from '../../rules/page/extract';

const FIX = resolve(import.meta.dirname, '../fixtures');

function grow(html: string, marker: RegExp, unit: string, targetBytes: number): string {
  let out = html;
  const step = unit.repeat(Math.max(1, Math.floor(20000 / Buffer.byteLength(unit))));
  while (Buffer.byteLength(out) < targetBytes) out = out.replace(marker, (m) => step + m);
  return out;
}

export function article(targetBytes: number): string {
  const html = readFileSync(resolve(FIX, 'pages/yunnan-changning-2018.html'), 'utf8');
  const paras = [...html.matchAll(/<p[^>]*>[^<]{40,}<\/p>/g)].map((m) => m[0]).join('\n');
  const zoomEnd = html.indexOf('</div>', html.indexOf('id="zoom"'));
  const withMarker = html.slice(0, zoomEnd) + '<!--GROW-->' + html.slice(zoomEnd);
  return grow(withMarker, /<!--GROW-->/, paras + '\n', targetBytes);
}

export function listing(targetBytes: number): string {
  const items: string[] = [];
  for (let i = 0; i < 200; i++) {
    const d = new Date(Date.UTC(2026, 10, 20) - i * 86400000 * 2).toISOString().slice(0, 10);
    items.push(`<li><a href="/zwgk/tzgg/${d.replace(/-/g, '')}/${1000 + i}.html" title="关于做好第${i + 1}批惠民政策落实工作的通知">关于做好第${i + 1}批惠民政策落实工作的通知</a><span class="date">${d}</span></li>`);
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知公告_昌宁县人民政府</title><meta name="ColumnName" content="通知公告"></head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 通知公告</div>
<div class="list"><ul class="news-list"><!--GROW--></ul><div class="page">共10页 <a href="index_1.html">下一页</a></div></div>
<div class="footer">主办单位：昌宁县人民政府办公室 网站标识码：5305240001</div></body></html>`;
  return grow(html, /<!--GROW-->/, items.join('\n') + '\n', targetBytes);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function measure(name: string, html: string, runs: number): Promise<Record<string, number>> {
  const url = 'http://www.cnx.gov.cn/zwgk/bench.html';
  const ex: number[] = [];
  const au: number[] = [];
  const total: number[] = [];
  // Warm-up (JIT, dictionary and matcher caches), then measured runs.
  for (let i = 0; i < 3; i++) await audit(extractPage(html, url), { today: '2026-11-22' });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const model = extractPage(html, url);
    const t1 = performance.now();
    await audit(model, { today: '2026-11-22' });
    const t2 = performance.now();
    ex.push(t1 - t0);
    au.push(t2 - t1);
    total.push(t2 - t0);
  }
  const bytes = Buffer.byteLength(html);
  return {
    [`engine.${name}.bytes`]: bytes,
    [`engine.${name}.extract_ms`]: median(ex),
    [`engine.${name}.audit_ms`]: median(au),
    [`engine.${name}.total_ms`]: median(total),
    [`engine.${name}.bytes_per_ms`]: bytes / median(total),
  };
}

export async function run(): Promise<Record<string, number>> {
  return {
    ...(await measure('article_100k', article(100 * 1024), 51)),
    ...(await measure('listing_500k', listing(500 * 1024), 21)),
    ...(await measure('page_2m', article(2 * 1024 * 1024), 21)),
  };
}
