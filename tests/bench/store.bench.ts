/**
 * Store + dashboard benchmark in real Chromium (the e2e harness): 100k findings across 2k pages in
 * the extension's IndexedDB, then the dashboard's first render of the count tables, a filter change,
 * and the XLSX and CSV export of all 100k through the browser's download.
 * Targets (issue 5): counts ≤ 300 ms, filter ≤ 200 ms, XLSX ≤ 5 s. Needs `npx wxt build` first.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../e2e/harness';

const FINDINGS = 100_000;
const PAGES = 2_000;

/** Runs inside the dashboard page: raw IndexedDB writes of plausible pages and findings. */
async function seed(args: { findings: number; pages: number }) {
  const RULES = ['catalog/empty-field', 'catalog/missing-field', 'index-number/check-digit', 'index-number/year-mismatch', 'doc-number/format', 'date/malformed-text', 'date/future', 'disclosure/invalid', 'validity/expired', 'text/typo', 'text/placeholder', 'link/broken'];
  const LEVELS = ['error', 'warn', 'info'];
  const STATUSES = ['open', 'open', 'open', 'open', 'fixed', 'ignored', 'false-positive'];
  const SITES = ['http://www.aa.gov.cn', 'http://www.bb.gov.cn', 'http://www.cc.gov.cn', 'http://www.dd.gov.cn'];
  const COLUMNS = Array.from({ length: 40 }, (_, i) => `栏目${i}`).concat([null as unknown as string]);
  const db: IDBDatabase = await new Promise((ok, err) => {
    const r = indexedDB.open('govlint');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => err(r.error);
  });
  const perPage = Math.ceil(args.findings / args.pages);
  const t0 = Date.UTC(2024, 0, 1);
  const write = (records: unknown[], store: string) =>
    new Promise<void>((ok, err) => {
      const tx = db.transaction(store, 'readwrite');
      const s = tx.objectStore(store);
      for (const r of records) s.put(r);
      tx.oncomplete = () => ok();
      tx.onerror = () => err(tx.error);
    });
  const pages = [];
  let batch: unknown[] = [];
  let n = 0;
  for (let p = 0; p < args.pages; p++) {
    const site = SITES[p % SITES.length];
    const url = `${site}/zwgk/${p}.html`;
    const column = COLUMNS[p % COLUMNS.length];
    const counts = { error: 0, warn: 0, info: 0 };
    for (let j = 0; j < perPage && n < args.findings; j++, n++) {
      const level = LEVELS[(p + j) % 3];
      const status = STATUSES[(n * 7 + j) % STATUSES.length];
      if (status === 'open') counts[level as 'error']++;
      const at = t0 + (n % 5000) * 60_000;
      batch.push({
        ruleId: RULES[(p + j) % RULES.length], level, certainty: j % 5 ? 'certain' : 'suspected', category: 'catalog',
        message: `问题描述 ${j}：目录字段“文号”为空`, messageId: 'x', excerpt: n === 5 ? '=HYPERLINK("http://evil")' : `关于印发某某县政务公开工作要点的通知的正文摘录片段 ${n}`,
        suggestion: '补充文号', url, key: `k${j}`, fingerprint: n.toString(16).padStart(16, '0'), site, column,
        pageTitle: `关于印发第${p}号文件的通知`, firstSeen: at, lastSeen: at, status, history: [{ at, from: null, to: 'open', by: 'audit' }],
      });
    }
    pages.push({ url, site, host: new URL(site).hostname, title: `第${p}号`, headline: `第${p}号`, column, kind: 'detail', indexNumber: null, firstAudit: t0, lastAudit: t0, counts });
    if (batch.length >= 10_000) {
      await write(batch, 'findings');
      batch = [];
    }
  }
  await write(batch, 'findings');
  await write(pages, 'pages');
  db.close();
  return n;
}

async function timed(page: Page, action: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await action();
  return performance.now() - t;
}

export async function run(): Promise<Record<string, number>> {
  const downloads = mkdtempSync(join(tmpdir(), 'govlint-bench-'));
  const b = await launch({ downloads });
  try {
    // The dashboard creates the database at the current schema; then we fill it.
    let dash = await b.openExtensionPage('dashboard.html');
    await dash.waitForSelector('body[data-counts-ready]');
    // tsx (esbuild keepNames) wraps functions in __name(): give the page a no-op one.
    await dash.evaluate('globalThis.__name = (f) => f');
    const tSeed = performance.now();
    const inserted = await dash.evaluate(seed, { findings: FINDINGS, pages: PAGES });
    // Raw writes bypass the store: let it rebuild its materialised counts once.
    await dash.evaluate(() => (globalThis as unknown as { __govlintStore: { rebuildStats(): Promise<void> } }).__govlintStore.rebuildStats());
    const seedMs = performance.now() - tSeed;
    await dash.close();

    // First render of the count tables on a fresh page (status filter 待整改, the default).
    dash = await b.openExtensionPage('dashboard.html');
    const tOpen = performance.now();
    await dash.waitForSelector('body[data-counts-ready]', { timeout: 60000 });
    const countsWall = performance.now() - tOpen;
    const countsMs = Number(await dash.evaluate(() => document.body.dataset.countsMs));
    await dash.waitForSelector('table.findings tbody tr[data-fp]');

    // A text search (a scan of everything under the status filter): one row.
    const searchWall = await timed(dash, async () => {
      await dash.fill('[data-testid="search"]', '片段 99999');
      await dash.waitForFunction(() => [...document.querySelectorAll('table.findings tbody tr[data-fp]')].length === 1 && !document.body.dataset.loading, undefined, { timeout: 60000 });
    });
    const searchMs = Number(await dash.evaluate(() => document.body.dataset.queryMs));
    await dash.fill('[data-testid="search"]', '');
    await dash.waitForFunction(() => document.querySelectorAll('table.findings tbody tr[data-fp]').length === 50 && !document.body.dataset.loading);

    // A filter change: one rule, from the count table; until the rows show.
    const filterWall = await timed(dash, async () => {
      await dash.click('[data-count-field="ruleId"] tr[data-key="doc-number/format"]');
      await dash.waitForFunction(() => {
        const rows = [...document.querySelectorAll('table.findings tbody tr[data-rule]')];
        return !document.body.dataset.loading && rows.length === 50 && rows.every((r) => r.getAttribute('data-rule') === 'doc-number/format');
      });
    });
    const filterMs = Number(await dash.evaluate(() => document.body.dataset.queryMs));

    // Exports of all 100k.
    await dash.selectOption('[data-testid="export-scope"]', 'all');
    const exp = async (id: string) => {
      const t = performance.now();
      const [dl] = await Promise.all([dash.waitForEvent('download', { timeout: 300000 }), dash.click(`[data-testid="${id}"]`)]);
      const path = join(downloads, dl.suggestedFilename());
      await dl.saveAs(path);
      return { wall: performance.now() - t, bytes: statSync(path).size };
    };
    const xlsx = await exp('export-xlsx');
    const xlsxInPage = Number(await dash.evaluate(() => document.body.dataset.exportMs));
    await dash.waitForSelector('[data-testid="export-csv"]:not([disabled])');
    const csv = await exp('export-csv');
    const csvInPage = Number(await dash.evaluate(() => document.body.dataset.exportMs));
    return {
      'store.seed_100k_raw_idb_ms': seedMs,
      'store.findings': inserted,
      'store.dashboard_counts_ms': countsMs,
      'store.dashboard_open_to_counts_wall_ms': countsWall,
      'store.filter_change_query_ms': filterMs,
      'store.filter_change_wall_ms': filterWall,
      'store.text_search_query_ms': searchMs,
      'store.text_search_wall_ms': searchWall,
      'store.export_xlsx_100k_ms': xlsxInPage,
      'store.export_xlsx_100k_wall_ms': xlsx.wall,
      'store.export_xlsx_100k_bytes': xlsx.bytes,
      'store.export_csv_100k_ms': csvInPage,
      'store.export_csv_100k_wall_ms': csv.wall,
    };
  } finally {
    await b.close();
    rmSync(downloads, { recursive: true, force: true });
  }
}
