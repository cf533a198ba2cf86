/**
 * What rules return: findings with their fixes as plain text edits (offsets into the document).
 * Adapters turn them into LSP diagnostics and code actions, or CLI output, without recomputing anything.
 */
import type { Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
}

export interface TextEdit {
  readonly span: Span;
  readonly newText: string;
}

export interface Fix {
  /** What the fix does, saying what it will write: `将总计改为 1`. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * Safe fixes go into fix-all (`source.fixAll.govreport`, `govreport fix`). A fix that changes a
   * number the author typed is never safe.
   */
  readonly safe: boolean;
  /** Preferred fix for the quick-fix shortcut. */
  readonly preferred?: boolean;
}

export interface Finding {
  /** The diagnostic code, dotted and grouped: `sum.row`, `value.missing`, `structure.section-missing`. */
  readonly code: string;
  readonly severity: Severity;
  readonly span: Span;
  readonly message: string;
  readonly related: readonly RelatedLocation[];
  readonly fixes: readonly Fix[];
}
