/**
 * structure.section-* — the six headings of the format, present once each, in order, numbered
 * 一…六 as `二、`; a table section with its table; section 五 with content. Only headings the parser
 * recognised by their wording are sections: a table row label (`一、本年新收…`) never is.
 */
import type { Finding, Fix } from '../findings';
import { SECTIONS, TABLES, sectionSpec, type SectionSpec, type TableId } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import { findCell, type ReportModel, type Section } from '../model';
import { cellKey } from './evaluate';
import { claimsContradictedBy } from './fill';
import { hasTable, insertSection, insertTable } from '../render/place';
import { documentConventions } from '../render/style';
import { sectionHeading } from '../render';
import type { Rule, RuleContext } from './rule';

/** `二、` */
export function expectedNumeral(spec: SectionSpec): string {
  return `${spec.numeral}、`;
}

const PAREN_NUMERAL = /^[（(]/u;

/**
 * The occurrence of each section that counts: the one numbered as the format says, else the first.
 * A heading-like line numbered `（一）` inside another section is a subsection, not a second heading.
 */
export function primarySections(model: ReportModel): { primary: Map<string, Section>; duplicates: Section[] } {
  const primary = new Map<string, Section>();
  const duplicates: Section[] = [];
  for (const spec of SECTIONS) {
    const all = model.sections.filter((s) => s.spec.id === spec.id);
    if (all.length === 0) continue;
    const chosen = all.find((s) => s.numeral === expectedNumeral(spec)) ?? all.find((s) => !(s.numeral && PAREN_NUMERAL.test(s.numeral))) ?? all[0]!;
    primary.set(spec.id, chosen);
    for (const s of all) {
      if (s === chosen) continue;
      const insideOther = model.sections.some((o) => o !== s && o.spec.id !== s.spec.id && o.span.start < s.headingSpan.start && s.headingSpan.start < o.span.end);
      if (s.numeral && PAREN_NUMERAL.test(s.numeral) && insideOther) continue;
      duplicates.push(s);
    }
  }
  return { primary, duplicates };
}

/** Whether a table of zeros would contradict a figure the narrative states about that table. */
function zeroTableContradicts(model: ReportModel, table: TableId): boolean {
  const row = cellKey(table, '', '');
  const prefix = row.slice(0, row.indexOf('\u0000') + 1);
  return claimsContradictedBy(model, (key) => key.startsWith(prefix)).length > 0;
}

/**
 * Whether an offset comes after section 五's or 六's heading: tables are read only before those (the
 * narrative sections after the tables), so a table inserted there would not be read — when the
 * headings are out of order, the order must be put right first.
 */
function afterNarrativeEnd(model: ReportModel, offset: number): boolean {
  return model.sections.some((s) => (s.spec.id === 'problems' || s.spec.id === 'other') && s.headingSpan.start < offset);
}

/** Indices of a longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const n = values.length;
  const length = new Array<number>(n).fill(1);
  const previous = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (values[j]! < values[i]! && length[j]! + 1 > length[i]!) {
        length[i] = length[j]! + 1;
        previous[i] = j;
      }
    }
  }
  let best = -1;
  for (let i = 0; i < n; i++) if (best < 0 || length[i]! > length[best]!) best = i;
  const kept = new Set<number>();
  for (let i = best; i >= 0; i = previous[i]!) kept.add(i);
  return kept;
}

const EMPTY_CONTENT = /^(?:无|暂无|没有|无。|暂无。|无其他需要报告的事项。?)$/u;

/** A section's text after its heading, without page numbers and white space. */
function bodyText(model: ReportModel, section: Section): string {
  return model.text
    .slice(section.headingSpan.end, section.span.end)
    .split(/\r\n|\n|\r/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[-－—–]\s*\d{1,3}\s*[-－—–]$/u.test(l))
    .join('');
}

function checkSections(model: ReportModel, messages: MessageCatalog): Finding[] {
  const findings: Finding[] = [];
  const conventions = documentConventions(model);
  const { primary, duplicates } = primarySections(model);

  // Missing sections (or only their heading missing, with the table there).
  for (const spec of SECTIONS) {
    if (primary.has(spec.id)) continue;
    const heading = sectionHeading(spec);
    const placement = insertSection(model, spec, conventions);
    const headingOnly = spec.table !== undefined && hasTable(model, spec.table);
    const title = headingOnly
      ? messages.fixInsertHeading({ heading })
      : messages.fixInsertSection({ heading, content: spec.table ? 'table' : spec.id === 'other' ? 'fees' : 'placeholder' });
    // What is inserted must not contradict the report: a table of zeros where the text states other
    // figures, a fee statement of zeros where table B has applicants dropped for not paying a fee.
    const contradicts =
      (!headingOnly && spec.table !== undefined && (zeroTableContradicts(model, spec.table) || afterNarrativeEnd(model, placement.edit.span.start))) ||
      (spec.id === 'other' && (findCell(model.tables.B, 'other.2', 'total')?.value ?? 0) > 0);
    findings.push({
      code: 'structure.section-missing',
      severity: 'error',
      span: placement.anchor,
      message: headingOnly ? messages.sectionHeadingMissing({ heading }) : messages.sectionMissing({ heading, expects: spec.expects }),
      related: [],
      fixes: contradicts ? [] : [{ title, edits: [placement.edit], safe: true, preferred: true }],
    });
  }

  // Order of the sections present.
  const present = [...primary.values()].sort((a, b) => a.headingSpan.start - b.headingSpan.start);
  const inOrder = longestIncreasing(present.map((s) => s.spec.order));
  present.forEach((s, i) => {
    if (inOrder.has(i)) return;
    const before = SECTIONS.find((o) => o.order === s.spec.order - 1);
    findings.push({
      code: 'structure.section-order',
      severity: 'warning',
      span: s.headingSpan,
      message: messages.sectionOrder({ heading: sectionHeading(s.spec), after: before ? sectionHeading(before) : null }),
      related: [],
      fixes: [],
    });
  });

  for (const s of duplicates) {
    findings.push({
      code: 'structure.section-duplicate',
      severity: 'warning',
      span: s.headingSpan,
      message: messages.sectionDuplicate({ heading: sectionHeading(s.spec) }),
      related: [{ span: primary.get(s.spec.id)!.headingSpan, message: sectionHeading(s.spec) }],
      fixes: [],
    });
  }

  // Numerals.
  for (const s of present) {
    const expected = expectedNumeral(s.spec);
    if (s.numeral === expected) continue;
    const titleText = s.spec.title;
    let fix: Fix;
    if (s.numeral === null || s.numeralSpan === null) {
      fix = { title: messages.fixSetNumeral({ written: null, expected }), edits: [{ span: { start: s.titleSpan.start, end: s.titleSpan.start }, newText: expected }], safe: true, preferred: true };
    } else {
      fix = { title: messages.fixSetNumeral({ written: s.numeral, expected }), edits: [{ span: s.numeralSpan, newText: expected }], safe: true, preferred: true };
    }
    findings.push({
      code: 'structure.section-numbering',
      severity: 'warning',
      span: s.numeralSpan ?? s.titleSpan,
      message: s.numeral === null ? messages.sectionNumeralMissing({ title: titleText, expected }) : messages.sectionNumeralWrong({ written: s.numeral, expected, title: titleText }),
      related: [],
      fixes: [fix],
    });
  }

  // A table section without its table.
  for (const s of present) {
    const id = s.spec.table;
    if (!id || hasTable(model, id)) continue;
    const body = bodyText(model, s);
    const table = TABLES[id].name;
    const fixes: Fix[] = [];
    // Never next to numbers the author wrote: they may be the table in a form we cannot read.
    const edit = insertTable(model, s, id, conventions);
    if (!/\d/u.test(body) && !zeroTableContradicts(model, id) && !afterNarrativeEnd(model, edit.span.start)) {
      fixes.push({ title: messages.fixInsertTable({ table }), edits: [edit], safe: true, preferred: true });
    }
    findings.push({ code: 'structure.table-missing', severity: 'error', span: s.headingSpan, message: messages.tableMissing({ heading: sectionHeading(s.spec), table }), related: [], fixes });
  }

  // Section 五: not empty, not just 无.
  const problems = primary.get('problems');
  if (problems) {
    const body = bodyText(model, problems);
    if (body === '' || EMPTY_CONTENT.test(body)) {
      const spec = sectionSpec('problems');
      findings.push({
        code: 'structure.section-empty',
        severity: 'warning',
        span: problems.headingSpan,
        message: messages.sectionEmpty({ heading: sectionHeading(spec), content: body, expects: spec.expects }),
        related: [],
        fixes: [],
      });
    }
  }
  return findings;
}

export const sectionRule: Rule = {
  id: 'sections',
  codes: [
    'structure.section-missing',
    'structure.section-order',
    'structure.section-duplicate',
    'structure.section-numbering',
    'structure.table-missing',
    'structure.section-empty',
  ],
  description: '六个部分齐全、各出现一次、顺序正确、序号为“一、”至“六、”；表格部分有表格；第五部分不为空或仅写“无”',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    return checkSections(model, messages);
  },
};
