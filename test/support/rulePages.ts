/**
 * The pages docs/rules/<code>.md and their index docs/rules/README.md, written from
 * core/messages/ruleDocs.ts (`node scripts/rule-docs.mjs --update`); test/cli/ruleDocs.test.ts fails
 * when the pages on disk are not these. Chinese first, then the same in English.
 */
import type { Severity } from '../../server/src/core/findings';
import { RULE_DOCS, RULE_DOCS_BASE_URL, type RuleDoc } from '../../server/src/core/messages/ruleDocs';
import { CODES, type CodeInfo } from '../../server/src/core/rules/codes';

const SEVERITY_ZH: Readonly<Record<Severity, string>> = { error: '错误', warning: '警告', information: '信息', hint: '提示' };

function page(info: CodeInfo, doc: RuleDoc): string {
  const { code, family } = info;
  const off = `{ "rules": { "${code}": "off" } }`;
  return `<!-- Written by node scripts/rule-docs.mjs --update from server/src/core/messages/ruleDocs.ts: edit that file, not this page. -->
# \`${code}\`

${doc.zh.short}

*${doc.en.short}*

类别 \`${family}\` · 默认严重程度：${SEVERITY_ZH[doc.severity]}（\`${doc.severity}\`）

## 检查什么

${doc.zh.full}

## 为什么

${doc.zh.why}

## 示例

\`\`\`text
${doc.example}
\`\`\`

## 如何修改

${doc.zh.fix}

## 如何关闭

在报告所在文件夹或其上级文件夹的 \`.govreportrc.json\` 中（或用 \`govreport check --config 文件\` 指定的配置文件，编辑器中为 \`govreport.rules\` 设置）：

\`\`\`json
${off}
\`\`\`

值也可以是 \`error\`、\`warning\`、\`information\` 或 \`hint\`，改为该严重程度；键写类别 \`"${family}"\` 则作用于全部 \`${family}.*\`，写代码的键优先。

## English

**${doc.en.short}.** Family \`${family}\`, default severity \`${doc.severity}\`.

### What it checks

${doc.en.full}

### Why

${doc.en.why}

### How to fix

${doc.en.fix}

### How to turn it off

In \`.govreportrc.json\` in the report's folder or a folder above it (or the file given to \`govreport check --config\`; in the editor, the \`govreport.rules\` setting):

\`\`\`json
${off}
\`\`\`

The value may also be \`error\`, \`warning\`, \`information\` or \`hint\` (that severity instead); the family key \`"${family}"\` covers every \`${family}.*\` code, and the code's own key wins.
`;
}

function index(): string {
  const rows = CODES.map((c) => `| [\`${c.code}\`](${c.code}.md) | \`${RULE_DOCS[c.code]!.severity}\` | ${RULE_DOCS[c.code]!.zh.short} | ${RULE_DOCS[c.code]!.en.short} |`);
  return `<!-- Written by node scripts/rule-docs.mjs --update from server/src/core/messages/ruleDocs.ts: edit that file, not this page. -->
# 诊断代码 · Finding codes

每个诊断代码一页：检查什么、为什么、示例、如何修改、如何关闭。SARIF 输出的 \`helpUri\` 和编辑器中诊断的链接（\`codeDescription.href\`）指向这些页面，地址前缀为 \`${RULE_DOCS_BASE_URL}\`（项目尚无公开仓库，是一个占位地址，定义在 \`server/src/core/messages/ruleDocs.ts\` 的 \`RULE_DOCS_BASE_URL\`）。

One page per finding code. SARIF's \`helpUri\` and the editor's diagnostic link (\`codeDescription.href\`) point here, under \`${RULE_DOCS_BASE_URL}\` (a placeholder until the project has a public repository: \`RULE_DOCS_BASE_URL\` in \`server/src/core/messages/ruleDocs.ts\`).

| code | severity | 说明 | description |
|---|---|---|---|
${rows.join('\n')}
`;
}

/** Every page by file name (`sum.row.md`, …, `README.md`). */
export function rulePages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const info of CODES) {
    const doc = RULE_DOCS[info.code];
    if (!doc) throw new Error(`no doc for ${info.code} in server/src/core/messages/ruleDocs.ts`);
    pages.set(`${info.code}.md`, page(info, doc));
  }
  pages.set('README.md', index());
  return pages;
}
