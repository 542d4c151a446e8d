/**
 * link/broken for a sweep: what the sweep itself could not fetch (404, 500, a redirect loop, a
 * timeout after its retries) is a broken link on every page that links to it. The findings come
 * from the engine's own link rule, run on each referring page's links with the sweep's answers,
 * so they read and key exactly as the extension's link pass writes them.
 */
import { audit } from '../../rules/engine';
import { linkRules } from '../../rules/links';
import type { Config, Finding, LinkCheckResult, PageKind, PageLink, PageModel } from '../../rules/types';
import type { QueueEntry } from './queue';

const BROKEN = new Set(['http', 'timeout', 'network', 'redirect-loop']);

function answerOf(e: QueueEntry): LinkCheckResult {
  const status = e.error?.status ?? null;
  return { url: e.url, status, ...(status === null ? { error: e.error?.reason === 'timeout' ? ('timeout' as const) : ('network' as const) } : {}), ms: 0 };
}

/** Findings per referring page URL. */
export async function brokenLinkFindings(entries: readonly QueueEntry[], config: Config): Promise<Map<string, Finding[]>> {
  const kinds = new Map<string, PageKind>();
  for (const e of entries) if (e.state === 'done' && e.kind) kinds.set(e.finalUrl ?? e.url, e.kind);
  const answers = new Map<string, LinkCheckResult>();
  const linksOf = new Map<string, PageLink[]>();
  for (const e of entries) {
    if (e.state !== 'failed' || !e.error || !BROKEN.has(e.error.reason)) continue;
    answers.set(e.url, answerOf(e));
    for (const r of e.refs ?? []) {
      const list = linksOf.get(r.page) ?? [];
      list.push({ url: e.url, kind: r.kind, text: r.text, selector: r.selector });
      linksOf.set(r.page, list);
    }
  }
  const out = new Map<string, Finding[]>();
  for (const [page, links] of linksOf) {
    const u = new URL(page);
    const model: PageModel = {
      url: page,
      site: u.origin,
      host: u.hostname.toLowerCase(),
      title: '',
      headline: '',
      lang: '',
      charset: '',
      meta: {},
      breadcrumb: [],
      column: null,
      fields: [],
      body: [],
      listing: null,
      interaction: [],
      footer: null,
      links,
      scripts: [],
      kind: kinds.get(page) ?? 'other',
    };
    const result = await audit(model, config, {
      rules: linkRules,
      lookups: { checkLinks: async (ls) => ls.map((l) => answers.get(l.url) ?? { url: l.url, status: 200, ms: 0 }) },
    });
    if (result.findings.length) out.set(page, result.findings);
  }
  return out;
}
