/** J. Text rules (RULES.md §J), in the order the catalogue lists them. */
import { garbledRules } from './garbled';
import { halfwidthPunctRules } from './halfwidth-punct';
import { mixedScriptRules } from './mixed-script';
import { outdatedTermRules } from './outdated-term';
import { pinyinResidueRules } from './pinyin-residue';
import { placeholderRules } from './placeholder';
import { repeatedRules } from './repeated';
import { sensitiveRules } from './sensitive';
import { seriousErrorRules } from './serious-error';
import { typoRules } from './typo';
import { unbalancedRules } from './unbalanced';

export const textRules = [
  ...typoRules,
  ...seriousErrorRules,
  ...outdatedTermRules,
  ...placeholderRules,
  ...garbledRules,
  ...pinyinResidueRules,
  ...mixedScriptRules,
  ...repeatedRules,
  ...unbalancedRules,
  ...halfwidthPunctRules,
  ...sensitiveRules,
];
