/**
 * Screenshot evidence (截图), which inspectors attach to every rectification notice: a JPEG of the
 * visible page with the finding scrolled to and highlighted, kept per finding (by fingerprint) in a
 * database of its own ('govlint-evidence', so images never weigh on the findings store's queries
 * and migrations). The dashboard shows it; the 整改清单 names it and ships the images in a zip.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { mapError } from './db';

export const EVIDENCE_DB = 'govlint-evidence';

export interface Shot {
  fingerprint: string;
  url: string;
  /** ms since the epoch. */
  at: number;
  /** data:image/jpeg;base64,… made by the extension itself (never page data). */
  dataUrl: string;
  width: number;
  height: number;
}

interface EvidenceDb extends DBSchema {
  shots: { key: string; value: Shot };
}

export type EvidenceDatabase = IDBPDatabase<EvidenceDb>;

export async function openEvidence(): Promise<EvidenceDatabase> {
  try {
    return await openDB<EvidenceDb>(EVIDENCE_DB, 1, {
      upgrade(db) {
        db.createObjectStore('shots', { keyPath: 'fingerprint' });
      },
    });
  } catch (e) {
    throw mapError(e);
  }
}

export async function putShot(db: EvidenceDatabase, shot: Shot): Promise<void> {
  try {
    await db.put('shots', shot);
  } catch (e) {
    throw mapError(e);
  }
}

export const getShot = (db: EvidenceDatabase, fingerprint: string) => db.get('shots', fingerprint);

/** The shots of these findings (those that have one). */
export async function shotsFor(db: EvidenceDatabase, fingerprints: Iterable<string>): Promise<Map<string, Shot>> {
  const out = new Map<string, Shot>();
  const tx = db.transaction('shots');
  for (const fp of fingerprints) {
    const s = await tx.store.get(fp);
    if (s) out.set(fp, s);
  }
  await tx.done;
  return out;
}

/** Largest width kept, and the JPEG quality; a shot over MAX_BYTES is encoded again smaller. */
const MAX_WIDTH = 1600;
const MAX_BYTES = 600_000;

/**
 * A captured screenshot (a data URL from tabs.captureVisibleTab) scaled to MAX_WIDTH and encoded
 * as JPEG under MAX_BYTES. Runs in an extension page (it needs a canvas).
 */
export async function shrinkShot(dataUrl: string): Promise<{ dataUrl: string; width: number; height: number }> {
  const img = new Image();
  img.src = dataUrl;
  await img.decode();
  const scale = Math.min(1, MAX_WIDTH / img.naturalWidth);
  const width = Math.round(img.naturalWidth * scale);
  const height = Math.round(img.naturalHeight * scale);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(img, 0, 0, width, height);
  let out = canvas.toDataURL('image/jpeg', 0.7);
  for (let q = 0.55; out.length * 0.75 > MAX_BYTES && q > 0.2; q -= 0.15) out = canvas.toDataURL('image/jpeg', q);
  return { dataUrl: out, width, height };
}

/** The JPEG bytes of a shot's data URL. */
export function shotBytes(shot: Pick<Shot, 'dataUrl'>): Uint8Array {
  const b64 = shot.dataUrl.slice(shot.dataUrl.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export const allShots = (db: EvidenceDatabase) => db.getAll('shots');

/** A backup's screenshots, each checked (call before restoring anything: a bad file changes nothing). */
export function parseShots(value: unknown): Shot[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error('备份中的截图（evidence）不是列表');
  const shots = value.map((s, i) => {
    const ok =
      s && typeof s === 'object' && typeof s.fingerprint === 'string' && typeof s.url === 'string' && typeof s.at === 'number' &&
      typeof s.dataUrl === 'string' && s.dataUrl.startsWith('data:image/jpeg;base64,') && typeof s.width === 'number' && typeof s.height === 'number';
    if (!ok) throw new Error(`备份中的第 ${i + 1} 张截图无效`);
    return s as Shot;
  });
  return shots;
}

export async function putShots(db: EvidenceDatabase, shots: Shot[]): Promise<void> {
  const tx = db.transaction('shots', 'readwrite');
  for (const s of shots) void tx.store.put(s);
  await tx.done;
}
