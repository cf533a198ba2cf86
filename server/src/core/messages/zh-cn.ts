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
};
