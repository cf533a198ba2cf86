/**
 * structure.section-* — the six headings of the format, present once each, in order, numbered
 * 一…六 as `二、`; a table section with its table; section 五 with content. Only headings the parser
 * recognised by their wording are sections: a table row label (`一、本年新收…`) never is.
 */
import type { Finding, Fix, TextEdit } from '../findings';
import { canonical } from '../format/match';
import { LONG_LINE, numeralValue } from '../parse/sections';
import { isWhiteSpace, type Span } from '../text';
import { SECTIONS, TABLES, sectionSpec, type SectionSpec } from '../format/schema';
import type { MessageCatalog } from '../messages/catalog';
import type { ReportModel, Section } from '../model';
import { hasTable, insertSection, insertTable, insideTable } from '../render/place';
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
export function primarySections(model: ReportModel): PrimarySections {
  let known = primaryOf.get(model);
  if (!known) primaryOf.set(model, (known = findPrimarySections(model)));
  return known;
}

export interface PrimarySections {
  readonly primary: ReadonlyMap<string, Section>;
  readonly duplicates: readonly Section[];
}

/** Each model's primary sections, worked out once: the section, subsection and row rules all ask (a model is never changed). */
const primaryOf = new WeakMap<ReportModel, PrimarySections>();

function findPrimarySections(model: ReportModel): PrimarySections {
  const primary = new Map<string, Section>();
  const duplicates: Section[] = [];
  // Sections that occur once are the anchors: of several occurrences, the one between the anchors
  // that come before and after it in the format counts (an overview item worded like a later
  // section, `四、政府信息公开行政复议…` under 一, is not that section when the real one follows 三).
  const occurrences = SECTIONS.map((spec) => model.sections.filter((s) => s.spec.id === spec.id));
  const anchors = occurrences.filter((all) => all.length === 1).map((all) => all[0]!);
  const fits = (s: Section): boolean =>
    anchors.every((a) => a.spec.order === s.spec.order || (a.spec.order < s.spec.order ? a.headingSpan.start < s.headingSpan.start : a.headingSpan.start > s.headingSpan.start));
  SECTIONS.forEach((spec, i) => {
    const every = occurrences[i]!;
    if (every.length === 0) return;
    const fitting = every.length > 1 ? every.filter(fits) : [];
    const pool = fitting.length > 0 ? fitting : every;
    const numeral = expectedNumeral(spec);
    const chosen = pool.find((s) => s.numeral === numeral) ?? pool.find((s) => !(s.numeral && PAREN_NUMERAL.test(s.numeral))) ?? pool[0]!;
    primary.set(spec.id, chosen);
    for (const s of every) {
      if (s === chosen) continue;
      // (The scan over every section only for a parenthesised numeral: linear, not quadratic, in long texts.)
      const insideOther = (): boolean => model.sections.some((o) => o !== s && o.spec.id !== s.spec.id && o.span.start < s.headingSpan.start && s.headingSpan.start < o.span.end);
      if (s.numeral && PAREN_NUMERAL.test(s.numeral) && insideOther()) continue;
      duplicates.push(s);
    }
  });
  return { primary, duplicates };
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

/** How many places a heading's numeral is off (`一、主动公开…` → −1); null when it is not a plain numeral. */
function numeralShift(section: Section): number | null {
  const bare = /^([一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．,，]$/u.exec(section.numeral ?? '');
  if (!bare) return null;
  const value = numeralValue(bare[1]!);
  return value === null ? null : value - section.spec.order;
}

/** A finding's range on a heading or the line it is inserted at: at most its first 40 characters, never a whole long line. */
function headingPart(model: ReportModel, span: Span): Span {
  let start = span.start;
  while (start < span.end && /[\s\u3000\ufeff]/u.test(model.text[start]!)) start++;
  if (span.end - start <= 40) return { start, end: span.end };
  const piece = model.text.slice(start, start + 40);
  const stop = piece.search(/[。；;！？]/u);
  return { start, end: start + (stop > 0 ? stop : 40) };
}

const CONTENT_MARKER = /^(?:[（(]\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)]|(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[、.．](?!\d))\s*/u;

/**
 * Where a missing section's text would stand: after the heading of the section found before it in
 * the format (else the title), up to the heading of the one found after it; null when nothing is between.
 */
function missingSectionPlace(model: ReportModel, spec: SectionSpec, primary: ReadonlyMap<string, Section>): Span | null {
  const sections = [...primary.values()];
  const before = sections.filter((s) => s.spec.order < spec.order).sort((a, b) => b.headingSpan.start - a.headingSpan.start)[0];
  const after = sections.filter((s) => s.spec.order > spec.order && (!before || s.headingSpan.start > before.headingSpan.start)).sort((a, b) => a.headingSpan.start - b.headingSpan.start)[0];
  const from = before ? before.headingSpan.end : (model.title?.span.end ?? 0);
  const to = after ? after.headingSpan.start : model.text.length;
  return from < to ? { start: from, end: to } : null;
}

/**
 * The first line of a section's content when its heading is lost: between the sections that come
 * before and after it, a line that opens with one of its content cues (`（一）主要问题`), or that names
 * one of its phrases (`信息处理费`), outside any table.
 */
function lostContent(model: ReportModel, spec: SectionSpec, primary: ReadonlyMap<string, Section>): { span: Span; edit: (heading: string, eol: string) => TextEdit } | null {
  const cues = spec.contentCues ?? [];
  const phrases = spec.contentPhrases ?? [];
  if (cues.length === 0 && phrases.length === 0) return null;
  const place = missingSectionPlace(model, spec, primary);
  if (!place) return null;
  const { start: from, end: to } = place;
  const { lines, text } = model;
  for (let line = lines.lineAt(from); line <= lines.lineAt(Math.max(from, to - 1)); line++) {
    const lineStart = lines.lineStart(line);
    const start = Math.max(lineStart, from);
    const end = Math.min(lines.lineEnd(line), to);
    if (end - start > LONG_LINE || end <= start) continue;
    let first = start;
    while (first < end && isWhiteSpace(text.charCodeAt(first))) first++;
    if (first >= end || insideTable(model, first)) continue;
    const content = text.slice(first, end);
    const marker = CONTENT_MARKER.exec(content);
    const rest = marker ? content.slice(marker[0].length) : content;
    if (!opensWithCanonicalCue(rest, canonicalCues(spec)) && !phrases.some((p) => content.includes(p))) continue;
    const span = headingPart(model, { start: first, end });
    const atLineStart = text.slice(lineStart, first).trim() === '';
    return {
      span,
      edit: (heading, eol) =>
        atLineStart ? { span: { start: lineStart, end: lineStart }, newText: text.slice(lineStart, first) + heading + eol } : { span: { start: first, end: first }, newText: heading },
    };
  }
  return null;
}

/** A numeral a heading may be written with: `四、`, `四.`, `四 `, `4、`, `第四部分`; `（四）` and `4.` only where the document's headings use them. */
const LOOKALIKE_NUMERAL = /^(?:第\s*([一二三四五六七八九十]{1,3})\s*部分\s*[、.．:：]?|([一二三四五六七八九十]{1,3})\s*[、.．，,]|([一二三四五六七八九十]{1,3})[ \u3000]+|(\d{1,2})\s*[、，,]|[（(]\s*([一二三四五六七八九十]{1,3}|\d{1,2})\s*[）)]|(\d{1,2})\s*[.．](?!\d))\s*/u;

/** Each section's content cues in canonical form, made once (opensWithCue makes them again for every line it is asked about). */
const canonicalCuesOf = new WeakMap<SectionSpec, readonly string[]>();

function canonicalCues(spec: SectionSpec): readonly string[] {
  let cues = canonicalCuesOf.get(spec);
  if (!cues) canonicalCuesOf.set(spec, (cues = (spec.contentCues ?? []).map(canonical)));
  return cues;
}

/** opensWithCue with the cues already canonical: whether a line (without its marker) opens with one of them. */
function opensWithCanonicalCue(text: string, cues: readonly string[]): boolean {
  if (cues.length === 0) return false;
  const c = canonical(text);
  return cues.some((cue) => c.startsWith(cue));
}

/** Each section's title characters, made once. */
const titleCharactersOf = new WeakMap<SectionSpec, ReadonlySet<string>>();

/** The characters of a section's title and its variants. */
function titleCharacters(spec: SectionSpec): ReadonlySet<string> {
  let characters = titleCharactersOf.get(spec);
  if (!characters) titleCharactersOf.set(spec, (characters = new Set([spec.title, ...spec.titleVariants].join('').replace(/[、，,\s]/gu, ''))));
  return characters;
}

/**
 * A line that looks like the section's heading written in other words than the parser knows
 * (`四、政府公开行政复议情况`, `二、政府信息主动公开情况`): numbered as that section, where it belongs
 * (between the sections before and after it), outside every table, short, not a sentence, and made
 * almost only of the title's characters. Such a heading is there: the section is not called missing,
 * nor is a second heading inserted beside it.
 */
function lookalikeHeading(model: ReportModel, spec: SectionSpec, primary: ReadonlyMap<string, Section>): { span: Span; numeral: string; title: string } | null {
  const place = missingSectionPlace(model, spec, primary);
  if (!place) return null;
  const { start: from, end: to } = place;
  // Parenthesised and `4.` numerals are subsection and list markers, unless the headings found use them.
  const sections = [...primary.values()];
  const parenthesised = sections.some((s) => s.numeral !== null && /^[（(]/u.test(s.numeral));
  const arabicDot = sections.some((s) => s.numeral !== null && /^\d{1,2}\s*[.．]$/u.test(s.numeral));
  const characters = titleCharacters(spec);
  const { text, lines } = model;
  for (let line = lines.lineAt(from); line <= lines.lineAt(Math.max(from, to - 1)); line++) {
    const start = Math.max(lines.lineStart(line), from);
    const end = Math.min(lines.lineEnd(line), to);
    if (end - start > 80 || end <= start) continue;
    let first = start;
    while (first < end && isWhiteSpace(text.charCodeAt(first))) first++;
    if (first >= end || insideTable(model, first)) continue;
    const content = text.slice(first, end).trimEnd();
    const numeral = LOOKALIKE_NUMERAL.exec(content);
    if (!numeral) continue;
    if ((numeral[5] !== undefined && !parenthesised) || (numeral[6] !== undefined && !arabicDot)) continue;
    const written = numeral[1] ?? numeral[2] ?? numeral[3] ?? numeral[4] ?? numeral[5] ?? numeral[6]!;
    if (numeralValue(written) !== spec.order) continue;
    const title = content.slice(numeral[0].length);
    const letters = Array.from(title.replace(/[、，,\s:：]/gu, ''));
    if (letters.length < 4 || letters.length > 30 || /[。；;！？!?]/u.test(title)) continue;
    const shared = letters.filter((c) => characters.has(c)).length;
    if (shared / letters.length < 0.75) continue;
    return { span: { start: first, end: first + content.length }, numeral: numeral[0].trim(), title };
  }
  return null;
}

const EMPTY_CONTENT = /^(?:无|暂无|没有|无。|暂无。|无其他需要报告的事项。?)$/u;

/** The longest text EMPTY_CONTENT accepts (keep the two in step): a body longer than this has content. */
const EMPTY_CONTENT_LONGEST = '无其他需要报告的事项。'.length;

const PAGE_NUMBER_LINE = /^[-－—–]\s*\d{1,3}\s*[-－—–]$/u;

/**
 * A section's body (as bodyText has it) when it is empty or says only 无 (EMPTY_CONTENT), else null:
 * read line by line in place, and given up as soon as it is longer than such a body can be.
 */
function emptyBody(model: ReportModel, section: Section): string | null {
  const { lines, text } = model;
  const from = section.headingSpan.end;
  const to = section.span.end;
  let body = '';
  for (let line = lines.lineAt(from); line < lines.lineCount && lines.lineStart(line) <= to; line++) {
    const piece = text.slice(Math.max(from, lines.lineStart(line)), Math.min(to, lines.lineEnd(line))).trim();
    if (piece === '' || PAGE_NUMBER_LINE.test(piece)) continue;
    body += piece;
    if (body.length > EMPTY_CONTENT_LONGEST) return null;
  }
  return body === '' || EMPTY_CONTENT.test(body) ? body : null;
}

/** A section's text after its heading, without page numbers and white space. */
function bodyText(model: ReportModel, section: Section): string {
  return model.text
    .slice(section.headingSpan.end, section.span.end)
    .split(/\r\n|\n|\r/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !PAGE_NUMBER_LINE.test(l))
    .join('');
}

function checkSections(model: ReportModel, messages: MessageCatalog): Finding[] {
  const findings: Finding[] = [];
  const { primary, duplicates } = primarySections(model);

  // Missing sections: missing only when neither its heading, nor its table, nor its content is there.
  for (const spec of SECTIONS) {
    if (primary.has(spec.id)) continue;
    const heading = sectionHeading(spec);
    // A heading that is there in other words: said as what it is, at a lower severity, and never a
    // second heading beside it.
    const lookalike = lookalikeHeading(model, spec, primary);
    if (lookalike) {
      findings.push({
        code: 'structure.section-wording',
        severity: 'warning',
        span: lookalike.span,
        message: messages.sectionLookalike({ written: model.text.slice(lookalike.span.start, lookalike.span.end), expected: heading }),
        related: [],
        fixes: [{ title: messages.fixRewordHeading({ expected: heading }), edits: [{ span: lookalike.span, newText: heading }], safe: false, preferred: true }],
      });
      continue;
    }
    const placement = insertSection(model, spec, documentConventions(model));
    // Never inside a table (between its header and its last cell).
    const insertable = !insideTable(model, placement.edit.span.start, true);
    const headingOnly = spec.table !== undefined && hasTable(model, spec.table);
    if (headingOnly) {
      findings.push({
        code: 'structure.section-heading-missing',
        severity: 'warning',
        span: headingPart(model, placement.anchor),
        message: messages.sectionHeadingMissing({ heading }),
        related: [],
        fixes: insertable ? [{ title: messages.fixInsertHeading({ heading }), edits: [placement.edit], safe: false, preferred: true }] : [],
      });
      continue;
    }
    const lost = lostContent(model, spec, primary);
    if (lost) {
      const edit = lost.edit(heading, documentConventions(model).eol);
      findings.push({
        code: 'structure.section-heading-missing',
        severity: 'warning',
        span: lost.span,
        message: messages.sectionHeadingLost({ heading, content: model.text.slice(lost.span.start, lost.span.end) }),
        related: [],
        fixes: insideTable(model, edit.span.start, true) ? [] : [{ title: messages.fixInsertHeadingBefore({ heading }), edits: [edit], safe: false, preferred: true }],
      });
      continue;
    }
    const title = messages.fixInsertSection({ heading, content: spec.table ? 'table' : spec.id === 'other' ? 'fees' : 'placeholder' });
    // What is inserted states nothing (cells （待填）, sentences as prompts); a table is only inserted
    // where it would be read (before sections 五 and 六).
    const unread = spec.table !== undefined && afterNarrativeEnd(model, placement.edit.span.start);
    findings.push({
      code: 'structure.section-missing',
      severity: 'error',
      span: headingPart(model, placement.anchor),
      message: messages.sectionMissing({ heading, expects: spec.expects }),
      related: [],
      fixes: unread || !insertable ? [] : [{ title, edits: [placement.edit], safe: false, preferred: true }],
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

  // Wording: a heading recognised with other words than the format's is rewritten, never inserted.
  for (const s of present) {
    if (s.wording === 'exact') continue;
    findings.push({
      code: 'structure.section-wording',
      severity: 'warning',
      span: s.titleSpan,
      message: messages.sectionWording({ written: s.title, expected: s.spec.title }),
      related: [],
      // The body's own second half (`…及明年工作计划`) is its words: rewriting it is offered, not applied by fix-all.
      fixes: [{ title: messages.fixRewordHeading({ expected: s.spec.title }), edits: [{ span: s.titleSpan, newText: s.spec.title }], safe: s.wording !== 'reworded', preferred: true }],
    });
  }

  // Numerals, read as a whole: headings all shifted by the same places give one finding.
  const wrong = present.filter((s) => s.numeral !== expectedNumeral(s.spec));
  // The headings whose numeral is a plain numeral off by some places (a heading without a numeral, or
  // with the right number in another style such as `2、`, is not part of a shift: its own finding).
  const shifted = wrong.filter((s) => {
    const d = numeralShift(s);
    return d !== null && d !== 0;
  });
  const shift = shifted.length >= 2 && shifted.every((s) => numeralShift(s) === numeralShift(shifted[0]!)) ? numeralShift(shifted[0]!) : null;
  if (shift !== null) {
    const first = shifted[0]!;
    findings.push({
      code: 'structure.section-numbering',
      severity: 'warning',
      span: first.numeralSpan!,
      message: messages.sectionNumberingShift({ first: first.spec.title, written: first.numeral!, expected: expectedNumeral(first.spec), count: shifted.length }),
      related: shifted.slice(1).map((s) => ({ span: s.numeralSpan!, message: messages.sectionNumeralShifted({ title: s.spec.title, written: s.numeral!, expected: expectedNumeral(s.spec) }) })),
      fixes: [{ title: messages.fixRenumberSections({ count: shifted.length }), edits: shifted.map((s) => ({ span: s.numeralSpan!, newText: expectedNumeral(s.spec) })), safe: true, preferred: true }],
    });
  }
  for (const s of shift === null ? wrong : wrong.filter((w) => !shifted.includes(w))) {
    const expected = expectedNumeral(s.spec);
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
    const edit = insertTable(model, s, id, documentConventions(model));
    if (!/\d/u.test(body) && !afterNarrativeEnd(model, edit.span.start)) {
      fixes.push({ title: messages.fixInsertTable({ table }), edits: [edit], safe: false, preferred: true });
    }
    findings.push({ code: 'structure.table-missing', severity: 'error', span: s.headingSpan, message: messages.tableMissing({ heading: sectionHeading(s.spec), table }), related: [], fixes });
  }

  // Section 五: not empty, not just 无.
  const problems = primary.get('problems');
  if (problems) {
    const body = emptyBody(model, problems);
    if (body !== null) {
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
    'structure.section-heading-missing',
    'structure.section-wording',
    'structure.section-order',
    'structure.section-duplicate',
    'structure.section-numbering',
    'structure.table-missing',
    'structure.section-empty',
  ],
  description: '六个部分齐全（标题、表格或内容之一在即不算缺少）、各出现一次、顺序正确、标题措辞与格式一致、序号为“一、”至“六、”；表格部分有表格；第五部分不为空或仅写“无”',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    return checkSections(model, messages);
  },
};
