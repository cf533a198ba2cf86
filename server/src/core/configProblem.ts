/**
 * What can be wrong in a rule configuration (a config file, the editor's setting): read by
 * config.ts, said by the message catalog. At the bottom of the core so that both can name it.
 */
export type ConfigProblem =
  | { readonly kind: 'unreadable'; readonly detail: string }
  | { readonly kind: 'syntax'; readonly detail: string; readonly offset: number | null }
  | { readonly kind: 'not-object' }
  | { readonly kind: 'unknown-key'; readonly key: string }
  | { readonly kind: 'rules-not-object' }
  | { readonly kind: 'unknown-rule'; readonly key: string }
  | { readonly kind: 'bad-level'; readonly key: string; readonly value: string };
