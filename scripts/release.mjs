// `npm run release`: the packages an office installs without a web store, in release/:
//   govlint-<version>-chromium.zip  Chrome, Edge, 360, 奇安信 (load unpacked from the unzipped folder,
//                                   or drag the zip onto the extensions page; also the Edge Add-ons
//                                   upload format: manifest.json at the root of the zip)
//   govlint-<version>-firefox.zip   Firefox (about:debugging → 临时载入, or AMO upload)
//   govlint-<version>-sources.zip   the sources a reviewer rebuilds it from (`npm ci && npm run build`)
//   SHA256SUMS.txt                  sha256sum -c SHA256SUMS.txt checks them
// The version is package.json's, and CHANGELOG.md must have an entry for it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'release');
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

function fail(msg) {
  console.error(`✖ ${msg}`);
  process.exit(1);
}

const changelog = existsSync(join(ROOT, 'CHANGELOG.md')) ? readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8') : '';
if (!new RegExp(`^## \\[?${version.replace(/\./g, '\\.')}\\]?(\\s|$)`, 'm').test(changelog))
  fail(`CHANGELOG.md 没有 ${version} 版的条目：请先在 CHANGELOG.md 加上“## ${version} — 日期”和本版的变化，再发布`);

function run(args) {
  console.log(`▶ npx ${args.join(' ')}`);
  const r = spawnSync('npx', args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) fail(`${args.join(' ')} 失败（退出码 ${r.status}）`);
}
run(['wxt', 'zip', '-b', 'chrome']);
run(['wxt', 'zip', '-b', 'firefox']);

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT);
const files = [
  [`govlint-${version}-chrome.zip`, `govlint-${version}-chromium.zip`],
  [`govlint-${version}-firefox.zip`, `govlint-${version}-firefox.zip`],
  [`govlint-${version}-sources.zip`, `govlint-${version}-sources.zip`],
];
const sums = [];
for (const [from, to] of files) {
  const src = join(ROOT, '.output', from);
  if (!existsSync(src)) fail(`没有生成 ${from}`);
  copyFileSync(src, join(OUT, to));
  sums.push(`${createHash('sha256').update(readFileSync(src)).digest('hex')}  ${to}`);
}
writeFileSync(join(OUT, 'SHA256SUMS.txt'), sums.join('\n') + '\n');
console.log(`\n✔ GovLint ${version} 的安装包在 release/：`);
for (const s of sums) console.log(`  ${s}`);
