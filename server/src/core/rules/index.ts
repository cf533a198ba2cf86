import { identityRule } from './identities';
import type { Rule } from './rule';
import { valueRule } from './values';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [identityRule, valueRule];
