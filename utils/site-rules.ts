/**
 * "本站不再检查此项": turn a rule off for one site from one of its findings. The site's setting
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
