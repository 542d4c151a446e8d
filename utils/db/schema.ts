/**
 * Schema and migrations: MIGRATIONS[v] upgrades v-1 → v and never drops a finding
 * (tests/unit/store/migrations.test.ts steps through each with data).
 */
import { wrap, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, type StoredFinding } from './model';
import { mapError } from './errors';
import { addStats } from './counters';

export type Db = IDBPDatabase<unknown>;
export type UpgradeTx = IDBPTransaction<unknown, StoreNames<unknown>[], 'versionchange'>;

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

