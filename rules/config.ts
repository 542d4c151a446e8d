/**
 * Config resolution, ESLint-like: rule defaults ← profile ← user `rules` ← per-site `rules`.
 * A setting is a level (`off|info|warn|error`) or `[level, options]`; options merge shallowly
 * over the rule's defaults. Validation (every problem in Chinese, with its path) is
 * rules/config-schema.ts.
 */
import type { Config, LevelSetting, ResolvedSiteConfig, Rule, RuleSetting, SiteConfig } from './types';
import profilesData from './profiles.json';
import { siteKeyFor } from './site-match';

export interface ProfileDef {
  title: string;
  rules: Record<string, RuleSetting>;
}

export const PROFILES: Record<string, ProfileDef> = Object.fromEntries(
  Object.entries(profilesData).filter(([k]) => !k.startsWith('$')),
) as Record<string, ProfileDef>;

export const PROFILE_NAMES = Object.keys(PROFILES);
export const DEFAULT_PROFILE = 'daily';

export interface ResolvedRule {
  level: LevelSetting;
  options: Record<string, unknown>;
}

/** Today as an ISO date in the user's local time zone. */
export function todayIso(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

function apply(target: ResolvedRule, setting: RuleSetting | undefined): void {
  if (setting === undefined) return;
  if (typeof setting === 'string') {
    target.level = setting;
    return;
  }
  target.level = setting[0];
  if (setting[1]) target.options = { ...target.options, ...setting[1] };
}

export function resolveRules(rules: Rule<any>[], config: Config, site: SiteConfig): Map<string, ResolvedRule> {
  const profile = PROFILES[config.profile ?? DEFAULT_PROFILE] ?? PROFILES[DEFAULT_PROFILE];
  const out = new Map<string, ResolvedRule>();
  for (const rule of rules) {
    const r: ResolvedRule = { level: rule.defaultLevel, options: { ...rule.defaultOptions } };
    apply(r, profile.rules[rule.id]);
    apply(r, config.rules?.[rule.id]);
    apply(r, site.rules?.[rule.id]);
    out.set(rule.id, r);
  }
  return out;
}

/** The site entry whose key is the host or a parent domain of it; the longest key wins. */
export function resolveSite(config: Config, host: string): ResolvedSiteConfig {
  const best = siteKeyFor(config.sites, host);
  return best ? { ...config.sites![best], matched: best } : { matched: null };
}
