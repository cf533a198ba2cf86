/**
 * What the narrative says about the tables, as data — like the format schema, not as one regular
 * expression per sentence. A claim pattern names the words that introduce a figure (before the
 * number, or right after its unit), the cells of the schema that figure must equal (their sum when
 * several), the words that refine the columns (自然人, 结果维持…), the words that cancel it, and other
 * readings of the same words (a count that includes last year's carry-over).
 *
 * The matcher (claims.ts) is generic over this table; adding a claim is adding a row here.
 */
import type { TableId } from '../format/schema';

/** Alternatives: any one of the phrases. */
export type Phrases = readonly string[];

export type QualifierSetId = 'applicant' | 'reviewOutcome' | 'documentColumn';

export interface ClaimTarget {
  readonly table: TableId;
  /** Rows whose cells are summed. */
  readonly rows: readonly string[];
  /** Columns summed when the text names none (table B: 总计; table C: a group's 总计). */
  readonly columns: readonly string[];
  /** Which words in the sentence refine the columns. */
  readonly qualify?: QualifierSetId;
}

/** Another way to read the same figure. */
export interface ReadingSpec {
  readonly id: 'includesCarried';
  readonly rows: readonly string[];
  /** Words right after the figure that state this reading: `（含上年度结转申请34件）`. */
  readonly statedBy: Phrases;
}

export interface ClaimPattern {
  readonly id: string;
  /**
   * Phrase groups that occur in order in the clause before the number; the first phrase of each group
   * that is found counts. The last group ends at most `gap` characters before the number, groups are
   * at most `spread` characters apart.
   */
  readonly before?: readonly Phrases[];
  /** Phrase groups right after the number's unit, at most `gap` characters after it. */
  readonly after?: readonly Phrases[];
  readonly gap?: number;
  readonly spread?: number;
  /** A trigger phrase directly preceded by one of these does not count (不 before 予以公开). */
  readonly notAfter?: Phrases;
  /** The number's clause must not contain any of these. */
  readonly exclude?: Phrases;
  /** The sentence must contain one of these. */
  readonly sentenceMentions?: Phrases;
  /** Units the figure may have. */
  readonly units: Phrases;
  /** A phrase that states a value without a number: `均已办结` — nothing carried over. */
  readonly implies?: number;
  readonly target: ClaimTarget;
  readonly readings?: readonly ReadingSpec[];
  /** A percentage stated beside the figure (`42件，占51.85%`) is its share of these cells. */
  readonly shareOf?: ClaimTarget;
}

/** Words that refine a claim's columns; a later sentence part naming one continues the claim before it. */
export interface Qualifier {
  readonly words: Phrases;
  /** Table B: the columns that replace the target's. */
  readonly columns?: readonly string[];
  /** Table C: the outcome that replaces `total` in each group column (`review.total` → `review.upheld`). */
  readonly outcome?: string;
  /** Table C: keep only these groups. */
  readonly groups?: readonly string[];
}

const ORG_COLUMNS = ['commercial', 'research', 'publicInterest', 'legal', 'otherOrg'] as const;

export const QUALIFIERS: Readonly<Record<QualifierSetId, readonly Qualifier[]>> = {
  applicant: [
    { words: ['法人或其他组织', '法人和其他组织', '法人及其他组织'], columns: ORG_COLUMNS },
    { words: ['自然人', '公民个人'], columns: ['natural'] },
    { words: ['商业企业', '企业'], columns: ['commercial'] },
    { words: ['科研机构'], columns: ['research'] },
    { words: ['社会公益组织', '公益组织'], columns: ['publicInterest'] },
    { words: ['法律服务机构', '律师事务所'], columns: ['legal'] },
  ],
  reviewOutcome: [
    { words: ['结果维持', '维持原', '维持'], outcome: 'upheld' },
    { words: ['结果纠正', '被纠错', '纠错', '纠正'], outcome: 'corrected' },
    { words: ['其他结果'], outcome: 'other' },
    { words: ['尚未审结', '未审结', '正在审理', '尚在审理'], outcome: 'pending' },
    { words: ['未经复议直接起诉', '直接起诉'], groups: ['suitDirect'] },
    { words: ['复议后起诉'], groups: ['suitAfterReview'] },
  ],
  documentColumn: [
    { words: ['废止', '宣布失效'], columns: ['repealed'] },
    { words: ['现行有效'], columns: ['inForce'] },
    { words: ['制发', '印发', '出台', '制定', '新增'], columns: ['issued'] },
  ],
};

/** Words before a claim's trigger that make its subject a part of the reporting body, not all of it. */
export const PART_SUBJECT_WORDS: Phrases = ['代表', '本级', '机关本级', '办公室本级'];

/** Words that introduce the parts of a whole stated just before. */
export const PART_INTRODUCERS: Phrases = ['其中', '涉及', '包括', '包含', '分别为', '分别是', '含'];
/** Introducers that say the parts are all of the whole. */
export const EXHAUSTIVE_INTRODUCERS: Phrases = ['分别为', '分别是'];
/** Words that end a list of parts: what follows is not one of them. */
export const LIST_ENDERS: Phrases = ['另有', '此外', '另外', '同时', '以及其他'];
/**
 * Subjects a figure can count, each as its alternative words. A part that names a subject the whole's
 * words do not name starts a new statement (`办结依申请公开81件，其中：…；因政府信息公开引起的行政复议
 * 案件2件、行政诉讼案件7件`): the list of parts ends before it.
 */
export const LIST_SUBJECTS: readonly Phrases[] = [
  ['行政复议', '复议'],
  ['行政诉讼', '诉讼', '起诉', '应诉'],
];
/** A part with one of these labels stands for the rest: the parts are then all of the whole. */
export const RESIDUAL_WORDS: Phrases = ['其他', '其余', '其它', '剩余', '余下'];

/**
 * Sets of labels that divide a whole completely: when a list's labels are exactly the members of one
 * set, the parts must add up to the whole.
 */
export const PARTITIONS: readonly { readonly id: string; readonly members: readonly Phrases[] }[] = [
  { id: 'reviewOutcome', members: [['结果维持', '维持'], ['结果纠正', '纠正', '纠错'], ['其他结果'], ['尚未审结', '未审结']] },
  { id: 'leadOrAssist', members: [['主办', '单办'], ['会办', '协办']] },
  { id: 'applicant', members: [['自然人', '公民'], ['法人或其他组织', '法人和其他组织', '法人及其他组织']] },
  { id: 'outcome', members: [['予以公开'], ['部分公开'], ['不予公开'], ['无法提供'], ['不予处理'], ['其他处理']] },
];

// ---------------------------------------------------------------------------------------------

const REQUEST_UNITS: Phrases = ['件', '个', '宗', '例'];
const CASE_UNITS: Phrases = ['件', '个', '宗', '例', '起'];
const DECISION_UNITS: Phrases = ['件', '个', '宗', '起', '项', '份'];
const DOCUMENT_UNITS: Phrases = ['件', '个', '部', '份', '项'];
/** Words that make a sentence about something else than information-disclosure requests. */
const NOT_REQUESTS: Phrases = ['留言', '来信', '信件', '建议', '提案', '咨询', '投诉', '信访件', '热线', '工单'];
const ABOUT_REQUESTS: Phrases = ['申请', '依申请'];
const ABOUT_DISCLOSURE: Phrases = ['公开', '申请'];

const B = (rows: readonly string[]): ClaimTarget => ({ table: 'B', rows, columns: ['total'], qualify: 'applicant' });
const UNAVAILABLE = ['unavailable.1', 'unavailable.2', 'unavailable.3'];
const DENIED = ['denied.1', 'denied.2', 'denied.3', 'denied.4', 'denied.5', 'denied.6', 'denied.7', 'denied.8'];
const NOT_HANDLED = ['notHandled.1', 'notHandled.2', 'notHandled.3', 'notHandled.4', 'notHandled.5'];
const OTHER_HANDLING = ['other.1', 'other.2', 'other.3'];
const HANDLED_TOTAL = B(['total']);

const CARRIED_FORWARD_WORDS: Phrases = [
  '结转下年度', '结转至下年度', '结转到下年度', '结转下一年度', '结转至下一年度', '结转下年', '结转至下年', '结转到下年',
  '转入下年度', '转至下年度', '顺延到下年度', '顺延至下年度', '顺延至下一年度', '顺延到下一年度', '延续至下年度',
];

/** Checked in order; the first pattern that matches a number wins, so specific ones come first. */
export const CLAIM_PATTERNS: readonly ClaimPattern[] = [
  // ------------------------------------------------------------------ table B, rows 二 and 四
  {
    id: 'B.carried',
    before: [['上年结转', '上年度结转', '上一年度结转', '上年度遗留', '上年遗留', '结转上年度', '结转上年']],
    gap: 8, units: REQUEST_UNITS, exclude: NOT_REQUESTS,
    target: B(['carried']),
  },
  {
    id: 'B.carryForward',
    before: [[...CARRIED_FORWARD_WORDS, '尚未办结', '未办结', '尚在办理', '正在办理', '仍在办理']],
    gap: 6, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(['carryForward']),
  },
  {
    id: 'B.carryForward.after',
    after: [[...CARRIED_FORWARD_WORDS, '尚未办结', '未办结', '尚在办理中', '正在办理中', '仍在办理中']],
    gap: 4, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(['carryForward']),
  },
  {
    id: 'B.carryForward.none',
    before: [['均已办结', '均已按时办结', '均已按期办结', '均按时办结', '均按期办结', '均已全部办结', '已全部办结', '全部办结', '全部按时办结', '全部按期办结']],
    implies: 0, units: [], exclude: [...NOT_REQUESTS, '上年', '结转'], sentenceMentions: ABOUT_REQUESTS,
    target: B(['carryForward']),
  },
  // ------------------------------------------------------------------ table B, row 一
  {
    id: 'B.new',
    before: [['受理', '收到', '接到', '接收', '新收'], ['申请']],
    spread: 14, gap: 5, units: REQUEST_UNITS, exclude: [...NOT_REQUESTS, '上年', '结转', '下年', '办结', '答复'],
    target: B(['new']),
    readings: [{ id: 'includesCarried', rows: ['new', 'carried'], statedBy: ['含上年', '含上一年', '含结转', '包括上年', '包含上年', '其中上年'] }],
  },
  // ------------------------------------------------------------------ table B, 三 outcomes
  {
    id: 'B.grantedAndPartial',
    before: [['予以公开及部分公开', '予以公开和部分公开', '予以公开或部分公开', '予以公开、部分公开', '全部或部分公开', '全部公开或部分公开', '全部公开和部分公开', '公开和部分公开', '公开及部分公开']],
    gap: 3, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(['granted', 'partial']), shareOf: HANDLED_TOTAL,
  },
  {
    id: 'B.granted',
    before: [['予以公开', '同意公开', '全部公开']], notAfter: ['不', '未'],
    gap: 3, units: REQUEST_UNITS, exclude: [...NOT_REQUESTS, '部分'], sentenceMentions: ABOUT_REQUESTS,
    target: B(['granted']), shareOf: HANDLED_TOTAL,
  },
  {
    id: 'B.partial',
    before: [['部分公开']],
    gap: 3, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(['partial']), shareOf: HANDLED_TOTAL,
  },
  {
    id: 'B.denied',
    before: [['不予公开', '不予以公开']],
    gap: 3, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(DENIED), shareOf: HANDLED_TOTAL,
  },
  {
    id: 'B.unavailable',
    before: [['无法提供']],
    gap: 3, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(UNAVAILABLE), shareOf: HANDLED_TOTAL,
  },
  {
    id: 'B.notHandled',
    before: [['不予处理']],
    gap: 3, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(NOT_HANDLED), shareOf: HANDLED_TOTAL,
  },
  {
    id: 'B.otherHandling',
    before: [['其他处理']],
    gap: 3, units: REQUEST_UNITS, exclude: NOT_REQUESTS, sentenceMentions: ABOUT_REQUESTS,
    target: B(OTHER_HANDLING), shareOf: HANDLED_TOTAL,
  },
  // ------------------------------------------------------------------ table B, （七）总计
  {
    id: 'B.handled',
    before: [['办结', '答复', '办理完毕', '处理完毕', '完成答复', '作出答复', '予以答复']],
    gap: 6, units: REQUEST_UNITS, exclude: [...NOT_REQUESTS, '上年', '下年', '结转', '未办结', '未答复', '顺延'], sentenceMentions: ABOUT_REQUESTS,
    target: HANDLED_TOTAL,
  },
  // ------------------------------------------------------------------ table C
  {
    id: 'C.reviewAndSuit',
    before: [['行政复议和行政诉讼', '行政复议、行政诉讼', '行政复议及行政诉讼', '行政复议与行政诉讼', '复议和诉讼', '复议、诉讼']],
    gap: 6, units: CASE_UNITS, sentenceMentions: ABOUT_DISCLOSURE,
    target: { table: 'C', rows: ['counts'], columns: ['review.total', 'suitDirect.total', 'suitAfterReview.total'] },
  },
  {
    id: 'C.review',
    before: [['行政复议']],
    gap: 6, units: CASE_UNITS, exclude: ['诉讼', '率'], sentenceMentions: ABOUT_DISCLOSURE,
    target: { table: 'C', rows: ['counts'], columns: ['review.total'], qualify: 'reviewOutcome' },
  },
  {
    id: 'C.suit',
    before: [['行政诉讼']],
    gap: 6, units: CASE_UNITS, exclude: ['率'], sentenceMentions: ABOUT_DISCLOSURE,
    target: { table: 'C', rows: ['counts'], columns: ['suitDirect.total', 'suitAfterReview.total'], qualify: 'reviewOutcome' },
  },
  // ------------------------------------------------------------------ table A
  {
    id: 'A.rules.issued',
    before: [['制发', '印发', '出台', '制定', '新增', '新制定'], ['规章']],
    spread: 10, gap: 3, units: DOCUMENT_UNITS, exclude: ['规章制度', '解读', '废止', '修改', '修订'],
    target: { table: 'A', rows: ['rules'], columns: ['issued'], qualify: 'documentColumn' },
  },
  {
    id: 'A.rules.repealed',
    before: [['废止'], ['规章']],
    spread: 10, gap: 3, units: DOCUMENT_UNITS, exclude: ['规章制度'],
    target: { table: 'A', rows: ['rules'], columns: ['repealed'], qualify: 'documentColumn' },
  },
  {
    id: 'A.rules.inForce',
    before: [['现行有效'], ['规章']],
    spread: 10, gap: 3, units: DOCUMENT_UNITS, exclude: ['规章制度'],
    target: { table: 'A', rows: ['rules'], columns: ['inForce'], qualify: 'documentColumn' },
  },
  {
    id: 'A.normativeDocs.issued',
    before: [['制发', '印发', '出台', '制定', '新制定', '新制发'], ['行政规范性文件', '规范性文件']],
    spread: 10, gap: 3, units: DOCUMENT_UNITS, exclude: ['解读', '废止', '清理', '修改', '修订', '备案', '审查', '审核'],
    target: { table: 'A', rows: ['normativeDocs'], columns: ['issued'], qualify: 'documentColumn' },
  },
  {
    id: 'A.normativeDocs.repealed',
    before: [['废止'], ['行政规范性文件', '规范性文件']],
    spread: 10, gap: 3, units: DOCUMENT_UNITS,
    target: { table: 'A', rows: ['normativeDocs'], columns: ['repealed'], qualify: 'documentColumn' },
  },
  {
    id: 'A.normativeDocs.inForce',
    before: [['现行有效'], ['行政规范性文件', '规范性文件']],
    spread: 10, gap: 3, units: DOCUMENT_UNITS,
    target: { table: 'A', rows: ['normativeDocs'], columns: ['inForce'], qualify: 'documentColumn' },
  },
  {
    id: 'A.licensing',
    before: [['行政许可']],
    gap: 6, units: DECISION_UNITS, exclude: ['事项', '清单', '目录', '窗口', '率', '信息'],
    target: { table: 'A', rows: ['licensing'], columns: ['decisions'] },
  },
  {
    id: 'A.penalty',
    before: [['行政处罚']],
    gap: 6, units: DECISION_UNITS, exclude: ['事项', '清单', '目录', '裁量', '率', '信息'],
    target: { table: 'A', rows: ['penalty'], columns: ['decisions'] },
  },
  {
    id: 'A.enforcement',
    before: [['行政强制']],
    gap: 6, units: DECISION_UNITS, exclude: ['事项', '清单', '目录', '率', '信息'],
    target: { table: 'A', rows: ['enforcement'], columns: ['decisions'] },
  },
  {
    id: 'A.fees',
    before: [['行政事业性收费']],
    gap: 6, units: ['元', '万元', '亿元'],
    target: { table: 'A', rows: ['fees'], columns: ['feeAmount'] },
  },
];
