// `npm test`: every test there is, in the order that fails fastest —
// type check, unit tests, fault tests, real pages, extension build, Chromium (installed when
// missing), end-to-end tests.
// Ends with one plain line of totals ("Tests: N passed, N failed") over every test run.
import { ensureDeps } from './ensure-deps.mjs';
import { countTotals } from './test-totals.mjs';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

ensureDeps();
const reports = mkdtempSync(join(tmpdir(), 'govlint-test-'));
process.on('exit', () => rmSync(reports, { recursive: true, force: true }));
const vitest = (name, ...args) => ['npx', ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, name)}`]];
const steps = [
  ['类型检查', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['单元测试', ...vitest('unit.json')],
  ['故障测试（npm run test:faults）', ...vitest('faults.json', '-c', 'vitest.faults.config.ts')],
  ['真实页面检查（npm run real -- --check）', 'npx', ['tsx', 'tests/real/run.ts', '--check']],
  ['构建扩展', 'npx', ['wxt', 'build']],
  ['准备 Chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['端到端测试（Chromium）', ...vitest('e2e.json', '-c', 'vitest.e2e.config.ts')],
];

function totals() {
  return countTotals(['unit.json', 'faults.json', 'e2e.json'].map((f) => join(reports, f)).filter(existsSync).map((p) => JSON.parse(readFileSync(p, 'utf8'))));
}

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    const t = totals();
    console.error(`\n✖ ${name} 失败（退出码 ${r.status ?? r.signal}）`);
    console.log(`Tests: ${t.passed} passed, ${Math.max(1, t.failed)} failed`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name}（${((Date.now() - t0) / 1000).toFixed(1)} s）`);
}
const t = totals();
console.log('\n全部测试通过。');
console.log(`Tests: ${t.passed} passed, ${t.failed} failed`);
