/**
 * The rule registry: every rule family file exports an array of rules; this list is the
 * only place that knows them all. Add a family here and it runs everywhere
 * (service worker, dashboard sweep, CLI, tests).
 */
import type { Rule } from './types';
import { catalogRules } from './catalog';
import { indexNumberRules } from './index-number';
import { docNumberRules } from './doc-number';
import { disclosureRules } from './disclosure';
import { dateRules } from './dates';

export const allRules: Rule<any>[] = [
  ...catalogRules,
  ...indexNumberRules,
  ...docNumberRules,
  ...disclosureRules,
  ...dateRules,
];

export const ruleById = new Map(allRules.map((r) => [r.id, r]));
