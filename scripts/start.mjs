// `npm start`: the main job on the bundled sample site. Lays out the pages listed in
// samples/site.json (saved pages of a county government site, kept once as test fixtures) in a
// temporary folder and audits them through the CLI — the same engine as the extension — as if
// read from http://www.cnx.gov.cn/, printing the findings by page and the 检查指标 summary.
// Needs no display and no browser. Extra arguments go to the CLI (e.g. `npm start -- --format json`).
import { ensureDeps } from './ensure-deps.mjs';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

ensureDeps();
const root = resolve(import.meta.dirname, '..');
// The sample pages were written for this date; a fixed "today" keeps the demo's column ages stable.
const TODAY = '2026-11-22';
const { pages } = JSON.parse(readFileSync(join(root, 'samples/site.json'), 'utf8'));
const site = mkdtempSync(join(tmpdir(), 'govlint-sample-'));
for (const [path, fixture] of Object.entries(pages)) {
  mkdirSync(dirname(join(site, path)), { recursive: true });
  copyFileSync(join(root, fixture), join(site, path));
}
const args = ['audit', site, '--base-url', 'http://www.cnx.gov.cn/', '--today', TODAY, ...process.argv.slice(2)];
console.log(`GovLint 示例：检查示例县政府网站（${Object.keys(pages).length} 个页面，模拟 http://www.cnx.gov.cn/，检查日期 ${TODAY}）`);
const child = spawn(process.execPath, [join(root, 'cli/bin.mjs'), ...args], { stdio: 'inherit' });
child.on('exit', (code) => {
  rmSync(site, { recursive: true, force: true });
  // Exit code 1 only means "error-level findings were found": that is the demo working.
  process.exit(code === 2 ? 2 : 0);
});
