// Makes sure Debian's Chromium is there for the end-to-end tests. As root it installs the
// `chromium` package (apt-get); otherwise it stops at once and says exactly what to run.
// It never lets the e2e tests be skipped silently.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'].filter(Boolean);
const found = () => CANDIDATES.find((p) => existsSync(p));

if (found()) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (isRoot && hasApt) {
  console.log('未找到 Chromium，正在安装 Debian 的 chromium 软件包（apt-get，约 20 秒）…');
  const run = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
  if (run('apt-get update -qq') && run('apt-get install -y -qq chromium') && found()) process.exit(0);
  console.error('安装 Chromium 失败。请手动运行：apt-get update && apt-get install -y chromium');
  process.exit(1);
}
console.error(
  [
    '端到端测试需要 Debian 的 Chromium，但本机没有安装。请运行：',
    '',
    '    sudo apt-get update && sudo apt-get install -y chromium',
    '',
    '（或设置 CHROMIUM_PATH 指向已有的 Chromium 可执行文件），然后再运行 npm test。',
  ].join('\n'),
);
process.exit(1);
