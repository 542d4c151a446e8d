// `npm start`: the main job on the bundled sample site. Audits every page of samples/site/ (saved
// pages of a county government site) through the CLI — the same engine as the extension — as if
// read from http://www.cnx.gov.cn/, and prints the findings, grouped by page, and the summary.
// Needs no display and no browser. Extra arguments go to the CLI (e.g. `npm start -- --format json`).
import { ensureDeps } from './ensure-deps.mjs';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

ensureDeps();
const root = resolve(import.meta.dirname, '..');
// The sample pages were written for this date; a fixed "today" keeps the demo's column ages stable.
const TODAY = '2026-11-22';
const args = ['audit', join(root, 'samples/site'), '--base-url', 'http://www.cnx.gov.cn/', '--today', TODAY, ...process.argv.slice(2)];
console.log(`GovLint 示例：检查 samples/site/（模拟 http://www.cnx.gov.cn/，检查日期 ${TODAY}）`);
const child = spawn(process.execPath, [join(root, 'cli/bin.mjs'), ...args], { stdio: 'inherit' });
// Exit code 1 only means "error-level findings were found": that is the demo working.
child.on('exit', (code) => process.exit(code === 2 ? 2 : 0));
