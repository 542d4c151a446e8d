// `npm test`: every test there is, in the order that fails fastest —
// type check, unit tests, extension build, Chromium (installed when missing), end-to-end tests.
import { spawnSync } from 'node:child_process';

const steps = [
  ['类型检查', 'npx', ['tsc', '--noEmit', '-p', '.']],
  ['单元测试', 'npx', ['vitest', 'run']],
  ['构建扩展', 'npx', ['wxt', 'build']],
  ['准备 Chromium', 'node', ['scripts/ensure-chromium.mjs']],
  ['端到端测试（Chromium）', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts']],
];

for (const [name, cmd, args] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✖ ${name} 失败（退出码 ${r.status ?? r.signal}）`);
    process.exit(r.status || 1);
  }
  console.log(`✔ ${name}（${((Date.now() - t0) / 1000).toFixed(1)} s）`);
}
console.log('\n全部测试通过。');
