import type { MessageCatalog, NamedValue } from './catalog';

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

  // --- navigation (issue 4): outline, hover, inlay hints, code lens, workspace symbols ---
  tableName: ({ numeral }) => `表${numeral}`,
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
    const name = (t: NamedValue): string => (t.current ? `**${t.label}**` : t.label);
    const value = (t: NamedValue): string => {
      const v = t.value === null ? '?' : String(t.value);
      return t.current ? `**${v}**` : v;
    };
    const side = (f: (t: NamedValue) => string): string => {
      const parts = plus.map((t, i) => (i === 0 ? f(t) : `+ ${f(t)}`));
      for (const t of minus) parts.push(`− ${f(t)}`);
      return parts.join(' ');
    };
    const names = `${name(stated)} = ${side(name)}`;
    const head = {
      holds: `✅ ${kind}成立`,
      fails: `❌ ${kind}不成立：填报 ${stated.value}，按各项计算应为 ${computed}`,
      'not-evaluated': `◻️ ${kind}未核对：有单元格缺失或无法读取`,
    }[status];
    const values = status === 'fails' ? `${value(stated)} ≠ ${side(value)} = ${computed}` : status === 'holds' ? `${value(stated)} = ${side(value)}` : `${value(stated)} ? ${side(value)}`;
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
};
