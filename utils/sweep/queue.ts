/**
 * The sweep's state: one record for the sweep and one entry per URL it knows. Both are plain data
 * kept by a QueueStore (IndexedDB in the extension, a JSON file in the CLI, memory in tests), so a
 * sweep stopped anywhere (paused, page closed, browser restarted, Ctrl-C) resumes from what was
 * saved: an entry is marked done in the same write that adds the links found on it.
 */
import type { ColumnStatus } from '../../rules/columns';
import type { Level, PageKind } from '../../rules/types';
import type { FailReason } from './fetch-page';
import type { LinkRef, LinkRole } from './discover';

export interface SweepOptions {
  /** Start pages (a homepage or a column), or the list of URLs to check. */
  start: string[];
  /** 'site': follow links from the start pages within `depth`; 'list': only the given URLs. */
  mode: 'site' | 'list';
  /** Link steps from a start page (a column's later pages do not count). */
  depth: number;
  /** Most pages fetched in the sweep. */
  maxPages: number;
  /** Requests at once per host. */
  concurrency: number;
  /** Pause between two requests to one host, in ms (robots.txt Crawl-delay raises it). */
  delayMs: number;
  /** Tries per URL for failures that may pass (timeouts, network errors, 429, 5xx). */
  maxAttempts: number;
  /** First retry waits this long, each next one four times as long. */
  retryBaseMs: number;
  timeoutMs: number;
  robots: 'obey' | 'ignore';
}

export const DEFAULT_OPTIONS: Omit<SweepOptions, 'start'> = {
  mode: 'site',
  depth: 3,
  maxPages: 500,
  concurrency: 2,
  delayMs: 500,
  maxAttempts: 3,
  retryBaseMs: 2000,
  timeoutMs: 20000,
  robots: 'obey',
};

export type SweepStatus = 'running' | 'paused' | 'done' | 'cancelled';

export interface SweepRecord {
  id: string;
  options: SweepOptions;
  status: SweepStatus;
  createdAt: number;
  updatedAt: number;
  /** The day the audit judges dates by (the sweep keeps one for all its pages). */
  today: string;
  /** Pages not queued because maxPages was reached. */
  overLimit: number;
  /** Why the sweep stopped on its own (a failed write), for the user. */
  error?: string;
}

export type EntryState =
  /** Waiting to be fetched (again, after `notBefore`, when a try failed). */
  | 'queued'
  /** Fetched and audited. */
  | 'done'
  /** Given up: the last error says why. */
  | 'failed'
  /** Not fetched: robots.txt disallows it, or it redirected off the site or onto a page already swept. */
  | 'skipped'
  /** Not a page (PDF, Office file, image): listed, not parsed. */
  | 'file';

export interface EntryError {
  reason: FailReason | 'robots' | 'offsite' | 'duplicate' | 'audit';
  message: string;
  status?: number;
}

export interface QueueEntry {
  url: string;
  /** Order of discovery: the queue is worked breadth first. */
  seq: number;
  depth: number;
  role: LinkRole | 'start';
  /** The page it was found on (the first one). */
  from: string | null;
  /** Not a page by its name (PDF, Office file, image): requested to see that it answers, never parsed. */
  file?: boolean;
  /** The first pages that link to it, with the link as they show it (for link/broken when it fails). */
  refs?: LinkRef[];
  state: EntryState;
  attempts: number;
  /** A retry waits until then (ms since the epoch). */
  notBefore?: number;
  error?: EntryError;
  /** After redirects, when different. */
  finalUrl?: string;
  kind?: PageKind;
  title?: string;
  charset?: string;
  /** Open findings by level right after the audit. */
  findings?: Record<Level, number>;
  /** For a column's first page (and the homepage): its 检查指标 line. */
  column?: Omit<ColumnStatus, 'newestItem'> & { newestTitle: string | null };
  /** Where the page's time went, in ms. */
  timing?: { fetch: number; extract: number; audit: number; store: number };
  bytes?: number;
  doneAt?: number;
}

/** Where a sweep's record and entries are kept. `put` must write all its entries or none. */
export interface QueueStore {
  load(): Promise<{ record: SweepRecord | null; entries: QueueEntry[] }>;
  saveRecord(record: SweepRecord): Promise<void>;
  put(entries: QueueEntry[], record?: SweepRecord): Promise<void>;
}

/** A QueueStore in memory: unit tests, and a sweep nobody needs to resume. */
export class MemoryQueue implements QueueStore {
  record: SweepRecord | null = null;
  entries = new Map<string, QueueEntry>();
  async load() {
    return { record: this.record && structuredClone(this.record), entries: [...this.entries.values()].map((e) => structuredClone(e)) };
  }
  async saveRecord(record: SweepRecord) {
    this.record = structuredClone(record);
  }
  async put(entries: QueueEntry[], record?: SweepRecord) {
    for (const e of entries) this.entries.set(e.url, structuredClone(e));
    if (record) this.record = structuredClone(record);
  }
}
