/**
 * The classic hostile inputs through the CLI, each with the outcome a user must get: an exit code
 * as documented, a Chinese message naming the input, no stack trace, and an end (each test's
 * timeout is its bound). The figures (time, peak memory) are printed by npm run faults:measure.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_CONFIGS, HOSTILE_FILES, HOSTILE_RESPONSES, serveHostile } from './hostile';

const BIN = join(resolve(import.meta.dirname, '../..'), 'cli/bin.mjs');
const dir = mkdtempSync(join(tmpdir(), 'govlint-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI without blocking this process (the test's own server must keep answering). */
function govlint(args: string[], boundMs = 60_000): Promise<{ code: number | null; all: string }> {
  return new Promise((done) => {
    // GOVLINT_STATS: the CLI prints its own peak memory (bin.mjs), so a bound can be checked. A run
    // past its bound is killed, not left running after the test has failed.
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, GOVLINT_STATS: '1' }, timeout: boundMs, killSignal: 'SIGKILL' });
    let all = '';
    child.stdout.on('data', (d) => (all += d));
    child.stderr.on('data', (d) => (all += d));
    child.on('close', (code) => done({ code, all }));
  });
}
const STACK = /\n\s+at .+:\d+:\d+/;
const peakMbOf = (all: string) => Number(/GOVLINT_STATS .*"maxRssMB":(\d+)/.exec(all)?.[1] ?? NaN);

describe('hostile files', () => {
  for (const f of HOSTILE_FILES)
    it(`${f.what}: exit ${f.exit} within ${f.bound} s${f.peakMb ? `, at most ${f.peakMb} MB` : ''}`, async () => {
      const path = join(dir, f.name);
      f.write(path);
      const r = await govlint(['audit', path], f.bound * 1000);
      rmSync(path);
      expect(r.code, r.all).toBe(f.exit);
      expect(r.all).toMatch(f.says);
      expect(r.all).not.toMatch(STACK);
      if (f.peakMb) expect(peakMbOf(r.all)).toBeLessThanOrEqual(f.peakMb);
    }, f.bound * 1000 + 5000);
});

describe('hostile responses', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    ({ server, base } = await serveHostile());
  });
  afterAll(() => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }));

  for (const h of HOSTILE_RESPONSES)
    it(`${h.what}: exit ${h.exit}`, async () => {
      const r = await govlint(['audit', `${base}${h.path}`, '--timeout', '3']);
      expect(r.code, r.all).toBe(h.exit);
      expect(r.all).toMatch(h.says);
      expect(r.all).not.toMatch(STACK);
    });
});

describe('hostile configs', () => {
  for (const c of HOSTILE_CONFIGS)
    it(`${c.what}: refused with its path, exit 2`, async () => {
      const cfg = join(dir, 'config.json');
      writeFileSync(cfg, c.text);
      const page = join(dir, 'page.html');
      writeFileSync(page, '<html><body><p>正文</p></body></html>');
      const r = await govlint(['audit', page, '--config', cfg]);
      expect(r.code, r.all).toBe(2);
      expect(r.all).toMatch(c.says);
      expect(r.all).not.toMatch(STACK);
    });
});
