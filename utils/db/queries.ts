/**
 * Reading the findings: counts (from the materialised stats, an index, or a scan) and pages of
 * findings in sort order (query planning: which index to walk, in which segments and direction).
 */
import { STAT_FIELDS } from './counters';
import { normalizeUrl } from './identity';
import { asList, clean, equalities, isEmptyFilter, matchesFilter } from './filter';
import { LEVELS, STATUSES, type CountField, type FindingFilter, type FindingStatus, type QueryOptions, type QueryPage, type SortField, type StoredFinding } from './model';
import type { Db } from './schema';

/**
 * The read side of a store over `db` (hasV2/hasStats: which stores the database has; factory: the
 * IDBFactory, whose cmp orders index keys when a query resumes from its cursor).
 */
export function makeQueries(db: Db, hasV2: boolean, hasStats: boolean, factory: IDBFactory) {
  /** The whole stats table (a few hundred records), as JSON key → count. */
  async function readStats(): Promise<Map<string, number>> {
    const tx = db.transaction('stats');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    await tx.done;
    return new Map(keys.map((k, i) => [JSON.stringify(k), values[i] as number]));
  }

  /** Keys of the filter other than status; stats answer when there is at most one single-valued STAT_FIELD. */
  function statsPlan(filter: FindingFilter): { statuses: FindingStatus[]; eq: [string, string] | null } | null {
    if (!hasStats) return null;
    const keys = Object.entries(filter).filter(([k, v]) => v !== undefined && v !== '' && k !== 'status');
    const statuses = asList(filter.status) ?? STATUSES;
    if (keys.length === 0) return { statuses, eq: null };
    if (keys.length > 1) return null;
    const [k, v] = keys[0];
    if (!(STAT_FIELDS as readonly string[]).includes(k)) return null;
    const one = Array.isArray(v) ? (v.length === 1 ? v[0] : undefined) : v;
    if (one === undefined || (typeof one !== 'string' && one !== null)) return null;
    return { statuses, eq: [k, one ?? ''] };
  }

  async function statsCount(filter: FindingFilter): Promise<number | null> {
    const p = statsPlan(filter);
    if (!p) return null;
    const st = await readStats();
    let n = 0;
    for (const s of p.statuses) n += st.get(JSON.stringify(p.eq ? [s, p.eq[0], p.eq[1]] : [s, '*', ''])) ?? 0;
    return n;
  }


  /** Counts under a filter an index can answer exactly, or null. */
  async function indexedCount(filter: FindingFilter): Promise<number | null> {
    const keys = Object.entries(filter).filter(([, v]) => v !== undefined && v !== '');
    if (keys.length === 0) return db.count('findings');
    if (keys.length !== 1) return null;
    const eq = equalities(filter);
    if (eq.length === 1) {
      const [k, v] = eq[0];
      return db.countFromIndex('findings', k, v);
    }
    if (filter.url !== undefined) return db.countFromIndex('findings', 'url', normalizeUrl(filter.url));
    return null;
  }

  async function scanCount(field: CountField, filter: FindingFilter) {
    const out: Record<string, number> = {};
    for await (const batch of iterate(filter, 2000)) {
      for (const f of batch) {
        const k = String((f[field] as string | null) ?? '');
        out[k] = (out[k] ?? 0) + 1;
      }
    }
    return out;
  }

  /** Distinct keys of an index in `range`, each with its count; one key cursor + one count per key. */
  async function groupCount(indexName: string, range: IDBKeyRange | null, pick: (key: IDBValidKey) => string) {
    const out: Record<string, number> = {};
    const tx = db.transaction('findings');
    const idx = tx.store.index(indexName);
    let cur = await idx.openKeyCursor(range, 'nextunique');
    const pending: Promise<void>[] = [];
    while (cur) {
      const key = cur.key;
      pending.push(
        idx.count(key as IDBValidKey).then((n) => {
          out[pick(key as IDBValidKey)] = n;
        }),
      );
      cur = await cur.continue();
    }
    await Promise.all(pending);
    await tx.done;
    return out;
  }

  async function countBy(field: CountField, filter: FindingFilter = {}): Promise<Record<string, number>> {
    const p = statsPlan(filter);
    {
      if (p && (!p.eq || field === 'status')) {
        const st = await readStats();
        const out: Record<string, number> = {};
        for (const s of p.statuses) {
          if (field === 'status') {
            const n = st.get(JSON.stringify(p.eq ? [s, p.eq[0], p.eq[1]] : [s, '*', ''])) ?? 0;
            if (n) out[s] = n;
            continue;
          }
          const prefix = JSON.stringify([s, field]).slice(0, -1) + ',';
          for (const [k, n] of st) {
            if (!k.startsWith(prefix)) continue;
            const v = (JSON.parse(k) as string[])[2];
            out[v] = (out[v] ?? 0) + n;
          }
        }
        return out;
      }
    }
    if (!hasStats && Object.keys(clean(filter)).length === 0 && field !== 'certainty') {
      const out = await groupCount(field, null, (k) => String(k));
      const sum = Object.values(out).reduce((a, b) => a + b, 0);
      const total = await db.count('findings');
      if (total > sum) out[''] = (out[''] ?? 0) + total - sum; // null column: not in the index
      return out;
    }
    return scanCount(field, filter);
  }

  async function count(filter: FindingFilter = {}): Promise<number> {
    const n = (await statsCount(filter)) ?? (await indexedCount(filter));
    if (n !== null) return n;
    let c = 0;
    for await (const batch of iterate(filter, 2000)) c += batch.length;
    return c;
  }

  // ---- query planning: which index to walk, in which segments, in which direction
  interface Plan {
    index: string;
    /** Segments walked in order; each a key range on `index`. */
    segments: (IDBKeyRange | null)[];
    direction: IDBCursorDirection;
  }

  async function plan(filter: FindingFilter, sort: SortField, dir: 'asc' | 'desc'): Promise<Plan> {
    const direction: IDBCursorDirection = dir === 'asc' ? 'next' : 'prev';
    const lo = filter.from ?? -Infinity;
    const hi = filter.to ?? Infinity;
    if (filter.url !== undefined && sort !== 'level' && sort !== 'status') {
      return { index: 'url', segments: [IDBKeyRange.only(normalizeUrl(filter.url))], direction };
    }
    if (sort === 'lastSeen') {
      const eq = equalities(filter);
      if (hasV2 && eq.length) {
        // Walk the most selective equality's [field, lastSeen] index.
        let best = eq[0];
        let bestN = Infinity;
        for (const e of eq) {
          const n = (await statsCount({ [e[0]]: e[1] })) ?? (await db.countFromIndex('findings', e[0], e[1]));
          if (n < bestN) [best, bestN] = [e, n];
        }
        return { index: `${best[0]}_lastSeen`, segments: [IDBKeyRange.bound([best[1], lo], [best[1], hi])], direction };
      }
      const range = filter.from !== undefined || filter.to !== undefined ? IDBKeyRange.bound(lo, hi) : null;
      return { index: 'lastSeen', segments: [range], direction };
    }
    if ((sort === 'level' || sort === 'status') && hasV2) {
      // Severity / work-flow order, newest first inside each value.
      const order: string[] = sort === 'level' ? LEVELS : STATUSES;
      const allowed = asList(filter[sort] as string | string[] | undefined);
      // 'desc' (the default) = most severe / most actionable first.
      const values = (dir === 'desc' ? order : [...order].reverse()).filter((v) => !allowed || allowed.includes(v));
      return {
        index: `${sort}_lastSeen`,
        segments: values.map((v) => IDBKeyRange.bound([v, lo], [v, hi])),
        direction: 'prev',
      };
    }
    if (hasV2 && (sort === 'site' || sort === 'column' || sort === 'ruleId')) {
      const only = asList(filter[sort] as string | string[] | undefined);
      if (only && only.length === 1 && only[0] !== null) {
        return { index: `${sort}_lastSeen`, segments: [IDBKeyRange.bound([only[0], lo], [only[0], hi])], direction: 'prev' };
      }
      return { index: `${sort}_lastSeen`, segments: [null], direction };
    }
    return { index: sort, segments: [null], direction };
  }

  interface Token {
    s: number;
    k: IDBValidKey;
    p: string;
  }

  async function query(filter: FindingFilter = {}, opts: QueryOptions = {}): Promise<QueryPage> {
    const sort = opts.sort ?? 'lastSeen';
    const dir = opts.dir ?? 'desc';
    const limit = opts.limit ?? 50;
    if (filter.text) return scanQuery(filter, sort, dir, limit, opts.cursor ?? null);
    const p = await plan(filter, sort, dir);
    let token: Token | null = opts.cursor ? (JSON.parse(opts.cursor) as Token) : null;
    const items: StoredFinding[] = [];
    const tx = db.transaction('findings');
    const idx = tx.store.index(p.index);
    let last: Token | null = null;
    let more = false;
    for (let s = token ? token.s : 0; s < p.segments.length && !more; s++) {
      let cur = await idx.openCursor(p.segments[s], p.direction);
      if (cur && token && token.s === s) {
        const k = token.k;
        const cmp = factory.cmp(cur.key as IDBValidKey, k);
        const before = p.direction === 'next' ? cmp < 0 : cmp > 0;
        if (before || (cmp === 0 && (p.direction === 'next' ? cur.primaryKey < token.p : cur.primaryKey > token.p))) {
          cur = await cur.continuePrimaryKey(k, token.p);
        }
        if (cur && factory.cmp(cur.key as IDBValidKey, k) === 0 && cur.primaryKey === token.p) cur = await cur.continue();
      }
      token = null;
      while (cur) {
        const f = cur.value as StoredFinding;
        if (matchesFilter(f, filter)) {
          if (items.length === limit) {
            more = true;
            break;
          }
          items.push(f);
          last = { s, k: cur.key as IDBValidKey, p: cur.primaryKey as string };
        }
        cur = await cur.continue();
      }
    }
    await tx.done.catch(() => undefined);
    return { items, next: more && last ? JSON.stringify(last) : null };
  }

  /**
   * Text search cannot use an index: read the candidates in big getAll batches (far faster than a
   * cursor step per record), keep the matches, sort them in memory, page by offset.
   */
  async function scanQuery(filter: FindingFilter, sort: SortField, dir: 'asc' | 'desc', limit: number, cursor: string | null): Promise<QueryPage> {
    const hits: StoredFinding[] = [];
    for await (const batch of iterate(filter, 5000)) hits.push(...batch);
    const rank = (f: StoredFinding): number | string => {
      if (sort === 'lastSeen') return f.lastSeen;
      if (sort === 'level') return LEVELS.indexOf(f.level);
      if (sort === 'status') return STATUSES.indexOf(f.status);
      return (f[sort] as string | null) ?? '';
    };
    // level/status: 'desc' = most severe first, i.e. ascending rank.
    const sign = (sort === 'level' || sort === 'status' ? dir === 'desc' : dir === 'asc') ? 1 : -1;
    hits.sort((a, b) => {
      const x = rank(a);
      const y = rank(b);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return c * sign || b.lastSeen - a.lastSeen || (a.fingerprint < b.fingerprint ? -1 : 1);
    });
    const offset = cursor ? (JSON.parse(cursor) as { o: number }).o : 0;
    const items = hits.slice(offset, offset + limit);
    return { items, next: offset + limit < hits.length ? JSON.stringify({ o: offset + limit }) : null };
  }

  async function* iterate(filter: FindingFilter = {}, batch = 1000): AsyncGenerator<StoredFinding[]> {
    // Primary-key order in bounded batches: each batch is its own short transaction, so a long export
    // never holds the database (IndexedDB transactions end when the event loop is left anyway).
    let after: string | null = null;
    const eq = hasV2 ? equalities(filter) : [];
    for (;;) {
      const range: IDBKeyRange | null = after === null ? null : IDBKeyRange.lowerBound(after, true);
      let rows: StoredFinding[];
      let lastKey: string | null = null;
      if (isEmptyFilter(filter)) {
        rows = (await db.getAll('findings', range, batch)) as StoredFinding[];
        lastKey = rows.length ? rows[rows.length - 1].fingerprint : null;
        if (rows.length) yield rows;
        if (rows.length < batch) return;
        after = lastKey;
        continue;
      }
      if (eq.length || filter.url !== undefined) {
        // An equality: read only the entries of its most selective index.
        let best = eq[0];
        if (filter.url === undefined && eq.length > 1 && hasStats) {
          let bestN = Infinity;
          for (const e of eq) {
            const n = (await statsCount({ [e[0]]: e[1] })) ?? Infinity;
            if (n < bestN) [best, bestN] = [e, n];
          }
        }
        const [name, value] = filter.url !== undefined ? ['url', normalizeUrl(filter.url)] : best;
        const all = (await db.getAllFromIndex('findings', name, value)) as StoredFinding[];
        for (let i = 0; i < all.length; i += batch) {
          const part = all.slice(i, i + batch).filter((f) => matchesFilter(f, filter));
          if (part.length) yield part;
        }
        return;
      }
      const raw = (await db.getAll('findings', range, batch)) as StoredFinding[];
      if (!raw.length) return;
      rows = raw.filter((f) => matchesFilter(f, filter));
      if (rows.length) yield rows;
      if (raw.length < batch) return;
      after = raw[raw.length - 1].fingerprint;
    }
  }


  return { countBy, count, query, iterate, statsCount };
}
