/**
 * The English catalog. Domain terms — row, column, section and table names (表二, 「总计」), quotes of
 * the report's own text — stay in Chinese, between the same 「」 as in the Chinese catalog, so that a
 * reader can find them in the report. Everything around them is English.
 */
import { SECTIONS, type SectionId } from '../format/schema';
import type { MessageCatalog } from './catalog';
import { identityFormulas, namedNonZeroTerms } from './notation';

const join = (items: readonly string[]): string => items.join(', ');

/** Operating-system error codes in words. */
const IO_CAUSES_EN: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EISDIR: 'is a folder',
  ENOENT: 'no such file, or it was deleted',
  ENOTDIR: 'a part of the path is not a folder',
  EBUSY: 'the file is busy',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ELOOP: 'too many symbolic links (a loop?)',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  EXDEV: 'cannot rename across file systems',
  ENOTREG: 'not a regular file',
  EFBIG: 'file too large',
  EBADF: 'standard input is closed or cannot be read',
};
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** The identity kinds of the format (schema.ts), in English. */
const KINDS: Readonly<Record<string, string>> = {
  行合计: 'row total',
  办理结果合计: 'outcome total',
  勾稽关系: 'balance',
  分组合计: 'group total',
};
const kindName = (kind: string): string => KINDS[kind] ?? kind;
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** What the format expects in each section (schema.ts `expects`), in English. */
const EXPECTS: Readonly<Record<SectionId, string>> = {
  overview: 'an overview of the year’s information disclosure work, usually in subsections （一） to （七）: proactive disclosure, disclosure on request, information management, platforms, oversight.',
  proactive: '表一: proactive disclosure figures for Article 20 items （一）（五）（六）（八） (规章, 行政规范性文件, 行政许可, 行政处罚, 行政强制, 行政事业性收费).',
  requests: '表二: requests received and handled, by type of applicant (7 columns × 25 rows); the row totals, outcome totals and the balance must hold.',
  review: '表三: administrative reconsideration and litigation (直接起诉, 复议后起诉), 5 items each; each group’s 总计 equals the sum of its four items.',
  problems: 'the main problems of the year and how they were addressed; it must not be empty or just “无”.',
  other: 'a statement, per 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), of the number of fee notices sent, their total amount, and the total amount actually collected.',
};
/** The English of a section's `expects` (as given, or markdown-escaped by the hover); unknown text is returned as is. */
const expectsText = (expects: string): string => {
  const plain = expects.replace(/\\(.)/gu, '$1');
  const spec = SECTIONS.find((s) => s.expects === expects || s.expects === plain);
  return spec ? EXPECTS[spec.id] : expects;
};

export const en: MessageCatalog = {
  locale: 'en',
  identityFailed: ({ kind, cell, stated, computed, plus, minus }) => {
    const { expression, omitted } = namedNonZeroTerms(plus, minus);
    const rest = omitted === 0 ? '' : omitted === plus.length + minus.length ? ': every term is 0' : omitted === 1 ? '; the other term is 0' : `; the other ${omitted} terms are 0`;
    return `The ${kindName(kind)} does not hold: ${cell} is ${stated}, but its terms add up to ${computed} (${stated} ≠ ${expression}${expression === '0' ? '' : ` = ${computed}`}${rest})`;
  },
  causeTotalColumn: ({ rows }) =>
    `Same cause: in ${plural(rows, 'row')} the 「总计」 column differs from the sum of the applicant columns, while the applicant columns’ own totals and the balance hold — the 「总计」 column was most likely not updated`,
  causeSwappedColumns: ({ from, to, amount }) =>
    `Same cause: column 「${from}」 has ${amount} too many and column 「${to}」 ${amount} too few, while the 「总计」 column still balances — most likely ${amount} request(s) of 「${to}」 were entered under 「${from}」`,
  causeSameRow: ({ count }) => `${count} totals of this row do not hold`,
  relatedStated: ({ cell, value }) => `Stated: ${cell} = ${value}`,
  relatedTerm: ({ cell, value, sign }) => `${sign === '+' ? 'Added' : 'Subtracted'}: ${cell} = ${value}`,
  relatedSameCause: ({ cell }) => `Same cause: ${cell}`,
  cellName: ({ row, column }) => `「${row}」/「${column}」`,
  columnName: ({ column }) => `「${column}」`,
  valueMissing: ({ cell, raw }) =>
    raw
      ? `${cell} holds no number (it reads 「${raw}」); it counts as missing and the totals it belongs to are not checked`
      : `${cell} is empty; it counts as missing and the totals it belongs to are not checked`,
  rowValuesMissing: ({ row, columns }) => `「${row}」 lacks ${plural(columns.length, 'value')}: ${columns.map((c) => `「${c}」`).join(', ')}`,
  valueInvalid: ({ cell, raw, reason }) => {
    const why = {
      words: 'it should be a number only, without words',
      negative: 'it cannot be negative',
      fraction: 'it should be a whole number',
      number: 'it is not a valid number',
    }[reason];
    return `${cell} reads 「${raw}」: ${why}; the value counts as missing and the totals it belongs to are not checked`;
  },
  valueExtra: ({ row, count }) => `「${row}」 has ${plural(count, 'value')} more than the table has columns`,
  unseparable: ({ rows, digits, solutions }) =>
    solutions === 0
      ? `The digits 「${digits}」 (${rows.map((r) => `「${r}」`).join(', ')}) run together and cannot be split into these cells; the cells cannot be told apart`
      : `The digits 「${digits}」 (${rows.map((r) => `「${r}」`).join(', ')}) run together and ${solutions} or more ways of splitting them are equally plausible (the table’s totals cannot tell them apart); the cells cannot be determined`,
  unseparableNoIdentities: ({ rows, digits }) => `The digits 「${digits}」 (${rows.map((r) => `「${r}」`).join(', ')}) run together and the table has no totals to split them by; the cells cannot be told apart (a problem of the text: check the original)`,
  splitStated: ({ digits, parts }) => `the digits 「${digits}」 were split as 「${parts.join(' ')}」`,
  tableScrambled: ({ table }) => `The reading order of ${table} looks scrambled (labels and values interleaved wrongly), so neither its values nor its totals are checked; extract the text again with pdftotext -layout`,
  fixSetValue: ({ cell, value }) => `Change ${cell} to ${value}`,
  fixSetColumn: ({ column, count, values }) => `Set all ${count} totals of column 「${column}」 to their computed values: ${join(values.map(String))}`,

  // --- structure: sections, subsections, title and preamble, table shape, old format (issue 3) ---
  sectionMissing: ({ heading, expects }) => `Section 「${heading}」 is missing. The format expects ${expectsText(expects)}`,
  sectionHeadingMissing: ({ heading }) => `The heading 「${heading}」 is missing before the table`,
  sectionHeadingLost: ({ heading, content }) => `「${content}」 belongs to section 「${heading}」, but the heading 「${heading}」 is missing before this content`,
  sectionLookalike: ({ written, expected }) => `「${written}」 looks like the heading of section 「${expected}」 in other words, which could not be confirmed: use the format’s heading`,
  sectionWording: ({ written, expected }) => `The heading 「${written}」 differs from the format’s wording; it should be 「${expected}」`,
  sectionNumberingShift: ({ first, written, expected, count }) =>
    `From 「${first}」 on, the numerals of ${count} section headings are all shifted (「${written}」 should be 「${expected}」): the format numbers the six sections “一、” to “六、”; the overview’s own items do not count`,
  sectionNumeralShifted: ({ title, written, expected }) => `The numeral 「${written}」 of 「${title}」 should be 「${expected}」`,
  sectionOrder: ({ heading, after }) =>
    after === null
      ? `Section 「${heading}」 is out of place: the format makes it the first section of the report`
      : `Section 「${heading}」 is out of place: the format puts it right after 「${after}」`,
  sectionDuplicate: ({ heading }) => `Section 「${heading}」 appears more than once: the format has each of the six sections once`,
  sectionNumeralMissing: ({ title, expected }) => `The heading 「${title}」 has no numeral; it should read 「${expected}${title}」`,
  sectionNumeralWrong: ({ written, expected, title }) => `The numeral 「${written}」 of the heading 「${title}」 does not follow the format; it should be 「${expected}」`,
  sectionEmpty: ({ heading, content, expects }) =>
    content === ''
      ? `Section 「${heading}」 is empty. The format expects ${expectsText(expects)}`
      : `Section 「${heading}」 only says 「${content}」. The format expects ${expectsText(expects)}`,
  tableMissing: ({ heading, table }) => `Section 「${heading}」 has no table: the format puts the 「${table}」 table here`,
  subsectionStyle: ({ marker, expected, majority }) =>
    `The subsection marker 「${marker}」 is written differently from the other subsections of this section (「${majority}」 style); it should be 「${expected}」`,
  subsectionSequence: ({ marker, expected }) => `The subsection marker 「${marker}」 is out of sequence; it should be 「${expected}」`,
  titleMissing: () => 'No report title found: the title should name the body and the year, e.g. 「某某局2024年政府信息公开工作年度报告」',
  titleIncomplete: ({ title, missing }) =>
    `The title 「${title}」 does not name ${{ body: 'the body', year: 'the year', both: 'the body or the year' }[missing]}, e.g. 「某某局2024年政府信息公开工作年度报告」`,
  preambleMissing: () =>
    'The report does not begin by saying it was compiled under Article 50 of 《中华人民共和国政府信息公开条例》 (usually 「依据《中华人民共和国政府信息公开条例》…第五十条规定，编制本报告。」)',
  rowMissing: ({ row, group }) => (group ? `The table lacks the row 「${row}」 under 「${group}」` : `The table lacks the row 「${row}」`),
  tableTruncated: ({ table, after, count, first, last }) => `Table ${table} is cut off after 「${after}」: ${plural(count, 'row')} missing (「${first}」 to 「${last}」)`,
  rowsMissing: ({ table, first, last, count }) => `Table ${table} lacks ${plural(count, 'row')}, 「${first}」 to 「${last}」`,
  tableNoValues: ({ table, rows, cells }) => `Table ${table} has no values at all: ${plural(rows, 'row')}, ${plural(cells, 'cell')} empty or without a number; its totals are not checked`,
  labelDiffers: ({ written, expected }) => `The row label 「${written}」 differs from the format’s wording; it should be 「${expected}」`,
  oldFormat: ({ written, kind }) => {
    const instead = {
      columns: 'table 表一 has, per item, the columns 「本年制发件数」 「本年废止件数」 「现行有效件数」 (规章, 行政规范性文件) or 「本年处理决定数量」 (行政许可, 行政处罚, 行政强制), and 「本年收费金额（单位：万元）」 (行政事业性收费)',
      normativeDocs: 'this row is 「行政规范性文件」',
      procurement: 'table 表一 no longer has Article 20 item （九） (政府集中采购); it lists only items （一）（五）（六）（八）',
      previousYear: 'table 表一 no longer has 「上一年项目数量」 or 「本年增/减」; items （五）（六） only have 「本年处理决定数量」',
      otherHandling: '「（六）其他处理」 has three rows: 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请; 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请; 3.其他',
    }[kind];
    return `「${written}」 is the wording of the 2019 trial format; in the 2021 format (国办公开办函〔2021〕30号), ${instead}`;
  },
  rowValuesPartial: ({ row, have, expected, columns }) =>
    `「${row}」 has only ${plural(have, 'value')} where ${expected} are expected (${columns.map((c) => `「${c}」`).join(', ')}); which columns the values belong to cannot be determined`,
  fixInsertSection: ({ heading, content }) =>
    `Insert section 「${heading}」 ${{ table: 'with its table (every cell to be filled in)', fees: 'with a fee statement to write', placeholder: 'with a placeholder to write' }[content]}`,
  fixInsertHeading: ({ heading }) => `Insert the heading 「${heading}」 before the table`,
  fixInsertHeadingBefore: ({ heading }) => `Insert the heading 「${heading}」 before this content`,
  fixRewordHeading: ({ expected }) => `Change the heading to 「${expected}」`,
  fixRenumberSections: ({ count }) => `Renumber the ${count} section headings as the format does`,
  fixInsertTable: ({ table }) => `Insert the 「${table}」 table (every cell to be filled in)`,
  fixSetNumeral: ({ written, expected }) => (written === null ? `Add the numeral 「${expected}」` : `Change the numeral 「${written}」 to 「${expected}」`),
  fixSubsection: ({ marker, expected }) => `Change 「${marker}」 to 「${expected}」`,
  fixSubsections: ({ count }) => `Make this section’s subsection markers consistent (${plural(count, 'change')})`,
  fixInsertPreamble: () => 'Insert 「依据《中华人民共和国政府信息公开条例》…第五十条规定，编制本报告。」',
  fixInsertRow: ({ row }) => `Insert the row 「${row}」 (every cell to be filled in)`,
  fixInsertRows: ({ first, last, count }) => `Insert the ${count} missing rows (「${first}」 to 「${last}」, every cell to be filled in)`,
  fixLabel: ({ expected }) => `Change to 「${expected}」`,
  fixFillCell: () => 'Fill in 0',
  fixFillRow: ({ row, count }) => `Fill in ${count} zeros for 「${row}」`,
  fixAllTitle: () => 'Fix all auto-fixable problems (numbers already entered are left alone)',
  convertTableTitle: ({ layout, all }) => `Convert ${all ? 'all tables' : 'table'} to ${layout === 'cell-per-line' ? 'one cell per line' : layout === 'pipe' ? 'pipe-separated cells' : 'a Markdown table'}`,
  cliFixSummary: ({ files, changed, places, written }) =>
    changed === 0
      ? `Checked ${plural(files, 'report')}: nothing to fix automatically`
      : written === null
        ? `Checked ${plural(files, 'report')}: ${changed} can be fixed automatically (${plural(places, 'place')} changed); add --write to write the files`
        : `Checked ${plural(files, 'report')}: fixed and wrote ${written} (${plural(places, 'place')} changed)`,
  cliDiffUtf16: ({ path, encoding }) => `${path}: the changes of a ${encoding} file cannot be given as a patch (patch and git apply cannot read UTF-16); not shown — add --write to fix the file itself`,
  cliDiffBase: ({ folder }) => `some file is outside the current folder, so the patch's paths are relative to ${folder}: apply it there (cd ${folder} && patch -p1 < FILE.patch)`,
  cliBackupWithoutWrite: () => '--backup goes with --write only',
  cliBackupFailed: ({ path, backup, reason, code }) =>
    reason === 'exists'
      ? `${path}: the backup ${backup} already exists with other content and is not overwritten; the report is not written (the file is untouched): move or delete that backup first`
      : `${path}: cannot write the backup ${backup} (${reason === 'failed' ? en.ioCause({ code }) : reason === 'read-only' ? 'read-only' : reason === 'not-regular' ? 'not a regular file' : 'changed since it was read'}); the report is not written (the file is untouched)`,
  cliWriteFailed: ({ path, reason, code }) =>
    reason === 'changed'
      ? `${path}: changed on disk since it was read; not written (the file is untouched; run again)`
      : reason === 'read-only'
        ? `${path}: the file is read-only; not written (the file is untouched)`
        : reason === 'not-regular'
          ? `${path}: not a regular file; not written`
          : `${path}: cannot write (${IO_CAUSES_EN[code] ?? (code || 'unknown cause')}); the file is untouched`,
  ioCause: ({ code }) => IO_CAUSES_EN[code] ?? (code || 'unknown cause'),

  // ---- text.control-char (issue 17)
  placeholderCells: ({ row, count, text }) => `「${row}」 has ${count} ${count === 1 ? 'cell' : 'cells'} still 「${text}」: the report is not finished; fill in the actual figures before publishing`,
  placeholder: ({ text }) => `「${text}」 is a placeholder left to be filled in: the report is not finished; replace it with the actual content before publishing`,
  controlCharacters: ({ count, codes }) =>
    `${plural(count, 'invisible control character')} here (${codes.join(', ')}), usually left by copy-paste or PDF extraction: they may split numbers or words; delete them`,
  fixRemoveControlCharacters: ({ count }) => `Delete the ${plural(count, 'control character')}`,

  // ---- text.* — numbers in the narrative (issue 5)
  tableName: ({ table }) => ({ A: '表一', B: '表二', C: '表三' })[table],
  claimPlace: ({ table, cells }) => (cells.length === 1 ? `${table} ${cells[0]!}` : `the sum of ${table} ${cells.join(' + ')}`),
  groupCells: ({ group, column }) => `the sum of 「${column}」 over the items of 「${group}」`,
  tableMismatch: ({ quote, stated, place, tableValue }) => `The text says 「${quote}」, which is ${stated}, but ${place} is ${tableValue}; they disagree`,
  tableMismatchImplied: ({ quote, implied, place, tableValue }) =>
    `The text’s 「${quote}」 implies ${place} is ${implied}, but the table has ${tableValue}; they disagree`,
  claimNoteIdentity: ({ kind, computed }) =>
    `By the table’s ${kindName(kind)} this cell should be ${computed}, as the text says — more likely the table cell is wrong`,
  claimNoteAlternative: ({ reading, value }) =>
    ({
      includesCarried: `Read as 「本年新收 + 上年结转」 it agrees (= ${value}): the text seems to include requests carried over from last year, while 表二 「一、本年新收政府信息公开申请数量」 counts only new ones; if that is meant, say so in the text`,
    })[reading],
  claimNoteStatedReading: ({ reading, value }) =>
    ({ includesCarried: `The text says it includes requests carried over; checked as 「本年新收 + 上年结转」 (= ${value})` })[reading],
  claimNotePartSubject: ({ subject }) =>
    `The subject of this sentence is 「${subject}」, which may be only part of the reporting body; if the number means all requests, it disagrees with the table`,
  relatedTableCell: ({ cell, value }) => `Table: ${cell} = ${value ?? '(missing)'}`,
  relatedClaim: ({ quote }) => `Text: 「${quote}」`,
  partsSum: ({ quote, whole, parts, sum, exhaustive, unit }) =>
    exhaustive
      ? `「${quote}」 is ${whole} ${unit}, but the listed parts add up to ${parts.join(' + ')} = ${sum} ${unit}`
      : `「${quote}」 is ${whole} ${unit}, but the parts listed already add up to ${parts.join(' + ')} = ${sum} ${unit}, more than the whole`,
  shareMismatch: ({ percent, part, whole, computed }) => `The share 「${percent}」 does not match ${part} ÷ ${whole} = ${computed}%`,
  relatedWhole: ({ quote, value }) => `Whole: 「${quote}」 = ${value}`,
  relatedPart: ({ quote, value }) => `Part: 「${quote}」 = ${value}`,
  yearMismatch: ({ where, stated, year }) =>
    ({
      period: `The reporting period says ${stated}, but the report’s year (title) is ${year}`,
      statement: `This says ${stated}, but the report’s year (title) is ${year} — the text may come from another year’s report`,
      fee: `The fee statement says ${stated}, but the report’s year (title) is ${year}`,
    })[where],
  relatedTitleYear: ({ year }) => `The report’s year in the title: ${year}`,
  fixYear: ({ stated, year }) => `Change ${stated} to ${year}`,
  feeFact: ({ fact }) => ({ notices: 'the number of fee notices sent', amount: 'the total amount of the notices', collected: 'the total amount collected' })[fact],
  feeMissing: ({ missing }) =>
    `「其他需要报告的事项」 should state three facts about information processing fees (《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号): the number of fee notices sent, their total amount, and the total amount collected; not stated here: ${join(missing)}`,
  feeNoteFromTable: ({ value }) => `表二 （六）2 「申请人逾期未按收费通知要求缴纳费用」 is ${value}, so fee notices were sent this year`,
  feeAmountWithoutNotice: ({ fact, amount }) => `No fee notices were sent, yet ${fact} is ${amount} 元 — without a notice there can be no amount`,
  feeCollectedExceeds: ({ collected, notified }) => `The amount collected, ${collected} 元, exceeds the total of the fee notices, ${notified} 元`,
  feeNoticesContradictTable: ({ notices, value }) =>
    `The text says ${plural(notices, 'fee notice')} were sent, but 表二 （六）2 「申请人逾期未按收费通知要求缴纳费用」 is ${value} — requests were dropped for unpaid fees, so at least ${value} notice(s) were sent`,
  relatedFeeStatement: ({ quote }) => `Fee statement: 「${quote}」`,
  carryOverMismatch: ({ column, current, previous, previousYear }) =>
    `This year’s 「二、上年结转政府信息公开申请数量」 / 「${column}」 is ${current}, but the ${previousYear} report’s 「四、结转下年度继续办理」 is ${previous}; they should be equal`,
  inForceMismatch: ({ row, stated, previous, issued, repealed, computed, previousYear }) =>
    `「${row}」 has ${stated} in force, but the ${previousYear} report’s ${previous} in force + ${issued} issued − ${repealed} repealed = ${computed} (amendments and expiry can also explain a difference; please check)`,
  relatedPreviousCell: ({ year, cell, value }) => `${year} report: ${cell} = ${value ?? '(missing)'}`,
  copiedReport: ({ identical, total, percent, previousYear }) =>
    `${identical} of the ${total} sentences of this report (${percent}%) are identical to the ${previousYear} report — it may have been copied; check that the years and figures were updated`,
  relatedCopiedSentence: ({ year }) => `A sentence identical to the ${year} report`,
  // ---- CLI (server/src/cli) ----
  cliUsage: ({ version, formats, defaultMaxSize }) => `govreport ${version} — checks government information disclosure annual reports (政府信息公开工作年度报告)

${en.cliSynopsis()}
govreport check PATH...
  Checks reports. A path is a file or a folder. Folders are searched recursively for reports:
  every .govreport file, and every .txt file whose beginning reads like a government
  information disclosure annual report (node_modules, .git and names starting with "." are skipped).
  A file named on the command line is always checked, even when it does not look like a report.
  Files are listed in path order. Text is read as UTF-8 (a BOM is allowed), GB18030 or UTF-16
  (with a byte-order mark); web pages, .docx and .pdf originals are read too; binary files and
  files that are too large are not checked. No report found at all exits 2.
  A path may be a glob, expanded by govreport when quoted ('reports/**/*.txt'): * any characters
  of a name, ** any number of folders, ? one character, [abc] one of them, {a,b} either; the files
  it matches count as named; a glob that matches nothing is a missing path (exit 2). The path -
  reads one report from standard input.
  Files ignored by a .govreportignore (gitignore's syntax: one glob a line, # comments, ! re-includes,
  a trailing / matches folders only) in the current folder and the folders below it, or by --ignore,
  are neither checked nor listed as not checked; a file named on the command line always is checked.
  A progress bar is drawn on stderr when it is a terminal, CI is unset, and the run is long (200
  files or more, or over a second).

Options:
  --format ${formats.join('|')}   output format, text by default
      text   one line per diagnostic on stdout, like a compiler:
               file:line:col severity code message
             severity: error, warning, information or hint (错误、警告、信息、提示 in Chinese).
             line and column start at 1; the column counts UTF-16 code units plus 1 (as VS Code
             does: a Chinese character is 1 column). The summary goes to stderr, so stdout holds
             only diagnostic lines. Colours only when stdout is a terminal and NO_COLOR is unset.
      json   {"files":[{"path":"…","diagnostics":[…]}],"notChecked":[{"file":"…","reason":"…"}]}, each diagnostic an LSP Diagnostic: range
             lines and characters from 0, in UTF-16 code units; severity 1–4 (error, warning,
             information, hint); code a string; source "govreport".
      sarif  SARIF 2.1.0, for code-scanning tools: one run, rules = diagnostic codes, locations
             relative to the current folder, columns in UTF-16 code units from 1.
      html   one page for a reviewer (no external resource: opens offline, prints): a row per
             report (file, body, year, errors, warnings, the first failing identity), sortable
             and filterable; clicking a row opens its findings and its tables drawn as in the preview.
      summary a table for the terminal: a line per report (file, body, year, errors, warnings,
             the first problem: a failing identity first, else the first error or warning),
             aligned in terminal columns (a Chinese character is 2), then the totals.
  --config FILE       use this config file instead of looking for .govreportrc.json
                      in each report's folder and the folders above it
  --all               check every .txt file of a folder as a report, whatever its beginning
                      (without it, the files not checked are listed after the summary)
  --max-size SIZE     files larger than this are not checked, default ${defaultMaxSize};
                      e.g. 500KB, 20MB or a number of bytes
  --quiet             show errors only (the same as --severity error)
  --severity error|warning|information|hint
                      the least severity shown (default hint: everything); the summary and
                      the exit status still count every diagnostic
  --max-warnings N    exit 1 when more than N warnings are found
  -j, --jobs N        read and analyse the files in N threads (default: the number of
                      cores, from 5,000 files a thread); the output is the same for every N
  -o, --output FILE   write the output to FILE (atomically) instead of stdout
  --ignore GLOB       leave out the files it matches (repeatable; a .govreportignore line,
                      relative to the current folder)
  --stdin-filepath NAME
                      the name of the report read from standard input (-): shown in the output,
                      and its folder's config file applies (default <stdin>: the current folder)
  --debug             show the details (stack trace) of an internal error
  --lang zh|en        the language of messages (default: from LC_ALL, LC_MESSAGES or LANG; Chinese)
  -h, --help          show this help
  --version           show the version

Config file (.govreportrc.json): {"rules": {"text.year": "off", "sum.row": "warning"}} — each key a
  diagnostic code or a family (sum, value, structure, text), each value off, error, warning,
  information or hint; the most specific key wins.

Exit status:
  0  no error-level diagnostic
  1  at least one error-level diagnostic
  2  usage error, or a file or config file could not be read or checked (the other files are
     checked as usual; the status is 2 even when there are errors), or no report found at all
  (--max-warnings N: more than N warnings give 1 even without an error)

govreport fix [--write [--backup]] PATH...
  Applies every fix that is safe to make automatically (the same as the editor's "Fix all",
  source.fixAll.govreport): corrects heading and subsection numerals and puts headings and row
  labels in the format's words. It never writes or changes a number and never writes anything in
  the report's name: inserting a missing section, table, row or fee statement, writing 0 into an
  empty cell and setting a total to its computed value are offered one by one in the editor only,
  for the drafter to pick. Paths are found as for check; rules switched off in the config file are not fixed.
  Without --write, the changes are written to stdout as a unified diff and no file is changed:
  patch -p1 or git apply in the current folder applies it. Each file's lines are in the file's own
  encoding (GB18030 bytes for a GB18030 file, a UTF-8 file's byte-order mark kept); paths are
  relative to the current folder, or, when some file lies outside it, to the folder holding every
  file (a note says where to apply it). A UTF-16 file's changes cannot be a patch (patch and git
  apply cannot read UTF-16): said, exit status 2; use --write. The summary counts places as the
  diff shows them: adjacent changed lines are one place.
  With --write, the files are written back (keeping their encoding and line endings).
  Files are written to a temporary file in the same folder and renamed over the original: a full
  disk or a kill never leaves a partial file. A file changed since it was read, read-only or not
  writable is not written: the original is left as it was, the cause is said, and the exit status is 2.
  --backup (with --write): the original bytes are first kept as FILE.orig (written as safely, with
  the report's mode); when that cannot be written, or a FILE.orig with other content is there (it
  is never overwritten), the report is not written either: the cause is said, exit status 2.
  fix - reads one report from standard input and writes the fixed text (in its own encoding) to
  stdout, a text it cannot fix as it came; no other path then, and no --write.
  Options: --write, --backup, --all, --config, --ignore, --stdin-filepath, --max-size, --lang (as for check).
  Exit status: 0 nothing to change, or written; 1 without --write, some file can be fixed;
               2 usage error, or a file could not be read or written

govreport extract [--layout cell-per-line|pipe|markdown] [-o FILE] FILE
  --format text (the default): the report read from a file (text, web page, Word file, PDF) written
  back as a text draft, its tables in that layout (default pipe), to correct and check again.
govreport extract --format csv|json|xlsx [--wide] [--sum] [-o FILE] PATH...
  The tables' data: every cell of tables 一–三 of every report the paths name (found as for check),
  one row per report and cell: file, body, year, table, row, rowLabel, column, columnLabel, value
  (empty unless state is ok), state (ok, missing, invalid, unreadable), raw (the text as written).
    csv   UTF-8 with a BOM (Excel and WPS open it as is), CRLF line ends, RFC 4180 quoting
    json  {"reports":[{"file","format","body","year","cells":[…]}],"sum":…,"notChecked":[…]}
    xlsx  a workbook with sheets 单元格 (as csv), 宽表 (as --wide) and, with --sum, 合计核对;
          needs -o FILE
  --wide         (csv) one row per report, one column per cell, headed in the format's words
  --sum          a last row 合计: every cell summed over the reports (empty unless every report has a
                 number there), checked by the same identities (sum.*); each failure on stderr and in
                 the json's "sum", with the reports in which it fails itself
  -o, --output FILE  write to FILE (a temporary file renamed over it: never a partial file)
  Options: --all, --max-size, --lang (as for check).
  Exit status: 0 written; 2 usage error, no report found, or a path could not be read or written
`,
  cliSynopsis: () => 'Usage:\n  govreport check [options] PATH...|-\n  govreport fix [--write [--backup]] PATH...|-\n  govreport extract [--layout cell-per-line|pipe|markdown] [-o FILE] FILE\n  govreport extract --format csv|json|xlsx [--wide] [--sum] [-o FILE] PATH...\n  govreport --help | --version\n',
  cliLevel: (level) => (level === 'error' ? 'error: ' : 'note: '),
  cliSummary: ({ files, filesWithErrors, errors, warnings, others, unreadable }) =>
    `Checked ${plural(files, 'report')}: ${filesWithErrors} with errors, ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in all` +
    (others > 0 ? `, ${plural(others, 'hint')}` : '') +
    (unreadable > 0 ? `; ${plural(unreadable, 'path')} could not be checked` : ''),
  cliNoReports: () => 'no report files found: the paths given hold no report to check (is a path misspelt? does no file of the folder read like a report? try --all)',
  cliNotChecked: ({ count, all }) => `${plural(count, 'file')} not checked${all ? '' : ' (--all checks every .txt file of a folder as a report)'}:`,
  cliNotCheckedItem: ({ path, reason }) =>
    `${path}: ${
      { 'not-report': 'its beginning does not read like an annual report', binary: 'binary file', encoding: 'encoding not recognised', 'too-large': 'too large', unreadable: 'cannot be read', 'not-found': 'does not exist', 'not-regular': 'not a regular file', failed: 'an internal error while checking it' }[reason]
    }`,
  cliNotFound: ({ path }) => `${path}: no such file or folder`,
  cliNotRegularFile: ({ path }) => `${path}: not a regular file or folder; cannot be checked`,
  cliReadFailed: ({ path, detail }) => `${path}: cannot read (${IO_CAUSES_EN[detail] ?? detail})`,
  cliBinary: ({ path, explicit }) => `${path}: binary file (contains NUL bytes), ${explicit ? 'cannot be checked' : 'skipped'}`,
  cliTooLarge: ({ path, size, limit }) => `${path}: ${size}, more than the limit of ${limit}; not checked (see --max-size)`,
  cliEncoding: ({ path, explicit, encoding }) =>
    `${path}: ${encoding ? `not valid ${encoding} text` : 'neither valid UTF-8 nor GB18030 nor UTF-16 with a byte-order mark'}; ${explicit ? 'cannot be checked' : 'skipped'}`,
  cliReadProblem: ({ path, kind }) =>
    `${path}: ${
      {
        scanned: 'a scanned PDF (no text layer): its text cannot be read; use a PDF with a text layer, or text',
        encrypted: 'encrypted (password-protected): cannot be read',
        damaged: 'damaged or not a valid document: cannot be read',
        'too-large': 'unpacks beyond the limit or has too many pages: not read',
        'old-format': 'an old binary format (.doc/.wps): save it as .docx and check again',
        'no-report': 'read, but nothing in it reads like a report',
      }[kind]
    }`,
  placeLabel: ({ page, table, row, column, paragraph }) =>
    `[${[page !== undefined ? `page ${page}` : '', table !== undefined ? `table ${table}` : '', row !== undefined ? `row ${row}` : '', column !== undefined ? `column ${column}` : '', paragraph !== undefined && table === undefined ? `paragraph ${paragraph}` : ''].filter((s) => s !== '').join(' ')}]`,
  cliReaderUnavailable: ({ path, format }) => `${path}: this command cannot read ${format} files yet`,
  cliNotReport: ({ path }) => `${path}: does not look like a government information disclosure annual report; checked anyway`,
  cliMissingCommand: ({ commands }) => `missing command (available: ${commands.join(', ')})`,
  cliUnknownCommand: ({ command, commands }) => `unknown command "${command}" (available: ${commands.join(', ')})`,
  cliGlobNoMatch: ({ pattern, ignored }) => (ignored ? `${pattern}: every file it matches is ignored (--ignore or .govreportignore)` : `${pattern}: no file or folder matches`),
  cliSeverity: (severity) => ({ 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' })[severity],
  cliProgress: ({ done, total }) => `${done}/${total} files read`,
  cliSummaryTotal: ({ reports }) => `total (${reports} report${reports === 1 ? '' : 's'})`,
  cliSummaryFirst: () => 'First problem (identities first)',
  cliStdinFixSummary: ({ fixes }) => (fixes > 0 ? `standard input: ${fixes} fix${fixes === 1 ? '' : 'es'} applied, the fixed text written to stdout` : 'standard input: nothing to fix, the text written to stdout as it came'),
  cliStdinAlone: () => 'fix reads standard input (-) alone: no other path with it',
  cliStdinWrite: () => 'fix - writes the fixed text to stdout: not with --write',
  cliStdinFilepathUnused: () => '--stdin-filepath names standard input: only with - among the paths',
  cliUnknownOption: ({ option }) => `unknown option ${option}`,
  cliMissingValue: ({ option }) => `option ${option} needs a value`,
  cliUnexpectedValue: ({ option }) => `option ${option} takes no value`,
  cliBadLayout: ({ value, layouts }) => `unsupported table layout "${value}" (available: ${join(layouts)})`,
  cliExtractOneFile: () => 'extract takes exactly one file',
  cliExtractOptionFormat: ({ option, formats }) => `${option} goes only with --format ${formats.join('|')}`,
  cliExtractXlsxOutput: () => '--format xlsx needs -o FILE (a binary file is not written to a terminal or a pipe)',
  cliExtractSummary: ({ reports, cells, missing, invalid, unreadable, output }) =>
    `extracted ${cells} cells of ${reports} report${reports === 1 ? '' : 's'}` +
    (missing + invalid + unreadable > 0 ? ` (${missing} missing, ${invalid} invalid, ${unreadable} unreadable)` : '') +
    (output === null ? '' : `, written to ${output}`),
  cliExtractSumChecked: ({ reports, holds, fails, notEvaluated }) =>
    `totals (sum of ${reports} report${reports === 1 ? '' : 's'}): ${holds} identities hold, ${fails} fail` + (notEvaluated > 0 ? `, ${notEvaluated} not checked as a report lacks a value` : ''),
  cliExtractSumFinding: ({ code, message, reports }) => `totals ${code} ${message}` + (reports.length > 0 ? ` (failing in ${reports.join(', ')})` : ''),
  cliBadFormat: ({ value, formats }) => `unsupported output format "${value}" (available: ${join(formats)})`,
  cliOptionNotForCommand: ({ option, command }) => `${command} has no ${option} option`,
  cliBadSeverity: ({ value, levels }) => `unsupported severity "${value}" (one of: ${levels.join(', ')})`,
  cliBadCount: ({ option, value }) => `the value "${value}" of ${option} should be 0 or a positive whole number`,
  cliBadJobs: ({ value }) => `--jobs takes a whole number of 1 or more, not “${value}”`,
  cliTooManyWarnings: ({ warnings, max }) => `${warnings} warnings, more than --max-warnings allows (${max})`,
  cliOutputFailed: ({ path, code }) => `cannot write the output file ${path} (${en.ioCause({ code })})`,
  cliBadSize: ({ value }) => `cannot read the size "${value}" (e.g. 500KB, 20MB or a number of bytes)`,
  cliMissingPaths: () => 'missing the paths to check',
  cliSeeHelp: () => 'see govreport --help',
  cliAnalysisFailed: ({ path, detail }) =>
    `${path}: internal error while checking; this file was not fully checked (a bug in govreport: please report the command and the file to govreport's maintainers${detail === null ? '; run again with --debug to see the details' : `; details: ${detail}`})`,
  cliInternalError: ({ detail, debug }) =>
    `internal error: ${detail} (a bug in govreport, not a problem of the report; please report the command and the file to govreport's maintainers${debug ? ', with the details below' : '; run again with --debug to see the details'})`,

  // --- language server (lsp) ---
  notAReport: () =>
    'This document does not look like a government information disclosure annual report (no report title, sections or tables found), so it was not checked',

  serverUsage: ({ version }) =>
    `govreport language server ${version}\n` +
    'Started by an editor, connected to it in one of these ways:\n' +
    '  node server.js --stdio          standard input and output\n' +
    '  node server.js --node-ipc       Node IPC (as the VS Code extension starts it)\n' +
    '  node server.js --socket=PORT    a TCP port\n' +
    '  node server.js --pipe=NAME      a named pipe\n' +
    'To check reports from the command line use govreport check (govreport --help).\n',

  // --- navigation (issue 4): outline, hover, inlay hints, code lens, workspace symbols ---
  layoutName: ({ layout }) => ({ 'cell-per-line': 'one cell per line', pipe: 'pipe-separated', aligned: 'aligned with spaces', 'run-together': 'digits run together' })[layout],
  reportSymbolName: ({ report, name }) => `${report} › ${name}`,
  hoverCellTitle: ({ row, column }) => `**${row}** · **${column}**`,
  hoverCellContext: ({ table, tableName, group }) => `${table} (${tableName})${group ? `, ${group}` : ''}`,
  hoverCellValue: ({ state, value, raw }) =>
    state === 'ok'
      ? `Stated: **${value}**`
      : state === 'missing'
        ? raw ? `Reads 「${raw}」; counts as missing` : 'Not filled in (blank); counts as missing'
        : `Reads 「${raw}」, which is not a valid number`,
  hoverIdentity: ({ kind, status, stated, plus, minus, computed }) => {
    const { names, values } = identityFormulas(stated, plus, minus, status, computed);
    const what = capital(kindName(kind));
    const head = {
      holds: `✅ ${what} holds`,
      fails: `❌ ${what} does not hold: stated ${stated.value}, its terms add up to ${computed}`,
      'not-evaluated': `◻️ ${what} not checked: a cell is missing or unreadable`,
    }[status];
    return `${head}  \n${names}  \n${values}`;
  },
  hoverNoIdentity: () => 'This table has no totals; a value only needs to be a non-negative number',
  hoverRow: ({ label, written, table, values }) =>
    [`**${label}** (${table})`, written ? `Written as 「${written}」` : null, values.length > 0 ? values.map((v) => `${v.column} ${v.value}`).join(' · ') : 'This row has no values']
      .filter((l): l is string => l !== null)
      .join('\n\n'),
  hoverSection: ({ numeral, title, written, differs, expects }) =>
    [
      `**${numeral}、${title}**`,
      !differs ? null : written === null ? `This heading has no numeral; the format gives it 「${numeral}、」` : `This heading is numbered 「${written}」; the format gives it 「${numeral}、」`,
      capital(expectsText(expects)),
    ]
      .filter((l): l is string => l !== null)
      .join('\n\n'),
  codeLensIdentities: ({ holds, fails, notEvaluated }) => {
    const total = holds + fails + notEvaluated;
    if (fails === 0 && notEvaluated === 0) return `Totals: all ${total} hold`;
    const parts = fails > 0 ? [`${fails} do not hold`] : [];
    if (holds > 0) parts.push(`${holds} hold`);
    if (notEvaluated > 0) parts.push(`${notEvaluated} cannot be checked`);
    return `Totals: ${parts.join(', ')}`;
  },

  // ---- settings, config file, SARIF (issue 8) ----
  configProblem: ({ problem }) => {
    switch (problem.kind) {
      case 'unreadable':
        return `cannot be read (${IO_CAUSES_EN[problem.detail] ?? problem.detail})`;
      case 'syntax':
        return `not valid JSON (${problem.detail})`;
      case 'not-object':
        return 'the file should hold a JSON object, e.g. {"rules": {"text.year": "off"}}';
      case 'unknown-key':
        return `unknown setting "${problem.key}" (known: rules)`;
      case 'rules-not-object':
        return '"rules" should be an object mapping codes or families to off, error, warning, information or hint';
      case 'unknown-rule':
        return `"${problem.key}" is neither a diagnostic code nor a family`;
      case 'bad-level':
        return `"${problem.key}": "${problem.value}" is not one of off, error, warning, information, hint`;
    }
  },
  configInvalid: ({ file, problems }) =>
    `The govreport config file ${file} has ${plural(problems.length, 'problem')}; ${problems.length === 1 ? 'it is' : 'they are'} ignored: ${problems.join('; ')}`,
  documentTooLarge: ({ size, limit }) => `This document is ${size}, more than govreport.maxFileSize (${limit}); it was not checked`,
  cliBadLang: ({ value }) => `unsupported language "${value}" (available: zh, en)`,
  sentences: (parts) => parts.join('. '),

  // --- identity causes (lead) ---
  causeSingleCell: ({ cell, stated, value, count }) =>
    `Same cause: ${cell} is ${stated}; were it ${value}, all ${count} totals would hold — most likely this cell is wrong`,
  relatedSuspect: ({ cell, value }) => `The cell that is likely wrong: ${cell} = ${value}`,

  // --- the verdict page ---
  verdictWord: (word) =>
    ({
      title: 'Government information disclosure annual reports: check results',
      columnFile: 'File',
      columnBody: 'Body',
      columnYear: 'Year',
      columnErrors: 'Errors',
      columnWarnings: 'Warnings',
      columnFirstFailure: 'First failing identity',
      filterPlaceholder: 'Filter: text in the file name, body, code or message',
      showLabel: 'Which reports to show',
      'show-all': 'All reports',
      'show-problems': 'Reports with problems',
      'show-errors': 'Reports with errors',
      'show-warnings': 'Reports with warnings only',
      'show-clean': 'Reports without problems',
      expandAll: 'Expand/collapse all',
      noFindings: 'No problems found.',
      notCheckedHeading: 'Files not checked',
    })[word],
  verdictSummary: ({ reports, withErrors, errors, warnings, notChecked }) =>
    `${reports} report${reports === 1 ? '' : 's'}, ${withErrors} with errors; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
    (notChecked > 0 ? `; ${notChecked} file${notChecked === 1 ? '' : 's'} not checked.` : '.'),
  verdictShown: ({ shown, total }) => `showing ${shown} of ${total}`,
  verdictWhere: ({ line, column }) => `line ${line}, column ${column}`,
  verdictSeverity: (severity) => ({ 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' })[severity],

  // --- ui --- (issue 8: preview, new report, check workspace, status bar)
  previewTitle: ({ document }) => `Preview: ${document}`,
  previewSummary: ({ fails, missing, invalid, absent }) => {
    const parts: string[] = [];
    if (fails > 0) parts.push(`${fails} ${fails === 1 ? 'total does' : 'totals do'} not hold`);
    if (missing > 0) parts.push(`${plural(missing, 'cell')} missing`);
    if (invalid > 0) parts.push(`${plural(invalid, 'cell')} not a valid number`);
    if (absent > 0) parts.push(`${plural(absent, 'cell')} not found in the text`);
    return parts.length === 0 ? 'The tables are complete and every total holds' : parts.join(', ');
  },
  previewLegend: (kind) =>
    ({ fail: 'total does not hold', involved: 'term of a failing total', missing: 'missing', invalid: 'not a valid number', absent: 'not in the text' })[kind],
  previewTableMissing: ({ table, tableName }) => `${table} (${tableName}) was not found in the text`,
  previewNotReport: () => 'This document does not look like a government information disclosure annual report; there are no tables to preview',
  previewCellAbsent: ({ cell }) => `${cell} is not in the text`,
  previewInvolved: ({ message }) => `A total this cell belongs to does not hold — ${message}`,
  previewNoDocument: () => 'Open a report first (a document in the govreport language), then preview its tables',
  previewFailed: ({ detail }) => `Could not produce the table preview: ${detail}`,
  cellEditRefused: ({ reason, cell, text }) =>
    ({
      'not-report': 'This document does not read like an annual report: its tables cannot be filled in',
      'no-cell': `The format has no such cell (${cell})`,
      'no-table': 'The text has no such table: insert it with the quick fix first',
      empty: `${cell} not written: type a number`,
      'not-number': `${cell} not written: 「${text}」 is not a number`,
      negative: `${cell} not written: a value cannot be negative`,
      fraction: `${cell} not written: a count must be a whole number`,
      'too-large': `${cell} not written: the number is too large`,
      scrambled: 'The reading order of this table is scrambled, so which cell is which is unknown: edit the text',
      unseparable: 'The digits of this row run together and cannot be split: edit the text',
      'row-partial': 'This row has only some of its values, so which column each belongs to is unknown: complete it in the text',
      layout: `${cell} cannot be written safely in the text's layout: edit the text`,
      stale: 'The document has changed: type the value again',
    })[reason],
  cellEditConflict: ({ cell, stated, computed }) => `${cell} left as it is: it states ${stated}, its terms add up to ${computed}`,
  previewAutoTotals: () => 'Keep totals',
  previewAutoTotalsHint: () => 'After a cell is typed, also rewrite the totals that depend on it (row totals, （七）总计, 四, the group totals of table 三); a stated total that disagrees with its terms is marked, not rewritten',
  previewFixTo: ({ value }) => `Set to ${value}`,
  previewEditHint: () => 'Type a number to write it into the text; arrows and Tab move, Enter confirms and moves down, Esc cancels or leaves',
  newReportBodyPrompt: () => 'The body’s name (goes into the title, e.g. 「北京市西城区民政局」)',
  newReportBodyPlaceholder: () => '北京市西城区民政局',
  newReportBodyProblem: ({ problem, max }) =>
    ({
      empty: 'Enter the body’s name',
      'line-break': 'The name cannot contain a line break',
      'too-long': `The name is too long (at most ${max} characters)`,
      'has-year': 'Enter only the body’s name; the year comes next',
      'has-title': 'Enter only the body’s name, without 「政府信息公开工作年度报告」',
    })[problem],
  newReportYearPrompt: () => 'The report’s year (the year of the reporting period)',
  newReportYearProblem: ({ problem, first, last }) =>
    problem === 'not-a-year' ? 'Enter a four-digit year, e.g. 2024' : `The year should be between ${first} and ${last}`,
  checkWorkspaceTitle: () => 'Checking the reports in the workspace',
  checkWorkspaceProgress: ({ done, total, file }) => `${done}/${total} ${file}`,
  checkWorkspaceSummary: ({ files, filesWithErrors, warnings, unreadable, cancelled }) => {
    const parts = [filesWithErrors > 0 ? `${filesWithErrors} with errors` : 'none with errors'];
    if (warnings > 0) parts.push(`${plural(warnings, 'warning')} in all`);
    if (unreadable > 0) parts.push(`${plural(unreadable, 'file')} could not be read`);
    return cancelled ? `Cancelled. ${plural(files, 'report')} checked: ${parts.join(', ')}` : `${plural(files, 'report')}: ${parts.join(', ')}`;
  },
  checkWorkspaceNoFolders: () => 'No folder is open: open the folder that holds the reports first',
  checkWorkspaceOpenProblems: () => 'Open the Problems panel',
  statusBarText: ({ errors, warnings }) => `Report: ${plural(errors, 'error')} · ${plural(warnings, 'warning')}`,
  statusBarTooltip: () => 'Errors and warnings of this report — click to open the Problems panel',
  checkWorkspaceExport: () => 'Export the results…',
  checkWorkspaceExportTitle: () => "Export the workspace check's results (HTML page)",
  checkWorkspaceExportFilter: () => 'HTML page',
  checkWorkspaceExported: ({ file, reports }) => `Exported the results of ${reports} report${reports === 1 ? '' : 's'}: ${file}`,
  exportDataLong: () => 'One row per cell',
  exportDataLongDetail: () => 'As govreport extract --format csv writes it',
  exportDataWide: () => 'One row per report (wide table)',
  exportDataWideDetail: () => 'As govreport extract --format csv --wide writes it: one column per cell',
  exportDataPlaceholder: () => "The layout of the tables' data",
  exportDataTitle: () => "Export the tables' data of the workspace's reports (CSV)",
  exportDataFilter: () => 'CSV file',
  exportDataExported: ({ file, reports }) => `Exported the tables' data of ${reports} report${reports === 1 ? '' : 's'}: ${file}`,
  statusBarWorkspaceText: ({ files, filesWithErrors }) => `Workspace: ${files} report${files === 1 ? '' : 's'}, ${filesWithErrors} with errors`,
  statusBarWorkspaceTooltip: ({ errors, warnings, unreadable }) =>
    `Last workspace check: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
    (unreadable > 0 ? `, ${unreadable} file${unreadable === 1 ? '' : 's'} unreadable` : '') +
    ' — click to open the Problems panel',

  // --- robustness: encodings (robust) ---
  cliEncodingAssumed: ({ path, encoding }) => `${path}: read as ${encoding}`,

  // --- readers of originals: problems that stop a file being read (read/docx) ---
  readDocxProblem: ({ kind, limit }) =>
    ({
      'old-format': 'This is an old binary Word (.doc) or WPS (.wps) file, which cannot be read: open it in Word or WPS and save it as .docx, then check it again',
      encrypted: 'This Word file is password-protected (encrypted) and cannot be read: remove the password, save it as .docx and check it again',
      damaged: 'This Word file is damaged or not a valid .docx file and cannot be read: open it in Word or WPS and save it again as .docx',
      'too-large': `This Word file would unpack to more than ${limit} (possibly a zip bomb); it was not read`,
    })[kind],

  // --- the editor: an original opened as report text ---
  readOriginalUnsupported: ({ path }) => `${path}: govreport cannot read this kind of file (it reads .docx, .pdf, .html and text files)`,
  openAsReportTextPick: () => 'Open as report text (Word, PDF, web page)',
  openAsReportTextFailed: () => 'Could not read this file (the govreport log in the Output panel says why)',
};
