/**
 * Reading tables A, B and C out of the units of the table part of a report. Rows are recognised by
 * their labels (exactly, by a prefix when a label is broken over lines, or by similarity when it is
 * misspelt); values go to the row whose label came last, column by column.
 */
import { TABLES, TABLE_IDS, type ColumnSpec, type RowSpec, type TableId } from '../format/schema';
import { normalizeLabel, similarity } from '../format/normalize';
import type { Cell, CellState, DecodedRun, Layout, Row, Table, UnseparableRun } from '../model';
import { isWhiteSpace, type Span } from '../text';
import { splitRuns, type PackedRun } from './digits';
import type { Unit } from './units';

// ---------------------------------------------------------------------------------------------
// Label matching

interface LabelEntry {
  readonly table: TableId;
  readonly row: RowSpec;
  readonly index: number;
  readonly full: string;
  readonly numbering: string;
  readonly cores: readonly string[];
}

const NUMBERING = /^(\d{1,2}\.|\([一二三四五六七八九十]\)|[一二三四五六七八九十]、)/u;

function splitNumbering(norm: string): { numbering: string; core: string } {
  const m = NUMBERING.exec(norm);
  return m ? { numbering: m[1]!, core: norm.slice(m[1]!.length) } : { numbering: '', core: norm };
}

const ENTRIES: readonly LabelEntry[] = TABLE_IDS.flatMap((table) =>
  TABLES[table].rows.map((row, index) => {
    const full = normalizeLabel(row.label);
    const { numbering, core } = splitNumbering(full);
    return { table, row, index, full, numbering, cores: [core, ...row.variants.map(normalizeLabel)] };
  }),
);

export type MatchQuality = 'exact' | 'prefix' | 'similar' | 'suffix';

export interface RowMatch {
  readonly entry: LabelEntry;
  readonly quality: MatchQuality;
}

/** Short labels (规章, 总计) match only whole, and only where they cannot be a column header. */
const MIN_PARTIAL = 4;
const MIN_SIMILARITY = 0.7;

function qualityOf(entry: LabelEntry, norm: string, numbering: string, core: string, runTogether: boolean): MatchQuality | null {
  if (norm === entry.full) return 'exact';
  // Run-together text glues a row's label to the header or label before it: 现行有效件数规章.
  if (runTogether && norm.length > entry.full.length && norm.endsWith(entry.full) && (entry.full.length >= MIN_PARTIAL || entry.table === 'A' || entry.numbering !== '')) return 'suffix';
  const numberingAgrees = numbering === '' || numbering === entry.numbering;
  const shortAllowed = entry.table === 'A';
  for (const c of entry.cores) {
    if (core === c && numberingAgrees && (c.length >= MIN_PARTIAL || shortAllowed || numbering !== '')) return 'exact';
  }
  if (!numberingAgrees) return null;
  const main = entry.cores[0]!;
  if (core.length >= MIN_PARTIAL && main.startsWith(core)) return 'prefix';
  if (core.length >= MIN_PARTIAL && main.length >= MIN_PARTIAL && lengthsAllowSimilar(core, main) && similarity(core, main) >= MIN_SIMILARITY) return 'similar';
  return null;
}

/**
 * A cheap bound that changes no result: the bigram similarity of strings with m and n bigrams is
 * 2·common / (m + n) with common ≤ min(m, n), so lengths this far apart can never reach
 * MIN_SIMILARITY. (Every line of prose is compared with every row label: this skips most of it.)
 * Computed with the very division `similarity()` does, so rounding cannot make the two disagree.
 */
function lengthsAllowSimilar(a: string, b: string): boolean {
  const m = a.length - 1;
  const n = b.length - 1;
  return (2 * Math.min(m, n)) / (m + n) >= MIN_SIMILARITY;
}

const RANK: Record<MatchQuality, number> = { exact: 0, prefix: 1, similar: 2, suffix: 3 };

/**
 * The entries a label matches and how well: a pure function of the label, remembered across
 * analyses (labels repeat from keystroke to keystroke and from report to report). Bounded.
 */
const candidateCaches = { separated: new Map<string, readonly RowMatch[]>(), runTogether: new Map<string, readonly RowMatch[]>() };
const CANDIDATE_CACHE_SIZE = 4096;

function candidates(norm: string, runTogether: boolean): readonly RowMatch[] {
  // One cache for each kind of text, keyed by the label itself (no key string built per lookup).
  const candidateCache = runTogether ? candidateCaches.runTogether : candidateCaches.separated;
  const cacheKey = norm;
  let list = candidateCache.get(cacheKey);
  if (list) return list;
  const { numbering, core } = splitNumbering(norm);
  const found: RowMatch[] = [];
  for (const entry of ENTRIES) {
    const quality = qualityOf(entry, norm, numbering, core, runTogether);
    if (quality) found.push({ entry, quality });
  }
  list = found;
  if (candidateCache.size >= CANDIDATE_CACHE_SIZE) candidateCache.clear();
  candidateCache.set(cacheKey, list);
  return list;
}

export function matchRow(norm: string, context: { table: TableId | null; last: Readonly<Record<TableId, number>>; runTogether: boolean }): RowMatch | null {
  let best: RowMatch | null = null;
  let bestScore = Infinity;
  for (const candidate of candidates(norm, context.runTogether)) {
    const { entry, quality } = candidate;
    // Prefer the better match, then the current table, then the nearest row after the last one read.
    const last = context.last[entry.table];
    const distance = entry.index > last ? entry.index - last : 1000 + entry.index;
    const score = RANK[quality] * 100_000 + (entry.table === context.table ? 0 : 10_000) + distance;
    if (score < bestScore) {
      bestScore = score;
      best = candidate;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// Assembling rows

interface RowBuilder {
  readonly table: TableId;
  readonly spec: RowSpec;
  readonly label: Unit;
  readonly quality: MatchQuality;
  readonly values: Unit[];
  readonly extra: Unit[];
  /** Whether an empty cell may count as a value yet (not before the first value of a group row or of table C). */
  acceptsEmpty: boolean;
  /** Labels came between the row's values (table 三's header words among its values: a scrambled order). */
  interleaved?: boolean;
}

function capacity(builder: RowBuilder): number {
  return builder.spec.columns.length;
}

// The words that anchor a table, tested on a label's normalised text by string comparison (a
// regular expression per label cost more): what /^(行政复议|行政诉讼)$/, /^第二十条/ and
// /勾稽关系|^申请人情况$/ say.
const isCAnchor = (norm: string): boolean => norm === '行政复议' || norm === '行政诉讼';
const isAAnchor = (norm: string): boolean => norm.startsWith('第二十条');
const isBAnchor = (norm: string): boolean => norm.includes('勾稽关系') || norm === '申请人情况';
/** A label this long is prose, not a cell: it ends the row being read. */
const PROSE = 40;

export interface TableParse {
  readonly tables: Partial<Record<TableId, Table>>;
  /** Label matches that were not exact (for the structure rules). */
  readonly labelQuality: ReadonlyMap<Row, MatchQuality>;
}

export function readTables(units: readonly Unit[], sectionTable: (sectionIndex: number) => TableId | null, text: string): TableParse {
  const rows: Record<TableId, RowBuilder[]> = { A: [], B: [], C: [] };
  const last: Record<TableId, number> = { A: -1, B: -1, C: -1 };
  // The rows started, by their spec (one spec per row id of a table): no key string per label.
  const seen = new Set<RowSpec>();
  let table: TableId | null = null;
  let current: RowBuilder | null = null;
  const start = (t: TableId, spec: RowSpec, label: Unit, quality: MatchQuality, acceptsEmpty: boolean): void => {
    current = { table: t, spec, label, quality, values: [], extra: [], acceptsEmpty };
    rows[t].push(current);
    seen.add(spec);
    table = t;
  };
  const startC = (label: Unit): void => {
    if (seen.has(TABLES.C.rows[0]!)) return;
    start('C', TABLES.C.rows[0]!, label, 'exact', false);
  };

  for (const unit of units) {
    if (unit.kind === 'heading') {
      current = null;
      table = unit.section === undefined ? null : sectionTable(unit.section);
      if (table === 'C') startC(unit);
      continue;
    }
    if (unit.kind === 'label') {
      const runTogether = unit.layout === 'run-together';
      // Table 三 has one row: a label between its first and its last value is out of place.
      const open = current as RowBuilder | null;
      if (open && open.table === 'C' && open.values.some((v) => v.kind !== 'empty') && open.values.length < capacity(open)) open.interleaved = true;
      const match = matchRow(unit.norm, { table, last, runTogether });
      if (match && !(match.entry.table === 'C')) {
        if (seen.has(match.entry.row)) {
          current = null; // a label repeated: do not read its values into the first occurrence
          continue;
        }
        last[match.entry.table] = match.entry.index;
        start(match.entry.table, match.entry.row, unit, match.quality, !match.entry.row.children);
        continue;
      }
      if (isAAnchor(unit.norm)) {
        if (table !== 'A') current = null;
        // Empty cells after a group label are the group's (its merged cells), not the row's before it.
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned by start() (a closure), which TypeScript's narrowing does not follow
        else if (current) (current as RowBuilder).acceptsEmpty = false;
        table = 'A';
        continue;
      }
      if (isBAnchor(unit.norm)) {
        if (table !== 'B') current = null;
        table = 'B';
        continue;
      }
      if (isCAnchor(unit.norm) && table === 'B' && last.B >= 0) {
        startC(unit);
        continue;
      }
      if (unit.text.length > PROSE && !runTogether) current = null;
      continue;
    }
    // A value or an empty cell.
    const row = current as RowBuilder | null;
    if (!row) continue;
    if (unit.kind === 'empty' && !row.acceptsEmpty) continue;
    if (row.values.length < capacity(row)) {
      row.values.push(unit);
      if (unit.kind !== 'empty') row.acceptsEmpty = true;
    } else {
      row.extra.push(unit);
    }
  }

  const labelQuality = new Map<Row, MatchQuality>();
  const tables: Partial<Record<TableId, Table>> = {};
  for (const t of TABLE_IDS) {
    const builders = rows[t];
    if (builders.length === 0) continue;
    const built = buildTable(t, builders, text);
    tables[t] = built.table;
    built.quality.forEach((q, r) => labelQuality.set(r, q));
  }
  return { tables, labelQuality };
}

function stateOf(unit: Unit, column: ColumnSpec): { state: CellState; value: number | null } {
  const r = unit.reading;
  if (unit.kind === 'empty' || r.kind === 'placeholder') return { state: 'missing', value: null };
  if (r.kind === 'number') {
    if (r.negative) return { state: 'invalid', value: null };
    // Beyond 2^53 a number is not even held exactly (and 400 digits read as Infinity).
    if (!(r.value <= Number.MAX_SAFE_INTEGER)) return { state: 'invalid', value: null };
    if (column.kind === 'count' && !r.integer) return { state: 'invalid', value: null };
    return { state: 'ok', value: r.value };
  }
  return { state: 'invalid', value: null };
}

/**
 * A markdown-like row whose label spans two label columns (`| 一、本年新收… | | 3 | … |`) has an
 * empty label cell before its values: when the label's line has more cells than the row has columns,
 * its leading empty cells are label columns, not missing values.
 */
function dropLabelColumns(b: RowBuilder, text: string): RowBuilder {
  // Without a leading empty cell there is nothing to drop (the values are within the capacity, the
  // extra only after them): the row as it is, without its empty extra cells.
  const firstUnit = b.values.length > 0 ? b.values[0] : b.extra[0];
  if (firstUnit === undefined || firstUnit.kind !== 'empty') return b.extra.some((u) => u.kind === 'empty') ? { ...b, extra: b.extra.filter((u) => u.kind !== 'empty') } : b;
  // A unit is on the label's line when no line break lies between the label's end and its start.
  const lineBreak = nextLineBreak(text, b.label.span.end);
  const sameLine = (u: Unit): boolean => u.span.start <= lineBreak;
  const all = [...b.values, ...b.extra];
  const onLine = all.filter(sameLine);
  let leading = 0;
  while (leading < all.length && all[leading]!.kind === 'empty' && sameLine(all[leading]!)) leading++;
  const drop = Math.min(leading, onLine.length - capacity(b));
  const kept = drop > 0 ? all.slice(drop) : all;
  const values = kept.slice(0, capacity(b));
  return { ...b, values, extra: kept.slice(values.length).filter((u) => u.kind !== 'empty') };
}

/** The offset of the first `\r` or `\n` at or after `from` (the text's length when none). */
function nextLineBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return text.length;
}

/** Each table's columns by id (a cell is built per value: no search of the column list for each). */
const COLUMNS: Readonly<Record<TableId, ReadonlyMap<string, ColumnSpec>>> = {
  A: new Map(TABLES.A.columns.map((c) => [c.id, c])),
  B: new Map(TABLES.B.columns.map((c) => [c.id, c])),
  C: new Map(TABLES.C.columns.map((c) => [c.id, c])),
};

/** Each row's columns, in order (looked up once per row, not once per cell). */
const ROW_COLUMNS: ReadonlyMap<RowSpec, readonly ColumnSpec[]> = new Map(TABLE_IDS.flatMap((t) => TABLES[t].rows.map((row) => [row, row.columns.map((id) => COLUMNS[t].get(id)!)] as const)));

/** A cell's text without white space (`raw`); the text itself, not a copy, when it has none. */
function withoutSpaces(text: string): string {
  for (let i = 0; i < text.length; i++) if (isWhiteSpace(text.charCodeAt(i))) return text.replace(/\s+/gu, '');
  return text;
}

function buildTable(t: TableId, rawBuilders: readonly RowBuilder[], text: string): { table: Table; quality: Map<Row, MatchQuality> } {
  const spec = TABLES[t];
  const builders = rawBuilders.map((b) => dropLabelColumns(b, text));
  const columns = COLUMNS[t];
  const columnOf = (id: string): ColumnSpec => columns.get(id)!;

  // Runs of digits with no separators: split them by the identities, all runs of the table at once.
  const packedRows = builders.filter((b) => b.values.some((v) => v.packed) && b.values.length !== capacity(b));
  const splitCells = new Map<RowBuilder, { parts: readonly string[] | null; solutions: number }>();
  if (packedRows.length > 0) {
    const known = new Map<string, number>();
    for (const b of builders) {
      if (packedRows.includes(b)) continue;
      b.values.forEach((v, i) => {
        const column = b.spec.columns[i];
        const s = column ? stateOf(v, columnOf(column)) : null;
        if (s && s.value !== null) known.set(`${b.spec.id}\u0000${column}`, s.value);
      });
    }
    // The spaces that are there are separators: each value unit is a piece of the run.
    const runs: PackedRun[] = packedRows.map((b) => {
      const pieces = b.values.every((v) => /^\d+$/u.test(v.text)) ? b.values.map((v) => v.text) : [];
      return { digits: pieces.join(''), pieces, cells: b.spec.columns.map((column) => ({ row: b.spec.id, column })) };
    });
    const result = splitRuns(runs, known, spec.identities);
    packedRows.forEach((b, i) => splitCells.set(b, { parts: result.parts[i]!, solutions: result.solutions[i]! }));
  }

  const quality = new Map<Row, MatchQuality>();
  const unseparable: UnseparableRun[] = [];
  const decoded: DecodedRun[] = [];
  const rows: Row[] = builders.map((b) => {
    let cells: Cell[];
    const split = splitCells.get(b);
    if (split) {
      cells = [];
      if (split.parts) {
        // Parts never cross a piece: walk the pieces' spans.
        let piece = 0;
        let offset = b.values[0]!.span.start;
        split.parts.forEach((part, i) => {
          if (offset >= b.values[piece]!.span.end && piece + 1 < b.values.length) offset = b.values[++piece]!.span.start;
          const column = columnOf(b.spec.columns[i]!);
          cells.push({ table: t, row: b.spec, column, raw: part, value: Number(part), state: 'ok', span: { start: offset, end: offset + part.length } });
          offset += part.length;
        });
        decoded.push({ table: t, rows: [b.spec.id], span: { start: b.values[0]!.span.start, end: b.values[b.values.length - 1]!.span.end }, digits: text.slice(b.values[0]!.span.start, b.values[b.values.length - 1]!.span.end), parts: split.parts });
      } else {
        const first = b.values[0]!.span;
        const lastSpan = b.values[b.values.length - 1]!.span;
        unseparable.push({
          table: t, rows: [b.spec.id], span: { start: first.start, end: lastSpan.end },
          digits: text.slice(first.start, lastSpan.end), solutions: split.solutions,
        });
      }
    } else {
      const rowColumns = ROW_COLUMNS.get(b.spec)!;
      cells = b.values.map((unit, i) => {
        const column = rowColumns[i]!;
        const { state, value } = stateOf(unit, column);
        return { table: t, row: b.spec, column, raw: withoutSpaces(unit.text), value, state, span: unit.span };
      });
    }
    const lastCell = cells.length > 0 ? cells[cells.length - 1]!.span : b.values.length > 0 ? b.values[b.values.length - 1]!.span : b.label.span;
    const row: Row = {
      spec: b.spec,
      label: b.label.text,
      labelSpan: b.label.span,
      cells,
      extra: b.extra.map((u) => u.span),
      span: { start: b.label.span.start, end: Math.max(b.label.span.end, lastCell.end) },
    };
    if (b.quality === 'prefix' || b.quality === 'similar') quality.set(row, b.quality);
    return row;
  });
  const layout = commonestLayout(builders);
  const span: Span = { start: Math.min(...rows.map((r) => r.span.start)), end: Math.max(...rows.map((r) => r.span.end)) };
  return { table: { spec, layout, span, rows, headerSpan: null, unseparable, decoded, scrambled: isScrambled(builders) }, quality };
}

/**
 * The layout most of the rows' values have, the first seen among equals ('aligned' when there are
 * none). Counted in two short arrays (there are four layouts), not in a map keyed by string.
 */
function commonestLayout(builders: readonly RowBuilder[]): Layout {
  const seen: Layout[] = [];
  const counts: number[] = [];
  for (const b of builders) {
    for (const v of b.values) {
      const k = seen.indexOf(v.layout);
      if (k >= 0) counts[k]!++;
      else {
        seen.push(v.layout);
        counts.push(1);
      }
    }
  }
  let layout: Layout = 'aligned';
  let most = -1;
  seen.forEach((l, k) => {
    if (counts[k]! > most) {
      most = counts[k]!;
      layout = l;
    }
  });
  return layout;
}

/**
 * Whether the table's reading order is implausible (what `pdftotext` without `-layout` gives: a
 * page's labels in one block and its values in another): table 三's values with header words among
 * them, or, in the other tables, a row with more numbers than columns while another row has fewer
 * values than columns — values that are not where their labels are. A table read in order has each
 * row's values after its label, as many as its columns.
 */
function isScrambled(builders: readonly RowBuilder[]): boolean {
  if (builders.some((b) => b.interleaved)) return true;
  const valueRows = builders.filter((b) => !b.spec.children);
  const surplus = valueRows.some((b) => b.extra.some((u) => u.kind === 'number'));
  const deficit = valueRows.some((b) => !b.values.some((u) => u.kind !== 'empty'));
  return surplus && deficit;
}
