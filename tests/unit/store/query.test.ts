/** Dashboard queries: counts by field, filtered + sorted + cursor-paged lists. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Store, StoredFinding } from '../../../utils/db';
import { finding, freshStore, page } from './helpers';

let store: Store;
const SITES = ['http://www.aa.gov.cn', 'http://www.bb.gov.cn'];
const COLUMNS = ['通知公告', '政策解读', null];
const RULES = ['catalog/empty-field', 'date/malformed-text', 'doc-number/format'];
const LEVELS = ['error', 'warn', 'info'] as const;
let all: StoredFinding[];

beforeAll(async () => {
  store = (await freshStore()).store;
  // 60 pages × 3 findings, deterministic spread over sites, columns, rules, levels and time.
  for (let i = 0; i < 60; i++) {
    const url = `${SITES[i % 2]}/p/${i}.html`;
    const fs = RULES.map((r, j) =>
      finding(url, r, `k${j}`, { level: LEVELS[(i + j) % 3], certainty: j === 2 ? 'suspected' : 'certain', excerpt: i === 7 && j === 0 ? '=HYPERLINK("http://evil")' : `摘录${i}-${j}` }),
    );
    await store.reconcile(page(url, { column: COLUMNS[i % 3], headline: `第${i}号文件` }), fs, { now: 1000 + i });
  }
  all = [];
  for await (const b of store.iterate()) all.push(...b);
  // Some statuses.
  await store.setStatusWhere({ ruleId: 'doc-number/format', site: SITES[0] }, 'ignored', undefined, 9000);
});

const brute = (pred: (f: StoredFinding) => boolean) => all.filter(pred).length;

describe('countBy', () => {
  it('counts without a filter, nulls under the empty key', async () => {
    expect(await store.countBy('site')).toEqual({ [SITES[0]]: 90, [SITES[1]]: 90 });
    expect(await store.countBy('column')).toEqual({ 通知公告: 60, 政策解读: 60, '': 60 });
    expect(await store.countBy('level')).toEqual({ error: 60, warn: 60, info: 60 });
    expect(await store.countBy('certainty')).toEqual({ certain: 120, suspected: 60 });
    expect(await store.countBy('status')).toEqual({ open: 150, ignored: 30 });
  });
  it('counts under a status filter through the compound indexes', async () => {
    expect(await store.countBy('ruleId', { status: 'open' })).toEqual({ 'catalog/empty-field': 60, 'date/malformed-text': 60, 'doc-number/format': 30 });
    expect(await store.countBy('column', { status: 'ignored' })).toEqual({ 通知公告: 10, 政策解读: 10, '': 10 });
    expect(await store.countBy('status', { status: 'open' })).toEqual({ open: 150 });
  });
  it('counts under any other filter by scanning, same answer as brute force', async () => {
    const c = await store.countBy('level', { site: SITES[1], column: '通知公告', text: '摘录' });
    const exp: Record<string, number> = {};
    for (const f of all) if (f.site === SITES[1] && f.column === '通知公告') exp[f.level] = (exp[f.level] ?? 0) + 1;
    expect(c).toEqual(exp);
    expect(await store.count({ site: SITES[1], column: '通知公告' })).toBe(brute((f) => f.site === SITES[1] && f.column === '通知公告'));
    expect(await store.count({ column: null })).toBe(60);
    expect(await store.count()).toBe(180);
  });
});

async function pages(filter: Parameters<Store['query']>[0], opts: Parameters<Store['query']>[1]) {
  const out: StoredFinding[] = [];
  let cursor: string | null = null;
  let n = 0;
  do {
    const p = await store.query(filter, { ...opts, cursor });
    out.push(...p.items);
    cursor = p.next;
    if (++n > 100) throw new Error('paging does not end');
  } while (cursor);
  return out;
}

describe('query', () => {
  it('pages through everything newest first, each finding exactly once', async () => {
    const got = await pages({}, { limit: 7 });
    expect(got).toHaveLength(180);
    expect(new Set(got.map((f) => f.fingerprint)).size).toBe(180);
    for (let i = 1; i < got.length; i++) expect(got[i - 1].lastSeen).toBeGreaterThanOrEqual(got[i].lastSeen);
  });
  it('filters by equality + text + certainty + date range, sorted by lastSeen ascending', async () => {
    const filter = { site: SITES[0], certainty: 'certain' as const, from: 1010, to: 1040 };
    const got = await pages(filter, { limit: 5, dir: 'asc' });
    expect(got.length).toBe(brute((f) => f.site === SITES[0] && f.certainty === 'certain' && f.lastSeen >= 1010 && f.lastSeen <= 1040));
    for (let i = 1; i < got.length; i++) expect(got[i - 1].lastSeen).toBeLessThanOrEqual(got[i].lastSeen);
    const t = await store.query({ text: 'hyperlink' });
    expect(t.items.map((f) => f.excerpt)).toEqual(['=HYPERLINK("http://evil")']);
    expect((await store.query({ text: '第12号' })).items).toHaveLength(3);
  });
  it('sorts by level in severity order and by status in work-flow order', async () => {
    const got = await pages({ site: SITES[1] }, { sort: 'level', limit: 11 });
    expect(got).toHaveLength(90);
    const order = got.map((f) => f.level);
    expect(order.indexOf('warn')).toBe(30);
    expect(order.lastIndexOf('error')).toBe(29);
    expect(order.indexOf('info')).toBe(60);
    const st = await pages({}, { sort: 'status', limit: 40 });
    expect(st.map((f) => f.status).indexOf('ignored')).toBe(150);
  });
  it('sorts by rule and column', async () => {
    const byRule = await pages({ status: 'open' }, { sort: 'ruleId', dir: 'asc', limit: 13 });
    expect(byRule).toHaveLength(150);
    const ids = byRule.map((f) => f.ruleId);
    expect([...ids].sort()).toEqual(ids);
    const col = await pages({ column: '政策解读' }, { sort: 'column', limit: 9 });
    expect(col).toHaveLength(60);
  });
});

describe('materialised counts stay true through every write path', () => {
  it('reconcile, setStatus, setStatusWhere, reopen: stats equal a full scan', async () => {
    const { store: s } = await freshStore();
    const scan = async (field: 'site' | 'column' | 'ruleId' | 'level' | 'certainty' | 'status', status?: string) => {
      const out: Record<string, number> = {};
      for await (const b of s.iterate()) for (const f of b) if (!status || f.status === status) out[String(f[field] ?? '')] = (out[String(f[field] ?? '')] ?? 0) + 1;
      return out;
    };
    const check = async () => {
      for (const field of ['site', 'column', 'ruleId', 'level', 'certainty', 'status'] as const) {
        expect(await s.countBy(field)).toEqual(await scan(field));
        for (const st of ['open', 'fixed', 'ignored']) expect(await s.countBy(field, { status: st as 'open' })).toEqual(await scan(field, st));
      }
    };
    const u = (i: number) => `http://www.aa.gov.cn/${i}.html`;
    for (let i = 0; i < 6; i++) await s.reconcile(page(u(i), { column: i % 2 ? null : '通知公告' }), [finding(u(i), 'a/b', 'k'), finding(u(i), 'c/d', 'k', { level: 'info', certainty: 'suspected' })], { now: i });
    await check();
    await s.reconcile(page(u(0)), [finding(u(0), 'a/b', 'k')], { now: 10 }); // one fixed
    await s.setStatusWhere({ ruleId: 'c/d', column: null }, 'ignored');
    await check();
    const [f] = await s.findingsForUrl(u(1));
    await s.reopen([f.fingerprint]);
    await s.reconcile(page(u(0)), [finding(u(0), 'a/b', 'k'), finding(u(0), 'c/d', 'k', { level: 'info' })], { now: 11 }); // reopened
    await check();
    await s.rebuildStats();
    await check();
  });
});
