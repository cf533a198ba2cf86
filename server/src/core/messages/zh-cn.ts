import type { MessageCatalog } from './catalog';
import { identityFormulas, namedNonZeroTerms } from './notation';

const join = (items: readonly string[]): string => items.join('、');

/** Operating-system error codes in words (the message of a fault names its cause in the user's language). */
const IO_CAUSES_ZH: Readonly<Record<string, string>> = {
  ENOSPC: '磁盘空间不足',
  EDQUOT: '超出磁盘配额',
  EACCES: '没有权限',
  EPERM: '不允许此操作',
  EROFS: '文件系统为只读',
  EISDIR: '是文件夹',
  ENOENT: '文件不存在或已被删除',
  ENOTDIR: '路径中有一段不是文件夹',
  EBUSY: '文件正被占用',
  EMFILE: '打开的文件过多',
  ENFILE: '打开的文件过多',
  ELOOP: '符号链接过多（可能成环）',
  ENAMETOOLONG: '文件名过长',
  EIO: '输入输出错误',
  EXDEV: '不能跨文件系统改名',
  ENOTREG: '不是普通文件',
  EFBIG: '文件过大',
  EBADF: '标准输入已关闭或无法读取',
};

export const zhCN: MessageCatalog = {
  locale: 'zh-cn',
  identityFailed: ({ kind, cell, stated, computed, plus, minus }) => {
    const { expression, omitted } = namedNonZeroTerms(plus, minus);
    const rest = omitted === 0 ? '' : omitted === plus.length + minus.length ? '：各项均为 0' : `；其余 ${omitted} 项为 0`;
    return `${kind}不成立：${cell}填报 ${stated}，按各项计算应为 ${computed}（${stated} ≠ ${expression}${expression === '0' ? '' : ` = ${computed}`}${rest}）`;
  },
  causeTotalColumn: ({ rows }) =>
    `同一原因：总计列共有 ${rows} 行与各申请人列之和不符，而各申请人列自身的合计与勾稽关系成立——很可能是总计列未按各列更新`,
  causeSwappedColumns: ({ from, to, amount }) =>
    `同一原因：「${from}」列多 ${amount}、「${to}」列少 ${amount}，而总计列仍然平衡——很可能有 ${amount} 件${to}的申请被填入了${from}列`,
  causeSameRow: ({ count }) => `同一行共有 ${count} 处合计不成立`,
  relatedStated: ({ cell, value }) => `填报值：${cell} = ${value}`,
  relatedTerm: ({ cell, value, sign }) => `${sign === '+' ? '加项' : '减项'}：${cell} = ${value}`,
  relatedSameCause: ({ cell }) => `同一原因的另一处：${cell}`,
  cellName: ({ row, column }) => `「${row}」的「${column}」`,
  columnName: ({ column }) => `「${column}」`,
  valueMissing: ({ cell, raw }) =>
    raw ? `${cell}未填写数字（填的是「${raw}」），视为缺失，相关合计不予核对` : `${cell}为空，视为缺失，相关合计不予核对`,
  rowValuesMissing: ({ row, columns }) => `「${row}」缺少 ${columns.length} 个数值：${join(columns)}`,
  valueInvalid: ({ cell, raw, reason }) => {
    const why = {
      words: '应只填写数字，不应带文字',
      negative: '不能为负数',
      fraction: '应为整数',
      number: '不是有效的数字',
    }[reason];
    return `${cell}填写为「${raw}」，${why}；该值视为缺失，相关合计不予核对`;
  },
  valueExtra: ({ row, count }) => `「${row}」多出 ${count} 个数值，无法对应到表格的列`,
  unseparable: ({ rows, digits, solutions }) =>
    solutions === 0
      ? `数字串「${digits}」（${join(rows)}）连在一起，其位数无法拆分成这些单元格，无法分辨各单元格的值`
      : `数字串「${digits}」（${join(rows)}）连在一起，有 ${solutions} 种以上拆分同样可能（表内合计无法区分），无法确定各单元格的值`,
  unseparableNoIdentities: ({ rows, digits }) => `数字串「${digits}」（${join(rows)}）连在一起，本表没有合计可据以拆分，无法分辨各单元格的值（这是文本的问题，请核对原件）`,
  splitStated: ({ digits, parts }) => `其中数字串「${digits}」按「${parts.join(' ')}」拆分`,
  tableScrambled: ({ table }) => `${table}的阅读顺序似乎被打乱（行标题与数值交错错位），因此不核对其数值与合计；请用 pdftotext -layout 重新提取文本`,
  fixSetValue: ({ cell, value }) => `将${cell}改为 ${value}`,
  fixSetColumn: ({ column, count, values }) => `将「${column}」列的 ${count} 个合计全部改为计算值：${join(values.map(String))}`,

  // --- structure: sections, subsections, title and preamble, table shape, old format (issue 3) ---
  sectionMissing: ({ heading, expects }) => `缺少「${heading}」部分。格式要求：${expects}`,
  sectionHeadingMissing: ({ heading }) => `表格前缺少标题「${heading}」`,
  sectionHeadingLost: ({ heading, content }) => `「${content}」属于「${heading}」部分，但此处内容前缺少标题「${heading}」`,
  sectionLookalike: ({ written, expected }) => `「${written}」看来是「${expected}」部分的标题，但措辞与格式不同，未能确认：请改用格式的标题`,
  sectionWording: ({ written, expected }) => `标题「${written}」与格式的措辞不同，应为「${expected}」`,
  sectionNumberingShift: ({ first, written, expected, count }) =>
    `从「${first}」起，${count} 个部分标题的序号整体错位（「${written}」应为「${expected}」）：格式要求六个部分依次编号为“一、”至“六、”，总体情况中各项的编号不计入`,
  sectionNumeralShifted: ({ title, written, expected }) => `「${title}」的序号「${written}」应为「${expected}」`,
  sectionOrder: ({ heading, after }) =>
    after === null ? `「${heading}」的位置不对：格式要求它是报告的第一部分` : `「${heading}」的位置不对：格式要求它紧接在「${after}」之后`,
  sectionDuplicate: ({ heading }) => `「${heading}」部分重复出现：格式要求六个部分各出现一次`,
  sectionNumeralMissing: ({ title, expected }) => `标题「${title}」缺少序号，应为「${expected}${title}」`,
  sectionNumeralWrong: ({ written, expected, title }) => `标题「${title}」的序号「${written}」不符合格式，应为「${expected}」`,
  sectionEmpty: ({ heading, content, expects }) =>
    content === '' ? `「${heading}」部分是空的。格式要求：${expects}` : `「${heading}」部分只写了「${content}」。格式要求：${expects}`,
  tableMissing: ({ heading, table }) => `「${heading}」部分没有表格：格式要求此处为「${table}」统计表`,
  subsectionStyle: ({ marker, expected, majority }) =>
    `小节序号「${marker}」与本部分其他小节的写法（「${majority}」式）不一致，应为「${expected}」`,
  subsectionSequence: ({ marker, expected }) => `小节序号「${marker}」不连续，按顺序应为「${expected}」`,
  titleMissing: () => '未找到报告标题：标题应写明机关名称和年度，如「某某局2024年政府信息公开工作年度报告」',
  titleIncomplete: ({ title, missing }) =>
    `标题「${title}」未写明${{ body: '机关名称', year: '年度', both: '机关名称和年度' }[missing]}，如「某某局2024年政府信息公开工作年度报告」`,
  preambleMissing: () =>
    '报告开头没有说明依据《中华人民共和国政府信息公开条例》第五十条编制（格式通常写作「依据《中华人民共和国政府信息公开条例》…第五十条规定，编制本报告。」）',
  rowMissing: ({ row, group }) => (group ? `表格缺少「${group}」下的「${row}」行` : `表格缺少「${row}」行`),
  tableTruncated: ({ table, after, count, first, last }) => `${table}在「${after}」之后被截断，缺少 ${count} 行（「${first}」至「${last}」）`,
  rowsMissing: ({ table, first, last, count }) => `${table}缺少「${first}」至「${last}」共 ${count} 行`,
  tableNoValues: ({ table, rows, cells }) => `${table}没有任何数值：${rows} 行、${cells} 个单元格均为空或未填写数字，相关合计不予核对`,
  labelDiffers: ({ written, expected }) => `行标题「${written}」与格式的措辞不同，应为「${expected}」`,
  oldFormat: ({ written, kind }) => {
    const instead = {
      columns: '表一按项目分列「本年制发件数」「本年废止件数」「现行有效件数」（规章、行政规范性文件）或「本年处理决定数量」（行政许可、行政处罚、行政强制）、「本年收费金额（单位：万元）」（行政事业性收费）',
      normativeDocs: '该行为「行政规范性文件」',
      procurement: '表一已删去第二十条第（九）项（政府集中采购），只列第二十条第（一）（五）（六）（八）项',
      previousYear: '表一不再列「上一年项目数量」「本年增/减」，第（五）（六）项只填「本年处理决定数量」',
      otherHandling: '「（六）其他处理」分为三行：1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请；2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请；3.其他',
    }[kind];
    return `「${written}」是 2019 年试行格式的写法；2021 年版格式（国办公开办函〔2021〕30号）中，${instead}`;
  },
  rowValuesPartial: ({ row, have, expected, columns }) =>
    `「${row}」只有 ${have} 个数值，应有 ${expected} 个（${join(columns)}），无法确定已填的数值属于哪一列`,
  fixInsertSection: ({ heading, content }) =>
    `插入「${heading}」部分${{ table: '及表格（各项待填）', fees: '及待填写的收费情况说明', placeholder: '及待填写的说明' }[content]}`,
  fixInsertHeading: ({ heading }) => `在表格前插入标题「${heading}」`,
  fixInsertHeadingBefore: ({ heading }) => `在此处内容前插入标题「${heading}」`,
  fixRewordHeading: ({ expected }) => `将标题改为「${expected}」`,
  fixRenumberSections: ({ count }) => `将 ${count} 个部分标题的序号依次改为格式的序号`,
  fixInsertTable: ({ table }) => `插入「${table}」统计表（各项待填）`,
  fixSetNumeral: ({ written, expected }) => (written === null ? `添加序号「${expected}」` : `将序号「${written}」改为「${expected}」`),
  fixSubsection: ({ marker, expected }) => `将「${marker}」改为「${expected}」`,
  fixSubsections: ({ count }) => `统一本部分的小节序号（改 ${count} 处）`,
  fixInsertPreamble: () => '插入「依据《中华人民共和国政府信息公开条例》…第五十条规定，编制本报告。」',
  fixInsertRow: ({ row }) => `插入「${row}」行（各项待填）`,
  fixInsertRows: ({ first, last, count }) => `插入缺少的 ${count} 行（「${first}」至「${last}」，各项待填）`,
  fixLabel: ({ expected }) => `改为「${expected}」`,
  fixFillCell: () => '填写 0',
  fixFillRow: ({ row, count }) => `为「${row}」填写 ${count} 个 0`,
  fixAllTitle: () => '修复所有可自动修复的问题（不改动已填写的数字）',
  convertTableTitle: ({ layout, all }) => `${all ? '全部表格' : ''}转换为${layout === 'cell-per-line' ? '每格一行' : layout === 'pipe' ? '竖线表格' : ' Markdown 表格'}`,
  cliFixSummary: ({ files, changed, places, written }) =>
    changed === 0
      ? `检查了 ${files} 份报告：没有可自动修复的问题`
      : written === null
        ? `检查了 ${files} 份报告：${changed} 份可自动修复（共 ${places} 处），加 --write 写入文件`
        : `检查了 ${files} 份报告：已修复并写入 ${written} 份（共 ${places} 处）`,
  cliDiffUtf16: ({ path, encoding }) => `${path}：${encoding} 编码的文件无法给出补丁（patch 和 git apply 不能读 UTF-16），未输出其修改；请加 --write 直接修复文件`,
  cliDiffBase: ({ folder }) => `有文件不在当前文件夹下，补丁中的路径相对于 ${folder}：请在那里应用（cd ${folder} && patch -p1 < 补丁文件）`,
  cliBackupWithoutWrite: () => '--backup 只能与 --write 一起使用',
  cliBackupFailed: ({ path, backup, reason, code }) =>
    reason === 'exists'
      ? `${path}：备份 ${backup} 已存在且内容不同，未覆盖；报告未写入（原文件未动），请先移走或删除该备份`
      : `${path}：无法写入备份 ${backup}（${reason === 'failed' ? zhCN.ioCause({ code }) : reason === 'read-only' ? '文件为只读' : reason === 'not-regular' ? '不是普通文件' : '读取后已被修改'}），报告未写入（原文件未动）`,
  cliWriteFailed: ({ path, reason, code }) =>
    reason === 'changed'
      ? `${path}：读取后已在磁盘上被修改，未写入（原文件未动，请重新运行）`
      : reason === 'read-only'
        ? `${path}：文件为只读，未写入（原文件未动）`
        : reason === 'not-regular'
          ? `${path}：不是普通文件，未写入`
          : `${path}：无法写入（${zhCN.ioCause({ code })}），原文件未动`,
  ioCause: ({ code }) => IO_CAUSES_ZH[code] ?? (code || '未知原因'),

  // ---- text.control-char (issue 17)
  placeholderCells: ({ row, count, text }) => `「${row}」有 ${count} 格仍为「${text}」，报告尚未完成：发布前请填写实际数字`,
  placeholder: ({ text }) => `「${text}」是留待填写的占位内容，报告尚未完成：发布前请替换为实际内容`,
  controlCharacters: ({ count, codes }) =>
    `此处有 ${count} 个不可见的控制字符（${codes.join('、')}），多为复制粘贴或 PDF 转换留下：它们可能把数字或文字隔开，请删除`,
  fixRemoveControlCharacters: ({ count }) => `删除这 ${count} 个控制字符`,

  // ---- text.* — numbers in the narrative (issue 5)
  tableName: ({ table }) => ({ A: '表一', B: '表二', C: '表三' })[table],
  claimPlace: ({ table, cells }) => (cells.length === 1 ? `${table}${cells[0]!}` : `${table}${cells.join(' + ')}之和`),
  groupCells: ({ group, column }) => `「${group}」各项的「${column}」之和`,
  tableMismatch: ({ quote, stated, place, tableValue }) => `文中「${quote}」为 ${stated}，而${place}为 ${tableValue}，二者不一致`,
  tableMismatchImplied: ({ quote, implied, place, tableValue }) => `文中「${quote}」意味着${place}为 ${implied}，而表中为 ${tableValue}，二者不一致`,
  claimNoteIdentity: ({ kind, computed }) => `按表内${kind}，该格应为 ${computed}，与文中一致——更可能是表中这一格填错了`,
  claimNoteAlternative: ({ reading, value }) =>
    ({
      includesCarried: `按「本年新收 + 上年结转」理解则一致（= ${value}）：文中数字似乎包含了上年结转的申请，而表二「一、本年新收政府信息公开申请数量」只计本年新收；如属此意，建议在文中写明`,
    })[reading],
  claimNoteStatedReading: ({ reading, value }) =>
    ({ includesCarried: `文中写明含上年结转，已按「本年新收 + 上年结转」（= ${value}）核对` })[reading],
  claimNotePartSubject: ({ subject }) => `此句的主体是「${subject}」，可能只指报告主体的一部分；若此数指全部申请，则与表中不符`,
  relatedTableCell: ({ cell, value }) => `表中：${cell} = ${value ?? '（缺失）'}`,
  relatedClaim: ({ quote }) => `文中：「${quote}」`,
  partsSum: ({ quote, whole, parts, sum, exhaustive, unit }) =>
    exhaustive
      ? `「${quote}」为 ${whole} ${unit}，但所列各项之和为 ${parts.join(' + ')} = ${sum} ${unit}`
      : `「${quote}」为 ${whole} ${unit}，但其中所列各项之和已达 ${parts.join(' + ')} = ${sum} ${unit}，超过总数`,
  shareMismatch: ({ percent, part, whole, computed }) => `占比「${percent}」与 ${part} ÷ ${whole} = ${computed}% 不符`,
  relatedWhole: ({ quote, value }) => `总数：「${quote}」= ${value}`,
  relatedPart: ({ quote, value }) => `分项：「${quote}」= ${value}`,
  yearMismatch: ({ where, stated, year }) =>
    ({
      period: `统计期限写作 ${stated} 年，而报告年度（标题）为 ${year} 年`,
      statement: `此处写作 ${stated} 年，而报告年度（标题）为 ${year} 年——可能沿用了其他年度报告的文字`,
      fee: `收费情况写作 ${stated} 年，而报告年度（标题）为 ${year} 年`,
    })[where],
  relatedTitleYear: ({ year }) => `标题中的报告年度：${year} 年`,
  fixYear: ({ stated, year }) => `将 ${stated} 年改为 ${year} 年`,
  feeFact: ({ fact }) => ({ notices: '发出收费通知的件数', amount: '收费通知的总金额', collected: '实际收取的总金额' })[fact],
  feeMissing: ({ missing }) =>
    `「其他需要报告的事项」应说明信息处理费的三项情况（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）：发出收费通知的件数、总金额以及实际收取的总金额；此处未说明：${join(missing)}`,
  feeNoteFromTable: ({ value }) => `表二（六）2「申请人逾期未按收费通知要求缴纳费用」为 ${value}，说明本年发出过收费通知`,
  feeAmountWithoutNotice: ({ fact, amount }) => `发出收费通知的件数为 0，却有${fact} ${amount} 元——没有收费通知就不应有收费金额`,
  feeCollectedExceeds: ({ collected, notified }) => `实际收取的总金额 ${collected} 元超过了收费通知的总金额 ${notified} 元`,
  feeNoticesContradictTable: ({ notices, value }) =>
    `文中称发出收费通知 ${notices} 件，但表二（六）2「申请人逾期未按收费通知要求缴纳费用」为 ${value}——有申请因逾期未缴费不再处理，说明至少发出过 ${value} 件收费通知`,
  relatedFeeStatement: ({ quote }) => `收费情况：「${quote}」`,
  carryOverMismatch: ({ column, current, previous, previousYear }) =>
    `本年「二、上年结转政府信息公开申请数量」的「${column}」为 ${current}，而 ${previousYear} 年报告「四、结转下年度继续办理」为 ${previous}，二者应相等`,
  inForceMismatch: ({ row, stated, previous, issued, repealed, computed, previousYear }) =>
    `「${row}」现行有效件数为 ${stated}，而 ${previousYear} 年报告的现行有效 ${previous} + 本年制发 ${issued} − 本年废止 ${repealed} = ${computed}（修改、失效等也可能造成差异，请核实）`,
  relatedPreviousCell: ({ year, cell, value }) => `${year} 年报告：${cell} = ${value ?? '（缺失）'}`,
  copiedReport: ({ identical, total, percent, previousYear }) =>
    `本报告正文 ${total} 个句子中有 ${identical} 个（${percent}%）与 ${previousYear} 年报告逐字相同——可能照抄了上年报告，请核对年份和数字是否已更新`,
  relatedCopiedSentence: ({ year }) => `与 ${year} 年报告相同的句子`,
  // ---- CLI (server/src/cli) ----
  cliUsage: ({ version, formats, defaultMaxSize }) => `govreport ${version} — 政府信息公开工作年度报告检查工具

${zhCN.cliSynopsis()}
govreport check 路径...
  检查报告。路径可以是文件或文件夹。文件夹会递归查找其中的报告：所有 .govreport
  文件，以及开头读起来像政府信息公开工作年度报告的 .txt 文件
  （跳过 node_modules、.git 以及以“.”开头的文件和文件夹）。
  在命令行上直接写出的文件总会检查，即使它不像报告。
  文件按路径排序输出。文本按 UTF-8（可带 BOM）、GB18030 或 UTF-16（带 BOM）读取；网页、.docx 与 .pdf
  原件也可直接读取；二进制文件和过大的文件不检查。一份报告也没有找到时退出状态为 2。
  路径可以是 glob（加引号时由 govreport 展开，如 'reports/**/*.txt'）：* 匹配名称中的任意字符，
  ** 匹配任意层文件夹，? 一个字符，[abc] 其中一个字符，{a,b} 其中之一；匹配到的文件如同在命令行上
  写出；一个也匹配不到时如同路径不存在（退出状态 2）。路径 - 表示从标准输入读取一份报告。
  当前文件夹及其下各文件夹中的 .govreportignore 文件（语法同 .gitignore：每行一个 glob，# 为注释，
  ! 取消忽略，以 / 结尾只匹配文件夹）与 --ignore 所忽略的文件不检查，也不列为未检查；
  在命令行上直接写出的文件不受其影响。
  标准错误输出是终端且未设置 CI 环境变量时，检查的文件多（200 个以上）或超过 1 秒，显示进度条。

选项：
  --format ${formats.join('|')}   输出格式，默认 text
      text  每条诊断一行，写到标准输出，像编译器一样：
              文件:行:列 严重程度 代码 消息
            严重程度为 错误、警告、信息 或 提示（--lang en 时为 error、warning、information、hint）。
            行和列都从 1 开始；列按 UTF-16 码元计数再加 1（与 VS Code 的列号一致，
            一个汉字算 1 列）。汇总写到标准错误输出，标准输出只有诊断行。
            仅当标准输出是终端且未设置环境变量 NO_COLOR 时才使用颜色。
      json  {"files":[{"path":"…","diagnostics":[…]}],"notChecked":[{"file":"…","reason":"…"}]}，每条诊断是一个 LSP Diagnostic：
            range 的行和 character 从 0 开始，按 UTF-16 码元计数；severity 1–4
            （错误、警告、信息、提示）；code 为字符串；source 为 "govreport"。
      sarif SARIF 2.1.0，供代码扫描工具使用：一次运行，rules 即诊断代码，位置为相对于当前
            文件夹的路径，列按 UTF-16 码元计数、从 1 开始。
      html  供审核人员阅读的单个网页（不引用任何外部资源，可离线打开、打印）：每份报告一行
            （文件、机关、年度、错误数、警告数、第一处不成立的勾稽关系），可排序、筛选，
            单击一行展开其全部诊断和按预览方式绘制的三张表。
      summary 供终端阅读的表格：每份报告一行（文件、机关、年度、错误数、警告数、第一处问题——先列
            不成立的勾稽关系，其次是第一个错误、警告），按显示宽度对齐（一个汉字占 2 列），最后一行为合计。
  --config 文件        使用此配置文件，而不在每份报告所在文件夹及其上级文件夹中查找 .govreportrc.json
  --all                文件夹中的每个 .txt 文件都当作报告检查，不论开头是否像报告
                       （不加时，未检查的文件在汇总之后逐个列出）
  --max-size 大小      大于此大小的文件不检查，默认 ${defaultMaxSize}；可写 500KB、20MB 或字节数
  --quiet              只显示错误（同 --severity error）
  --severity error|warning|information|hint
                       显示的最低严重程度（默认 hint，即全部显示）；汇总与退出状态仍计入所有诊断
  --max-warnings 数目  警告多于此数目时退出状态为 1
  -j, --jobs 数目      用此数目的线程读取和分析文件（默认：处理器核数，每个线程至少 5000 个文件）；不论数目多少，输出都相同
  -o, --output 文件    把输出写入此文件（先写临时文件再改名替换），而不写到标准输出
  --ignore GLOB        不检查匹配的文件（可多次给出；语法同 .govreportignore 的一行，相对于当前文件夹）
  --stdin-filepath 名称
                       从标准输入（-）读取的报告的名称：输出中用它，并在它所在的文件夹查找配置文件
                       （默认 <stdin>，即当前文件夹）
  --debug              内部错误时显示详细信息（调用栈）
  --lang zh|en         消息的语言（默认按 LC_ALL、LC_MESSAGES、LANG 环境变量；都未设置时为中文）
  -h, --help           显示本帮助
  --version            显示版本号

配置文件（.govreportrc.json）：{"rules": {"text.year": "off", "sum.row": "warning"}}——键为诊断代码
  或类别（sum、value、structure、text），值为 off（关闭）、error、warning、information 或 hint；
  越具体的键优先。

退出状态：
  0  没有错误级别的诊断
  1  至少有一条错误级别的诊断
  2  用法错误，或有文件、配置文件无法读取、无法检查（其余文件照常检查；此时即使有错误也返回 2），
     或一份报告也没有找到
  （--max-warnings 数目：警告多于此数目时，没有错误也返回 1）

govreport fix [--write [--backup]] 路径...
  对报告做所有可安全自动完成的修复（与编辑器的“修复所有问题” source.fixAll.govreport 相同）：
  改正标题和小节序号、把标题和行标题改为格式的措辞。
  不会写入或改动任何数字，也不会替报告写入任何内容：补全缺失的部分、表格、行和收费说明，
  给空白单元格填 0，把合计改为计算值，这些修复只在编辑器中逐条提供，由填报人选择。
  路径的查找方式与 check 相同；配置文件中关闭的检查不做修复。
  不加 --write 时，把将要做的修改以统一差异格式（unified diff）写到标准输出，不改文件：
  在当前文件夹中用 patch -p1 或 git apply 即可应用。每个文件的差异行使用该文件自己的编码
  （GB18030 文件即 GB18030 字节，带 BOM 的 UTF-8 文件保留 BOM），路径相对于当前文件夹；
  有文件不在当前文件夹下时，路径相对于包含所有文件的文件夹，并另行说明在哪里应用。
  UTF-16 文件无法给出补丁（patch 和 git apply 不能读），说明后退出状态为 2，请加 --write。
  汇总中的“处”与差异一致：相邻的改动行算一处。
  加 --write 时，直接写回文件（保持原来的编码和换行符）。
  写入时先写同一文件夹中的临时文件再改名替换，磁盘已满、进程被终止都不会留下残缺的文件；
  读取后文件又被修改、文件只读或无法写入时不写，原文件不动，说明原因，退出状态为 2。
  --backup（与 --write 一起）：写入前先把原文件的字节原样保存为“文件名.orig”（同样安全写入，
  权限与原文件相同）；备份无法写入，或已有内容不同的 .orig 文件（不会覆盖）时，报告也不写入，
  说明原因，退出状态为 2。
  fix -：从标准输入读取一份报告，修复后的文本（保持原来的编码）写到标准输出，不能修复的原样写出；
  此时不能再给其他路径，也不能加 --write。
  选项：--write、--backup，--all、--config、--ignore、--stdin-filepath、--max-size、--lang（同 check）。
  退出状态：0 没有需要修改的内容或已写入；1 不加 --write 且有文件可以修复；
            2 用法错误，或有文件无法读取、无法写入

govreport extract [--layout cell-per-line|pipe|markdown] [-o 文件] 文件
  --format text（默认）：把从文件（文本、网页、Word 文件、PDF）读出的报告写回为文本稿，
  表格按指定排版（默认 pipe）写出，便于改正后再次检查。
govreport extract --format csv|json|xlsx [--wide] [--sum] [-o 文件] 路径...
  表格数据：路径中每份报告（查找方式同 check）表一至表三的每个单元格，每份报告的每个单元格一行：
  file（文件）、body（机关）、year（年度）、table（表）、row、rowLabel（行）、column、columnLabel（列）、
  value（数值，仅 state 为 ok 时有）、state（ok 正常、missing 缺失、invalid 无效、unreadable 无法辨认）、
  raw（原文）。
    csv   UTF-8 带 BOM（Excel、WPS 可直接打开），CRLF 换行，按 RFC 4180 加引号
    json  {"reports":[{"file","format","body","year","cells":[…]}],"sum":…,"notChecked":[…]}
    xlsx  工作簿，含“单元格”（同 csv）、“宽表”（同 --wide）工作表，加 --sum 时还有“合计核对”；
          须用 -o 指定文件
  --wide         （csv）每份报告一行、每个单元格一列，列标题用格式中的名称
  --sum          最后加一行“合计”：各单元格在所有报告上的和（有报告缺少数值时为空），并用同样的
                 等式（sum.*）核对；每个不成立的等式连同本身不成立的报告写到标准错误输出和 json 的 "sum" 中
  -o, --output 文件  写到此文件（先写临时文件再改名替换，不会留下残缺的文件）
  选项：--all、--max-size、--lang（同 check）。
  退出状态：0 已写出；2 用法错误、没有找到报告，或有路径无法读取、无法写入
`,
  cliSynopsis: () => '用法：\n  govreport check [选项] 路径...|-\n  govreport fix [--write [--backup]] 路径...|-\n  govreport extract [--layout cell-per-line|pipe|markdown] [-o 文件] 文件\n  govreport extract --format csv|json|xlsx [--wide] [--sum] [-o 文件] 路径...\n  govreport --help | --version\n',
  cliLevel: (level) => (level === 'error' ? '错误：' : '注意：'),
  cliSummary: ({ files, filesWithErrors, errors, warnings, others, unreadable }) =>
    `检查了 ${files} 份报告：${filesWithErrors} 份有错误，共 ${errors} 个错误、${warnings} 个警告` +
    (others > 0 ? `、${others} 条提示` : '') +
    (unreadable > 0 ? `；另有 ${unreadable} 个路径无法检查` : ''),
  cliNoReports: () => '没有找到报告文件：所给的路径中没有可检查的报告（路径是否写错？文件夹中的文件是否都不像报告？可加 --all）',
  cliNotChecked: ({ count, all }) => `未检查 ${count} 个文件${all ? '' : '（加 --all 可把文件夹中的每个 .txt 文件都当作报告检查）'}：`,
  cliNotCheckedItem: ({ path, reason }) =>
    `${path}：${
      { 'not-report': '开头读起来不像年度报告', binary: '是二进制文件', encoding: '编码无法识别', 'too-large': '文件过大', unreadable: '无法读取', 'not-found': '不存在', 'not-regular': '不是普通文件', failed: '检查时发生内部错误' }[reason]
    }`,
  cliNotFound: ({ path }) => `${path}：文件或文件夹不存在`,
  cliNotRegularFile: ({ path }) => `${path}：不是普通文件或文件夹，无法检查`,
  cliReadFailed: ({ path, detail }) => `${path}：无法读取（${IO_CAUSES_ZH[detail] ?? detail}）`,
  cliBinary: ({ path, explicit }) => `${path}：是二进制文件（含 NUL 字节），${explicit ? '无法检查' : '已跳过'}`,
  cliTooLarge: ({ path, size, limit }) => `${path}：文件大小 ${size}，超过上限 ${limit}，未检查（可用 --max-size 调整）`,
  cliEncoding: ({ path, explicit, encoding }) =>
    `${path}：${encoding ? `不是有效的 ${encoding} 文本` : '既不是有效的 UTF-8，也不是 GB18030 或带 BOM 的 UTF-16 文本'}，${explicit ? '无法检查' : '已跳过'}`,
  cliReadProblem: ({ path, kind }) =>
    `${path}：${
      {
        scanned: '是扫描件（PDF 中没有文字层），无法读取其中的文字，请使用带文字层的 PDF 或文本',
        encrypted: '已加密（有密码保护），无法读取',
        damaged: '文件已损坏或不是有效的文档，无法读取',
        'too-large': '解压后或页数超出上限，未读取',
        'old-format': '是旧版二进制格式（.doc/.wps），请另存为 .docx 后再检查',
        'no-report': '读取成功，但其中没有像年报的内容',
      }[kind]
    }`,
  placeLabel: ({ page, table, row, column, paragraph }) =>
    `[${[page !== undefined ? `第${page}页` : '', table !== undefined ? `表${table}` : '', row !== undefined ? `第${row}行` : '', column !== undefined ? `第${column}列` : '', paragraph !== undefined && table === undefined ? `第${paragraph}段` : ''].filter((s) => s !== '').join(' ')}]`,
  cliReaderUnavailable: ({ path, format }) => `${path}：此命令暂不能读取 ${format} 文件`,
  cliNotReport: ({ path }) => `${path}：看起来不像政府信息公开工作年度报告，仍按报告检查`,
  cliMissingCommand: ({ commands }) => `缺少命令（目前有：${commands.join('、')}）`,
  cliUnknownCommand: ({ command, commands }) => `未知命令「${command}」（目前有：${commands.join('、')}）`,
  cliGlobNoMatch: ({ pattern, ignored }) => (ignored ? `${pattern}：匹配到的文件都被忽略（--ignore 或 .govreportignore）` : `${pattern}：没有匹配的文件或文件夹`),
  cliSeverity: (severity) => ({ 1: '错误', 2: '警告', 3: '信息', 4: '提示' })[severity],
  cliProgress: ({ done, total }) => `已读取 ${done}/${total} 个文件`,
  cliSummaryTotal: ({ reports }) => `合计（${reports} 份报告）`,
  cliSummaryFirst: () => '第一处问题（勾稽关系优先）',
  cliStdinFixSummary: ({ fixes }) => (fixes > 0 ? `标准输入的报告：修复了 ${fixes} 处，修复后的文本已写到标准输出` : '标准输入的报告：没有可自动修复的内容，原文已照写到标准输出'),
  cliStdinAlone: () => 'fix 读取标准输入（-）时不能再给其他路径',
  cliStdinWrite: () => 'fix - 把修复后的文本写到标准输出，不能与 --write 一起使用',
  cliStdinFilepathUnused: () => '--stdin-filepath 只能在路径中有 -（读取标准输入）时使用',
  cliUnknownOption: ({ option }) => `未知选项 ${option}`,
  cliMissingValue: ({ option }) => `选项 ${option} 缺少值`,
  cliUnexpectedValue: ({ option }) => `选项 ${option} 不接受值`,
  cliBadLayout: ({ value, layouts }) => `不支持的表格排版「${value}」（可选：${layouts.join('、')}）`,
  cliExtractOneFile: () => 'extract 需要且只需要一个文件',
  cliExtractOptionFormat: ({ option, formats }) => `${option} 只能与 --format ${formats.join('|')} 一起使用`,
  cliExtractXlsxOutput: () => '--format xlsx 需要用 -o 文件 指定输出文件（不向终端或管道写二进制文件）',
  cliExtractSummary: ({ reports, cells, missing, invalid, unreadable, output }) =>
    `提取了 ${reports} 份报告的 ${cells} 个单元格` +
    (missing + invalid + unreadable > 0 ? `（其中缺失 ${missing} 个、无效 ${invalid} 个、无法辨认 ${unreadable} 个）` : '') +
    (output === null ? '' : `，已写入 ${output}`),
  cliExtractSumChecked: ({ reports, holds, fails, notEvaluated }) =>
    `合计（${reports} 份报告之和）：${holds} 个等式成立，${fails} 个不成立` + (notEvaluated > 0 ? `，${notEvaluated} 个因有报告缺少数值而未核对` : ''),
  cliExtractSumFinding: ({ code, message, reports }) => `合计 ${code} ${message}` + (reports.length > 0 ? `（本身不成立的报告：${reports.join('、')}）` : ''),
  cliBadFormat: ({ value, formats }) => `不支持的输出格式「${value}」（可选：${formats.join('、')}）`,
  cliBadSize: ({ value }) => `无法识别的大小「${value}」（例如 500KB、20MB 或字节数）`,
  cliOptionNotForCommand: ({ option, command }) => `${command} 命令没有 ${option} 选项`,
  cliBadSeverity: ({ value, levels }) => `不支持的严重程度「${value}」（可选：${levels.join('、')}）`,
  cliBadCount: ({ option, value }) => `${option} 的值「${value}」应为 0 或正整数`,
  cliBadJobs: ({ value }) => `--jobs 须为 1 或更大的整数，而不是“${value}”`,
  cliTooManyWarnings: ({ warnings, max }) => `共 ${warnings} 个警告，超过 --max-warnings 的上限 ${max}`,
  cliOutputFailed: ({ path, code }) => `无法写入输出文件 ${path}（${zhCN.ioCause({ code })}）`,
  cliMissingPaths: () => '缺少要检查的路径',
  cliSeeHelp: () => '用 govreport --help 查看用法',
  cliAnalysisFailed: ({ path, detail }) =>
    `${path}：检查时发生内部错误，该文件未检查完（govreport 自身的缺陷，请把所用命令和文件报告给 govreport 的维护者${detail === null ? '；加 --debug 重新运行可显示详细信息' : `；详细信息：${detail}`}）`,
  cliInternalError: ({ detail, debug }) =>
    `内部错误：${detail}（这是 govreport 自身的缺陷，不是报告的问题；请把所用命令和文件报告给 govreport 的维护者${debug ? '，附上下面的详细信息' : '，加 --debug 重新运行可显示详细信息'}）`,

  // --- language server (lsp) ---
  notAReport: () => '此文档看起来不是政府信息公开工作年度报告（没有找到年报的标题、章节或表格），因此未做检查',

  serverUsage: ({ version }) =>
    `govreport 语言服务器 ${version}\n` +
    '由编辑器启动，通过以下一种方式与编辑器连接：\n' +
    '  node server.js --stdio          标准输入输出\n' +
    '  node server.js --node-ipc       Node IPC（VS Code 扩展即用此方式）\n' +
    '  node server.js --socket=端口    TCP 端口\n' +
    '  node server.js --pipe=名称      命名管道\n' +
    '在命令行检查报告请用 govreport check（govreport --help）。\n',

  // --- navigation (issue 4): outline, hover, inlay hints, code lens, workspace symbols ---
  layoutName: ({ layout }) => ({ 'cell-per-line': '每格一行', pipe: '竖线分隔', aligned: '空格对齐', 'run-together': '数字连写' })[layout],
  reportSymbolName: ({ report, name }) => `${report} › ${name}`,
  hoverCellTitle: ({ row, column }) => `**${row}** · **${column}**`,
  hoverCellContext: ({ table, tableName, group }) => `${table}（${tableName}）${group ? `，${group}` : ''}`,
  hoverCellValue: ({ state, value, raw }) =>
    state === 'ok'
      ? `填报值：**${value}**`
      : state === 'missing'
        ? raw ? `填写为「${raw}」，视为缺失` : '未填写（空白），视为缺失'
        : `填写为「${raw}」，不是有效的数值`,
  hoverIdentity: ({ kind, status, stated, plus, minus, computed }) => {
    const { names, values } = identityFormulas(stated, plus, minus, status, computed);
    const head = {
      holds: `✅ ${kind}成立`,
      fails: `❌ ${kind}不成立：填报 ${stated.value}，按各项计算应为 ${computed}`,
      'not-evaluated': `◻️ ${kind}未核对：有单元格缺失或无法读取`,
    }[status];
    return `${head}  \n${names}  \n${values}`;
  },
  hoverNoIdentity: () => '本表没有合计关系，此值只需为非负数',
  hoverRow: ({ label, written, table, values }) =>
    [`**${label}**（${table}）`, written ? `原文写作「${written}」` : null, values.length > 0 ? values.map((v) => `${v.column} ${v.value}`).join(' · ') : '本行没有数值']
      .filter((l): l is string => l !== null)
      .join('\n\n'),
  hoverSection: ({ numeral, title, written, differs, expects }) =>
    [
      `**${numeral}、${title}**`,
      !differs ? null : written === null ? `此标题缺少编号，格式规定为「${numeral}、」` : `此标题编号为「${written}」，格式规定为「${numeral}、」`,
      expects,
    ]
      .filter((l): l is string => l !== null)
      .join('\n\n'),
  codeLensIdentities: ({ holds, fails, notEvaluated }) => {
    const total = holds + fails + notEvaluated;
    if (fails === 0 && notEvaluated === 0) return `勾稽关系：${total} 项全部成立`;
    const parts = fails > 0 ? [`${fails} 项不成立`] : [];
    if (holds > 0) parts.push(`${holds} 项成立`);
    if (notEvaluated > 0) parts.push(`${notEvaluated} 项无法核对`);
    return `勾稽关系：${parts.join('，')}`;
  },

  // ---- settings, config file, SARIF (issue 8) ----
  configProblem: ({ problem }) => {
    switch (problem.kind) {
      case 'unreadable':
        return `无法读取（${IO_CAUSES_ZH[problem.detail] ?? problem.detail}）`;
      case 'syntax':
        return `不是有效的 JSON（${problem.detail}）`;
      case 'not-object':
        return '文件内容应为一个 JSON 对象，如 {"rules": {"text.year": "off"}}';
      case 'unknown-key':
        return `未知的设置项「${problem.key}」（可用：rules）`;
      case 'rules-not-object':
        return '"rules" 应为对象，把诊断代码或类别对应到 off、error、warning、information 或 hint';
      case 'unknown-rule':
        return `「${problem.key}」既不是诊断代码也不是类别`;
      case 'bad-level':
        return `「${problem.key}」的值「${problem.value}」不是 off、error、warning、information、hint 之一`;
    }
  },
  configInvalid: ({ file, problems }) => `govreport 配置文件 ${file} 有 ${problems.length} 处问题，这些设置未生效：${problems.join('；')}`,
  documentTooLarge: ({ size, limit }) => `此文档大小为 ${size}，超过 govreport.maxFileSize（${limit}），未做检查`,
  cliBadLang: ({ value }) => `不支持的语言「${value}」（可选：zh、en）`,
  sentences: (parts) => parts.join('。'),

  // --- identity causes (lead) ---
  causeSingleCell: ({ cell, stated, value, count }) => `同一原因：${cell}填报 ${stated}，若为 ${value}，这 ${count} 处合计都成立——很可能是此格填错`,
  relatedSuspect: ({ cell, value }) => `可能填错的单元格：${cell} = ${value}`,

  // --- the verdict page ---
  verdictWord: (word) =>
    ({
      title: '政府信息公开工作年度报告检查结果',
      columnFile: '文件',
      columnBody: '机关',
      columnYear: '年度',
      columnErrors: '错误',
      columnWarnings: '警告',
      columnFirstFailure: '第一处不成立的勾稽关系',
      filterPlaceholder: '筛选：文件名、机关、代码或消息中的文字',
      showLabel: '显示哪些报告',
      'show-all': '全部报告',
      'show-problems': '有问题的报告',
      'show-errors': '有错误的报告',
      'show-warnings': '只有警告的报告',
      'show-clean': '没有问题的报告',
      expandAll: '展开/收起全部',
      noFindings: '没有发现问题。',
      notCheckedHeading: '未检查的文件',
    })[word],
  verdictSummary: ({ reports, withErrors, errors, warnings, notChecked }) =>
    `共 ${reports} 份报告，其中 ${withErrors} 份有错误；错误 ${errors} 处，警告 ${warnings} 处` + (notChecked > 0 ? `；另有 ${notChecked} 个文件未检查。` : '。'),
  verdictShown: ({ shown, total }) => `显示 ${shown} / ${total} 份`,
  verdictWhere: ({ line, column }) => `第 ${line} 行第 ${column} 列`,
  verdictSeverity: (severity) => ({ 1: '错误', 2: '警告', 3: '信息', 4: '提示' })[severity],

  // --- ui --- (issue 8: preview, new report, check workspace, status bar)
  previewTitle: ({ document }) => `预览：${document}`,
  previewSummary: ({ fails, missing, invalid, absent }) => {
    const parts: string[] = [];
    if (fails > 0) parts.push(`${fails} 项合计不成立`);
    if (missing > 0) parts.push(`${missing} 格缺失`);
    if (invalid > 0) parts.push(`${invalid} 格不是有效数字`);
    if (absent > 0) parts.push(`${absent} 格在文中找不到`);
    return parts.length === 0 ? '表格数据完整，所有合计均成立' : parts.join('，');
  },
  previewLegend: (kind) =>
    ({ fail: '合计不成立', involved: '参与不成立的合计', missing: '缺失', invalid: '不是有效数字', absent: '文中没有' })[kind],
  previewTableMissing: ({ table, tableName }) => `文中没有找到${table}（${tableName}）`,
  previewNotReport: () => '此文档看起来不是政府信息公开工作年度报告，没有可以预览的表格',
  previewCellAbsent: ({ cell }) => `文中没有${cell}`,
  previewInvolved: ({ message }) => `此格参与的合计不成立——${message}`,
  previewNoDocument: () => '请先打开一份年报（语言为 govreport 的文档），再预览表格',
  previewFailed: ({ detail }) => `无法生成表格预览：${detail}`,
  cellEditRefused: ({ reason, cell, text }) =>
    ({
      'not-report': '此文档看起来不是年度报告，不能在表格中填写',
      'no-cell': `格式中没有这一格（${cell}）`,
      'no-table': '文中没有这张表，请先用快速修复插入表格',
      empty: `${cell}未写入：请填写一个数字`,
      'not-number': `${cell}未写入：「${text}」不是数字`,
      negative: `${cell}未写入：不能为负数`,
      fraction: `${cell}未写入：件数须为整数`,
      'too-large': `${cell}未写入：数字过大`,
      scrambled: '这张表的文字顺序是乱的，无法确定各格位置，请在文中修改',
      unseparable: '这一行的数字连在一起、无法拆分，请在文中修改',
      'row-partial': '这一行只有部分数值，无法确定各值属于哪一列，请在文中补全',
      layout: `${cell}无法按文中的排版安全写入，请在文中修改`,
      stale: '文档已经改变，请重新填写',
    })[reason],
  cellEditConflict: ({ cell, stated, computed }) => `未改写${cell}：填报 ${stated}，按各项计算应为 ${computed}`,
  previewAutoTotals: () => '自动合计',
  previewAutoTotalsHint: () => '填写一格后，同时改写依赖它的合计（行总计、（七）总计、四、表三各组总计）；与各项不符的已填合计不改写，只标出',
  previewFixTo: ({ value }) => `改为 ${value}`,
  previewEditHint: () => '输入数字即写入文中；方向键、Tab 移动，Enter 确认并下移，Esc 取消或离开',
  newReportBodyPrompt: () => '机关名称（将写入标题，如「北京市西城区民政局」）',
  newReportBodyPlaceholder: () => '北京市西城区民政局',
  newReportBodyProblem: ({ problem, max }) =>
    ({
      empty: '请输入机关名称',
      'line-break': '机关名称不能换行',
      'too-long': `机关名称过长（最多 ${max} 个字）`,
      'has-year': '只需输入机关名称，年度在下一步填写',
      'has-title': '只需输入机关名称，不必写「政府信息公开工作年度报告」',
    })[problem],
  newReportYearPrompt: () => '报告年度（统计期限的年份）',
  newReportYearProblem: ({ problem, first, last }) =>
    problem === 'not-a-year' ? '请输入四位数的年份，如 2024' : `年度应在 ${first} 至 ${last} 之间`,
  checkWorkspaceTitle: () => '检查工作区中的年报',
  checkWorkspaceProgress: ({ done, total, file }) => `${done}/${total} ${file}`,
  checkWorkspaceSummary: ({ files, filesWithErrors, warnings, unreadable, cancelled }) => {
    const parts = [filesWithErrors > 0 ? `${filesWithErrors} 份有错误` : '都没有错误'];
    if (warnings > 0) parts.push(`共 ${warnings} 个警告`);
    if (unreadable > 0) parts.push(`${unreadable} 个文件无法读取`);
    return cancelled ? `已取消。已检查的 ${files} 份报告：${parts.join('，')}` : `${files} 份报告：${parts.join('，')}`;
  },
  checkWorkspaceNoFolders: () => '没有打开的文件夹：请先打开包含年报的文件夹',
  checkWorkspaceOpenProblems: () => '打开“问题”面板',
  statusBarText: ({ errors, warnings }) => `年报：${errors} 错误 · ${warnings} 警告`,
  statusBarTooltip: () => '本报告的错误和警告——单击打开“问题”面板',
  checkWorkspaceExport: () => '导出检查结果…',
  checkWorkspaceExportTitle: () => '导出工作区的检查结果（HTML 页面）',
  checkWorkspaceExportFilter: () => 'HTML 页面',
  checkWorkspaceExported: ({ file, reports }) => `已导出 ${reports} 份报告的检查结果：${file}`,
  exportDataLong: () => '每个单元格一行',
  exportDataLongDetail: () => '与 govreport extract --format csv 写的相同',
  exportDataWide: () => '每份报告一行（宽表）',
  exportDataWideDetail: () => '与 govreport extract --format csv --wide 写的相同：每个单元格一列',
  exportDataPlaceholder: () => '表格数据的排列方式',
  exportDataTitle: () => '导出工作区报告的表格数据（CSV）',
  exportDataFilter: () => 'CSV 文件',
  exportDataExported: ({ file, reports }) => `已导出 ${reports} 份报告的表格数据：${file}`,
  statusBarWorkspaceText: ({ files, filesWithErrors }) => `工作区 ${files} 份年报：${filesWithErrors} 份有错误`,
  statusBarWorkspaceTooltip: ({ errors, warnings, unreadable }) =>
    `上次检查工作区：错误 ${errors} 处，警告 ${warnings} 处` + (unreadable > 0 ? `，${unreadable} 个文件无法读取` : '') + '——单击打开“问题”面板',

  // --- robustness: encodings (robust) ---
  cliEncodingAssumed: ({ path, encoding }) => `${path}：按 ${encoding} 编码读取`,

  // --- readers of originals: problems that stop a file being read (read/docx) ---
  readDocxProblem: ({ kind, limit }) =>
    ({
      'old-format': '这是旧版二进制 Word（.doc）或 WPS（.wps）文件，无法直接读取：请在 Word 或 WPS 中“另存为” .docx 格式后再检查',
      encrypted: '这个 Word 文件设置了打开密码（已加密），无法读取：请取消密码后另存为 .docx 再检查',
      damaged: '这个 Word 文件已损坏或不是有效的 .docx 文件，无法读取：请在 Word 或 WPS 中打开并重新另存为 .docx',
      'too-large': `这个 Word 文件解压后超过 ${limit}（可能是“压缩炸弹”），未予读取`,
    })[kind],

  // --- the editor: an original opened as report text ---
  readOriginalUnsupported: ({ path }) => `${path}：govreport 不能读取这种文件（可读取 .docx、.pdf、.html 与文本文件）`,
  openAsReportTextPick: () => '作为年报文本打开（Word、PDF、网页）',
  openAsReportTextFailed: () => '未能读取这个文件（详见“输出”面板中 govreport 的日志）',
};
