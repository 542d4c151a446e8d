/**
 * Backup and restore of the whole store as one versioned JSON file.
 *
 * Restore merges, never duplicates: findings are matched by fingerprint; the copy seen most recently
 * (larger lastSeen) gives the current fields, the latest status change gives the status, firstSeen is the earliest, and the two
 * status histories are merged (union, in time order). The whole file is validated before anything is
 * written, and the write is one transaction: a bad file says what is wrong and changes nothing.
 * A JSON export of findings (utils/export.ts toJson) restores the same way.
 */
import type { IDBPTransaction } from 'idb';
import { addStats, applyStats, DB_VERSION, LEVELS, STATUSES, mapError, type AuditRecord, type PageRecord, type StatusChange, type Store, type StoredFinding } from './db';
import { FINDINGS_FORMAT } from './export';
import type { Shot } from './evidence';

export const BACKUP_FORMAT = 'govlint-backup';
export const BACKUP_VERSION = 1;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** Database schema version the backup was made from. */
  schema: number;
  createdAt: string;
  pages: PageRecord[];
  findings: StoredFinding[];
  audits: AuditRecord[];
  meta: [string, unknown][];
  /** Screenshots (utils/evidence.ts), added by the dashboard; absent in older backups. */
  evidence?: Shot[];
}

export interface RestoreResult {
  pagesAdded: number;
  pagesUpdated: number;
  findingsAdded: number;
  findingsUpdated: number;
  findingsUnchanged: number;
  auditsAdded: number;
}

/** A file that cannot be restored; `message` says what is wrong, in Chinese. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export async function createBackup(store: Store, now = Date.now()): Promise<BackupFile> {
  const db = store.db;
  const tx = db.transaction(['pages', 'findings', 'audits', 'meta']);
  const [pages, findings, audits, keys, values] = await Promise.all([
    tx.objectStore('pages').getAll(),
    tx.objectStore('findings').getAll(),
    tx.objectStore('audits').getAll(),
    tx.objectStore('meta').getAllKeys(),
    tx.objectStore('meta').getAll(),
  ]);
  await tx.done;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    schema: DB_VERSION,
    createdAt: new Date(now).toISOString(),
    pages: pages as PageRecord[],
    findings: findings as StoredFinding[],
    audits: (audits as AuditRecord[]).map(({ id: _id, ...a }) => a),
    meta: keys.map((k, i) => [String(k), values[i]]),
  };
}

export function backupToJson(b: BackupFile): string {
  return JSON.stringify(b);
}

// ---------------------------------------------------------------------------------------------
// Validation: every record, before any write. Messages name the record and the field.

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown) => typeof v === 'string';

function checkFinding(f: unknown, i: number): StoredFinding {
  const where = `第 ${i + 1} 条问题记录`;
  if (!isObj(f)) throw new BackupError(`${where}不是对象。`);
  for (const k of ['fingerprint', 'url', 'ruleId', 'message', 'key'] as const) {
    if (!isStr(f[k]) || (k !== 'message' && f[k] === '')) throw new BackupError(`${where}缺少字段“${k}”或它不是文字。`);
  }
  if (!isStr(f.excerpt)) throw new BackupError(`${where}的“excerpt”（原文摘录）不是文字。`);
  if (!LEVELS.includes(f.level as never)) throw new BackupError(`${where}的级别“${String(f.level)}”无效（应为 error、warn 或 info）。`);
  if (!STATUSES.includes(f.status as never)) throw new BackupError(`${where}的状态“${String(f.status)}”无效（应为 open、fixed、ignored 或 false-positive）。`);
  if (!isNum(f.firstSeen) || !isNum(f.lastSeen)) throw new BackupError(`${where}的发现时间或最近检查时间不是数字。`);
  if (!Array.isArray(f.history)) throw new BackupError(`${where}缺少状态历史（history）。`);
  f.history.forEach((h, j) => {
    if (!isObj(h) || !isNum(h.at) || !STATUSES.includes(h.to as never) || (h.by !== 'audit' && h.by !== 'user')) {
      throw new BackupError(`${where}的第 ${j + 1} 条状态历史无效。`);
    }
  });
  return f as unknown as StoredFinding;
}

function checkPage(p: unknown, i: number): PageRecord {
  const where = `第 ${i + 1} 条页面记录`;
  if (!isObj(p)) throw new BackupError(`${where}不是对象。`);
  if (!isStr(p.url) || !p.url) throw new BackupError(`${where}缺少页面地址（url）。`);
  if (!isStr(p.site)) throw new BackupError(`${where}缺少网站（site）。`);
  if (!isNum(p.lastAudit) || !isNum(p.firstAudit)) throw new BackupError(`${where}的检查时间不是数字。`);
  if (!isObj(p.counts)) throw new BackupError(`${where}缺少问题计数（counts）。`);
  return p as unknown as PageRecord;
}

/** Parses and validates a backup (or a findings export). Throws BackupError saying what is wrong. */
export function parseBackup(input: string | unknown): BackupFile {
  let data: unknown = input;
  if (typeof input === 'string') {
    if (!input.trim()) throw new BackupError('文件是空的。');
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (e) {
      throw new BackupError(`文件不是有效的 JSON（${(e as Error).message}），可能已损坏或不是 GovLint 的备份。`);
    }
  }
  if (!isObj(data)) throw new BackupError('文件内容不是 GovLint 备份：最外层应是一个对象。');
  const format = data.format;
  if (format !== BACKUP_FORMAT && format !== FINDINGS_FORMAT) {
    throw new BackupError(`这不是 GovLint 备份文件（format 为“${String(format ?? '缺失')}”，应为“${BACKUP_FORMAT}”或“${FINDINGS_FORMAT}”）。`);
  }
  if (!isNum(data.version) || (data.version as number) < 1) throw new BackupError('备份文件缺少版本号（version）。');
  if ((data.version as number) > BACKUP_VERSION) {
    throw new BackupError(`备份文件版本 ${data.version} 比本程序支持的版本 ${BACKUP_VERSION} 新，请先升级 GovLint 再恢复。`);
  }
  if (!Array.isArray(data.findings)) throw new BackupError('备份文件缺少问题记录列表（findings）。');
  const findings = data.findings.map(checkFinding);
  const pages = format === BACKUP_FORMAT ? (Array.isArray(data.pages) ? data.pages.map(checkPage) : null) : [];
  if (!pages) throw new BackupError('备份文件缺少页面列表（pages）。');
  const audits = Array.isArray(data.audits) ? (data.audits as AuditRecord[]).filter((a) => isObj(a) && isStr(a.url) && isNum(a.at)) : [];
  const meta = Array.isArray(data.meta) ? (data.meta as [string, unknown][]).filter((m) => Array.isArray(m) && isStr(m[0])) : [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (seen.has(f.fingerprint)) throw new BackupError(`问题记录 ${f.fingerprint} 在文件中出现了两次，文件可能被改动过。`);
    seen.add(f.fingerprint);
  }
  return {
    format: BACKUP_FORMAT,
    version: data.version as number,
    schema: isNum(data.schema) ? (data.schema as number) : DB_VERSION,
    createdAt: isStr(data.createdAt) ? (data.createdAt as string) : isStr(data.exportedAt) ? (data.exportedAt as string) : '',
    pages,
    findings,
    audits,
    meta,
  };
}

// ---------------------------------------------------------------------------------------------
// Merge

const historyKey = (h: StatusChange) => `${h.at}|${h.from}|${h.to}|${h.by}|${h.note ?? ''}`;

export function mergeHistory(a: StatusChange[], b: StatusChange[]): StatusChange[] {
  const out = new Map<string, StatusChange>();
  for (const h of [...a, ...b]) out.set(historyKey(h), h);
  return [...out.values()].sort((x, y) => x.at - y.at);
}

/** The merged finding, or null when `incoming` adds nothing to `current`. */
export function mergeFinding(current: StoredFinding, incoming: StoredFinding): StoredFinding | null {
  const newer = incoming.lastSeen > current.lastSeen || (incoming.lastSeen === current.lastSeen && lastChange(incoming) > lastChange(current));
  const base = newer ? incoming : current;
  // The status is the one of the latest status change (a user's decision made after the other
  // copy's last audit is kept); the other fields come from the copy seen most recently.
  const decided = lastChange(incoming) > lastChange(current) ? incoming : lastChange(incoming) < lastChange(current) ? current : base;
  const merged: StoredFinding = {
    ...base,
    status: decided.status,
    firstSeen: Math.min(current.firstSeen, incoming.firstSeen),
    history: mergeHistory(current.history, incoming.history),
  };
  delete merged.note;
  delete merged.fixedAt;
  if (decided.note !== undefined) merged.note = decided.note;
  if (decided.fixedAt !== undefined) merged.fixedAt = decided.fixedAt;
  return JSON.stringify(merged) === JSON.stringify(current) ? null : merged;
}

const lastChange = (f: StoredFinding) => f.history.reduce((m, h) => Math.max(m, h.at), 0);

/**
 * Restores a backup into the store, merging. `input` is the file's text or its parsed content.
 * Throws BackupError (bad file, nothing changed) or StoreError (quota, nothing changed).
 */
export async function restoreBackup(store: Store, input: string | unknown): Promise<RestoreResult> {
  const file = parseBackup(input);
  const result: RestoreResult = { pagesAdded: 0, pagesUpdated: 0, findingsAdded: 0, findingsUpdated: 0, findingsUnchanged: 0, auditsAdded: 0 };
  const hasStats = store.db.objectStoreNames.contains('stats');
  const names = ['pages', 'findings', 'audits', 'meta', ...(hasStats ? ['stats'] : [])];
  const tx = store.db.transaction(names, 'readwrite') as IDBPTransaction<unknown, string[], 'readwrite'>;
  const delta = new Map<string, number>();
  const writes: Promise<unknown>[] = [];
  const put = (p: Promise<unknown>) => {
    p.catch(() => undefined);
    writes.push(p);
  };
  try {
    const fstore = tx.objectStore('findings');
    const current = (await Promise.all(file.findings.map((f) => fstore.get(f.fingerprint)))) as (StoredFinding | undefined)[];
    const touched = new Set<string>();
    file.findings.forEach((f, i) => {
      const cur = current[i];
      if (!cur) {
        put(fstore.put(f));
        addStats(delta, f, 1);
        result.findingsAdded++;
        touched.add(f.url);
        return;
      }
      const m = mergeFinding(cur, f);
      if (!m) {
        result.findingsUnchanged++;
        return;
      }
      put(fstore.put(m));
      addStats(delta, cur, -1);
      addStats(delta, m, 1);
      result.findingsUpdated++;
      touched.add(m.url);
    });

    const pstore = tx.objectStore('pages');
    for (const p of file.pages) {
      const cur = (await pstore.get(p.url)) as PageRecord | undefined;
      if (!cur) {
        put(pstore.put(p));
        result.pagesAdded++;
      } else if (p.lastAudit > cur.lastAudit || p.firstAudit < cur.firstAudit) {
        const base = p.lastAudit > cur.lastAudit ? p : cur;
        put(pstore.put({ ...base, firstAudit: Math.min(p.firstAudit, cur.firstAudit), lastAudit: Math.max(p.lastAudit, cur.lastAudit) }));
        result.pagesUpdated++;
      }
      touched.add(p.url);
    }
    if (hasStats) put(applyStats(tx, delta));
    await Promise.all(writes);

    // Page counts follow the merged statuses.
    const idx = fstore.index('url');
    for (const url of touched) {
      const page = (await pstore.get(url)) as PageRecord | undefined;
      if (!page) continue;
      const counts = { error: 0, warn: 0, info: 0 };
      for (const f of (await idx.getAll(url)) as StoredFinding[]) if (f.status === 'open') counts[f.level]++;
      put(pstore.put({ ...page, counts }));
    }

    const astore = tx.objectStore('audits');
    const have = new Set(((await astore.getAll()) as AuditRecord[]).map((a) => `${a.url}|${a.at}|${a.scope}`));
    for (const a of file.audits) {
      const k = `${a.url}|${a.at}|${a.scope}`;
      if (have.has(k)) continue;
      have.add(k);
      const { id: _id, ...rest } = a;
      put(astore.add(rest));
      result.auditsAdded++;
    }
    const mstore = tx.objectStore('meta');
    for (const [k, v] of file.meta) if ((await mstore.get(k)) === undefined) put(mstore.put(v, k));
    await Promise.all([...writes, tx.done]);
    return result;
  } catch (e) {
    tx.done.catch(() => undefined);
    try {
      tx.abort();
    } catch {
      // already over
    }
    throw mapError(e);
  }
}
