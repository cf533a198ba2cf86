/**
 * structure.section-empty reads section 五's body line by line and gives up once it is longer than
 * an empty one can be: it must say what the definition says — the body's lines trimmed, blank lines
 * and page numbers (`- 3 -`) left out, joined, and then empty or only 无 — for line breaks of every
 * kind, page numbers, a 无 broken over lines, and bodies just too long.
 */
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { SAMPLES } from '../support/paths';

const EMPTY_CONTENT = /^(?:无|暂无|没有|无。|暂无。|无其他需要报告的事项。?)$/u;

/** The definition: the body as one string, then the test. */
function definitionSaysEmpty(body: string): boolean {
  const joined = body
    .split(/\r\n|\n|\r/u)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^[-－—–]\s*\d{1,3}\s*[-－—–]$/u.test(l))
    .join('');
  return joined === '' || EMPTY_CONTENT.test(joined);
}

const sample = fs.readFileSync(path.join(SAMPLES, fs.readdirSync(SAMPLES).filter((f) => f.startsWith('000_'))[0]!), 'utf8');
const problemsHeading = '五、存在的主要问题及改进情况';
const otherHeading = '六、其他需要报告的事项';

function withProblemsBody(body: string, eol: string): string {
  const start = sample.indexOf(problemsHeading) + problemsHeading.length;
  const end = sample.indexOf(otherHeading);
  return (sample.slice(0, start) + body + sample.slice(end)).replace(/\r?\n/gu, eol);
}

describe('structure.section-empty', () => {
  const bodies = [
    '\n',
    '\n\n',
    '\n无\n',
    '\n  暂无。  \n',
    '\n无\n- 3 -\n',
    '\n－ 12 －\n暂无\n',
    '\n无其他需要报告\n的事项。\n',
    '\n无其他需要报告的事项。\n',
    '\n无其他需要报告的事项。。\n',
    '\n无其他需要报告的事项\n- 4 -\n。\n',
    '\n没有\n没有\n',
    '\n无。无。无。无。无。无。\n',
    '\n本年度存在的问题：一是公开内容不够全面。\n',
    '\u3000无\u3000\n',
    '无\n',
  ];
  for (const eol of ['\n', '\r\n', '\r']) {
    it(`agrees with the definition, line breaks ${JSON.stringify(eol)}`, () => {
      for (const body of bodies) {
        const text = withProblemsBody(body, eol);
        const findings = analyze(text).findings.filter((f) => f.code === 'structure.section-empty');
        assert.equal(findings.length, definitionSaysEmpty(body) ? 1 : 0, JSON.stringify(body));
      }
    });
  }
});
