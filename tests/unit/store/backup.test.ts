/** Backup, restore with merge, and bad files that change nothing. */
import { describe, expect, it } from 'vitest';
import { backupToJson, BackupError, createBackup, restoreBackup } from '../../../utils/backup';
import { toJson } from '../../../utils/export';
import { finding, freshStore, page } from './helpers';

const U = (i: number) => `http://www.xx.gov.cn/p/${i}.html`;

async function seeded() {
  const { store } = await freshStore();
  for (let i = 0; i < 5; i++) await store.reconcile(page(U(i)), [finding(U(i), 'a/b', 'k1'), finding(U(i), 'c/d', 'k2', { level: 'warn' })], { now: 100 + i });
  return store;
}
const snapshot = async (store: Awaited<ReturnType<typeof seeded>>) => {
  const f = (await store.db.getAll('findings')).sort((a: any, b: any) => a.fingerprint.localeCompare(b.fingerprint));
  const p = (await store.db.getAll('pages')).sort((a: any, b: any) => a.url.localeCompare(b.url));
  return JSON.stringify([f, p]);
};

describe('backup and restore', () => {
  it('restores everything into an empty store', async () => {
    const a = await seeded();
    await a.setMeta('lastSweep', 123);
    const json = backupToJson(await createBackup(a));
    const { store: b } = await freshStore();
    const r = await restoreBackup(b, json);
    expect(r).toMatchObject({ findingsAdded: 10, pagesAdded: 5, findingsUpdated: 0, auditsAdded: 5 });
    expect(await snapshot(b)).toBe(await snapshot(a));
    expect(await b.getMeta('lastSweep')).toBe(123);
    // Restoring the same file again changes nothing and duplicates nothing.
    const again = await restoreBackup(b, json);
    expect(again).toMatchObject({ findingsAdded: 0, findingsUpdated: 0, findingsUnchanged: 10, pagesAdded: 0, auditsAdded: 0 });
    expect(await b.count()).toBe(10);
  });

  it('merges: the newer copy wins, histories are joined, page counts follow', async () => {
    const a = await seeded();
    const [f1, f2] = await a.findingsForUrl(U(0));
    const json = backupToJson(await createBackup(a));
    // Meanwhile, the user marks f1 as a false positive here (later than the backup).
    await a.setStatus([f1.fingerprint], 'false-positive', '专有名词', 500);
    // And in the backup's store, f2 was re-audited later and ignored.
    const other = await seeded();
    await other.setStatus([f2.fingerprint], 'ignored', undefined, 400);
    await other.reconcile(page(U(0)), [finding(U(0), 'a/b', 'k1'), finding(U(0), 'c/d', 'k2', { level: 'warn' })], { now: 600 });
    const r = await restoreBackup(a, backupToJson(await createBackup(other)));
    expect(r.findingsAdded).toBe(0);
    const g1 = (await a.finding(f1.fingerprint))!;
    const g2 = (await a.finding(f2.fingerprint))!;
    // f1: the backup copy has lastSeen 600 (re-audit) → its fields win; our later user decision stays.
    expect(g1).toMatchObject({ lastSeen: 600, status: 'false-positive', note: '专有名词' });
    expect(g1.history.map((h) => h.to)).toEqual(['open', 'false-positive']);
    expect(g2).toMatchObject({ status: 'ignored', lastSeen: 600 });
    expect(await a.count()).toBe(10);
    expect(json).toContain('govlint-backup');
    // The materialised counts follow the merge.
    expect(await a.countBy('status')).toEqual({ open: 8, 'false-positive': 1, ignored: 1 });
  });

  it('a findings JSON export restores too', async () => {
    const a = await seeded();
    const all: unknown[] = [];
    for await (const b of a.iterate()) all.push(...b);
    const { store: b } = await freshStore();
    const r = await restoreBackup(b, toJson(all));
    expect(r.findingsAdded).toBe(10);
  });

  it.each([
    ['', /文件是空的/],
    ['{"format":"govlint-backup"', /不是有效的 JSON/],
    ['[1,2]', /最外层应是一个对象/],
    ['{"format":"something-else","version":1,"findings":[]}', /这不是 GovLint 备份文件/],
    ['{"format":"govlint-backup","version":9,"findings":[],"pages":[]}', /版本 9 比本程序支持的版本 1 新/],
    ['{"format":"govlint-backup","version":1,"pages":[]}', /缺少问题记录列表/],
    ['{"format":"govlint-backup","version":1,"findings":[]}', /缺少页面列表/],
  ])('bad file %j is refused with a Chinese message', async (text, msg) => {
    const a = await seeded();
    const before = await snapshot(a);
    const err = await restoreBackup(a, text).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.message).toMatch(msg);
    expect(await snapshot(a)).toBe(before);
  });

  it('one bad record among good ones: the message names it, nothing is written', async () => {
    const a = await seeded();
    const { store: b } = await freshStore();
    const file = await createBackup(a);
    (file.findings[7] as any).status = 'done';
    const err = await restoreBackup(b, JSON.stringify(file)).catch((e) => e);
    expect(err).toBeInstanceOf(BackupError);
    expect(err.message).toBe('第 8 条问题记录的状态“done”无效（应为 open、fixed、ignored 或 false-positive）。');
    expect(await b.count()).toBe(0);
    delete (file.findings[7] as any).history;
    (file.findings[7] as any).status = 'open';
    expect((await restoreBackup(b, file).catch((e) => e)).message).toMatch(/第 8 条问题记录缺少状态历史/);
    expect(await b.count()).toBe(0);
  });
});
