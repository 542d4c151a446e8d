import type { Rule } from './types';

/** Identity helper that keeps a rule's options typed where it is written. */
export function defineRule<O extends Record<string, unknown>>(rule: Rule<O>): Rule<O> {
  return rule;
}
