/**
 * Every schema step is tested from the version before it: a store written by version v-1 opens in
 * version v with every finding intact (and still found through the indexes the new version adds).
 */
import { describe, expect, it } from 'vitest';
import { DB_VERSION, MIGRATIONS, openDatabase, openStore } from '../../utils/db';
import { finding, freshFactory, page } from '../unit/store/helpers';

describe('migrations', () => {
  it('has one step per version, from 1 to DB_VERSION', () => {
    expect(Object.keys(MIGRATIONS).map(Number)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  it('v1 creates pages and findings with their indexes', async () => {
    const factory = freshFactory();
    const db = await openDatabase({ factory, version: 1 });
    expect([...db.objectStoreNames].sort()).toEqual(['findings', 'pages']);
    const tx = db.transaction(['findings', 'pages']);
    expect([...tx.objectStore('findings').indexNames].sort()).toEqual(['column', 'lastSeen', 'level', 'ruleId', 'site', 'status', 'url']);
    expect([...tx.objectStore('pages').indexNames].sort()).toEqual(['indexNumber', 'lastAudit', 'site']);
    db.close();
  });

  it('v1 → v2 keeps every page and finding, with statuses and history, and they are queryable', async () => {
    const factory = freshFactory();
    const v1 = await openStore({ factory, version: 1 });
    const urls = Array.from({ length: 30 }, (_, i) => `http://www.xx.gov.cn/p/${i}.html`);
    for (const [i, u] of urls.entries()) {
      const fs = [finding(u, 'catalog/empty-field', '文号'), finding(u, 'date/malformed-text', `20${i}#0`, { level: i % 2 ? 'warn' : 'error' })];
      await v1.reconcile(page(u, { column: i % 3 ? '通知公告' : null }), fs, { now: 1000 + i });
    }
    const some = (await v1.findingsForUrl(urls[0])).map((f) => f.fingerprint);
    await v1.setStatus(some, 'ignored', '旧版本的备注', 5000);
    await v1.reconcile(page(urls[1]), [], { now: 6000 }); // two fixed
    const before = (await v1.db.getAll('findings')).sort((a: any, b: any) => a.fingerprint.localeCompare(b.fingerprint));
    const pagesBefore = await v1.db.getAll('pages');
    v1.close();

    const v2 = await openStore({ factory, version: 2 });
    expect(v2.db.version).toBe(2);
    const after = (await v2.db.getAll('findings')).sort((a: any, b: any) => a.fingerprint.localeCompare(b.fingerprint));
    expect(after).toEqual(before);
    expect(after).toHaveLength(60);
    expect(await v2.db.getAll('pages')).toEqual(pagesBefore);
    // The v2 indexes see the old records.
    expect(await v2.countBy('status')).toEqual({ open: 56, ignored: 2, fixed: 2 });
    expect(await v2.countBy('column', { status: 'open' })).toEqual({ 通知公告: 38, '': 18 });
    const q = await v2.query({ ruleId: 'date/malformed-text', status: 'open' }, { limit: 100 });
    expect(q.items).toHaveLength(28);
    // And it still works as a store.
    const r = await v2.reconcile(page(urls[2]), [finding(urls[2], 'catalog/empty-field', '文号')], { now: 7000 });
    expect(r).toMatchObject({ added: 0, fixed: 1 });
    v2.close();
  });

  it('v2 → v3 keeps every finding and builds the materialised counts from them', async () => {
    const factory = freshFactory();
    const v2 = await openStore({ factory, version: 2 });
    const statuses = ['open', 'fixed', 'ignored', 'false-positive'] as const;
    for (let i = 0; i < 40; i++) {
      const u = `http://www.${i % 2 ? 'aa' : 'bb'}.gov.cn/p/${i}.html`;
      await v2.reconcile(page(u, { column: i % 4 ? `栏目${i % 3}` : null }), [finding(u, `r/${i % 5}`, 'k', { level: i % 3 ? 'warn' : 'error', certainty: i % 7 ? 'certain' : 'suspected' })], { now: i });
      const [f] = await v2.findingsForUrl(u);
      if (i % 4) await v2.setStatus([f.fingerprint], statuses[i % 4], undefined, 100 + i);
    }
    const before = (await v2.db.getAll('findings')).sort((a: any, b: any) => a.fingerprint.localeCompare(b.fingerprint));
    // What the v2 store answers by scanning is the truth the v3 counts must match.
    const truth: Record<string, unknown> = {};
    for (const field of ['site', 'column', 'ruleId', 'level', 'certainty', 'status'] as const) {
      truth[field] = await v2.countBy(field, {});
      for (const s of statuses) truth[`${field}|${s}`] = await v2.countBy(field, { status: s });
    }
    v2.close();

    const v3 = await openStore({ factory });
    expect(v3.db.version).toBe(3);
    expect((await v3.db.getAll('findings')).sort((a: any, b: any) => a.fingerprint.localeCompare(b.fingerprint))).toEqual(before);
    expect(await v3.db.count('stats')).toBeGreaterThan(0);
    for (const field of ['site', 'column', 'ruleId', 'level', 'certainty', 'status'] as const) {
      expect(await v3.countBy(field, {}), field).toEqual(truth[field]);
      for (const s of statuses) expect(await v3.countBy(field, { status: s }), `${field}|${s}`).toEqual(truth[`${field}|${s}`]);
    }
    expect(await v3.count({ status: 'open', column: null })).toBe(before.filter((f: any) => f.status === 'open' && f.column === null).length);
    v3.close();
  });

  it('v1 → v2 → v3: findings of every status, with notes and history, are equal after each step', async () => {
    const factory = freshFactory();
    const v1 = await openStore({ factory, version: 1 });
    const statuses = ['open', 'fixed', 'ignored', 'false-positive'] as const;
    for (let i = 0; i < 24; i++) {
      const u = `http://www.${i % 3 ? 'aa' : 'bb'}.gov.cn/p/${i}.html`;
      await v1.reconcile(page(u, { column: i % 4 ? `栏目${i % 2}` : null }), [finding(u, `r/${i % 5}`, 'k'), finding(u, 'r/x', `k${i}`, { level: 'info' })], { now: i });
      const fs = (await v1.findingsForUrl(u)).map((f) => f.fingerprint);
      // Every status, with a note on some, and a status changed twice (history of two entries).
      await v1.setStatus(fs, statuses[i % 4], i % 2 ? `备注 ${i}：已核实` : undefined, 100 + i);
      if (i % 6 === 0) await v1.setStatus([fs[0]], 'false-positive', '误报：模板说明文字', 200 + i);
    }
    const sorted = (xs: any[]) => xs.sort((a, b) => a.fingerprint.localeCompare(b.fingerprint));
    const original = sorted(await v1.db.getAll('findings'));
    const pages = await v1.db.getAll('pages');
    expect(new Set(original.map((f: any) => f.status))).toEqual(new Set(statuses));
    expect(original.filter((f: any) => f.note).length).toBeGreaterThan(10);
    v1.close();

    for (let version = 2; version <= DB_VERSION; version++) {
      const store = await openStore({ factory, version });
      expect(store.db.version).toBe(version);
      expect(sorted(await store.db.getAll('findings')), `findings at v${version}`).toEqual(original);
      expect(await store.db.getAll('pages'), `pages at v${version}`).toEqual(pages);
      store.close();
    }
  });

  it('a store opened at the current version equals one upgraded from v1 (same stores and indexes)', async () => {
    const a = freshFactory();
    (await openDatabase({ factory: a, version: 1 })).close();
    const upgraded = await openDatabase({ factory: a });
    const fresh = await openDatabase({ factory: freshFactory() });
    const shape = (db: typeof fresh) =>
      [...db.objectStoreNames].map((n) => {
        const s = db.transaction(n).objectStore(n);
        return [n, s.keyPath, s.autoIncrement, [...s.indexNames].map((i) => [i, s.index(i).keyPath]).sort()];
      });
    expect(shape(upgraded)).toEqual(shape(fresh));
  });
});
