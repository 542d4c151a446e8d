/**
 * What the dashboard writes to and reads from files: the XLSX 整改清单 with its screenshots in a zip
 * beside it, and the backup (findings, pages and screenshots) and its restore. The page keeps the
 * buttons, the progress and the messages; this keeps the work.
 */
import { MIME, saveFile } from '../../components/download';
import { todayIso } from '../../rules/config';
import { createBackup, restoreBackup, BackupError, type BackupFile } from '../../utils/backup';
import type { Store, StoredFinding } from '../../utils/db';
import { allShots, openEvidence, parseShots, putShots, shotBytes, shotsFor, type Shot } from '../../utils/evidence';
import { writeXlsx } from '../../utils/export';
import { loadConfig } from '../../utils/settings';
import { ZipWriter } from '../../utils/zip';

/** Saves `rows` as the XLSX 整改清单 `name`; the screenshots they have go in `name-截图.zip`, named in the list. */
export async function exportXlsx(
  rows: StoredFinding[],
  name: string,
  opts: { scope: string; infoExcluded: boolean; ruleTitle: (id: string) => string; onProgress: (done: number, total: number) => void },
): Promise<void> {
  const checkDate = (await loadConfig()).today ?? todayIso();
  const db = await openEvidence();
  const shots = await shotsFor(db, rows.map((r) => r.fingerprint)).finally(() => db.close());
  const shotNames = new Map<string, string>();
  rows.forEach((r, i) => shots.has(r.fingerprint) && shotNames.set(r.fingerprint, `${String(i + 1).padStart(4, '0')}.jpg`));
  const bytes = await writeXlsx(rows, {
    ruleTitle: opts.ruleTitle,
    shotName: (f) => shotNames.get((f as StoredFinding).fingerprint),
    cover: { checkDate, scope: opts.scope, infoExcluded: opts.infoExcluded },
    onProgress: opts.onProgress,
  });
  saveFile(bytes, name, MIME.xlsx);
  if (shotNames.size) {
    const zip = new ZipWriter();
    for (const [fp, file] of shotNames) await zip.add(file, shotBytes(shots.get(fp)!), false);
    saveFile(zip.finish(), name.replace(/\.xlsx$/, '-截图.zip'), 'application/zip');
  }
}

/** The backup of the whole store, screenshots included. */
export async function backupAll(store: Store): Promise<BackupFile> {
  const b = await createBackup(store);
  const edb = await openEvidence();
  b.evidence = await allShots(edb).finally(() => edb.close());
  return b;
}

/** Restores a backup file into the store; a bad file changes nothing (the screenshots are checked first). */
export async function restoreAll(store: Store, file: File): Promise<Awaited<ReturnType<typeof restoreBackup>>> {
  const text = await file.text();
  let shots: Shot[];
  try {
    shots = parseShots((JSON.parse(text) as { evidence?: unknown } | null)?.evidence);
  } catch (e) {
    // Not JSON: restoreBackup says so in its own words.
    if (e instanceof SyntaxError) shots = [];
    else throw new BackupError(e instanceof Error ? e.message : String(e));
  }
  const r = await restoreBackup(store, text);
  const edb = await openEvidence();
  await putShots(edb, shots).finally(() => edb.close());
  return r;
}
