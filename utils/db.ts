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
 */
// The site's index-number shapes are the rule's own (index-number/format compares them with it).
import { shapeOf } from '../rules/index-number';
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Certainty, Finding, Level, PageKind } from '../rules/types';

export type FindingStatus = 'open' | 'fixed' | 'ignored' | 'false-positive';
export const STATUSES: FindingStatus[] = ['open', 'fixed', 'ignored', 'false-positive'];
export const LEVELS: Level[] = ['error', 'warn', 'info'];

export interface PageInput {
  url: string;
  site: string;
  host: string;
  title: string;
  headline: string;
  column: string | null;
  kind: PageKind;
  indexNumber: string | null;
}

export interface PageRecord extends PageInput {
  lastAudit: number;
  firstAudit: number;
  /** Open findings of the page by level. */
  counts: { error: number; warn: number; info: number };
}

export interface StatusChange {
  at: number;
  from: FindingStatus | null;
  to: FindingStatus;
  note?: string;
  by: 'audit' | 'user';
}

export interface StoredFinding extends Finding {
  fingerprint: string;
  site: string;
  column: string | null;
  pageTitle: string;
  firstSeen: number;
  lastSeen: number;
  status: FindingStatus;
  note?: string;
  fixedAt?: number;
  history: StatusChange[];
}

export interface AuditRecord {
  id?: number;
  url: string;
  at: number;
  /** Rules scope of the run: 'page' for the normal audit, 'links' for the link pass. */
  scope: 'page' | 'links' | 'custom';
  seen: number;
  added: number;
  fixed: number;
  reopened: number;
}

export interface ReconcileResult {
  /** All of this url's findings in scope, every status. */
  findings: StoredFinding[];
  added: number;
  fixed: number;
  reopened: number;
}

/** Filter of the dashboard, the exports and bulk changes. Every given field must match. */
export interface FindingFilter {
  site?: string | string[];
  /** null selects findings without a recognised column. */
  column?: string | null | (string | null)[];
  ruleId?: string | string[];
  level?: Level | Level[];
  status?: FindingStatus | FindingStatus[];
  certainty?: Certainty | Certainty[];
  url?: string;
  /** Case-insensitive substring of message, excerpt, pageTitle (and url). */
  text?: string;
  /** lastSeen range, epoch ms, inclusive. */
  from?: number;
  to?: number;
}

export type SortField = 'lastSeen' | 'level' | 'status' | 'ruleId' | 'site' | 'column' | 'url';
export interface QueryOptions {
  sort?: SortField;
  dir?: 'asc' | 'desc';
  limit?: number;
  /** Opaque token from a previous QueryPage.next. */
  cursor?: string | null;
}
export interface QueryPage {
  items: StoredFinding[];
  /** Token for the next page, null at the end. */
  next: string | null;
}

export type CountField = 'site' | 'column' | 'ruleId' | 'level' | 'status' | 'certainty';

export class StoreError extends Error {
  constructor(
    readonly code: 'quota' | 'blocked' | 'bad-input',
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

export const DB_NAME = 'govlint';
export const DB_VERSION = 3;

// ---------------------------------------------------------------------------------------------
// Identity

const te = new TextEncoder();

/**
 * FNV-1a 64-bit over UTF-8, as 16 hex digits. Sync and stable across runtimes (SW, pages, Node).
 * Computed on two 32-bit halves: prime 2^40 + 0x1b3, so h*prime = h*0x1b3 + (h << 40).
 */
export function fnv1a64(s: string): string {
  const bytes = te.encode(s);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo = (lo ^ bytes[i]) >>> 0;
    const loMul = lo * 0x1b3; // < 2^41: exact in a double
    const carry = Math.floor(loMul / 4294967296);
    hi = (Math.imul(hi, 0x1b3) + carry + (lo << 8)) >>> 0;
    lo = loMul >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

/** The URL a page is stored under: the #hash is not part of the page. */
export function normalizeUrl(url: string): string {
  const i = url.indexOf('#');
  return i < 0 ? url : url.slice(0, i);
}

export function fingerprint(url: string, ruleId: string, key: string): string {
  return fnv1a64(normalizeUrl(url) + '\n' + ruleId + '\n' + key);
}

// ---------------------------------------------------------------------------------------------
// Schema and migrations

type Db = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>;

/** Compound indexes of v2: [field, lastSeen] for filtered, date-sorted pages; [status, field] for counts. */
export const FIELD_LASTSEEN = ['site', 'column', 'ruleId', 'level', 'status'] as const;
export const STATUS_FIELD = ['site', 'column', 'ruleId', 'level'] as const;

/** MIGRATIONS[v] upgrades a database at version v-1 to v. Never drop a finding here. */
export const MIGRATIONS: Record<number, (db: Db, tx: UpgradeTx) => void> = {
  1: (db) => {
    const pages = db.createObjectStore('pages', { keyPath: 'url' });
    pages.createIndex('site', 'site');
    pages.createIndex('indexNumber', 'indexNumber');
    pages.createIndex('lastAudit', 'lastAudit');
    const f = db.createObjectStore('findings', { keyPath: 'fingerprint' });
    for (const k of ['url', 'site', 'column', 'ruleId', 'level', 'status', 'lastSeen']) f.createIndex(k, k);
  },
  2: (db, tx) => {
    const f = tx.objectStore('findings' as never);
    for (const k of FIELD_LASTSEEN) f.createIndex(`${k}_lastSeen`, [k, 'lastSeen']);
    for (const k of STATUS_FIELD) f.createIndex(`status_${k}`, ['status', k]);
    f.createIndex('certainty', 'certainty');
    const a = db.createObjectStore('audits', { keyPath: 'id', autoIncrement: true });
    a.createIndex('url', 'url');
    a.createIndex('at', 'at');
    db.createObjectStore('meta');
  },
  3: (db, tx) => {
    // Counts move to the materialised `stats` store; the [status, field] indexes only served counts.
    const f = tx.objectStore('findings' as never) as unknown as RawStore;
    for (const k of STATUS_FIELD) f.deleteIndex(`status_${k}`);
    db.createObjectStore('stats');
    const stats = tx.objectStore('stats' as never) as unknown as RawStore;
    // Data step: count the findings already stored (reads every finding, changes none).
    const totals = new Map<string, number>();
    void (async () => {
      let cur = await f.openCursor();
      while (cur) {
        addStats(totals, cur.value as StoredFinding, 1);
        cur = await cur.continue();
      }
      for (const [k, n] of totals) if (n) void stats.put(n, JSON.parse(k));
    })();
  },
};

/** The few calls migrations make on a wrapped store (idb's types do not know our schema). */
interface RawStore {
  deleteIndex(name: string): void;
  openCursor(): Promise<{ value: unknown; continue(): Promise<RawStore extends never ? never : any> } | null>;
  put(value: unknown, key?: IDBValidKey): Promise<unknown>;
}

/** Fields the `stats` store counts per status. */
export const STAT_FIELDS = ['site', 'column', 'ruleId', 'level', 'certainty'] as const;

/** Adds ±1 for each counted field of `f` into `acc` (keys are JSON of [status, field, value]). */
export function addStats(acc: Map<string, number>, f: StoredFinding, sign: 1 | -1) {
  const bump = (k: unknown[]) => {
    const key = JSON.stringify(k);
    acc.set(key, (acc.get(key) ?? 0) + sign);
  };
  bump([f.status, '*', '']);
  for (const field of STAT_FIELDS) bump([f.status, field, String((f[field] as string | null) ?? '')]);
}

/** Applies stat deltas inside a readwrite transaction that includes `stats`. */
export async function applyStats(tx: IDBPTransaction<unknown, string[], 'readwrite'>, acc: Map<string, number>) {
  const stats = tx.objectStore('stats');
  await Promise.all(
    [...acc].map(async ([k, d]) => {
      if (!d) return;
      const key = JSON.parse(k) as IDBValidKey;
      const cur = ((await stats.get(key)) as number | undefined) ?? 0;
      const n = cur + d;
      if (n > 0) await stats.put(n, key);
      else await stats.delete(key);
    }),
  );
}

export interface OpenOptions {
  name?: string;
  factory?: IDBFactory;
  /** Open at an older version (migration tests only). */
  version?: number;
}


export async function openDatabase(opts: OpenOptions = {}): Promise<Db> {
  const factory = opts.factory ?? indexedDB;
  const version = opts.version ?? DB_VERSION;
  const req = factory.open(opts.name ?? DB_NAME, version);
  req.onupgradeneeded = (e) => {
    const db = wrap(req.result) as Db;
    const tx = wrap(req.transaction!) as unknown as UpgradeTx;
    for (let v = e.oldVersion + 1; v <= version; v++) MIGRATIONS[v](db, tx);
  };
  req.onblocked = () => {
    // Another tab holds an older version open; it closes on 'versionchange' below, then we proceed.
  };
  let db: Db;
  try {
    db = (await wrap(req)) as Db;
  } catch (e) {
    throw mapError(e);
  }
  // Let a newer version (another tab after an update) upgrade instead of being blocked by us.
  db.addEventListener('versionchange', () => db.close());
  return db;
}

// ---------------------------------------------------------------------------------------------
// Errors

function isQuota(e: unknown): boolean {
  const err = e as { name?: string; code?: number; inner?: unknown } | null;
  return !!err && (err.name === 'QuotaExceededError' || err.code === 22);
}

export function mapError(e: unknown): unknown {
  if (e instanceof StoreError) return e;
  if (isQuota(e)) {
    return new StoreError(
      'quota',
      '存储空间不足：浏览器拒绝写入更多检查结果。请先导出或备份，再清理已整改/已忽略的旧记录，或在浏览器设置中释放磁盘空间。本次写入未保存。',
      e,
    );
  }
  return e;
}

/** Marks a request promise as handled: if the transaction aborts, the error surfaces once, through tx.done. */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

function abortQuietly(tx: { abort(): void; done: Promise<void> }) {
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // already finished or aborted
  }
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw mapError(e);
  }
}

// ---------------------------------------------------------------------------------------------
// Filters

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

export function matchesFilter(f: StoredFinding, filter: FindingFilter): boolean {
  const site = asList(filter.site);
  if (site && !site.includes(f.site)) return false;
  if (filter.column !== undefined) {
    const cols = Array.isArray(filter.column) ? filter.column : [filter.column];
    if (!cols.includes(f.column ?? null)) return false;
  }
  const rule = asList(filter.ruleId);
  if (rule && !rule.includes(f.ruleId)) return false;
  const level = asList(filter.level);
  if (level && !level.includes(f.level)) return false;
  const status = asList(filter.status);
  if (status && !status.includes(f.status)) return false;
  const cert = asList(filter.certainty);
  if (cert && !cert.includes(f.certainty)) return false;
  if (filter.url !== undefined && f.url !== normalizeUrl(filter.url)) return false;
  if (filter.from !== undefined && f.lastSeen < filter.from) return false;
  if (filter.to !== undefined && f.lastSeen > filter.to) return false;
  if (filter.text) {
    const q = filter.text.toLowerCase();
    const hay = (f.message + '\u0000' + f.excerpt + '\u0000' + f.pageTitle + '\u0000' + f.url).toLowerCase();
    if (!hay.includes(q)) return false;
  }
  return true;
}

/** Single-valued equality filters an index can serve, as [field, value]. */
function equalities(filter: FindingFilter): [(typeof FIELD_LASTSEEN)[number], string][] {
  const out: [(typeof FIELD_LASTSEEN)[number], string][] = [];
  for (const k of FIELD_LASTSEEN) {
    const v = filter[k];
    if (typeof v === 'string') out.push([k, v]);
    else if (Array.isArray(v) && v.length === 1 && typeof v[0] === 'string') out.push([k, v[0]]);
  }
  return out;
}

function isEmptyFilter(filter: FindingFilter): boolean {
  return Object.values(filter).every((v) => v === undefined || v === '');
}

function clean(filter: FindingFilter): FindingFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as FindingFilter;
}

// ---------------------------------------------------------------------------------------------
// Store

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
