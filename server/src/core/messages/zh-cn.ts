import type { MessageCatalog } from './catalog';

const join = (items: readonly string[]): string => items.join('、');

export const zhCN: MessageCatalog = {
  locale: 'zh-cn',
  identityFailed: ({ kind, cell, stated, computed, formula }) =>
    `${kind}不成立：${cell}填报 ${stated}，按各项计算应为 ${computed}（${stated} ≠ ${formula} = ${computed}）`,
  formula: (plus, minus) => {
    const parts = plus.map((v, i) => (i === 0 ? String(v) : `+ ${v}`));
    for (const v of minus) parts.push(`− ${v}`);
    return parts.length === 0 ? '0' : parts.join(' ');
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
      ? `数字串「${digits}」（${join(rows)}）连在一起，且没有任何一种拆分能使表内合计成立，无法分辨各单元格的值`
      : `数字串「${digits}」（${join(rows)}）连在一起，有 ${solutions} 种以上拆分都能使表内合计成立，无法确定各单元格的值`,
  fixSetValue: ({ cell, value }) => `将${cell}改为 ${value}`,
  fixSetColumn: ({ column, count }) => `将「${column}」列的 ${count} 个合计全部改为计算值`,

  // ---- text.* — numbers in the narrative (issue 5)
  tableName: ({ table }) => ({ A: '表一', B: '表二', C: '表三' })[table],
  claimPlace: ({ table, cells }) => (cells.length === 1 ? `${table}${cells[0]!}` : `${table}${cells.join(' + ')}之和`),
  tableMismatch: ({ quote, stated, place, tableValue }) => `文中「${quote}」为 ${stated}，而${place}为 ${tableValue}，二者不一致`,
  tableMismatchImplied: ({ quote, implied, place, tableValue }) => `文中「${quote}」意味着${place}为 ${implied}，而表中为 ${tableValue}，二者不一致`,
  claimNoteRowSum: ({ sum }) => `该行各申请人列之和为 ${sum}，与文中一致——可能是表中「总计」填错了`,
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
};
