/**
 * `govlint sweep` on the generated fixture site (tests/sweep/site.ts), as an inspector runs it:
 * every planted defect found on its page and nothing else at warn/error, the 检查指标 verdict of
 * every column, robots.txt obeyed, no page fetched twice; then the same sweep interrupted with
 * Ctrl-C (SIGINT) and resumed from its state file, with the same result.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite, type SiteServer } from './server';
import { generateSite, type FixtureSite } from './site';

const TODAY = '2026-12-01';
const BIN = resolve(__dirname, '../../cli/bin.mjs');

interface Report {
  pages: { url: string; error?: string; findings: { ruleId: string; level: string }[] }[];
  columns: { url: string; verdict: string; newest: string | null }[];
  failures: { url: string; state: string; reason: string }[];
}

function run(args: string[], opts: { interruptWhen?: () => boolean } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'sweep', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.resume();
    let timer: NodeJS.Timeout | undefined;
    if (opts.interruptWhen) {
      timer = setInterval(() => {
        if (opts.interruptWhen!()) {
          clearInterval(timer);
          child.kill('SIGINT');
        }
      }, 20);
    }
    child.on('close', (code) => {
      clearInterval(timer);
      done({ code, stderr });
    });
  });
}

const pathOf = (url: string) => {
  const u = new URL(url);
  return u.pathname + u.search;
};

/** Planted (path, ruleId) pairs against what the report found at warn/error. */
function compare(site: FixtureSite, report: Report) {
  const found = new Set<string>();
  for (const p of report.pages) for (const f of p.findings) if (f.level !== 'info') found.add(`${pathOf(p.url)} ${f.ruleId}`);
  const planted = new Set(site.planted.map((d) => `${d.path} ${d.ruleId}`));
  return { missed: [...planted].filter((k) => !found.has(k)), extra: [...found].filter((k) => !planted.has(k)) };
}

/** Paths fetched more than once, apart from those a retry or redirect asks for again. */
function fetchedTwice(site: FixtureSite, server: SiteServer): string[] {
  const again = new Set([site.specials.error500, ...site.specials.loop, '/robots.txt']);
  return [...server.hits].filter(([p, n]) => n > 1 && !again.has(p)).map(([p, n]) => `${p} ×${n}`);
}

describe('govlint sweep on the fixture site', () => {
  let site: FixtureSite;
  let server: SiteServer;
  let dir: string;
  beforeAll(async () => {
    site = generateSite({ today: TODAY, size: 'full' });
    server = await serveSite(site);
    dir = mkdtempSync(join(tmpdir(), 'govlint-sweep-'));
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const args = (state: string, out: string) => [server.url('/'), '--today', TODAY, '--delay', '0', '--depth', '4', '--max-pages', '2000', '--resume', state, '--format', 'json', '--out', out];

  it('finds every planted defect, judges every column, obeys robots.txt and fetches each page once', async () => {
    server.hits.clear();
    const state = join(dir, 'full.jsonl');
    const out = join(dir, 'full.json');
    const { code, stderr } = await run(args(state, out));
    // 3: some URLs could not be checked (the planted 404s, the 500, the loop); the report is complete.
    expect(code, stderr).toBe(3);
    const report: Report = JSON.parse(readFileSync(out, 'utf8'));
    expect(compare(site, report)).toEqual({ missed: [], extra: [] });
    // A column of a class without an update duty (规划计划) is 'unchecked': neither stale nor empty, as the fixture's 'fresh'.
    const verdicts = new Map(report.columns.map((c) => [pathOf(c.url), c.verdict === 'unchecked' ? 'fresh' : c.verdict]));
    for (const c of site.columns) expect(verdicts.get(c.path), c.path).toBe(c.verdict);
    for (const p of site.disallowed) expect(server.hits.get(p), p).toBeUndefined();
    expect(fetchedTwice(site, server)).toEqual([]);
    const failed = new Map(report.failures.map((f) => [pathOf(f.url), f.reason]));
    expect(failed.get(site.specials.error500)).toBe('http');
    expect(failed.get(site.specials.loop[0])).toBe('redirect-loop');
    for (const m of site.missing) expect(failed.get(m), m).toBe('http');
  }, 120_000);

  it('resumes a sweep stopped with Ctrl-C from its state file, losing and repeating nothing', async () => {
    server.hits.clear();
    const state = join(dir, 'resumed.jsonl');
    const out = join(dir, 'resumed.json');
    const pagesFetched = () => [...server.hits.keys()].filter((p) => p.endsWith('.html')).length;
    const first = await run(args(state, out), { interruptWhen: () => pagesFetched() >= 120 });
    expect(first.code, first.stderr).toBe(130);
    expect(first.stderr).toContain(`--resume ${state}`);
    const hitsBefore = new Map(server.hits);
    const second = await run(['--resume', state, '--format', 'json', '--out', out]);
    expect(second.code, second.stderr).toBe(3);
    const report: Report = JSON.parse(readFileSync(out, 'utf8'));
    expect(compare(site, report)).toEqual({ missed: [], extra: [] });
    const urls = report.pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
    // Pages under way at the interrupt finish before the first run exits, so nothing is fetched twice.
    expect(fetchedTwice(site, server)).toEqual([]);
    expect(hitsBefore.size).toBeLessThan(server.hits.size);
  }, 120_000);
});
