/**
 * The background's work, kept free of extension APIs so unit tests can drive it:
 * snapshot → extractPage + audit (with the store answering page-spanning questions) →
 * reconcile into IndexedDB → what the overlay and the badge need.
 */
import { audit } from '../rules/engine';
import { indexNumberOf } from '../rules/index-number';
import { linkRules } from '../rules/links';
import { findingMessage } from '../rules/messages';
import { auditHtml } from '../rules/run';
import type { AuditResult, Config, Level, PageModel } from '../rules/types';
import { normalizeUrl, type PageInput, type Store, type StoredFinding } from './db';
import type { LinkChecker } from './link-check';
import { loadTypoModel } from './typo-model';
import type { AuditSummary, OverlayFinding } from './messages';

export function pageInput(model: PageModel): PageInput {
  return {
    url: normalizeUrl(model.url),
    site: model.site,
    host: model.host,
    title: model.title,
    headline: model.headline,
    column: model.column,
    kind: model.kind,
    indexNumber: indexNumberOf(model),
  };
}

/**
 * The exact text of a finding, for the overlay's highlight: its offset is in the text of the element
 * its selector names, a body block or the footer (a malformed ICP number).
 */
function matchedText(model: PageModel, f: StoredFinding): string | undefined {
  if (f.textOffset === undefined || f.textLength === undefined || !f.selector) return undefined;
  const end = f.textOffset + f.textLength;
  const text =
    model.body.find((b) => b.selector === f.selector && b.text.length >= end)?.text ??
    (model.footer?.selector === f.selector ? model.footer.text : undefined);
  return text && text.length >= end ? text.slice(f.textOffset, end) : undefined;
}

/** The frame a finding's element is in: its selector starts at the frame's holder (#govlint-frame-N). */
function frameOf(model: PageModel | undefined, selector: string | undefined): string | undefined {
  const id = selector && /^#(govlint-frame-\d+)(?:\s|$)/.exec(selector)?.[1];
  return id ? model?.frames?.find((fr) => fr.id === id)?.url : undefined;
}

/** Findings in the order the page shows them (block, then offset): a group's places follow the page. */
function inPageOrder(findings: StoredFinding[], model?: PageModel): StoredFinding[] {
  if (!model) return findings;
  const order = new Map<string, number>();
  model.body.forEach((b, i) => order.has(b.selector) || order.set(b.selector, i));
  const pos = (f: StoredFinding) => (f.selector !== undefined && order.has(f.selector) ? order.get(f.selector)! : Infinity);
  return findings
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => (a.p === b.p ? (a.f.textOffset ?? 0) - (b.f.textOffset ?? 0) || a.i - b.i : a.p === Infinity ? 1 : b.p === Infinity ? -1 : a.p - b.p))
    .map((x) => x.f);
}

const withFrame = (frame: string | undefined) => (frame ? { frame } : {});

export function summarize(url: string, findings: StoredFinding[], model?: PageModel): AuditSummary {
  const counts: Record<Level, number> = { error: 0, warn: 0, info: 0 };
  const shown: OverlayFinding[] = [];
  for (const f of inPageOrder(findings, model)) {
    if (f.status !== 'open') continue;
    counts[f.level]++;
    shown.push({
      fingerprint: f.fingerprint,
      ruleId: f.ruleId,
      level: f.level,
      suspected: f.certainty === 'suspected',
      message: f.message,
      messageEn: findingMessage(f, 'en'),
      messageId: f.messageId,
      data: f.data,
      suggestion: f.suggestion,
      selector: f.selector,
      matched: model ? matchedText(model, f) : undefined,
      ...withFrame(frameOf(model, f.selector)),
      status: f.status,
    });
  }
  const unread = (model?.frames ?? []).filter((fr) => !fr.audited).map((fr) => fr.url);
  return { url, counts, findings: shown, ...(unread.length ? { unreadFrames: unread } : {}) };
}

/** The badge counts what needs fixing: open error and warn findings. */
export function badgeText(summary: AuditSummary): string {
  const n = summary.counts.error + summary.counts.warn;
  return n === 0 ? '' : n > 999 ? '999+' : String(n);
}

export interface AuditOutcome {
  model: PageModel;
  summary: AuditSummary;
  diagnostics: { ruleId: string; message: string }[];
}

/**
 * A page audit into the store, the same for a page read by hand and a swept one: only rules that
 * ran to the end close findings (not one that threw or was switched off); link/broken is the link
 * pass's. Returns every stored finding of the page (the link pass's too).
 */
export async function keepPageAudit(store: Store, model: PageModel, result: AuditResult, now = Date.now()): Promise<StoredFinding[]> {
  const page = pageInput(model);
  const completed = new Set(result.completed);
  await store.reconcile(page, result.findings, { now, scope: (ruleId) => completed.has(ruleId) && ruleId !== 'link/broken', run: 'page' });
  return store.findingsForUrl(page.url);
}

/** The lookups that span pages, answered by the store. */
export function storeLookups(store: Store) {
  return {
    urlsWithIndexNumber: (n: string, except: string) => store.urlsWithIndexNumber(n, normalizeUrl(except)),
    indexNumberShapes: (site: string) => store.indexNumberShapes(site),
    typoModel: loadTypoModel,
  };
}

export async function auditSnapshot(store: Store, config: Config, url: string, html: string, now = Date.now()): Promise<AuditOutcome> {
  const result = await auditHtml(html, normalizeUrl(url), config, { lookups: storeLookups(store) });
  const all = await keepPageAudit(store, result.model, result, now);
  const summary = summarize(normalizeUrl(result.model.url), all, result.model);
  if (result.diagnostics.length) summary.failedRules = result.diagnostics.map((d) => d.ruleId);
  return { model: result.model, summary, diagnostics: result.diagnostics };
}

/**
 * The link pass, after the page audit (it never holds up the page's findings): checks the
 * page's links and reconciles only link/broken findings, so neither pass closes the other's.
 */
export async function auditLinks(store: Store, config: Config, model: PageModel, checkLinks: LinkChecker, now = Date.now()): Promise<AuditSummary> {
  const result = await audit(model, config, { rules: linkRules, lookups: { checkLinks } });
  const page = pageInput(model);
  const linksDone = result.completed.includes('link/broken');
  await store.reconcile(page, result.findings, { now, scope: (ruleId) => linksDone && ruleId === 'link/broken', run: 'links' });
  return summarize(page.url, await store.findingsForUrl(page.url), model);
}
