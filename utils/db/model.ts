/** The store's records and options: what a page, a finding, a status change and an audit are kept as. */
import type { Certainty, Finding, Level, PageKind } from '../../rules/types';

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
