/**
 * Typed messages between the content script, the popup, the dashboard and the background.
 * Listeners answer with sendResponse + `return true` (works with the polyfill, native
 * Chrome and WXT's fake browser; see TOOLCHAIN.md pitfall 3).
 */
import type { Level } from '../rules/types';
import type { FindingStatus } from './db';

/** What the content script needs to draw a finding in place. */
export interface OverlayFinding {
  fingerprint: string;
  ruleId: string;
  level: Level;
  suspected: boolean;
  /** Chinese message, and the English one made where the engine is (the content script has no rule templates). */
  message: string;
  messageEn?: string;
  messageId: string;
  data?: Record<string, string | number>;
  suggestion?: string;
  selector?: string;
  /** The exact text the finding is about, to highlight it inside the element. */
  matched?: string;
  /** The URL of the frame the finding is in, when it is inside one. */
  frame?: string;
  status: FindingStatus;
}

export interface AuditSummary {
  url: string;
  counts: Record<Level, number>;
  findings: OverlayFinding[];
  /** Rules that threw on this page: their earlier findings were kept as they were. */
  failedRules?: string[];
  /** Frames of the page the browser would not let GovLint read (another site): not audited. */
  unreadFrames?: string[];
}

export type Request =
  /**
   * A snapshot's HTML: whole, or — a big page's — its last part, the earlier ones sent before as
   * snapshot-part under the same id (one message of megabytes is a long task on the page's thread).
   */
  | { type: 'snapshot'; url: string; html: string; partsOf?: { id: string; count: number } }
  | { type: 'snapshot-part'; id: string; index: number; text: string }
  | { type: 'audit-tab'; tabId: number }
  | { type: 'ping' }
  | { type: 'show-findings'; summary: AuditSummary }
  | { type: 'findings-updated'; url: string }
  /** To a tab's content script: show the panel and highlights again (show), or toggle them (the shortcut). */
  | { type: 'toggle-panel'; show?: boolean }
  /** To a tab's content script: scroll to this finding and flash it. */
  | { type: 'show-finding'; fingerprint: string }
  /** To the background: bring this finding's page to the front (opening it if needed) and show the finding there. */
  | { type: 'locate-finding'; url: string; fingerprint: string };

export type Response<T = unknown> = { ok: true; data: T } | { ok: false; error: string };

export function ok<T>(data: T): Response<T> {
  return { ok: true, data };
}

/** The background's answer to a snapshot whose earlier parts it no longer holds: send it all again. */
export const SNAPSHOT_PARTS_LOST = 'snapshot parts lost';

export function fail(e: unknown): Response<never> {
  return { ok: false, error: e instanceof Error ? e.message : String(e) };
}
