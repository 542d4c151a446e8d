/**
 * The materialised counts (the `stats` store, v3): [status, field, value] → number, kept in the same
 * transaction as every findings write, so count tables read a few hundred records.
 */
import type { IDBPTransaction } from 'idb';
import type { StoredFinding } from './model';

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
