/**
 * audit(model, config): runs every enabled rule on one PageModel (Lighthouse: gather once,
 * audit many). A rule that throws becomes a diagnostic; the others still run. So does a rule that
 * runs past its time budget: one rule cannot hold a page (see budgeted()).
 */
import { maskPersonalData } from './personal-codes';
import type { AuditLookups, AuditResult, Config, Finding, Level, PageModel, Report, Rule, RuleContext } from './types';
import { resolveRules, resolveSite, todayIso } from './config';
import { allRules } from './index';
import { formatMessage } from './messages';

const LEVELS: Level[] = ['info', 'warn', 'error'];
const EXCERPT_MAX = 300;

/** Time one rule may take on one page. Rules take milliseconds; a 50 MB page takes each about 2 s. */
export const RULE_BUDGET_MS = 10_000;

export interface AuditOptions {
  lookups?: AuditLookups;
  /** Time budget per rule, in ms (default RULE_BUDGET_MS). */
  budgetMs?: number;
  /** Rules to run instead of the registry (tests). */
  rules?: Rule<any>[];
}

export async function audit(model: PageModel, config: Config = {}, opts: AuditOptions = {}): Promise<AuditResult> {
  const rules = opts.rules ?? allRules;
  const site = resolveSite(config, model.host);
  const resolved = resolveRules(rules, config, site);
  const today = config.today ?? todayIso();
  const findings: Finding[] = [];
  const timings: AuditResult['timings'] = [];
  const diagnostics: AuditResult['diagnostics'] = [];

  const completed: string[] = [];
  const budgetMs = opts.budgetMs ?? RULE_BUDGET_MS;
  for (const rule of rules) {
    const setting = resolved.get(rule.id);
    if (!setting || setting.level === 'off') continue;
    // A rule for other kinds of page has nothing to say here: it is complete, and its old findings go.
    // Nor has a text rule on a search results page: the snippets are other pages' text, as the
    // search engine rewrote it (punctuation folded to half-width), which no editor here can fix.
    if ((rule.kinds && !rule.kinds.includes(model.kind)) || (model.searchResults && rule.category === 'text')) {
      completed.push(rule.id);
      continue;
    }
    const level = setting.level;
    const seen = new Set<string>();
    const ctx: RuleContext<any> = {
      options: setting.options,
      level,
      today,
      profile: config.profile ?? 'daily',
      site,
      lookups: opts.lookups ?? {},
      dictionaries: config.dictionaries ?? {},
      report(r: Report) {
        // One finding per key: a rule that reaches the same thing twice reports it once.
        if (seen.has(r.key)) return;
        seen.add(r.key);
        findings.push(toFinding(rule, level, model.url, r));
      },
    };
    const t0 = performance.now();
    const deadline = t0 + budgetMs;
    const report = ctx.report;
    ctx.report = (r) => {
      if (performance.now() > deadline) throw new RuleTimeout(budgetMs);
      report(r);
    };
    const before = findings.length;
    try {
      await rule.check(budgeted(model, deadline, budgetMs), ctx);
      completed.push(rule.id);
    } catch (err) {
      // What a rule reported before it threw is partial: drop it, so its stored findings stay as they were.
      findings.length = before;
      diagnostics.push({ ruleId: rule.id, message: err instanceof Error ? err.message : String(err) });
    }
    timings.push({ ruleId: rule.id, ms: performance.now() - t0 });
  }
  return { findings, timings, diagnostics, completed };
}

/** A rule stopped at its time budget. */
export class RuleTimeout extends Error {
  constructor(ms: number) {
    super(`运行超过 ${ms / 1000} 秒，已停止：该规则在本页的结果保持不变`);
    this.name = 'RuleTimeout';
  }
}

/**
 * The model as one rule sees it: its lists (body blocks, links, fields, interaction items, list
 * items) check the clock as the rule walks them, and throw RuleTimeout past the deadline. Rules are
 * loops over these lists, so the check needs nothing from the rules themselves; JavaScript cannot
 * stop a function from outside, and a user's regex is bounded where it runs (safe-regex.ts).
 */
function budgeted(model: PageModel, deadline: number, ms: number): PageModel {
  // A plain iterator, not a generator: rules walk these lists on every page (a generator doubled the audit of a 500 KB listing).
  const watch = <T>(items: T[]): T[] => {
    const copy = items.slice();
    Object.defineProperty(copy, Symbol.iterator, {
      value: () => {
        let i = 0;
        return {
          next(): IteratorResult<T> {
            if ((i & 63) === 0 && performance.now() > deadline) throw new RuleTimeout(ms);
            return i < copy.length ? { value: copy[i++], done: false } : { value: undefined, done: true };
          },
        };
      },
    });
    return copy;
  };
  return {
    ...model,
    body: watch(model.body),
    links: watch(model.links),
    fields: watch(model.fields),
    interaction: watch(model.interaction),
    listing: model.listing && { ...model.listing, items: watch(model.listing.items) },
  };
}

function shift(level: Level, by: -1 | 1 | undefined): Level {
  if (!by) return level;
  const i = Math.min(LEVELS.length - 1, Math.max(0, LEVELS.indexOf(level) + by));
  return LEVELS[i];
}

export function cut(text: string, max = EXCERPT_MAX): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** Data values shown in messages, with personal numbers masked like the rest of the finding. */
function maskData(data: Report['data']): Report['data'] {
  if (!data) return data;
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? maskPersonalData(v) : v]));
}

/**
 * A rule's report as a finding. Whatever the rule, the finding never carries an unmasked ID,
 * mobile or card number: excerpt, message, suggestion, data and key are masked here, once for all
 * (the store, the popup, the dashboard and every export show only what a finding holds).
 */
function toFinding(rule: Rule<any>, level: Level, url: string, report: Report): Finding {
  const r: Report = { ...report, excerpt: maskPersonalData(report.excerpt), key: maskPersonalData(report.key), data: maskData(report.data) };
  if (typeof r.suggestion === 'string') r.suggestion = maskPersonalData(r.suggestion);
  const f: Finding = {
    ruleId: rule.id,
    level: shift(level, r.levelShift),
    certainty: r.certainty ?? 'certain',
    category: rule.category,
    message: formatMessage(rule, r.messageId, r.data, 'zh'),
    messageId: r.messageId,
    excerpt: cut(r.excerpt),
    url,
    key: r.key,
  };
  if (r.data) f.data = r.data;
  if (r.suggestion !== undefined) f.suggestion = r.suggestion;
  if (r.field !== undefined) f.field = r.field;
  if (r.selector !== undefined) f.selector = r.selector;
  if (r.textOffset !== undefined) f.textOffset = r.textOffset;
  if (r.textLength !== undefined) f.textLength = r.textLength;
  return f;
}
