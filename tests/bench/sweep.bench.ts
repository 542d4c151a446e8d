/**
 * Sweep benchmark (issue 11, item 7) on the generated fixture site (tests/sweep/site.ts, 409 pages)
 * served on 127.0.0.1, no artificial delay:
 * 1. the CLI's path in-process (runner + state file + extractFor + audit), concurrency 2: pages per
 *    minute and where each page's time goes (fetch incl. decode, extract, audit, keep, queue write);
 * 2. the engine's per-page cost over a 5,000-page run (the fixture's articles again under new URLs,
 *    each through auditForSweep + the state file): pages 1–100 against pages 4,901–5,000, to show it
 *    stays flat as the run's lookups and state grow;
 * 3. the extension's 巡检 page in Chromium (needs `npx wxt build`), start click to 巡检完成.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryLookups } from '../../rules/run';
import { Sweep } from '../../utils/sweep/runner';
import { FileQueue } from '../../cli/sweep-state';
import { cliPageAudit } from '../../cli/sweep';
import { serveSite, SITE_HOST } from '../sweep/server';
import { generateSite } from '../sweep/site';

const TODAY = '2026-12-01';

export async function run(): Promise<Record<string, number>> {
  const site = generateSite({ today: TODAY, size: 'full' });
  const server = await serveSite(site);
  const dir = mkdtempSync(join(tmpdir(), 'govlint-sweep-bench-'));
  const out: Record<string, number> = {};
  try {
    Object.assign(out, await cliSweep(server.url('/'), dir));
    Object.assign(out, await flatRun(site, dir));
    Object.assign(out, await chromiumSweep(server.url('/', SITE_HOST)));
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

async function cliSweep(start: string, dir: string): Promise<Record<string, number>> {
  const queue = new FileQueue(join(dir, 'cli.jsonl'));
  const lookups = new MemoryLookups();
  const config = { today: TODAY };
  const sweep = await Sweep.open(
    {
      queue,
      today: TODAY,
      audit: cliPageAudit(queue, config, lookups),
    },
    { start: [start], depth: 4, maxPages: 2000, delayMs: 0 },
  );
  const t0 = performance.now();
  await sweep.run();
  const ms = performance.now() - t0;
  const done = sweep.list().filter((e) => e.state === 'done');
  const mean = (k: 'fetch' | 'extract' | 'audit' | 'store') => done.reduce((a, e) => a + (e.timing?.[k] ?? 0), 0) / done.length;
  return {
    'sweep.cli.pages': done.length,
    'sweep.cli.pagesPerMinute': (done.length / ms) * 60000,
    'sweep.cli.ms.fetchDecode': mean('fetch'),
    'sweep.cli.ms.extract': mean('extract'),
    'sweep.cli.ms.audit': mean('audit'),
    'sweep.cli.ms.keep': mean('store'),
  };
}

async function flatRun(site: ReturnType<typeof generateSite>, dir: string): Promise<Record<string, number>> {
  const queue = new FileQueue(join(dir, 'flat.jsonl'));
  await queue.load();
  const lookups = new MemoryLookups();
  const config = { today: TODAY };
  const articles = site.articles.map((p) => site.files.get(p)!.body.toString('utf8')).filter((h) => h.includes('<html'));
  const times: number[] = [];
  const audit = cliPageAudit(queue, config, lookups);
  for (let i = 0; i < 5000; i++) {
    const html = articles[i % articles.length];
    const url = `http://www.sweep-test.gov.cn/flat/${i}.html`;
    const t0 = performance.now();
    await audit({ url, html, charset: 'utf-8' });
    times.push(performance.now() - t0);
  }
  const avg = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  // The first pages warm the JIT: the flat comparison is of pages 101–200 with 4,901–5,000.
  return { 'sweep.engine.msPerPage.101to200': avg(times.slice(100, 200)), 'sweep.engine.msPerPage.4901to5000': avg(times.slice(4900)) };
}

async function chromiumSweep(start: string): Promise<Record<string, number>> {
  let launch;
  try {
    ({ launch } = await import('../e2e/harness'));
  } catch {
    return {};
  }
  let b;
  try {
    b = await launch();
  } catch (e) {
    console.log(`(Chromium sweep skipped: ${e instanceof Error ? e.message : e})`);
    return {};
  }
  try {
    const page = await b.openExtensionPage('sweep.html');
    await page.evaluate(async (today) => (globalThis as any).chrome.storage.local.set({ config: { profile: 'daily', today } }), TODAY);
    await page.reload();
    await page.locator('textarea[name=start]').fill(start);
    await page.locator('input[name=depth]').fill('4');
    await page.locator('input[name=maxPages]').fill('2000');
    await page.locator('input[name=delayMs]').fill('0');
    const t0 = performance.now();
    await page.getByRole('button', { name: '开始巡检' }).click();
    await page.locator('.status[data-status=done]').waitFor({ timeout: 300000 });
    const ms = performance.now() - t0;
    const done = Number(await page.locator('.status .n-done').textContent());
    return { 'sweep.chromium.pages': done, 'sweep.chromium.pagesPerMinute': (done / ms) * 60000 };
  } finally {
    await b.close();
  }
}
