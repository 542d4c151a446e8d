/**
 * Config resolution, ESLint-like: rule defaults ← profile ← user `rules` ← per-site `rules`.
 * A setting is a level (`off|info|warn|error`) or `[level, options]`; options merge shallowly
 * over the rule's defaults. Validation reports every problem in Chinese and changes nothing.
 */
import type { Config, LevelSetting, ResolvedSiteConfig, Rule, RuleSetting, SiteConfig } from './types';
import profilesData from './profiles.json';

export interface ProfileDef {
  title: string;
  rules: Record<string, RuleSetting>;
}

export const PROFILES: Record<string, ProfileDef> = Object.fromEntries(
  Object.entries(profilesData).filter(([k]) => !k.startsWith('$')),
) as Record<string, ProfileDef>;

export const PROFILE_NAMES = Object.keys(PROFILES);
export const DEFAULT_PROFILE = 'daily';
const LEVEL_SETTINGS: LevelSetting[] = ['off', 'info', 'warn', 'error'];

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
  let best: string | null = null;
  for (const key of Object.keys(config.sites ?? {})) {
    const k = key.toLowerCase().replace(/^\*\./, '');
    if ((host === k || host.endsWith('.' + k)) && (!best || k.length > best.length)) best = key;
  }
  return best ? { ...config.sites![best], matched: best } : { matched: null };
}

/**
 * Checks a config object (from a file or the options page). Returns the problems in Chinese;
 * an empty list means it is valid. Unknown rule ids are problems: a typo in an id would
 * otherwise silently do nothing.
 */
export function validateConfig(value: unknown, knownRuleIds: Set<string>): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return ['配置必须是一个 JSON 对象'];
  const c = value as Record<string, unknown>;
  const allowed = new Set(['profile', 'rules', 'sites', 'today', 'dictionaries', '$schema', '$comment']);
  for (const k of Object.keys(c)) if (!allowed.has(k)) problems.push(`未知的配置项 "${k}"`);
  if (c.profile !== undefined && (typeof c.profile !== 'string' || !PROFILES[c.profile]))
    problems.push(`profile 必须是 ${PROFILE_NAMES.join(' / ')} 之一`);
  if (c.today !== undefined && (typeof c.today !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(c.today)))
    problems.push('today 必须是 YYYY-MM-DD 格式的日期');
  const checkRules = (rules: unknown, where: string) => {
    if (rules === undefined) return;
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) {
      problems.push(`${where} 必须是对象`);
      return;
    }
    for (const [id, s] of Object.entries(rules)) {
      if (!knownRuleIds.has(id)) problems.push(`${where}: 未知的规则 "${id}"`);
      const level = Array.isArray(s) ? s[0] : s;
      if (!LEVEL_SETTINGS.includes(level as LevelSetting))
        problems.push(`${where}.${id}: 级别必须是 off / info / warn / error`);
      if (Array.isArray(s) && s.length > 1 && (typeof s[1] !== 'object' || s[1] === null || Array.isArray(s[1])))
        problems.push(`${where}.${id}: 选项必须是对象`);
    }
  };
  checkRules(c.rules, 'rules');
  if (c.sites !== undefined) {
    if (typeof c.sites !== 'object' || c.sites === null || Array.isArray(c.sites)) problems.push('sites 必须是对象');
    else
      for (const [host, s] of Object.entries(c.sites as Record<string, unknown>)) {
        if (typeof s !== 'object' || s === null) {
          problems.push(`sites.${host} 必须是对象`);
          continue;
        }
        const site = s as SiteConfig;
        checkRules(site.rules, `sites.${host}.rules`);
        for (const p of site.indexPatterns ?? []) {
          try {
            new RegExp(p);
          } catch {
            problems.push(`sites.${host}.indexPatterns: 无效的正则表达式 ${p}`);
          }
        }
      }
  }
  return problems;
}
