/**
 * The extension's sweep queue in IndexedDB: a database of its own ('govlint-sweep', apart from the
 * findings store, so its schema never holds up the store's migrations), one record per sweep and
 * one row per URL keyed [sweep, url]. A put is one transaction over both stores: a page's result
 * and the links found on it are saved together or not at all. The dashboard's 巡检 page reopens the
 * newest sweep, so closing the page or restarting the browser loses nothing.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { mapError } from '../db';
import type { QueueEntry, QueueStore, SweepRecord } from './queue';

export const SWEEP_DB = 'govlint-sweep';

interface SweepDb extends DBSchema {
  sweeps: { key: string; value: SweepRecord; indexes: { byCreated: number } };
  entries: { key: [string, string]; value: QueueEntry & { sweep: string }; indexes: { bySweep: string } };
}

export type SweepDatabase = IDBPDatabase<SweepDb>;

export async function openSweepDb(): Promise<SweepDatabase> {
  try {
    const db = await openDB<SweepDb>(SWEEP_DB, 1, {
      upgrade(db) {
        db.createObjectStore('sweeps', { keyPath: 'id' }).createIndex('byCreated', 'createdAt');
        db.createObjectStore('entries', { keyPath: ['sweep', 'url'] }).createIndex('bySweep', 'sweep');
      },
      blocking() {
        db.close();
      },
    });
    return db;
  } catch (e) {
    throw mapError(e);
  }
}

/** The newest sweep's id, or null when there has been none. */
export async function latestSweepId(db: SweepDatabase): Promise<string | null> {
  const cursor = await db.transaction('sweeps').store.index('byCreated').openCursor(null, 'prev');
  return cursor?.value.id ?? null;
}

/** Removes a sweep and its entries (starting a new one keeps the last few; see prune). */
export async function deleteSweep(db: SweepDatabase, id: string): Promise<void> {
  const tx = db.transaction(['sweeps', 'entries'], 'readwrite');
  await tx.objectStore('sweeps').delete(id);
  let c = await tx.objectStore('entries').index('bySweep').openCursor(id);
  while (c) {
    await c.delete();
    c = await c.continue();
  }
  await tx.done;
}

/** Keeps the newest `keep` sweeps: a queue of thousands of URLs per sweep is not kept forever. */
export async function pruneSweeps(db: SweepDatabase, keep = 3): Promise<void> {
  const ids = (await db.getAllFromIndex('sweeps', 'byCreated')).map((r) => r.id);
  for (const id of ids.slice(0, Math.max(0, ids.length - keep))) await deleteSweep(db, id);
}

export class IdbQueue implements QueueStore {
  constructor(
    private db: SweepDatabase,
    readonly id: string,
  ) {}

  async load() {
    try {
      const tx = this.db.transaction(['sweeps', 'entries']);
      const record = (await tx.objectStore('sweeps').get(this.id)) ?? null;
      const rows = await tx.objectStore('entries').index('bySweep').getAll(this.id);
      return { record, entries: rows.map(({ sweep: _s, ...e }) => e as QueueEntry) };
    } catch (e) {
      throw mapError(e);
    }
  }

  async saveRecord(record: SweepRecord) {
    try {
      await this.db.put('sweeps', { ...record, id: this.id });
    } catch (e) {
      throw mapError(e);
    }
  }

  async put(entries: QueueEntry[], record?: SweepRecord) {
    try {
      const tx = this.db.transaction(['sweeps', 'entries'], 'readwrite');
      const store = tx.objectStore('entries');
      for (const e of entries) void store.put({ ...e, sweep: this.id });
      if (record) void tx.objectStore('sweeps').put({ ...record, id: this.id });
      await tx.done;
    } catch (e) {
      throw mapError(e);
    }
  }
}
