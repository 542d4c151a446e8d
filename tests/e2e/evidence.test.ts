/**
 * Screenshot evidence: 截图 on a finding in the popup scrolls to it, captures the visible page and
 * keeps the JPEG with the finding; the dashboard shows it, the 整改清单 names it in its 截图 column
 * with the images in a zip beside the workbook, and the backup keeps it.
 *
 * In use the popup's click grants activeTab, which captureVisibleTab needs; a test cannot click the
 * toolbar, so this copy of the extension holds <all_urls> instead (that is the only difference).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION, findingsOnceReported, fixture, launch, serve, tabIdFor, type Browser, type Site } from './harness';
import { unzip } from './unzip';

const PATH = '/zwgk/xxgk/2018/1204/1.html';
const RULE = 'index-number/check-digit';
const work = mkdtempSync(join(tmpdir(), 'govlint-evidence-'));
let site: Site;
let b: Browser;

beforeAll(async () => {
  site = await serve({ [PATH]: fixture('pages/yunnan-changning-bad-checkdigit.html') });
  const ext = join(work, 'ext');
  cpSync(EXTENSION, ext, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(ext, 'manifest.json'), 'utf8'));
  manifest.host_permissions.push('<all_urls>');
  writeFileSync(join(ext, 'manifest.json'), JSON.stringify(manifest));
  b = await launch({ extension: ext });
});
afterAll(async () => {
  await b?.close();
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

async function download(page: Page, testid: string): Promise<string[]> {
  const files: string[] = [];
  const done = new Promise<void>((resolve) => {
    page.on('download', async (dl) => {
      const path = join(b.downloads, dl.suggestedFilename());
      await dl.saveAs(path);
      files.push(path);
      if (files.length === 2) resolve();
    });
  });
  await page.click(`[data-testid="${testid}"]`);
  await done;
  return files.sort();
}

describe('screenshot evidence', () => {
  it('captures a finding from the popup, shows it in the dashboard and exports it beside the 整改清单', async () => {
    const url = site.origin('www.cn.gov.cn') + PATH;
    const page = await b.context.newPage();
    await page.goto(url);
    const stored = await findingsOnceReported(b, url, RULE, '检查结果');
    const finding = stored.find((f) => f.ruleId === RULE)!;

    const popup = await b.openExtensionPage(`popup.html?tabId=${await tabIdFor(b, url)}`);
    await popup.locator(`li[data-rule="${RULE}"] [data-testid="capture"]`).first().click();
    await popup.waitForSelector('[data-testid="notice"]', { timeout: 15000 });
    expect(await popup.locator('[data-testid="notice"]').textContent()).toContain('已截图');

    const dash = await b.openExtensionPage(`dashboard.html?url=${encodeURIComponent(url)}`);
    await dash.click(`tr[data-fp="${finding.fingerprint}"] td.msg`);
    const img = dash.locator('[data-testid="detail-shot"]');
    await img.waitFor();
    expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 100)).toBe(true);

    const [xlsxPath, zipPath] = await download(dash, 'export-xlsx').then((f) => [f.find((x) => x.endsWith('.xlsx'))!, f.find((x) => x.endsWith('.zip'))!]);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsxPath);
    const ws = wb.getWorksheet('问题清单')!;
    const col = (ws.getRow(1).values as unknown[]).indexOf('截图');
    const names: string[] = [];
    ws.eachRow((r, n) => n > 1 && r.getCell(col).value && names.push(String(r.getCell(col).value)));
    expect(names).toHaveLength(1);
    const out = join(work, 'shots');
    expect(unzip(zipPath, out)).toEqual(names);
    const jpeg = readFileSync(join(out, names[0]));
    expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);

    // The backup keeps it: gone from the browser, it comes back with the restore.
    const [backupDl] = await Promise.all([dash.waitForEvent('download'), dash.click('[data-testid="backup"]')]);
    const backupPath = join(work, backupDl.suggestedFilename());
    await backupDl.saveAs(backupPath);
    expect(JSON.parse(readFileSync(backupPath, 'utf8')).evidence.map((s: { fingerprint: string }) => s.fingerprint)).toEqual([finding.fingerprint]);
    await dash.evaluate(
      () =>
        new Promise<void>((ok, err) => {
          const r = indexedDB.open('govlint-evidence');
          r.onsuccess = () => {
            const tx = r.result.transaction('shots', 'readwrite');
            tx.objectStore('shots').clear();
            tx.oncomplete = () => (r.result.close(), ok());
            tx.onerror = () => err(tx.error);
          };
        }),
    );
    await dash.setInputFiles('input[type=file]', backupPath);
    await expect.poll(() => dash.locator('[data-testid="notice"]').textContent(), { timeout: 15000 }).toContain('恢复完成');
    await dash.reload();
    await dash.click(`tr[data-fp="${finding.fingerprint}"] td.msg`);
    await dash.locator('[data-testid="detail-shot"]').waitFor();
  });
});
