import { controlCharRule } from './controlChars';
import { placeholderRule } from './placeholders';
import { frontMatterRule } from './frontMatter';
import { identityRule } from './identities';
import { rowRule } from './rows';
import type { Rule } from './rule';
import { sectionRule } from './sections';
import { subsectionRule } from './subsections';
import { textClaimRule } from './textClaims';
import { textFeeRule } from './textFee';
import { textPartsRule } from './textParts';
import { textYearRule } from './textYear';
import { valueRule } from './values';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [
  identityRule, valueRule, sectionRule, subsectionRule, frontMatterRule, rowRule,
  textClaimRule, textPartsRule, textYearRule, textFeeRule, controlCharRule, placeholderRule,
];
