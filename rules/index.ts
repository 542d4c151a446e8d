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
import { textRules } from './text/index';
import { privacyRules } from './privacy';
import { metaRules } from './meta';
import { footerRules } from './footer';
import { columnRules } from './columns';
import { interactionRules } from './interaction';
import { linkRules } from './links';

export const allRules: Rule<any>[] = [
  ...catalogRules,
  ...indexNumberRules,
  ...docNumberRules,
  ...disclosureRules,
  ...dateRules,
  ...textRules,
  ...privacyRules,
  ...metaRules,
  ...footerRules,
  ...columnRules,
  ...interactionRules,
  ...linkRules,
];

export const ruleById = new Map(allRules.map((r) => [r.id, r]));
