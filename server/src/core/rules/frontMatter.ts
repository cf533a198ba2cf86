/**
 * structure.title (information) and structure.preamble (hint) — before section 一: a title naming the body
 * and the year, and the sentence saying the report is compiled under Article 50 of the Regulations.
 */
import type { Finding, Fix } from '../findings';
import type { ReportModel } from '../model';
import type { Span } from '../text';
import type { Rule, RuleContext } from './rule';

export const PREAMBLE_SENTENCE = '依据《中华人民共和国政府信息公开条例》(以下简称《政府信息公开条例》)第五十条规定，编制本报告。';
const ARTICLE_50 = /第\s*(?:五十|50)\s*条/u;
const FRONT_LIMIT = 3000;

function firstLineSpan(model: ReportModel, from: number, to: number): Span | null {
  for (let line = model.lines.lineAt(from); line < model.lines.lineCount; line++) {
    const start = Math.max(model.lines.lineStart(line), from);
    if (start >= to) break;
    const end = Math.min(model.lines.lineEnd(line), to);
    const text = model.text.slice(start, end);
    const trimmed = text.trim();
    if (trimmed === '') continue;
    const lead = text.length - text.trimStart().length;
    return { start: start + lead, end: start + lead + trimmed.length };
  }
  return null;
}

/** Whether the title names the body: before the year, or after it (`2023年度某某局政府信息公开…`). */
function namesBody(model: ReportModel): boolean {
  const title = model.title!;
  if (title.body) return true;
  const rest = title.text
    .replace(/^\s*(?:19|20)\d{2}\s*年度?/u, '')
    .replace(/政府信息公开(?:工作)?(?:年度报告|年报)|年度报告|年报/u, '')
    .trim();
  return rest.length >= 2;
}

export const frontMatterRule: Rule = {
  id: 'front-matter',
  codes: ['structure.title', 'structure.preamble'],
  description: '标题写明机关名称和年度；开头说明依据《政府信息公开条例》第五十条编制',
  check({ model, messages }: RuleContext): Finding[] {
    if (!model.isReport) return [];
    const findings: Finding[] = [];
    const firstHeading = model.sections.length > 0 ? Math.min(...model.sections.map((s) => s.headingSpan.start)) : Math.min(model.text.length, FRONT_LIMIT);
    const title = model.title;
    if (!title) {
      const span = firstLineSpan(model, 0, model.text.length) ?? { start: 0, end: 0 };
      findings.push({ code: 'structure.title', severity: 'information', span, message: messages.titleMissing(), related: [], fixes: [] });
    } else {
      const body = namesBody(model);
      const year = title.year !== null;
      if (!body || !year) {
        const missing = !body && !year ? 'both' : !body ? 'body' : 'year';
        findings.push({ code: 'structure.title', severity: 'information', span: title.span, message: messages.titleIncomplete({ title: title.text, missing }), related: [], fixes: [] });
      }
    }

    const from = title ? title.span.end : 0;
    const to = Math.max(from, Math.min(firstHeading, from + FRONT_LIMIT));
    if (!ARTICLE_50.test(model.text.slice(from, to))) {
      const preamble = firstLineSpan(model, from, to);
      const fixes: Fix[] = [];
      if (!preamble && title) {
        const eol = /\r\n|\n|\r/u.exec(model.text)?.[0] ?? '\n';
        const at = model.lines.lineEnd(model.lines.lineAt(title.span.end));
        fixes.push({ title: messages.fixInsertPreamble(), edits: [{ span: { start: at, end: at }, newText: eol + PREAMBLE_SENTENCE }], safe: false });
      }
      findings.push({
        code: 'structure.preamble',
        // A hint: most real reports cite the 条例 without naming 第五十条 (21 of 25 in issue 18).
        severity: 'hint',
        span: preamble ?? title?.span ?? { start: 0, end: 0 },
        message: messages.preambleMissing(),
        related: [],
        fixes,
      });
    }
    return findings;
  },
};
