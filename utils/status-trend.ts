/**
 * Open vs fixed findings of a site over time, for the dashboard's small chart: per day (per week when
 * the span is long), how many of the site's findings were 待整改 and how many 已整改 at the end of it.
 *
 * Built only from what the store records: each finding's status history (every change, by a
 * re-audit or by hand, with its time). A finding counts from its first entry (first seen) on; what
 * a re-audit closes is 已整改 from that re-audit, which is when GovLint saw it fixed — the page may
 * have been fixed earlier, the store cannot know. 已忽略 and 误报 are in neither line.
 */
import type { FindingStatus, Store, StoredFinding } from './db';

export interface TrendPoint {
  /** Local date (YYYY-MM-DD) of the day, or of the last day of the week, the point closes. */
  date: string;
  open: number;
  fixed: number;
}

export interface StatusTrend {
  unit: 'day' | 'week';
  points: TrendPoint[];
}

/** Longer spans than this many days are drawn per week (a point per day would be a smear at 600 px). */
export const MAX_DAILY_POINTS = 62;

type Counted = 'open' | 'fixed';
const counted = (s: FindingStatus | null): s is Counted => s === 'open' || s === 'fixed';

/** The changes of one finding's status in time order; a record without history falls back to its dates. */
function changesOf(f: StoredFinding): { at: number; to: FindingStatus }[] {
  if (Array.isArray(f.history) && f.history.length) return [...f.history].sort((a, b) => a.at - b.at).map((h) => ({ at: h.at, to: h.to }));
  const out: { at: number; to: FindingStatus }[] = [{ at: f.firstSeen, to: f.status === 'fixed' ? 'open' : f.status }];
  if (f.status === 'fixed') out.push({ at: f.fixedAt ?? f.lastSeen, to: 'fixed' });
  return out;
}

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** The end (exclusive) of the local day `at` falls in. */
const dayAfter = (at: number) => {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
};

/**
 * The trend of these findings from the day the first was seen to the day of `now`. Each point is
 * the state at the end of its day (or week; the last point is always the day of `now`).
 */
export function statusTrend(findings: Iterable<StoredFinding>, now = Date.now()): StatusTrend {
  // Every status change as ±1 on the two lines, in time order.
  const deltas: { at: number; open: number; fixed: number }[] = [];
  let first = Infinity;
  for (const f of findings) {
    let prev: FindingStatus | null = null;
    for (const c of changesOf(f)) {
      if (c.to === prev) continue; // a note added without a change
      const d = { at: c.at, open: 0, fixed: 0 };
      if (counted(prev)) d[prev]--;
      if (counted(c.to)) d[c.to]++;
      if (d.open || d.fixed) deltas.push(d);
      first = Math.min(first, c.at);
      prev = c.to;
    }
  }
  if (first === Infinity) return { unit: 'day', points: [] };
  deltas.sort((a, b) => a.at - b.at);

  const last = dayAfter(Math.max(now, first));
  const ends: number[] = [];
  for (let e = dayAfter(first); e < last; e = dayAfter(e)) ends.push(e);
  ends.push(last);
  let unit: StatusTrend['unit'] = 'day';
  if (ends.length > MAX_DAILY_POINTS) {
    unit = 'week';
    // Every seventh day counted back from today, so the last point is today.
    const weekly = ends.filter((_, i) => (ends.length - 1 - i) % 7 === 0);
    ends.splice(0, ends.length, ...weekly);
  }

  const points: TrendPoint[] = [];
  let open = 0;
  let fixed = 0;
  let i = 0;
  for (const end of ends) {
    while (i < deltas.length && deltas[i].at < end) {
      open += deltas[i].open;
      fixed += deltas[i].fixed;
      i++;
    }
    points.push({ date: iso(new Date(end - 1)), open, fixed });
  }
  return { unit, points };
}

/** The trend of one site's findings (every status), read from the store. */
export async function loadStatusTrend(store: Store, site: string, now = Date.now()): Promise<StatusTrend> {
  const all: StoredFinding[] = [];
  for await (const batch of store.iterate({ site }, 5000)) all.push(...batch);
  return statusTrend(all, now);
}
