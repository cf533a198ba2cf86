/**
 * The report format (国办公开办函〔2021〕30号) as data: sections, tables, rows, columns and the
 * identities between cells. Rules and the parser are generic over this description; nothing else in
 * the core names a row or a column.
 */

export type SectionId = 'overview' | 'proactive' | 'requests' | 'review' | 'problems' | 'other';
export type TableId = 'A' | 'B' | 'C';

export interface SectionSpec {
  readonly id: SectionId;
  /** 1-based position in the report. */
  readonly order: number;
  /** The numeral the format gives it: 一 … 六. */
  readonly numeral: string;
  /** The heading text after the numeral, in the format's wording. */
  readonly title: string;
  /** Other wordings real reports use for the same heading (shortened forms, the older long form). */
  readonly titleVariants: readonly string[];
  /**
   * First halves of the heading after which bodies write the second half in their own words, joined
   * by a connector (`存在的主要问题` + `及明年工作计划`).
   */
  readonly titleStems?: readonly string[];
  /**
   * Words that open this section's content (a subsection `（一）主要问题`, a sentence on 信息处理费): when
   * they are there but the heading is not, the heading was lost, not the section.
   */
  readonly contentCues?: readonly string[];
  /** Words that mark this section's content anywhere in a line (`信息处理费`). */
  readonly contentPhrases?: readonly string[];
  readonly table?: TableId;
  /** What the format expects in this section, for hovers and placeholders. */
  readonly expects: string;
}

export type ValueKind = 'count' | 'amount';

export interface ColumnSpec {
  readonly id: string;
  /** The column's full name, as the format prints it (with its group, if any). */
  readonly name: string;
  /** A short name for inlay hints and formulas. */
  readonly shortName: string;
  /** The column group it belongs to, e.g. 法人或其他组织, 行政复议. */
  readonly group?: string;
  readonly kind: ValueKind;
}

export interface RowSpec {
  readonly id: string;
  /** The row's label in the format's wording, numbering included. */
  readonly label: string;
  /** The numbering as printed: `一、`, `（一）`, `1.`; empty when the row has none. */
  readonly numbering: string;
  /** Other wordings (without numbering) that real reports use for this row. */
  readonly variants: readonly string[];
  /** Column ids of the cells this row has, in order. */
  readonly columns: readonly string[];
  /**
   * A group row carries only a label in the 2021 format (e.g. （三）不予公开). `children` lists the value
   * rows under it.
   */
  readonly children?: readonly string[];
  /** The row this one belongs to (a group row id). */
  readonly parent?: string;
  /** The group that this sub-row belongs to, in words, for messages (e.g. （三）不予公开). */
  readonly groupLabel?: string;
  /**
   * A short name (without numbering) for the terms of a formula in messages (`保护第三方`); absent when
   * the label's words are short already. See `rowShortLabel`.
   */
  readonly shortName?: string;
}

export interface CellRef {
  readonly row: string;
  readonly column: string;
}

export type IdentityCode = 'sum.row' | 'sum.outcome' | 'sum.balance' | 'sum.group';

/**
 * `stated` = Σ plus − Σ minus. The diagnostic of a failing identity sits on `stated`.
 */
export interface IdentitySpec {
  readonly id: string;
  readonly code: IdentityCode;
  readonly table: TableId;
  readonly stated: CellRef;
  readonly plus: readonly CellRef[];
  readonly minus: readonly CellRef[];
  /** Where the identity comes from, for hovers: `行合计`, `办理结果合计`, `勾稽关系`, `分组合计`. */
  readonly kind: string;
}

export interface TableSpec {
  readonly id: TableId;
  readonly section: SectionId;
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly RowSpec[];
  readonly identities: readonly IdentitySpec[];
  /** Words that mark the start of this table in text (header cells, notes). */
  readonly anchors: readonly string[];
}

export const SECTIONS: readonly SectionSpec[] = [
  {
    id: 'overview', order: 1, numeral: '一', title: '总体情况', titleVariants: ['总体情况概述'],
    contentCues: ['主动公开', '依申请公开', '政府信息管理', '政府信息公开平台建设', '平台建设', '监督保障'],
    expects: '概述本年度政府信息公开工作，通常分为（一）至（七）若干小节：主动公开、依申请公开、政府信息管理、平台建设、监督保障等。',
  },
  {
    id: 'proactive', order: 2, numeral: '二', title: '主动公开政府信息情况', titleVariants: ['主动公开政府信息'],
    table: 'A', expects: '表一：第二十条第（一）（五）（六）（八）项的主动公开数据（规章、行政规范性文件、行政许可、行政处罚、行政强制、行政事业性收费）。',
  },
  {
    id: 'requests', order: 3, numeral: '三', title: '收到和处理政府信息公开申请情况', titleVariants: ['收到和处理政府信息公开申请'],
    table: 'B', expects: '表二：按申请人类别统计的收到和处理申请情况（7 列 × 25 行），须满足行合计、办理结果合计与勾稽关系。',
  },
  {
    id: 'review', order: 4, numeral: '四', title: '政府信息公开行政复议、行政诉讼情况', titleVariants: ['政府信息公开行政复议行政诉讼情况', '政府信息公开行政复议、行政诉讼', '因政府信息公开工作被申请行政复议、提起行政诉讼情况', '因政府信息公开被申请行政复议、提起行政诉讼情况', '政府信息公开行政复议、行政诉讼案件情况'],
    table: 'C', expects: '表三：行政复议、行政诉讼（未经复议直接起诉、复议后起诉）各 5 项，各组总计等于四项之和。',
  },
  {
    id: 'problems', order: 5, numeral: '五', title: '存在的主要问题及改进情况', titleVariants: ['存在的主要问题和改进情况', '存在的主要问题及改进措施', '存在问题及改进情况', '存在的问题及改进情况', '主要问题及改进情况', '存在的主要问题及整改情况'],
    titleStems: ['存在的主要问题', '存在的问题', '存在问题', '主要问题'],
    contentCues: ['存在的主要问题', '存在的问题', '存在问题', '主要问题', '改进情况', '改进措施', '整改情况', '整改措施', '下一步工作', '工作计划'],
    expects: '本年度工作存在的主要问题及改进情况，不能为空或仅写“无”。',
  },
  {
    id: 'other', order: 6, numeral: '六', title: '其他需要报告的事项', titleVariants: ['其他需要报告事项', '其他需报告的事项', '其他需报告事项', '其他事项'],
    contentCues: ['信息处理费', '收费通知', '其他需要报告', '其他事项'],
    contentPhrases: ['信息处理费'],
    expects: '须说明依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）发出收费通知的件数和总金额以及实际收取的总金额。',
  },
];

/**
 * Characters that join the two halves of a heading (`行政复议、行政诉讼`, `问题及改进`): bodies write any
 * of them for any other (`行政复议与行政诉讼`, `行政复议和行政诉讼`).
 */
export const HEADING_CONNECTORS: readonly string[] = ['、', '与', '和', '及', '以及'];

// ---------------------------------------------------------------------------------------------
// Table A — 主动公开政府信息情况

const A_COLUMNS: readonly ColumnSpec[] = [
  { id: 'issued', name: '本年制发件数', shortName: '制发', kind: 'count' },
  { id: 'repealed', name: '本年废止件数', shortName: '废止', kind: 'count' },
  { id: 'inForce', name: '现行有效件数', shortName: '现行有效', kind: 'count' },
  { id: 'decisions', name: '本年处理决定数量', shortName: '处理决定', kind: 'count' },
  { id: 'feeAmount', name: '本年收费金额（单位：万元）', shortName: '收费金额', kind: 'amount' },
];

const TABLE_A: TableSpec = {
  id: 'A',
  section: 'proactive',
  name: '主动公开政府信息情况',
  columns: A_COLUMNS,
  anchors: ['第二十条第（一）项', '信息内容', '本年制发件数'],
  rows: [
    { id: 'rules', label: '规章', numbering: '', variants: [], columns: ['issued', 'repealed', 'inForce'], groupLabel: '第二十条第（一）项' },
    { id: 'normativeDocs', label: '行政规范性文件', numbering: '', variants: ['规范性文件'], columns: ['issued', 'repealed', 'inForce'], groupLabel: '第二十条第（一）项' },
    { id: 'licensing', label: '行政许可', numbering: '', variants: [], columns: ['decisions'], groupLabel: '第二十条第（五）项' },
    { id: 'penalty', label: '行政处罚', numbering: '', variants: [], columns: ['decisions'], groupLabel: '第二十条第（六）项' },
    { id: 'enforcement', label: '行政强制', numbering: '', variants: [], columns: ['decisions'], groupLabel: '第二十条第（六）项' },
    { id: 'fees', label: '行政事业性收费', numbering: '', variants: [], columns: ['feeAmount'], groupLabel: '第二十条第（八）项' },
  ],
  identities: [],
};

// ---------------------------------------------------------------------------------------------
// Table B — 收到和处理政府信息公开申请情况

const B_COLUMNS: readonly ColumnSpec[] = [
  { id: 'natural', name: '自然人', shortName: '自然人', kind: 'count' },
  { id: 'commercial', name: '法人或其他组织·商业企业', shortName: '商业企业', group: '法人或其他组织', kind: 'count' },
  { id: 'research', name: '法人或其他组织·科研机构', shortName: '科研机构', group: '法人或其他组织', kind: 'count' },
  { id: 'publicInterest', name: '法人或其他组织·社会公益组织', shortName: '社会公益组织', group: '法人或其他组织', kind: 'count' },
  { id: 'legal', name: '法人或其他组织·法律服务机构', shortName: '法律服务机构', group: '法人或其他组织', kind: 'count' },
  { id: 'otherOrg', name: '法人或其他组织·其他', shortName: '其他', group: '法人或其他组织', kind: 'count' },
  { id: 'total', name: '总计', shortName: '总计', kind: 'count' },
];
const B_COLUMN_IDS = B_COLUMNS.map((c) => c.id);
const B_APPLICANTS = B_COLUMN_IDS.filter((c) => c !== 'total');

interface RowSeed {
  id: string;
  numbering: string;
  core: string;
  variants?: string[];
  group?: boolean;
  short?: string;
}

/** Sub-rows of a group: [the label's words, other wordings, a short name]. */
function sub(parent: string, groupLabel: string, seeds: readonly [string, string[], string][]): RowSpec[] {
  return seeds.map(([core, variants, shortName], i) => ({
    id: `${parent}.${i + 1}`,
    label: `${i + 1}.${core}`,
    numbering: `${i + 1}.`,
    variants,
    columns: B_COLUMN_IDS,
    parent,
    groupLabel,
    ...(shortName !== core ? { shortName } : {}),
  }));
}

function valueRow(seed: RowSeed): RowSpec {
  return {
    id: seed.id, label: seed.numbering + seed.core, numbering: seed.numbering, variants: seed.variants ?? [], columns: B_COLUMN_IDS,
    ...(seed.short ? { shortName: seed.short } : {}),
  };
}

function groupRow(id: string, numbering: string, core: string, children: readonly RowSpec[], parent?: string): RowSpec {
  return {
    id, label: numbering + core, numbering, variants: [], columns: B_COLUMN_IDS, children: children.map((c) => c.id),
    ...(parent ? { parent } : {}),
  };
}

const DENIED = sub('denied', '（三）不予公开', [
  ['属于国家秘密', [], '国家秘密'],
  ['其他法律行政法规禁止公开', [], '法律法规禁止'],
  ['危及“三安全一稳定”', ['危及"三安全一稳定"', '危及三安全一稳定'], '危及三安全一稳定'],
  ['保护第三方合法权益', [], '保护第三方'],
  ['属于三类内部事务信息', [], '内部事务'],
  ['属于四类过程性信息', [], '过程性信息'],
  ['属于行政执法案卷', [], '行政执法案卷'],
  ['属于行政查询事项', [], '行政查询事项'],
]);
const UNAVAILABLE = sub('unavailable', '（四）无法提供', [
  ['本机关不掌握相关政府信息', [], '本机关不掌握'],
  ['没有现成信息需要另行制作', [], '没有现成信息'],
  ['补正后申请内容仍不明确', [], '补正后仍不明确'],
]);
const NOT_HANDLED = sub('notHandled', '（五）不予处理', [
  ['信访举报投诉类申请', [], '信访举报投诉'],
  ['重复申请', [], '重复申请'],
  ['要求提供公开出版物', [], '公开出版物'],
  ['无正当理由大量反复申请', [], '大量反复申请'],
  ['要求行政机关确认或重新出具已获取信息', [], '确认或重新出具'],
]);
const OTHER_HANDLING = sub('other', '（六）其他处理', [
  ['申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [], '逾期不补正'],
  ['申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [], '逾期未缴费'],
  ['其他', [], '其他'],
]);

const GRANTED = valueRow({ id: 'granted', numbering: '（一）', core: '予以公开' });
const PARTIAL = valueRow({
  id: 'partial', numbering: '（二）', core: '部分公开（区分处理的，只计这一情形，不计其他情形）', variants: ['部分公开'], short: '部分公开',
});
const OUTCOME_LEAVES: readonly RowSpec[] = [GRANTED, PARTIAL, ...DENIED, ...UNAVAILABLE, ...NOT_HANDLED, ...OTHER_HANDLING];
const OUTCOME_GROUPS: readonly RowSpec[] = [
  groupRow('denied', '（三）', '不予公开', DENIED, 'outcomes'),
  groupRow('unavailable', '（四）', '无法提供', UNAVAILABLE, 'outcomes'),
  groupRow('notHandled', '（五）', '不予处理', NOT_HANDLED, 'outcomes'),
  groupRow('other', '（六）', '其他处理', OTHER_HANDLING, 'outcomes'),
];
const group = (id: string): RowSpec => OUTCOME_GROUPS.find((g) => g.id === id)!;

const B_ROWS: readonly RowSpec[] = [
  valueRow({ id: 'new', numbering: '一、', core: '本年新收政府信息公开申请数量', short: '本年新收' }),
  valueRow({ id: 'carried', numbering: '二、', core: '上年结转政府信息公开申请数量', short: '上年结转' }),
  { id: 'outcomes', label: '三、本年度办理结果', numbering: '三、', variants: [], columns: B_COLUMN_IDS, children: [] },
  { ...GRANTED, parent: 'outcomes' },
  { ...PARTIAL, parent: 'outcomes' },
  group('denied'), ...DENIED,
  group('unavailable'), ...UNAVAILABLE,
  group('notHandled'), ...NOT_HANDLED,
  group('other'), ...OTHER_HANDLING,
  { ...valueRow({ id: 'total', numbering: '（七）', core: '总计' }), parent: 'outcomes' },
  valueRow({ id: 'carryForward', numbering: '四、', core: '结转下年度继续办理', short: '结转下年度' }),
];

function bIdentities(): IdentitySpec[] {
  const identities: IdentitySpec[] = [];
  for (const row of B_ROWS) {
    if (row.children) continue;
    identities.push({
      id: `B.row.${row.id}`, code: 'sum.row', table: 'B', kind: '行合计',
      stated: { row: row.id, column: 'total' },
      plus: B_APPLICANTS.map((column) => ({ row: row.id, column })),
      minus: [],
    });
  }
  for (const column of B_COLUMN_IDS) {
    identities.push({
      id: `B.outcome.${column}`, code: 'sum.outcome', table: 'B', kind: '办理结果合计',
      stated: { row: 'total', column },
      plus: OUTCOME_LEAVES.map((r) => ({ row: r.id, column })),
      minus: [],
    });
  }
  for (const column of B_COLUMN_IDS) {
    identities.push({
      id: `B.balance.${column}`, code: 'sum.balance', table: 'B', kind: '勾稽关系',
      stated: { row: 'carryForward', column },
      plus: [{ row: 'new', column }, { row: 'carried', column }],
      minus: [{ row: 'total', column }],
    });
  }
  return identities;
}

const TABLE_B: TableSpec = {
  id: 'B',
  section: 'requests',
  name: '收到和处理政府信息公开申请情况',
  columns: B_COLUMNS,
  anchors: ['本列数据的勾稽关系', '申请人情况'],
  rows: B_ROWS,
  identities: bIdentities(),
};

// ---------------------------------------------------------------------------------------------
// Table C — 政府信息公开行政复议、行政诉讼情况

const C_GROUPS = [
  { id: 'review', name: '行政复议', short: '复议' },
  { id: 'suitDirect', name: '行政诉讼·未经复议直接起诉', short: '直接起诉' },
  { id: 'suitAfterReview', name: '行政诉讼·复议后起诉', short: '复议后起诉' },
] as const;
const C_OUTCOMES = [
  { id: 'upheld', name: '结果维持' },
  { id: 'corrected', name: '结果纠正' },
  { id: 'other', name: '其他结果' },
  { id: 'pending', name: '尚未审结' },
  { id: 'total', name: '总计' },
] as const;

const C_COLUMNS: readonly ColumnSpec[] = C_GROUPS.flatMap((g) =>
  C_OUTCOMES.map((o) => ({
    id: `${g.id}.${o.id}`, name: `${g.name}·${o.name}`, shortName: `${g.short}${o.name}`, group: g.name, kind: 'count' as const,
  })),
);

const TABLE_C: TableSpec = {
  id: 'C',
  section: 'review',
  name: '政府信息公开行政复议、行政诉讼情况',
  columns: C_COLUMNS,
  anchors: ['行政复议', '行政诉讼'],
  rows: [{ id: 'counts', label: '数量', numbering: '', variants: [], columns: C_COLUMNS.map((c) => c.id) }],
  identities: C_GROUPS.map((g) => ({
    id: `C.group.${g.id}`, code: 'sum.group' as const, table: 'C' as const, kind: '分组合计',
    stated: { row: 'counts', column: `${g.id}.total` },
    plus: C_OUTCOMES.filter((o) => o.id !== 'total').map((o) => ({ row: 'counts', column: `${g.id}.${o.id}` })),
    minus: [],
  })),
};

export const TABLES: Readonly<Record<TableId, TableSpec>> = { A: TABLE_A, B: TABLE_B, C: TABLE_C };
export const TABLE_IDS: readonly TableId[] = ['A', 'B', 'C'];

export function sectionSpec(id: SectionId): SectionSpec {
  return SECTIONS.find((s) => s.id === id)!;
}

/**
 * A row's short label for the terms of a formula: its numbering (a sub-row's after its group's, the
 * sub-row's point dropped) and its short name — `一、本年新收`, `（一）予以公开`, `（三）4 保护第三方`.
 */
export function rowShortLabel(table: TableId, row: RowSpec): string {
  const words = row.shortName ?? row.label.slice(row.numbering.length);
  const parent = row.parent !== undefined && /^\d/u.test(row.numbering) ? TABLES[table].rows.find((r) => r.id === row.parent) : undefined;
  if (parent?.numbering) return `${parent.numbering}${row.numbering.replace(/\.$/u, '')} ${words}`;
  return `${row.numbering}${words}`;
}

export function rowSpec(table: TableId, rowId: string): RowSpec | undefined {
  return TABLES[table].rows.find((r) => r.id === rowId);
}

export function columnSpec(table: TableId, columnId: string): ColumnSpec | undefined {
  return TABLES[table].columns.find((c) => c.id === columnId);
}

/** Rows that carry values (a group row carries none in the 2021 format). */
export function valueRows(table: TableId): readonly RowSpec[] {
  return TABLES[table].rows.filter((r) => !r.children);
}

export const CHINESE_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'] as const;
