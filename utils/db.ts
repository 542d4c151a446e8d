/**
 * The findings store: IndexedDB (through idb) in the extension's origin.
 *
 * - `pages`    one record per audited URL (without #hash), with the counts of its open findings.
 * - `findings` one record per finding identity (fingerprint = hash(url, ruleId, key)), every status.
 * - `audits`   (v2) one line per reconcile: when, what changed — the re-check trail.
 * - `meta`     (v2) key/value settings that belong with the data (e.g. the last backup date).
 * - `stats`    (v3) materialised counts: [status, field, value] → number, kept in the same
 *              transaction as every findings write, so the dashboard's count tables read a few
 *              hundred small records instead of counting 100k index entries (12 s → ms in Chromium).
 *
 * The schema is versioned from day one: MIGRATIONS[v] upgrades v-1 → v and is tested step by step
 * (tests/unit/store/migrations.test.ts). A migration never deletes a finding.
 *
 * Every write runs in one readwrite transaction over the stores it touches, so two tabs auditing the
 * same page at once serialise in IndexedDB and never duplicate (identity is the primary key).
 * QuotaExceededError is re-thrown as a StoreError with a Chinese message; never swallowed.
 *
 * This file is the store itself: reconcile, status changes, pages. Its parts live in utils/db/:
 * model (the records), identity (URL and fingerprint), schema (versions and migrations), counters
 * (the stats store), queries (counts and pages of findings), filter, errors. Import from here.
 */
// The site's index-number shapes are the rule's own (index-number/format compares them with it).
import { shapeOf } from '../rules/index-number';
import type { Finding } from '../rules/types';
import { type IDBPTransaction } from 'idb';
import { addStats, applyStats } from './db/counters';
import { abortQuietly, guard, handled } from './db/errors';
import { fingerprint, normalizeUrl } from './db/identity';
import { type AuditRecord, type CountField, type FindingFilter, type FindingStatus, type PageInput, type PageRecord, type QueryOptions, type QueryPage, type ReconcileResult, type StatusChange, type StoredFinding } from './db/model';
import { makeQueries } from './db/queries';
import { openDatabase, type Db, type OpenOptions } from './db/schema';

export * from './db/model';
export { fnv1a64, fingerprint, normalizeUrl } from './db/identity';
export { FIELD_LASTSEEN, MIGRATIONS, openDatabase, STATUS_FIELD, type OpenOptions } from './db/schema';
export { addStats, applyStats, STAT_FIELDS } from './db/counters';
export { mapError } from './db/errors';
export { matchesFilter } from './db/filter';

export interface Store {
  /** Re-audit semantics of DESIGN.md (see reconcile below). */
  reconcile(
    page: PageInput,
    findings: Finding[],
    opts?: { now?: number; scope?: (ruleId: string) => boolean; /** What the audit trail calls the run (default: from the scope). */ run?: AuditRecord['scope'] },
  ): Promise<ReconcileResult>;
  findingsForUrl(url: string): Promise<StoredFinding[]>;
  page(url: string): Promise<PageRecord | undefined>;
  urlsWithIndexNumber(indexNumber: string, exceptUrl: string): Promise<string[]>;
  indexNumberShapes(site: string): Promise<Record<string, number>>;
  setStatus(fingerprints: string[], status: FindingStatus, note?: string, now?: number): Promise<number>;
  close(): void;

  // ---- issue 5: dashboard, exports, backups
  finding(fingerprint: string): Promise<StoredFinding | undefined>;
  /** Counts of findings matching `filter`, grouped by `field` (null column → key ''). */
  countBy(field: CountField, filter?: FindingFilter): Promise<Record<string, number>>;
  count(filter?: FindingFilter): Promise<number>;
  /** One page of findings matching `filter`, in `sort` order; pass `next` back as `cursor`. */
  query(filter?: FindingFilter, opts?: QueryOptions): Promise<QueryPage>;
  /** Every finding matching `filter`, in batches (export, backup). */
  iterate(filter?: FindingFilter, batch?: number): AsyncGenerator<StoredFinding[]>;
  /** Status change of every finding matching `filter`. Returns how many changed. */
  setStatusWhere(filter: FindingFilter, status: FindingStatus, note?: string, now?: number): Promise<number>;
  reopen(fingerprints: string[], note?: string, now?: number): Promise<number>;
  pages(): Promise<PageRecord[]>;
  audits(url?: string): Promise<AuditRecord[]>;
  /** Recomputes the materialised counts from the findings (repair; raw imports). */
  rebuildStats(): Promise<void>;
  getMeta<T = unknown>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<void>;
  /** Raw database (backup/restore, tests). */
  readonly db: Db;
}

const defaultScope = (ruleId: string) => ruleId !== 'link/broken';

function openCounts(findings: Iterable<StoredFinding>) {
  const counts = { error: 0, warn: 0, info: 0 };
  for (const f of findings) if (f.status === 'open') counts[f.level]++;
  return counts;
}

export async function openStore(opts: OpenOptions = {}): Promise<Store> {
  const db = await openDatabase(opts);
  const factory = opts.factory ?? indexedDB;
  const hasV2 = db.objectStoreNames.contains('audits');
  const hasStats = db.objectStoreNames.contains('stats');

  const { countBy, count, query, iterate } = makeQueries(db, hasV2, hasStats, factory);

  async function recountPages(tx: IDBPTransaction<unknown, string[], 'readwrite'>, urls: Iterable<string>) {
    const pages = tx.objectStore('pages');
    const idx = tx.objectStore('findings').index('url');
    for (const url of urls) {
      const page = (await pages.get(url)) as PageRecord | undefined;
      if (!page) continue;
      page.counts = openCounts((await idx.getAll(url)) as StoredFinding[]);
      await pages.put(page);
    }
  }

  async function changeStatus(fps: string[], status: FindingStatus, note: string | undefined, now: number) {
    return guard(async () => {
      const tx = db.transaction(hasStats ? ['pages', 'findings', 'stats'] : ['pages', 'findings'], 'readwrite');
      try {
        return await changeIn(tx);
      } catch (e) {
        abortQuietly(tx);
        throw e;
      }
    });
    async function changeIn(tx: IDBPTransaction<unknown, string[], 'readwrite'>) {
      const store = tx.objectStore('findings');
      const touched = new Set<string>();
      let changed = 0;
      const found = (await Promise.all([...new Set(fps)].map((fp) => store.get(fp)))) as (StoredFinding | undefined)[];
      const puts: Promise<unknown>[] = [];
      const delta = new Map<string, number>();
      for (const f of found) {
        if (!f) continue;
        const noteChanged = note !== undefined && note !== (f.note ?? '');
        if (f.status === status && !noteChanged) continue;
        addStats(delta, f, -1);
        const entry: StatusChange = { at: now, from: f.status, to: status, by: 'user' };
        if (note) entry.note = note;
        f.history.push(entry);
        if (note !== undefined) {
          if (note) f.note = note;
          else delete f.note;
        }
        if (status === 'fixed' && f.status !== 'fixed') f.fixedAt = now;
        if (status !== 'fixed') delete f.fixedAt;
        f.status = status;
        addStats(delta, f, 1);
        puts.push(handled(store.put(f)));
        touched.add(f.url);
        changed++;
      }
      if (hasStats) puts.push(handled(applyStats(tx, delta)));
      await Promise.all(puts);
      await recountPages(tx, touched);
      await tx.done;
      return changed;
    }
  }

  const store: Store = {
    db,

    async reconcile(page, findings, ropts = {}) {
      const now = ropts.now ?? Date.now();
      const scope = ropts.scope ?? defaultScope;
      const url = normalizeUrl(page.url);
      return guard(async () => {
        const names = ['pages', 'findings', ...(hasV2 ? ['audits'] : []), ...(hasStats ? ['stats'] : [])];
        const tx = db.transaction(names, 'readwrite');
        try {
          return await reconcileIn(tx);
        } catch (e) {
          abortQuietly(tx);
          throw e;
        }
      });
      async function reconcileIn(tx: IDBPTransaction<unknown, string[], 'readwrite'>): Promise<ReconcileResult> {
        const fstore = tx.objectStore('findings');
        const existing = (await fstore.index('url').getAll(url)) as StoredFinding[];
        const byFp = new Map(existing.map((f) => [f.fingerprint, f]));
        const seen = new Set<string>();
        const result: ReconcileResult = { findings: [], added: 0, fixed: 0, reopened: 0 };
        const writes: StoredFinding[] = [];

        for (const raw of findings) {
          const fp = fingerprint(url, raw.ruleId, raw.key);
          if (seen.has(fp)) continue; // same identity twice in one audit: one finding
          seen.add(fp);
          const old = byFp.get(fp);
          const base = {
            ...raw,
            url,
            fingerprint: fp,
            site: page.site,
            column: page.column,
            pageTitle: page.headline || page.title,
          };
          if (!old) {
            const f: StoredFinding = {
              ...base,
              firstSeen: now,
              lastSeen: now,
              status: 'open',
              history: [{ at: now, from: null, to: 'open', by: 'audit' }],
            };
            byFp.set(fp, f);
            writes.push(f);
            result.added++;
            continue;
          }
          // Seen again: refresh what the engine says now, keep identity, dates and the user's status.
          const f: StoredFinding = {
            ...base,
            firstSeen: old.firstSeen,
            lastSeen: Math.max(now, old.lastSeen),
            status: old.status,
            history: old.history,
          };
          if (old.note !== undefined) f.note = old.note;
          if (old.status === 'fixed') {
            f.status = 'open';
            f.history = [...old.history, { at: now, from: 'fixed', to: 'open', by: 'audit' }];
            result.reopened++;
          }
          byFp.set(fp, f);
          writes.push(f);
        }

        for (const old of existing) {
          if (seen.has(old.fingerprint) || !scope(old.ruleId)) continue;
          if (old.status !== 'open') continue; // fixed stays fixed; ignored/false-positive are the user's
          const f: StoredFinding = {
            ...old,
            status: 'fixed',
            fixedAt: now,
            history: [...old.history, { at: now, from: 'open', to: 'fixed', by: 'audit' }],
          };
          byFp.set(f.fingerprint, f);
          writes.push(f);
          result.fixed++;
        }

        const puts: Promise<unknown>[] = [];
        for (const f of writes) puts.push(handled(fstore.put(f)));
        if (hasStats) {
          const before = new Map(existing.map((f) => [f.fingerprint, f]));
          const delta = new Map<string, number>();
          for (const f of writes) {
            const old = before.get(f.fingerprint);
            if (old) addStats(delta, old, -1);
            addStats(delta, f, 1);
          }
          puts.push(handled(applyStats(tx, delta)));
        }

        const pages = tx.objectStore('pages');
        const prev = (await pages.get(url)) as PageRecord | undefined;
        const rec: PageRecord = {
          ...page,
          url,
          firstAudit: prev?.firstAudit ?? now,
          lastAudit: now,
          counts: openCounts(byFp.values()),
        };
        puts.push(handled(pages.put(rec)));
        if (hasV2) {
          const a: AuditRecord = {
            url,
            at: now,
            scope: ropts.run ?? (ropts.scope === undefined ? 'page' : scope('link/broken') && !scope('catalog/empty-field') ? 'links' : 'custom'),
            seen: seen.size,
            added: result.added,
            fixed: result.fixed,
            reopened: result.reopened,
          };
          puts.push(handled(tx.objectStore('audits').add(a)));
        }
        await Promise.all([...puts, tx.done]);
        result.findings = [...byFp.values()].filter((f) => scope(f.ruleId));
        return result;
      }
    },

    async findingsForUrl(url) {
      return (await db.getAllFromIndex('findings', 'url', normalizeUrl(url))) as StoredFinding[];
    },

    async page(url) {
      return (await db.get('pages', normalizeUrl(url))) as PageRecord | undefined;
    },

    async pages() {
      return (await db.getAll('pages')) as PageRecord[];
    },

    async urlsWithIndexNumber(indexNumber, exceptUrl) {
      const urls = (await db.getAllKeysFromIndex('pages', 'indexNumber', indexNumber)) as string[];
      const except = normalizeUrl(exceptUrl);
      return urls.filter((u) => u !== except);
    },

    async indexNumberShapes(site) {
      const out: Record<string, number> = {};
      const pages = (await db.getAllFromIndex('pages', 'site', site)) as PageRecord[];
      for (const p of pages) {
        if (!p.indexNumber) continue;
        const s = shapeOf(p.indexNumber);
        out[s] = (out[s] ?? 0) + 1;
      }
      return out;
    },

    setStatus(fps, status, note, now) {
      return changeStatus(fps, status, note, now ?? Date.now());
    },

    reopen(fps, note, now) {
      return changeStatus(fps, 'open', note, now ?? Date.now());
    },

    async setStatusWhere(filter, status, note, now) {
      const fps: string[] = [];
      for await (const batch of iterate(filter, 2000)) for (const f of batch) fps.push(f.fingerprint);
      return changeStatus(fps, status, note, now ?? Date.now());
    },

    async finding(fp) {
      return (await db.get('findings', fp)) as StoredFinding | undefined;
    },

    countBy,
    count,
    query,
    iterate,

    async audits(url) {
      if (!hasV2) return [];
      const rows = url
        ? await db.getAllFromIndex('audits', 'url', normalizeUrl(url))
        : await db.getAll('audits');
      return rows as AuditRecord[];
    },

    async rebuildStats() {
      if (!hasStats) return;
      const totals = new Map<string, number>();
      for await (const batch of iterate({}, 5000)) for (const f of batch) addStats(totals, f, 1);
      await guard(async () => {
        const tx = db.transaction('stats', 'readwrite');
        await tx.store.clear();
        await Promise.all([...[...totals].filter(([, n]) => n > 0).map(([k, n]) => tx.store.put(n, JSON.parse(k))), tx.done]);
      });
    },

    async getMeta<T>(key: string) {
      return (await db.get('meta', key)) as T | undefined;
    },

    async setMeta(key, value) {
      await guard(() => db.put('meta', value, key));
    },

    close() {
      db.close();
    },
  };
  return store;
}
