/**
 * What rules return: findings with their fixes as plain text edits (offsets into the document).
 * Adapters turn them into LSP diagnostics and code actions, or CLI output, without recomputing anything.
 */
import type { Range, Span } from './text';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface RelatedLocation {
  readonly span: Span;
  readonly message: string;
  /**
   * Set when the location is in another document (last year's report, for text.carry-over): that
   * document as the caller named it (a URI) and the range there; `span` is then an offset into it.
   */
  readonly elsewhere?: { readonly document: string; readonly range: Range };
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

/**
 * A finding whose fixes are worked out when first read, then kept. Proving a fix clean can cost a
 * re-evaluation of the tables (identities) or a plan of every cell a 0 may fill (values), and most
 * readers never ask: diagnostics and `govreport check` show findings; only code actions, fix-all and
 * `govreport fix` read fixes. `fixes` is an own, enumerable property, so a spread, JSON or a
 * structured clone of the finding reads (and so computes) it like any other field.
 */
export function withFixesOnDemand(finding: Omit<Finding, 'fixes'>, computeFixes: () => readonly Fix[]): Finding {
  let fixes: readonly Fix[] | undefined;
  return Object.defineProperty({ ...finding }, 'fixes', { enumerable: true, get: () => (fixes ??= computeFixes()) }) as Finding;
}

/** The order findings are reported in: by position, then by code. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.code.localeCompare(b.code);
}
