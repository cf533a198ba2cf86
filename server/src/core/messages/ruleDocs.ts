/**
 * What each finding code checks, in both languages: the one source of SARIF's `rules[]` (short and
 * full description, default level) and of the pages docs/rules/<code>.md (written from it by
 * `node scripts/rule-docs.mjs --update`; a test fails when a page and this table disagree). Every code
 * of core/rules/codes.ts has an entry (a test says so). Row and column names stay in Chinese in
 * every language, as in the messages.
 */
import type { Severity } from '../findings';

export interface RuleText {
  /** One line: what is wrong when the code is reported. */
  readonly short: string;
  /** What the code checks, in full. */
  readonly full: string;
  /** Why the format asks for it. */
  readonly why: string;
  /** How to fix the report. */
  readonly fix: string;
}

export interface RuleDoc {
  /**
   * The severity the code is reported at by default (the most severe it takes; where it also takes
   * a lower one, `zh.full`/`en.full` say when).
   */
  readonly severity: Severity;
  /** A few lines of a report (in the format's words) that the code is reported on. */
  readonly example: string;
  readonly zh: RuleText;
  readonly en: RuleText;
}

/**
 * Where the pages are published: the one place the address is written. The project has no public
 * repository yet: a placeholder (`govreport.invalid` cannot resolve, RFC 2606), to be replaced by the
 * repository's docs/rules/ folder once it has one.
 */
export const RULE_DOCS_BASE_URL = 'https://govreport.invalid/docs/rules/';

/** The page of a code: `<base>sum.row.md`. */
export function ruleDocUrl(code: string): string {
  return `${RULE_DOCS_BASE_URL}${encodeURIComponent(code)}.md`;
}

const SUM_FIX_ZH = '核对原始台账，改正填错的那一格：可能是合计，也可能是某一项；编辑器的快速修复可把合计改为计算值（只在确认各项无误时使用）。';
const SUM_FIX_EN = 'Check the register and correct the cell that is wrong: the total or one of its terms. The editor\'s quick fix writes the computed total (use it only when the terms are right).';

export const RULE_DOCS: Readonly<Record<string, RuleDoc>> = {
  'sum.row': {
    severity: 'error',
    example: '（一）予以公开 | 3 | 1 | 0 | 0 | 0 | 0 | 5',
    zh: {
      short: '表二的行合计不成立：「总计」不等于各申请人列之和',
      full: '表二每一行的「总计」应等于自然人与法人或其他组织各列（商业企业、科研机构、社会公益组织、法律服务机构、其他）之和。',
      why: '格式把「总计」定义为各申请人类别之和；不相等说明有一格填错，汇总统计会出错。',
      fix: SUM_FIX_ZH,
    },
    en: {
      short: 'A row sum of table 二 does not hold: 总计 is not the sum of the applicant columns',
      full: 'In every row of table 二, 总计 must equal the sum of the applicant columns (自然人 and the five 法人或其他组织 columns).',
      why: 'The format defines 总计 as the sum over the applicant categories; a difference means some cell is wrong and regional totals go wrong with it.',
      fix: SUM_FIX_EN,
    },
  },
  'sum.outcome': {
    severity: 'error',
    example: '（七）总计 | 9 | 0 | 0 | 0 | 0 | 0 | 9   （而（一）至（六）各项之和为 8）',
    zh: {
      short: '表二的办理结果合计不成立：「（七）总计」不等于（一）至（六）各项之和',
      full: '表二每一列的「（七）总计」应等于办理结果（一）予以公开、（二）部分公开及（三）至（六）各小项之和。',
      why: '每件办结的申请恰有一种办理结果，总计是各结果之和；不相等说明漏填、重复或填错。',
      fix: SUM_FIX_ZH,
    },
    en: {
      short: 'An outcome sum of table 二 does not hold: （七）总计 is not the sum of outcomes （一）–（六）',
      full: 'In every column of table 二, （七）总计 must equal the sum of the outcome rows: （一）, （二） and every item of （三）–（六）.',
      why: 'Every request handled has exactly one outcome, so the total is their sum; a difference means a value is missing, counted twice or wrong.',
      fix: SUM_FIX_EN,
    },
  },
  'sum.balance': {
    severity: 'error',
    example: '一、本年新收 … 7；二、上年结转 … 1；（七）总计 … 6；四、结转下年度继续办理 … 1',
    zh: {
      short: '表二的勾稽关系不成立：新收 + 上年结转 ≠ 办结总计 + 结转下年度',
      full: '表二每一列应满足表头注明的勾稽关系：第一项加第二项之和，等于第三项加第四项之和，即「四、结转下年度继续办理」= 一 + 二 −（七）总计。',
      why: '申请要么在本年办结，要么结转下年度；不平衡说明有申请被漏记或多记。',
      fix: SUM_FIX_ZH,
    },
    en: {
      short: 'The balance of table 二 does not hold: new + carried over ≠ handled + carried forward',
      full: 'In every column of table 二, the balance printed in its header must hold: 一 + 二 = 三（七）总计 + 四, i.e. 四、结转下年度继续办理 = 一 + 二 − （七）总计.',
      why: 'A request is either handled this year or carried forward; an imbalance means requests were lost or counted twice.',
      fix: SUM_FIX_EN,
    },
  },
  'sum.group': {
    severity: 'error',
    example: '行政复议：结果维持 1 | 结果纠正 1 | 其他结果 0 | 尚未审结 1 | 总计 2',
    zh: {
      short: '表三的分组合计不成立：「总计」不等于四种结果之和',
      full: '表三的行政复议、未经复议直接起诉、复议后起诉三组，各组「总计」应等于结果维持、结果纠正、其他结果、尚未审结之和。',
      why: '每件案件恰有一种结果（或尚未审结）；不相等说明有一格填错。',
      fix: SUM_FIX_ZH,
    },
    en: {
      short: 'A group sum of table 三 does not hold: 总计 is not the sum of the four outcomes',
      full: 'In each of the three groups of table 三 (行政复议, 未经复议直接起诉, 复议后起诉), 总计 must equal 结果维持 + 结果纠正 + 其他结果 + 尚未审结.',
      why: 'Every case has exactly one outcome (or is pending); a difference means a cell is wrong.',
      fix: SUM_FIX_EN,
    },
  },
  'value.missing': {
    severity: 'warning',
    example: '（二）部分公开 | / | 0 | 0 | 0 | 0 | 0 | 0',
    zh: {
      short: '表格中有单元格未填写数值',
      full: '表一至表三的每个单元格都应填写数字；空白、「/」、「-」、「无」视为缺失（不是 0），涉及该格的合计不予核对。',
      why: '格式要求每格填数，没有的填 0；缺失的格使合计无法核对，也无法汇总。',
      fix: '在该格填写数字，没有的填 0（快速修复可填入 0）。',
    },
    en: {
      short: 'A table cell has no value',
      full: 'Every cell of tables 一–三 must hold a number; a blank, 「/」, 「-」 or 「无」 is missing (not 0), and the sums the cell takes part in are not checked.',
      why: 'The format asks for a number in every cell, 0 when there is none; a missing cell cannot be checked or totalled.',
      fix: 'Write the number, 0 when there is none (a quick fix writes 0).',
    },
  },
  'value.invalid': {
    severity: 'error',
    example: '行政许可 | 8件',
    zh: {
      short: '单元格填写的不是有效的数值',
      full: '单元格应只填非负数（件数为整数，收费金额可为小数）；带文字（「8件」）、负数、件数为小数时，该值视为缺失。',
      why: '带单位或文字的值无法参与计算和汇总，负数和小数件数不可能出现。',
      fix: '只填写数字本身，去掉单位和文字。',
    },
    en: {
      short: 'A cell does not hold a valid number',
      full: 'A cell must hold a non-negative number only (a whole number of cases; the fee amount may be a decimal); words (「8件」), a negative number or a fraction of a case make it missing.',
      why: 'A value with units or words cannot be summed; negative counts and fractions of cases cannot happen.',
      fix: 'Write the number alone, without units or words.',
    },
  },
  'value.unseparable': {
    severity: 'error',
    example: '（一）予以公开 12100013（8 位数字、7 个单元格：可拆为 12 1 0 0 0 0 13，也可拆为 1 2 10 0 0 0 13，行合计都成立）',
    zh: {
      short: '连写在一起的数字无法唯一拆分到各单元格',
      full: '数字之间没有分隔（网页或 PDF 复制时常见）时，只在表内合计恰好只允许一种拆法时才拆分；否则报告此问题。表一没有合计可据，报为警告。',
      why: '无法确定各格的值，猜测会造成虚假的错误。',
      fix: '在原件中核对各格的值，用空格、竖线或每格一行把数字分开。',
    },
    en: {
      short: 'Digits run together cannot be split into the cells one way only',
      full: 'Where numbers are run together with no separator (common in text copied from a page or a PDF), they are split only where the table\'s sums leave exactly one way; otherwise this is reported. In table 一, which has no sums, it is a warning.',
      why: 'The cells\' values cannot be told; guessing would make false errors.',
      fix: 'Check the values in the original and separate them with spaces, pipes or one cell per line.',
    },
  },
  'value.scrambled': {
    severity: 'warning',
    example: '（一）予以公开\n（二）部分公开\n3 1 0 0 0 0 4\n1 0 0 0 0 0 1',
    zh: {
      short: '表格的阅读顺序被打乱，不核对其数值',
      full: '行标题与数值交错错位（未加 -layout 从 PDF 提取的文本常见）时，整张表的数值与合计都不核对，只报告这一条。',
      why: '错位的数值对应不到正确的单元格，核对只会产生虚假的错误。',
      fix: '用 pdftotext -layout 重新提取文本，或从原件复制表格。',
    },
    en: {
      short: 'The table\'s reading order is scrambled; its values are not checked',
      full: 'When row labels and values are out of step (common in text extracted from a PDF without -layout), no value or sum of the table is checked and only this is reported.',
      why: 'Values out of place belong to no known cell; checking them would only make false errors.',
      fix: 'Extract the text again with pdftotext -layout, or copy the table from the original.',
    },
  },
  'structure.section-missing': {
    severity: 'error',
    example: '一、总体情况 … 二、主动公开政府信息情况 … 四、政府信息公开行政复议、行政诉讼情况（缺少「三、」）',
    zh: {
      short: '缺少格式规定的六个部分之一',
      full: '报告应有六个部分：一、总体情况；二、主动公开政府信息情况；三、收到和处理政府信息公开申请情况；四、政府信息公开行政复议、行政诉讼情况；五、存在的主要问题及改进情况；六、其他需要报告的事项。标题、表格或内容之一在即不算缺少。',
      why: '国办公开办函〔2021〕30号规定了年报的六个部分，缺少一部分即缺少法定内容。',
      fix: '补上该部分的标题和内容（快速修复可插入标题和全为 0 的表格）。',
    },
    en: {
      short: 'One of the format\'s six sections is missing',
      full: 'A report has six sections: 一、总体情况, 二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况, 五、存在的主要问题及改进情况, 六、其他需要报告的事项. A section is present when its heading, its table or its content is.',
      why: 'The format (国办公开办函〔2021〕30号) prescribes the six sections; a missing one is missing required content.',
      fix: 'Add the section\'s heading and content (a quick fix inserts the heading and a table of zeros).',
    },
  },
  'structure.section-heading-missing': {
    severity: 'warning',
    example: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）——前面没有「三、收到和处理政府信息公开申请情况」',
    zh: {
      short: '部分的内容或表格前缺少标题',
      full: '某一部分的表格或内容在，而其标题不在。',
      why: '没有标题，读者和检查工具都难以分辨各部分的起止。',
      fix: '在内容前补上格式规定的标题（快速修复可插入）。',
    },
    en: {
      short: 'A section\'s content or table has no heading before it',
      full: 'A section\'s table or content is there but its heading is not.',
      why: 'Without the heading, readers and tools cannot tell where the section begins.',
      fix: 'Insert the format\'s heading before the content (a quick fix does).',
    },
  },
  'structure.section-wording': {
    severity: 'warning',
    example: '五、存在的主要问题和改进措施',
    zh: {
      short: '部分标题的措辞与格式不同',
      full: '部分标题能认出，但措辞与格式规定的不同（简写、换了连接词、沿用旧格式的说法）。',
      why: '格式统一了标题的措辞，便于对照和汇总。',
      fix: '改为格式的措辞（快速修复可改）。',
    },
    en: {
      short: 'A section heading is worded otherwise than the format',
      full: 'A section heading is recognised but worded otherwise than the format (shortened, other connectors, the older form).',
      why: 'The format fixes the headings\' wording so that reports can be compared.',
      fix: 'Use the format\'s wording (a quick fix does).',
    },
  },
  'structure.section-order': {
    severity: 'warning',
    example: '一、总体情况 … 三、收到和处理政府信息公开申请情况 … 二、主动公开政府信息情况',
    zh: {
      short: '部分的顺序与格式不同',
      full: '六个部分应按一至六的顺序出现。',
      why: '格式规定了各部分的顺序，便于查找和比较。',
      fix: '把该部分移到格式规定的位置。',
    },
    en: {
      short: 'A section is out of the format\'s order',
      full: 'The six sections must appear in the order 一 to 六.',
      why: 'The format fixes the order so that readers find each part in the same place.',
      fix: 'Move the section to its place.',
    },
  },
  'structure.section-duplicate': {
    severity: 'warning',
    example: '二、主动公开政府信息情况 … 二、主动公开政府信息情况',
    zh: {
      short: '同一部分出现了两次',
      full: '六个部分各应只出现一次。',
      why: '重复的部分可能是粘贴错误，数字可能互相矛盾。',
      fix: '删去重复的部分，或合并其内容。',
    },
    en: {
      short: 'A section appears twice',
      full: 'Each of the six sections must appear once.',
      why: 'A repeated section is often a paste error, and its figures may contradict each other.',
      fix: 'Remove the repetition or merge its content.',
    },
  },
  'structure.section-numbering': {
    severity: 'warning',
    example: '2、主动公开政府信息情况',
    zh: {
      short: '部分标题的序号不符合格式',
      full: '六个部分的序号应为「一、」至「六、」；缺少序号、写成「2、」「第二部分」或整体错位时报告。',
      why: '序号表明各部分在格式中的位置。',
      fix: '改为「一、」至「六、」（快速修复可改）。',
    },
    en: {
      short: 'A section heading\'s numeral does not follow the format',
      full: 'The six sections are numbered 「一、」 to 「六、」; a missing numeral, 「2、」, or every numeral shifted by the same places is reported.',
      why: 'The numeral says which of the format\'s sections this is.',
      fix: 'Number the sections 「一、」 to 「六、」 (a quick fix does).',
    },
  },
  'structure.table-missing': {
    severity: 'error',
    example: '三、收到和处理政府信息公开申请情况\n本年度共收到申请 7 件。（下面没有表格）',
    zh: {
      short: '应有表格的部分没有表格',
      full: '第二、三、四部分应各有格式规定的统计表（表一、表二、表三）。',
      why: '统计表是年报的法定内容，只写文字无法核对和汇总。',
      fix: '补上该表（快速修复可插入全为 0 的表格，再填入实际数字）。',
    },
    en: {
      short: 'A section that has a table has none',
      full: 'Sections 二, 三 and 四 each have the format\'s table (tables 一, 二, 三).',
      why: 'The tables are required; figures in words alone cannot be checked or totalled.',
      fix: 'Add the table (a quick fix inserts one of zeros; then fill in the figures).',
    },
  },
  'structure.section-empty': {
    severity: 'warning',
    example: '五、存在的主要问题及改进情况\n无。',
    zh: {
      short: '部分是空的或只写了「无」',
      full: '各部分应有内容；第五部分「存在的主要问题及改进情况」不能为空或仅写「无」。',
      why: '格式要求说明问题和改进情况，空着即未履行报告义务。',
      fix: '写出本年度工作存在的主要问题和改进情况。',
    },
    en: {
      short: 'A section is empty or says only 「无」',
      full: 'Every section has content; section 五 (存在的主要问题及改进情况) cannot be empty or say only 「无」.',
      why: 'The format asks for the year\'s problems and improvements; leaving it empty fails the duty to report.',
      fix: 'Write the year\'s main problems and what was done about them.',
    },
  },
  'structure.subsection-numbering': {
    severity: 'warning',
    example: '（一）主动公开情况 …（2）依申请公开情况',
    zh: {
      short: '小节序号的写法不一致或不连续',
      full: '同一部分内的小节序号应写法一致（如「（一）（二）（三）」）且依次排列。',
      why: '写法混杂或跳号多是编辑遗留，读者难以分辨层次。',
      fix: '统一序号的写法并依次编号（快速修复可改）。',
    },
    en: {
      short: 'Subsection numbers are mixed or out of sequence',
      full: 'Within a section, subsections are numbered in one style (e.g. 「（一）（二）（三）」) and in sequence.',
      why: 'Mixed styles or gaps are leftovers of editing and blur the structure.',
      fix: 'Number the subsections in one style and in sequence (a quick fix does).',
    },
  },
  'structure.title': {
    severity: 'information',
    example: '政府信息公开工作年度报告（标题中没有机关名称和年度）',
    zh: {
      short: '标题缺少机关名称或年度',
      full: '标题应写明机关名称和年度，如「某某市某某局2024年政府信息公开工作年度报告」。',
      why: '没有机关和年度，报告无法归档和比较。',
      fix: '在标题中写明机关名称和年度。',
    },
    en: {
      short: 'The title lacks the body\'s name or the year',
      full: 'The title names the body and the year, e.g. 「某某市某某局2024年政府信息公开工作年度报告」.',
      why: 'Without them the report cannot be filed or compared.',
      fix: 'Write the body\'s name and the year in the title.',
    },
  },
  'structure.preamble': {
    severity: 'hint',
    example: '一、总体情况（标题后没有说明依据第五十条编制的开头段落）',
    zh: {
      short: '缺少说明依据《政府信息公开条例》第五十条编制的开头',
      full: '标题之后通常有一段说明：依据《中华人民共和国政府信息公开条例》第五十条编制本报告，以及统计期限。',
      why: '开头说明编制依据和统计期限，是惯常的写法。',
      fix: '补上开头段落（快速修复可插入）。',
    },
    en: {
      short: 'The opening paragraph citing Article 50 of the Regulations is missing',
      full: 'After the title, reports usually say that they are compiled under Article 50 of the 政府信息公开条例 and give the statistics period.',
      why: 'The opening states the legal basis and the period; it is the usual form.',
      fix: 'Add the opening paragraph (a quick fix inserts it).',
    },
  },
  'structure.row-missing': {
    severity: 'warning',
    example: '（四）无法提供 下只有 1.本机关不掌握相关政府信息、2.没有现成信息需要另行制作（缺少 3.补正后申请内容仍不明确）',
    zh: {
      short: '表格缺少格式规定的行',
      full: '表一、表二应包含格式规定的每一行。',
      why: '缺少的行使合计无法核对，也无法与其他报告汇总。',
      fix: '补上该行，没有的数值填 0（快速修复可插入）。',
    },
    en: {
      short: 'A table lacks one of the format\'s rows',
      full: 'Tables 一 and 二 have every row the format prescribes.',
      why: 'A missing row leaves sums unchecked and the report out of regional totals.',
      fix: 'Add the row, 0 where there is nothing (a quick fix inserts it).',
    },
  },
  'structure.label': {
    severity: 'warning',
    example: '1.本机关不掌握相关信息',
    zh: {
      short: '行标题的措辞与格式不同',
      full: '表格的行标题能认出，但措辞与格式规定的不同。',
      why: '格式统一了行标题，改动措辞可能改变统计口径。',
      fix: '改为格式的措辞（快速修复可改）。',
    },
    en: {
      short: 'A row label is worded otherwise than the format',
      full: 'A table\'s row label is recognised but worded otherwise than the format.',
      why: 'The format fixes the labels; other words may change what is counted.',
      fix: 'Use the format\'s wording (a quick fix does).',
    },
  },
  'structure.old-format': {
    severity: 'warning',
    example: '（六）其他处理（2019 年试行格式，不分 1.2.3. 小项）',
    zh: {
      short: '使用了 2019 年试行格式的行或列',
      full: '表格使用了 2021 年格式已取消或改变的行列（如旧的申请人列、规范性文件的旧称、政府集中采购、不分小项的其他处理）。',
      why: '2021 年起应使用国办公开办函〔2021〕30号的格式，旧格式的数字无法与新格式对照。',
      fix: '按 2021 年格式重填该表。',
    },
    en: {
      short: 'A row or column of the 2019 trial format is used',
      full: 'The table uses rows or columns that the 2021 format removed or changed (the old applicant columns, old names, 政府集中采购, （六）其他处理 without items).',
      why: 'Since 2021 the format of 国办公开办函〔2021〕30号 applies; figures in the old layout do not compare with the new.',
      fix: 'Fill in the table in the 2021 format.',
    },
  },
  'text.table-mismatch': {
    severity: 'warning',
    example: '全年共收到政府信息公开申请 8 件（表二「一、本年新收」总计为 7）',
    zh: {
      short: '正文中的数字与表格不一致',
      full: '正文中的数字（收到、办结、结转的申请数，办理结果，行政复议和诉讼数，表一数据）应与表格一致；文中的说法可按另一种口径理解而一致，或句子的主体可能只是报告主体的一部分时，报为提示。',
      why: '同一数字前后不一，读者无法知道哪个是对的。',
      fix: '核对后改正正文或表格中错的那一处。',
    },
    en: {
      short: 'A figure in the text disagrees with the tables',
      full: 'A figure in the narrative (requests received, handled, carried over, outcomes, reviews and suits, table 一\'s figures) must agree with the tables; where another reading agrees, or the sentence may speak of part of the body only, it is information.',
      why: 'When one figure is stated twice differently, readers cannot know which is right.',
      fix: 'Check and correct the text or the table, whichever is wrong.',
    },
  },
  'text.parts-sum': {
    severity: 'warning',
    example: '共收到申请 10 件，其中自然人 6 件、法人或其他组织 3 件',
    zh: {
      short: '正文中「其中」所列各项之和与总数不符',
      full: '正文中「其中」列举的各项之和应等于总数（列举不全时不应超过总数），所列占比应等于分项与总数之比。',
      why: '分项与总数不符说明某个数字写错了。',
      fix: '核对后改正总数或分项。',
    },
    en: {
      short: 'The parts listed in the text do not add up to the whole',
      full: 'The parts listed after 「其中」 add up to the whole (or do not exceed it when the list is not complete); a percentage equals part ÷ whole.',
      why: 'Parts that do not match the whole mean a figure is wrong.',
      fix: 'Check and correct the whole or the parts.',
    },
  },
  'text.year': {
    severity: 'warning',
    example: '标题：2024年…年度报告；正文：本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止',
    zh: {
      short: '正文中的年份与报告年度不一致',
      full: '统计期限、第一和第六部分中表述本年度的年份以及收费情况的年份应与标题中的报告年度一致。',
      why: '年份不一致多是沿用了上年报告的文字，数字可能也未更新。',
      fix: '改为报告年度（快速修复可改）。',
    },
    en: {
      short: 'A year in the text is not the report\'s year',
      full: 'The statistics period, the years that speak of this year in sections 一 and 六, and the year of the fee statement agree with the report\'s year in the title.',
      why: 'Another year usually means last year\'s text was reused, and its figures perhaps too.',
      fix: 'Write the report\'s year (a quick fix does).',
    },
  },
  'text.fee-statement': {
    severity: 'warning',
    example: '六、其他需要报告的事项\n本年度未收取信息处理费。',
    zh: {
      short: '信息处理费的说明不全或前后矛盾',
      full: '第六部分应说明发出收费通知的件数、总金额和实际收取的总金额（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号），三者之间、与表二（六）2 相互一致。',
      why: '信息处理费的三项情况是必须报告的事项。',
      fix: '写明三项情况，如「本年度发出收费通知 0 件，总金额 0 元，实际收取 0 元」。',
    },
    en: {
      short: 'The statement of information-processing fees is incomplete or inconsistent',
      full: 'Section 六 states the number of fee notices, their total amount and the amount collected (国办函〔2020〕109号), consistent with each other and with table 二 （六）2.',
      why: 'The three facts on fees must be reported.',
      fix: 'State all three, e.g. 「本年度发出收费通知 0 件，总金额 0 元，实际收取 0 元」.',
    },
  },
  'text.control-char': {
    severity: 'warning',
    example: '共收到申请 7␀件（␀ 处为不可见的 NUL 字符 U+0000）',
    zh: {
      short: '正文中有不可见的控制字符',
      full: '正文中不应有不可见的控制字符（复制粘贴或 PDF 转换留下的 NUL 等）。',
      why: '控制字符可能把数字或文字隔开，使内容读错、检索失败。',
      fix: '删除这些字符（快速修复可删）。',
    },
    en: {
      short: 'The text holds invisible control characters',
      full: 'The text holds no invisible control characters (NUL and others left by copy-paste or PDF conversion).',
      why: 'They may split numbers or words, so that the text is misread or not found.',
      fix: 'Delete them (a quick fix does).',
    },
  },
  'structure.placeholder': {
    severity: 'error',
    example: '（请在此填写本年度存在的主要问题）',
    zh: {
      short: '正文中有留待填写的占位内容',
      full: '正文中不应有留待填写的占位内容（「（请在此……）」「待补充」「XXX」等）。',
      why: '占位内容说明报告尚未写完就发布了。',
      fix: '用实际内容替换占位文字。',
    },
    en: {
      short: 'The text holds a placeholder left to be replaced',
      full: 'The text holds no placeholder left to be filled in (「（请在此……）」, 「待补充」, 「XXX」 and the like).',
      why: 'A placeholder means the report was published unfinished.',
      fix: 'Replace it with the actual content.',
    },
  },
  'text.carry-over': {
    severity: 'warning',
    example: '2024 年报告「二、上年结转」总计 1；2023 年报告「四、结转下年度继续办理」总计 2',
    zh: {
      short: '与上年报告不衔接，或照抄了上年报告',
      full: '同时检查两个年度的报告时：本年「上年结转」应与上年报告「结转下年度继续办理」相等；现行有效件数应为上年现行有效 + 本年制发 − 本年废止（可能另有原因，报为提示）；正文不应大段照抄上年报告。',
      why: '结转的申请和现行有效的文件跨年延续，前后不一说明有一年的数字错了。',
      fix: '核对两年的报告，改正错的一处；照抄的文字按本年情况改写。',
    },
    en: {
      short: 'The report does not follow on from last year\'s, or copies it',
      full: 'When both years\' reports are checked: this year\'s 上年结转 equals last year\'s 结转下年度继续办理; the documents in force equal last year\'s plus issued minus repealed (information: other causes are possible); the text is not last year\'s copied.',
      why: 'Requests carried over and documents in force continue from year to year; a break means one year\'s figure is wrong.',
      fix: 'Check both reports and correct the wrong figure; rewrite copied text for this year.',
    },
  },
  'structure.not-a-report': {
    severity: 'information',
    example: '会议纪要\n一、会议议题 …',
    zh: {
      short: '此文档不像政府信息公开工作年度报告',
      full: '没有年报的标题、章节或表格的文档只给出这一条提示，不做其他检查。',
      why: '对不是年报的文档报告几十条错误没有意义。',
      fix: '若它确是年报，检查标题和章节是否按格式书写；否则无需处理。',
    },
    en: {
      short: 'This document does not read like an annual report on government information disclosure',
      full: 'A document with none of the report\'s title, sections or tables gets this one hint and no other check.',
      why: 'Dozens of errors on a document that is not a report would mean nothing.',
      fix: 'If it is a report, check that its title and headings follow the format; otherwise nothing to do.',
    },
  },
};

/** The doc of a code, in the language of a locale (`zh…` Chinese, anything else English); undefined for an unknown code. */
export function ruleText(code: string, locale: string): RuleText | undefined {
  const doc = RULE_DOCS[code];
  if (!doc) return undefined;
  return locale.toLowerCase().startsWith('zh') ? doc.zh : doc.en;
}
