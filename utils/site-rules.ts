/**
 * Acting on a finding from where the editor sees it. "本站不再检查此项": turn a rule off for one site from one of its findings. The site's setting
 * goes into the config (sites[host].rules[ruleId] = 'off', the same switch the settings page
 * writes), and the rule's open findings on that site become 已忽略 with a note saying why: a rule
 * switched off no longer runs, and a rule that did not run closes nothing (issue 12), so without
 * this its findings would stay open for ever.
 */
import type { Config } from '../rules/types';
import type { Store } from './db';
import { loadConfig, saveConfig } from './settings';

export const IGNORED_NOTE = '已设置为本站不检查此项';

/** The config with `ruleId` off on `host`: a site key already covering the host is reused. */
export function withRuleOff(config: Config, host: string, ruleId: string): Config {
  const sites = { ...(config.sites ?? {}) };
  const key = Object.keys(sites).find((k) => host === k || host.endsWith('.' + k)) ?? host;
  const site = sites[key] ?? {};
  sites[key] = { ...site, rules: { ...(site.rules ?? {}), [ruleId]: 'off' } };
  return { ...config, sites };
}

/** Turns the rule off for the site of `origin` and ignores its open findings there. Returns how many. */
export async function ignoreRuleOnSite(store: Store, origin: string, ruleId: string): Promise<number> {
  const host = new URL(origin).hostname.toLowerCase();
  const problems = await saveConfig(withRuleOff(await loadConfig(), host, ruleId));
  if (problems.length) throw new Error(problems.join('；'));
  return store.setStatusWhere({ site: origin, ruleId, status: 'open' }, 'ignored', IGNORED_NOTE);
}

/**
 * The words a finding can be whitelisted by (设置 → 白名单): what the rule matched, as its data
 * names it. Rules whose finding is not about one word (a missing field, a stale column) have none.
 */
const WHITELIST_WORD: Record<string, (d: Record<string, string | number>) => unknown> = {
  'text/typo': (d) => d.wrong,
  'text/placeholder': (d) => d.text,
  'text/repeated': (d) => (typeof d.unit === 'string' && !d.unit.endsWith('…') ? `${d.unit}${d.unit}` : undefined),
  'text/outdated-term': (d) => d.old,
  'text/sensitive': (d) => d.word,
};

export function whitelistWord(f: { ruleId: string; messageId?: string; data?: Record<string, string | number> }): string | null {
  const get = WHITELIST_WORD[f.ruleId];
  // A repeated clause is not a word to whitelist.
  if (!get || !f.data || (f.ruleId === 'text/repeated' && f.messageId === 'clause')) return null;
  const w = get(f.data);
  return typeof w === 'string' && w.trim() ? w : null;
}

export const WHITELIST_NOTE = '已加入白名单';

/**
 * Adds the finding's word to the user's whitelist and marks it 误报 — with the page's other open
 * findings of that word (the next audit would otherwise close them as 已整改). Returns the word.
 */
export async function whitelistFinding(store: Store, f: { fingerprint: string; url: string; ruleId: string; messageId?: string; data?: Record<string, string | number> }): Promise<string> {
  const word = whitelistWord(f);
  if (!word) throw new Error('这条问题没有可加入白名单的词语');
  const config = await loadConfig();
  const list = config.dictionaries?.whitelist ?? [];
  if (!list.includes(word)) {
    const problems = await saveConfig({ ...config, dictionaries: { ...(config.dictionaries ?? {}), whitelist: [...list, word] } });
    if (problems.length) throw new Error(problems.join('；'));
  }
  const same = (await store.findingsForUrl(f.url)).filter((x) => x.status === 'open' && x.ruleId === f.ruleId && whitelistWord(x) === word).map((x) => x.fingerprint);
  await store.setStatus([...new Set([f.fingerprint, ...same])], 'false-positive', WHITELIST_NOTE);
  return word;
}
