// Installs the project's npm packages when they are missing (a fresh clone), so `npm start` and
// `npm test` are the whole set-up. Exported for the two scripts; does nothing once installed.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

export function ensureDeps() {
  const root = resolve(import.meta.dirname, '..');
  if (existsSync(join(root, 'node_modules', '.package-lock.json')) && existsSync(join(root, 'node_modules', 'tsx'))) return;
  console.log('首次运行：正在安装依赖（npm ci）…');
  const r = spawnSync('npm', ['ci'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('依赖安装失败，请手动运行 npm ci 后重试。');
    process.exit(r.status || 1);
  }
}
