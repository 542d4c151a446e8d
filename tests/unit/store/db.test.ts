import { describe, expect, it, vi } from 'vitest';
import { IDBObjectStore } from 'fake-indexeddb';
import { fingerprint, fnv1a64, normalizeUrl, StoreError } from '../../../utils/db';
import { finding, freshStore, page } from './helpers';

const URL1 = 'http://www.xx.gov.cn/zwgk/2024/a.html';
const URL2 = 'http://www.xx.gov.cn/zwgk/2024/b.html';

describe('identity', () => {
  it('FNV-1a 64 matches the published test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
  it('fingerprint ignores the #hash and differs by rule and key', () => {
    expect(normalizeUrl(URL1 + '#p3')).toBe(URL1);
    expect(fingerprint(URL1 + '#x', 'date/malformed-text', '2019131#0')).toBe(fingerprint(URL1, 'date/malformed-text', '2019131#0'));
    expect(fingerprint(URL1, 'a/b', 'k')).not.toBe(fingerprint(URL1, 'a/c', 'k'));
    expect(fingerprint(URL1, 'a/b', 'k')).not.toBe(fingerprint(URL1, 'a/b', 'k2'));
    expect(fingerprint(URL1, 'a/b', '文号')).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('reconcile', () => {
  it('stores new findings as open, with page counts', async () => {
    const { store } = await freshStore();
    const r = await store.reconcile(page(URL1), [
      finding(URL1, 'catalog/empty-field', '文号'),
      finding(URL1, 'date/malformed-text', '2019131#0', { level: 'warn' }),
    ], { now: 1000 });
    expect(r.added).toBe(2);
    expect(r.findings.map((f) => f.status)).toEqual(['open', 'open']);
    const f = r.findings.find((x) => x.ruleId === 'catalog/empty-field')!;
    expect(f).toMatchObject({ site: 'http://www.xx.gov.cn', column: '通知公告', pageTitle: '关于印发某某办法的通知', firstSeen: 1000, lastSeen: 1000 });
    expect(f.history).toEqual([{ at: 1000, from: null, to: 'open', by: 'audit' }]);
    const p = await store.page(URL1 + '#top');
    expect(p).toMatchObject({ firstAudit: 1000, lastAudit: 1000, counts: { error: 1, warn: 1, info: 0 } });
  });

  it('a re-audit updates lastSeen, fixes what is gone and keeps the user statuses', async () => {
    const { store } = await freshStore();
    const a = finding(URL1, 'catalog/empty-field', '文号');
    const b = finding(URL1, 'catalog/empty-field', '主题词');
    const c = finding(URL1, 'date/malformed-text', '2019131#0');
    const d = finding(URL1, 'doc-number/format', 'field');
    const first = await store.reconcile(page(URL1), [a, b, c, d], { now: 1000 });
    const fp = (x: typeof a) => first.findings.find((f) => f.key === x.key && f.ruleId === x.ruleId)!.fingerprint;
    await store.setStatus([fp(c)], 'ignored', '原文如此', 1500);
    await store.setStatus([fp(d)], 'false-positive', undefined, 1500);

    // Second audit: a seen again, b gone, c gone (ignored), d seen (false positive).
    const second = await store.reconcile(page(URL1), [a, d], { now: 2000 });
    expect(second).toMatchObject({ added: 0, fixed: 1, reopened: 0 });
    const get = (x: typeof a) => second.findings.find((f) => f.fingerprint === fp(x))!;
    expect(get(a)).toMatchObject({ status: 'open', firstSeen: 1000, lastSeen: 2000 });
    expect(get(b)).toMatchObject({ status: 'fixed', fixedAt: 2000, lastSeen: 1000 });
    expect(get(b).history.at(-1)).toEqual({ at: 2000, from: 'open', to: 'fixed', by: 'audit' });
    expect(get(c)).toMatchObject({ status: 'ignored', note: '原文如此' });
    expect(get(d)).toMatchObject({ status: 'false-positive', lastSeen: 2000 });
    expect((await store.page(URL1))!.counts).toEqual({ error: 1, warn: 0, info: 0 });

    // Third audit: b is back → reopened by the audit.
    const third = await store.reconcile(page(URL1), [a, b, d], { now: 3000 });
    expect(third).toMatchObject({ added: 0, fixed: 0, reopened: 1 });
    const rb = third.findings.find((f) => f.fingerprint === fp(b))!;
    expect(rb.status).toBe('open');
    expect(rb.fixedAt).toBeUndefined();
    expect(rb.history.map((h) => `${h.from}>${h.to}:${h.by}`)).toEqual(['null>open:audit', 'open>fixed:audit', 'fixed>open:audit']);
    expect((await store.findingsForUrl(URL1)).length).toBe(4);
  });

  it('the link pass only touches link/broken, the page audit never touches it', async () => {
    const { store } = await freshStore();
    const link = finding(URL1, 'link/broken', 'http://x.gov.cn/dead');
    const cat = finding(URL1, 'catalog/empty-field', '文号');
    await store.reconcile(page(URL1), [cat], { now: 1 });
    const lp = await store.reconcile(page(URL1), [link], { now: 2, scope: (r) => r === 'link/broken' });
    expect(lp.findings.map((f) => f.ruleId)).toEqual(['link/broken']);
    // Page audit without the link finding: link/broken must stay open.
    const pa = await store.reconcile(page(URL1), [cat], { now: 3 });
    expect(pa.fixed).toBe(0);
    expect(pa.findings.map((f) => f.ruleId)).toEqual(['catalog/empty-field']);
    const all = await store.findingsForUrl(URL1);
    expect(all.find((f) => f.ruleId === 'link/broken')!.status).toBe('open');
    expect((await store.page(URL1))!.counts.error).toBe(2);
    // Link pass without it: fixed.
    const lp2 = await store.reconcile(page(URL1), [], { now: 4, scope: (r) => r === 'link/broken' });
    expect(lp2.fixed).toBe(1);
    expect((await store.page(URL1))!.counts.error).toBe(1);
  });

  it('two tabs auditing the same page at once never duplicate', async () => {
    const { store, factory } = await freshStore();
    const other = (await freshStore({ factory })).store;
    const fs = [finding(URL1, 'catalog/empty-field', '文号'), finding(URL1, 'catalog/empty-field', '文号')];
    const [r1, r2] = await Promise.all([store.reconcile(page(URL1), fs, { now: 5 }), other.reconcile(page(URL1), fs, { now: 6 })]);
    expect(r1.added + r2.added).toBe(1);
    expect(await store.findingsForUrl(URL1)).toHaveLength(1);
  });

  it('records each audit run', async () => {
    const { store } = await freshStore();
    await store.reconcile(page(URL1), [finding(URL1, 'a/b', 'k')], { now: 1 });
    await store.reconcile(page(URL1), [], { now: 2 });
    const runs = await store.audits(URL1);
    expect(runs.map((r) => [r.at, r.added, r.fixed])).toEqual([[1, 1, 0], [2, 0, 1]]);
  });
});

describe('status work-flow', () => {
  it('setStatus writes history with note, reopen clears fixedAt and recounts the page', async () => {
    const { store } = await freshStore();
    const r = await store.reconcile(page(URL1), [finding(URL1, 'a/b', 'k1'), finding(URL1, 'a/b', 'k2', { level: 'info' })], { now: 10 });
    const fps = r.findings.map((f) => f.fingerprint);
    expect(await store.setStatus(fps, 'false-positive', '术语正确', 20)).toBe(2);
    expect(await store.setStatus(fps, 'false-positive', '术语正确', 21)).toBe(0); // nothing changes twice
    expect((await store.page(URL1))!.counts).toEqual({ error: 0, warn: 0, info: 0 });
    const f = (await store.finding(fps[0]))!;
    expect(f.note).toBe('术语正确');
    expect(f.history.at(-1)).toEqual({ at: 20, from: 'open', to: 'false-positive', note: '术语正确', by: 'user' });
    expect(await store.setStatus([fps[0]], 'fixed', undefined, 30)).toBe(1);
    expect((await store.finding(fps[0]))!.fixedAt).toBe(30);
    expect(await store.reopen([fps[0]], '复查仍存在', 40)).toBe(1);
    const g = (await store.finding(fps[0]))!;
    expect(g).toMatchObject({ status: 'open', note: '复查仍存在' });
    expect(g.fixedAt).toBeUndefined();
    expect(g.history.map((h) => h.to)).toEqual(['open', 'false-positive', 'fixed', 'open']);
    expect((await store.page(URL1))!.counts).toEqual({ error: 1, warn: 0, info: 0 });
  });

  it('setStatusWhere changes the filtered set only', async () => {
    const { store } = await freshStore();
    await store.reconcile(page(URL1), [finding(URL1, 'a/b', 'k1'), finding(URL1, 'c/d', 'k2')], { now: 1 });
    await store.reconcile(page(URL2, { column: '政策解读' }), [finding(URL2, 'a/b', 'k1')], { now: 1 });
    expect(await store.setStatusWhere({ ruleId: 'a/b', column: '通知公告' }, 'ignored', '批量', 5)).toBe(1);
    expect(await store.countBy('status')).toEqual({ open: 2, ignored: 1 });
  });
});

describe('lookups', () => {
  it('urlsWithIndexNumber and indexNumberShapes', async () => {
    const { store } = await freshStore();
    await store.reconcile(page(URL1, { indexNumber: '01526376-X-/2018-1204001' }), [], { now: 1 });
    await store.reconcile(page(URL2, { indexNumber: '01526376-X-/2018-1204001' }), [], { now: 1 });
    await store.reconcile(page('http://www.xx.gov.cn/c.html', { indexNumber: '11530000MB1234567X/2020-00012' }), [], { now: 1 });
    await store.reconcile(page('http://www.yy.gov.cn/c.html', { indexNumber: '01526376-1-/2019-1204002' }), [], { now: 1 });
    expect(await store.urlsWithIndexNumber('01526376-X-/2018-1204001', URL1 + '#a')).toEqual([URL2]);
    expect(await store.urlsWithIndexNumber('nothing', URL1)).toEqual([]);
    expect(await store.indexNumberShapes('http://www.xx.gov.cn')).toEqual({
      // The rule's own shapes (index-number/format compares them with shapeOf of the page).
      '8-1-/4-7': 2,
      '18/4-5': 1,
    });
  });
});

describe('quota', () => {
  it('a QuotaExceededError becomes a StoreError with a Chinese message, nothing half-written', async () => {
    const { store } = await freshStore();
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    try {
      const err = await store.reconcile(page(URL1), [finding(URL1, 'a/b', 'k')], { now: 1 }).catch((e) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect(err.code).toBe('quota');
      expect(err.message).toMatch(/^存储空间不足/);
    } finally {
      spy.mockRestore();
    }
    expect(await store.findingsForUrl(URL1)).toEqual([]);
    expect(await store.page(URL1)).toBeUndefined();
  });

  it('when the disk fills up half-way through an audit, the whole audit is rolled back', async () => {
    const { store } = await freshStore();
    const real = IDBObjectStore.prototype.put;
    let calls = 0;
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      if (++calls === 2) throw new DOMException('quota', 'QuotaExceededError');
      return real.apply(this, args);
    });
    try {
      const err = await store.reconcile(page(URL1), [finding(URL1, 'a/b', 'k1'), finding(URL1, 'a/b', 'k2')], { now: 1 }).catch((e) => e);
      expect(err).toBeInstanceOf(StoreError);
    } finally {
      spy.mockRestore();
    }
    expect(await store.findingsForUrl(URL1)).toEqual([]);
  });
});
