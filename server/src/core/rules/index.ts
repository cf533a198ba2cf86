import { frontMatterRule } from './frontMatter';
import { identityRule } from './identities';
import type { Rule } from './rule';
import { rowRule } from './rows';
import { sectionRule } from './sections';
import { subsectionRule } from './subsections';
import { valueRule } from './values';

/** Every rule, in the order their findings are reported. */
export const RULES: readonly Rule[] = [identityRule, valueRule, sectionRule, subsectionRule, frontMatterRule, rowRule];
