/**
 * User settings in browser.storage (small, synced across extension contexts): the rule config
 * (profile, rules, sites, dictionaries). Findings are in IndexedDB, not here. A stored value
 * that fails validation is ignored with a warning — never half-applied.
 */
import { storage } from 'wxt/utils/storage';
import { validateConfig } from '../rules/config-schema';
import type { Config } from '../rules/types';

export const configItem = storage.defineItem<Config>('local:config', {
  fallback: { profile: 'daily' },
  version: 1,
});

export async function loadConfig(): Promise<Config> {
  const value = await configItem.getValue();
  const problems = validateConfig(value);
  if (problems.length) {
    console.warn('GovLint: 配置无效，已使用默认配置：', problems);
    return { profile: 'daily' };
  }
  return value;
}

/** Validates then saves; returns the problems (nothing is saved when there are any). */
export async function saveConfig(value: unknown): Promise<string[]> {
  const problems = validateConfig(value);
  if (problems.length === 0) await configItem.setValue(value as Config);
  return problems;
}
