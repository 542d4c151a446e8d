/** The dashboard chart's data: open and fixed findings of a site per day, from the store's status history. */
import { describe, expect, it } from 'vitest';
import { loadStatusTrend, statusTrend, MAX_DAILY_POINTS } from '../../../utils/status-trend';
import { finding, freshStore, page } from './helpers';

const U = 'http://www.xx.gov.cn/a.html';
const OTHER = 'http://www.yy.gov.cn/a.html';
/** Noon of a local day in November 2026. */
const nov = (d: number, h = 12) => new Date(2026, 10, d, h).getTime();

describe('status trend', () => {
  it('counts open and fixed per day: found on the 1st, one fixed by the re-check on the 3rd, one ignored by hand', async () => {
    const { store } = await freshStore();
    const three = ['k1', 'k2', 'k3'].map((k) => finding(U, 'a/b', k));
    await store.reconcile(page(U), three, { now: nov(1) });
    // The re-check on the 3rd no longer sees k1: the store marks it fixed.
    await store.reconcile(page(U), three.slice(1), { now: nov(3) });
    const k3 = (await store.findingsForUrl(U)).find((f) => f.key === 'k3')!;
    await store.setStatus([k3.fingerprint], 'ignored', undefined, nov(4));
    // Another site's findings are not this site's.
    await store.reconcile(page(OTHER), [finding(OTHER, 'a/b', 'k1')], { now: nov(2) });

    const trend = await loadStatusTrend(store, 'http://www.xx.gov.cn', nov(5));
    expect(trend.unit).toBe('day');
    expect(trend.points).toEqual([
      { date: '2026-11-01', open: 3, fixed: 0 },
      { date: '2026-11-02', open: 3, fixed: 0 },
      { date: '2026-11-03', open: 2, fixed: 1 },
      { date: '2026-11-04', open: 1, fixed: 1 },
      { date: '2026-11-05', open: 1, fixed: 1 },
    ]);
  });

  it('counts a fixed finding that comes back as open again', async () => {
    const { store } = await freshStore();
    const f = [finding(U, 'a/b', 'k1')];
    await store.reconcile(page(U), f, { now: nov(1) });
    await store.reconcile(page(U), [], { now: nov(2) });
    await store.reconcile(page(U), f, { now: nov(3, 9) });
    const trend = await loadStatusTrend(store, 'http://www.xx.gov.cn', nov(3, 18));
    expect(trend.points.map((p) => [p.open, p.fixed])).toEqual([
      [1, 0],
      [0, 1],
      [1, 0],
    ]);
  });

  it('goes per week over a long span, the last point being today', async () => {
    const { store } = await freshStore();
    await store.reconcile(page(U), [finding(U, 'a/b', 'k1'), finding(U, 'a/b', 'k2')], { now: new Date(2026, 0, 10, 12).getTime() });
    await store.reconcile(page(U), [finding(U, 'a/b', 'k2')], { now: new Date(2026, 5, 1, 12).getTime() });
    const trend = await loadStatusTrend(store, 'http://www.xx.gov.cn', nov(20));
    expect(trend.unit).toBe('week');
    expect(trend.points.length).toBeLessThan(MAX_DAILY_POINTS);
    expect(trend.points.at(-1)).toEqual({ date: '2026-11-20', open: 1, fixed: 1 });
    expect(trend.points[0]).toMatchObject({ open: 2, fixed: 0 });
    expect(new Set(trend.points.map((p) => new Date(p.date).getDay())).size).toBe(1);
  });

  it('is empty for a site with no findings, and uses the dates of a record without history', () => {
    expect(statusTrend([], nov(5)).points).toEqual([]);
    const old = { firstSeen: nov(1), lastSeen: nov(2), fixedAt: nov(2), status: 'fixed', history: [] } as never;
    expect(statusTrend([old], nov(2)).points).toEqual([
      { date: '2026-11-01', open: 1, fixed: 0 },
      { date: '2026-11-02', open: 0, fixed: 1 },
    ]);
  });
});
