import { identityRule } from './identities';
import type { Rule } from './rule';
import { textClaimRule } from './textClaims';
import { textFeeRule } from './textFee';
import { textPartsRule } from './textParts';
import { textYearRule } from './textYear';
import { valueRule } from './values';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [identityRule, valueRule, textClaimRule, textPartsRule, textYearRule, textFeeRule];
