/**
 * The release package as an office installs it: the Chromium zip from `npm run release`, unzipped
 * and loaded, has the fixed extension id and audits a page; an earlier install's findings, statuses
 * and notes survive installing the new package over it (same id → same IndexedDB).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingsOnceReported, fixture, inExtension, launch, ROOT, serve, storedFindings, waitFor, type Site } from './harness';
import { unzip } from './unzip';

const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const work = mkdtempSync(join(tmpdir(), 'govlint-release-'));
const PATH = '/zwgk/xxgk/2018/1204/1.html';
let site: Site;

/** Chromium's id for a manifest key: the first 128 bits of SHA-256 of the key, as letters a–p. */
function idFromKey(key: string): string {
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

beforeAll(async () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/release.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run release 失败：\n${r.stdout}\n${r.stderr}`);
  site = await serve({ [PATH]: fixture('pages/yunnan-changning-bad-checkdigit.html') });
}, 180_000);
afterAll(async () => {
  await site?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('release package', () => {
  it('writes checksums that match the packages', () => {
    const sums = readFileSync(join(ROOT, 'release/SHA256SUMS.txt'), 'utf8').trim().split('\n');
    expect(sums.map((l) => l.split(/\s+/)[1]).sort()).toEqual([`govlint-${version}-chromium.zip`, `govlint-${version}-firefox.zip`, `govlint-${version}-sources.zip`]);
    for (const line of sums) {
      const [sum, name] = line.split(/\s+/);
      expect(createHash('sha256').update(readFileSync(join(ROOT, 'release', name))).digest('hex'), name).toBe(sum);
    }
  });

  it('the Firefox package passes web-ext lint: no errors, and no warning from our code', () => {
    const dir = join(work, 'firefox');
    unzip(join(ROOT, `release/govlint-${version}-firefox.zip`), dir);
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/web-ext/bin/web-ext.js'), 'lint', '--source-dir', dir, '--self-hosted', '--output', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    expect(report.errors, JSON.stringify(report.errors)).toEqual([]);
    // preact's diff assigns innerHTML for dangerouslySetInnerHTML, which no component of ours uses.
    for (const w of report.warnings) {
      expect(w.code, JSON.stringify(w)).toBe('UNSAFE_VAR_ASSIGNMENT');
      const line = readFileSync(join(dir, w.file), 'utf8').split('\n')[w.line - 1];
      expect(line.slice(Math.max(0, w.column - 200), w.column + 50)).toContain('__html');
    }
  });

  it('installs from the zip with its fixed id, audits a page, and an update over an earlier install keeps every finding and status', async () => {
    const fresh = join(work, 'new');
    const names = unzip(join(ROOT, `release/govlint-${version}-chromium.zip`), fresh);
    expect(names).toContain('manifest.json');
    const manifest = JSON.parse(readFileSync(join(fresh, 'manifest.json'), 'utf8'));
    expect(manifest.version).toBe(version);
    expect(manifest.minimum_chrome_version).toBeTruthy();

    // The "earlier release": the same package with a lower version, installed first in a profile.
    const earlier = join(work, 'old');
    cpSync(fresh, earlier, { recursive: true });
    writeFileSync(join(earlier, 'manifest.json'), JSON.stringify({ ...manifest, version: '0.0.1' }));
    const profile = join(work, 'profile');
    const url = site.origin('www.cn.gov.cn') + PATH;

    const old = await launch({ extension: earlier, userDataDir: profile });
    expect(old.extensionId).toBe(idFromKey(manifest.key));
    const page = await old.context.newPage();
    await page.goto(url);
    const before = await findingsOnceReported(old, url, 'index-number/check-digit', '旧版本写入检查结果');
    // An editor's judgement on one finding: 误报, with a note.
    const marked = before.find((f) => f.ruleId === 'catalog/empty-field')!.fingerprint;
    await inExtension(
      old,
      async (fp: string) => {
        const db: IDBDatabase = await new Promise((ok, err) => {
          const r = indexedDB.open('govlint');
          r.onsuccess = () => ok(r.result);
          r.onerror = () => err(r.error);
        });
        const store = db.transaction('findings', 'readwrite').objectStore('findings');
        const f = await new Promise<any>((ok) => (store.get(fp).onsuccess = (e) => ok((e.target as IDBRequest).result)));
        await new Promise((ok) => (store.put({ ...f, status: 'false-positive', note: '模板说明文字，不是问题' }).onsuccess = ok));
        db.close();
      },
      marked,
    );
    // The link pass writes its findings after the page audit: wait until the store is quiet.
    let kept = await storedFindings(old, url);
    for (;;) {
      await new Promise((r) => setTimeout(r, 1500));
      const again = await storedFindings(old, url);
      if (JSON.stringify(again) === JSON.stringify(kept)) break;
      kept = again;
    }
    await old.close();

    const updated = await launch({ extension: fresh, userDataDir: profile });
    try {
      expect(updated.extensionId).toBe(old.extensionId);
      const version2 = await inExtension(updated, () => (globalThis as any).chrome.runtime.getManifest().version as string, null);
      expect(version2).toBe(version);
      const after = await storedFindings(updated, url);
      expect(after.map((f) => [f.fingerprint, f.status]).sort()).toEqual(kept.map((f) => [f.fingerprint, f.status]).sort());
      expect(after.find((f) => f.fingerprint === marked)!.status).toBe('false-positive');
      // And the updated install audits: a re-visit keeps the 误报 and the error open.
      const p2 = await updated.context.newPage();
      await p2.goto(url);
      await waitFor(async () => ((await storedFindings(updated, url)).some((f) => f.ruleId === 'index-number/check-digit' && f.status === 'open') ? true : null), '新版本复查');
      expect((await storedFindings(updated, url)).find((f) => f.fingerprint === marked)!.status).toBe('false-positive');
    } finally {
      await updated.close();
    }
  });
});
