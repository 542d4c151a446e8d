/**
 * npm run faults:measure — the fault table: each hostile input through the CLI with its exit code,
 * wall time and peak memory (GNU time's maximum resident set size). `--bin DIR/cli/bin.mjs` measures
 * another checkout (an older commit in a git worktree) with the same inputs, for before/after figures.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEPTHS, HOSTILE_FILES, HOSTILE_RESPONSES, nestedPage, serveHostile, unclosedPage } from './hostile';

const at = process.argv.indexOf('--bin');
const bin = at > 0 ? resolve(process.argv[at + 1]) : join(resolve(import.meta.dirname, '../..'), 'cli/bin.mjs');
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('需要 GNU time 来量峰值内存：apt-get install -y time');
  process.exit(2);
}

function run(args: string[]): Promise<{ code: number | null; seconds: number; peakMb: number; said: string }> {
  return new Promise((done) => {
    const t0 = Date.now();
    const child = spawn(TIME, ['-f', 'peak-kb=%M', process.execPath, bin, ...args], { detached: true });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    // A run past 5 minutes is "does not finish": kill it (the whole group: time and the CLI under it).
    const killer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 300_000);
    child.on('close', (code) => {
      clearTimeout(killer);
      const kb = Number(/peak-kb=(\d+)/.exec(out)?.[1] ?? NaN);
      const said = out.replace(/peak-kb=\d+/, '').replace(/Command exited with non-zero status \d+/, '');
      const line = /无法检查：[^\n]*|共检查[^\n]*|配置文件[^\n]*|RangeError[^\n]*|Error[^\n]*/.exec(said)?.[0] ?? said.trim().split('\n').pop() ?? '';
      done({ code, seconds: (Date.now() - t0) / 1000, peakMb: kb / 1024, said: line.slice(0, 60) });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'govlint-measure-'));
const rows: string[][] = [];
const growth: string[][] = [];
try {
  for (const f of HOSTILE_FILES) {
    const path = join(dir, f.name);
    f.write(path);
    const r = await run(['audit', path]);
    rmSync(path);
    rows.push([f.what, String(r.code ?? 'killed'), r.seconds.toFixed(1), r.peakMb.toFixed(0), r.said]);
    console.error(`… ${rows.at(-1)!.join(" | ")}`);
  }
  // Deep input at growing sizes: linear growth shows as time roughly doubling with the size.
  for (const [shape, make] of [['层嵌套的 div', nestedPage], ['个未闭合的 div + span', unclosedPage]] as const)
    for (const n of DEPTHS) {
      const path = join(dir, 'depth.html');
      writeFileSync(path, make(n));
      const r = await run(['audit', path]);
      rmSync(path);
      growth.push([`${n / 10_000} 万${shape}`, String(r.code ?? 'killed'), r.seconds.toFixed(1), r.peakMb.toFixed(0)]);
      console.error(`… ${growth.at(-1)!.join(' | ')}`);
    }
  const { server, base } = await serveHostile();
  for (const h of HOSTILE_RESPONSES) {
    const r = await run(['audit', `${base}${h.path}`, '--timeout', '3']);
    rows.push([h.what, String(r.code ?? 'killed'), r.seconds.toFixed(1), r.peakMb.toFixed(0), r.said]);
  }
  server.closeAllConnections();
  server.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.log(`| 输入 | 退出码 | 秒 | 峰值内存 MB | 输出 |\n|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
console.log(`\n| 深层输入 | 退出码 | 秒 | 峰值内存 MB |\n|---|---|---|---|`);
for (const r of growth) console.log(`| ${r.join(' | ')} |`);
