/** Fills a rule's message template with a finding's data, in Chinese or English (axe-core style). */
import type { Finding, Rule } from './types';
import { fill } from './fill';
import { ruleById } from './index';

export { fill };

export type Locale = 'zh' | 'en';

export function formatMessage(rule: Rule<any>, messageId: string, data: Record<string, string | number> | undefined, locale: Locale): string {
  const msg = rule.meta.messages[messageId];
  if (!msg) throw new Error(`rule ${rule.id} has no message "${messageId}"`);
  return fill(msg[locale], data);
}

/** A stored finding's message in the given locale (falls back to the stored Chinese text). */
export function findingMessage(f: Pick<Finding, 'ruleId' | 'messageId' | 'data' | 'message'>, locale: Locale): string {
  const rule = ruleById.get(f.ruleId);
  if (locale === 'zh' || !rule || !rule.meta.messages[f.messageId]) return f.message;
  return formatMessage(rule, f.messageId, f.data, locale);
}
