/**
 * Code lens above each table with identities (B and C): how many of the table's identities hold and
 * how many fail, counted over the analysis's evaluations, and where the first failure is (the cell
 * that states the failing value, first in the text) for the lens to jump to.
 */
import type { Analysis } from '../analyze';
import type { TableId } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import { zhCN } from '../messages/zh-cn';
import type { Span } from '../text';
import { navIndex } from './navIndex';

export interface TableLens {
  readonly table: TableId;
  /** Where the lens sits: the heading of the table's section, else the table's first row. */
  readonly span: Span;
  readonly title: string;
  readonly holds: number;
  readonly fails: number;
  readonly notEvaluated: number;
  /** The first failing cell, or null when nothing fails. */
  readonly target: Span | null;
}

export function tableLenses(analysis: Analysis, messages: MessageCatalog = zhCN): TableLens[] {
  const lenses: TableLens[] = [];
  for (const entry of navIndex(analysis).tables) {
    if (entry.evaluations.length === 0) continue;
    let holds = 0;
    let fails = 0;
    let notEvaluated = 0;
    let target: Span | null = null;
    for (const e of entry.evaluations) {
      if (e.status === 'holds') holds++;
      else if (e.status === 'not-evaluated') notEvaluated++;
      else {
        fails++;
        const at = e.stated!.span;
        if (!target || at.start < target.start) target = at;
      }
    }
    const section = entry.section?.spec.table === entry.id ? entry.section : null;
    lenses.push({
      table: entry.id,
      span: section ? section.headingSpan : (entry.table.rows[0]?.labelSpan ?? entry.table.span),
      title: messages.codeLensIdentities({ holds, fails, notEvaluated }),
      holds, fails, notEvaluated, target,
    });
  }
  return lenses;
}
