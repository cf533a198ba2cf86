/**
 * structure.placeholder: text left to be replaced is an error wherever it stands — the prompts
 * govreport's own insertions write, 待补充/待填写, XXX and ××× — and nothing else is taken for one.
 */
import { strict as assert } from 'node:assert';
import { describe, test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { sample } from '../support/paths';

const base = sample('004').text;

function placeholders(text: string): string[] {
  const a = analyze(text);
  return a.findings.filter((f) => f.code === 'structure.placeholder').map((f) => `${f.severity} ${a.model.lines.positionAt(f.span.start).line + 1} ${text.slice(f.span.start, f.span.end)}`);
}

describe('structure.placeholder', () => {
  test('none in the real sample', () => {
    assert.deepEqual(placeholders(base), []);
  });

  test('each kind, on its own line, as an error', () => {
    const lines = base.split('\n');
    const at = lines.findIndex((l) => l.startsWith('五、'));
    const inserted = ['（请在此说明本年度政府信息公开工作存在的主要问题及改进情况。）', '本机关XXX科负责此项工作，情况待补充。', '联系人：×××，电话：（待填）'];
    const text = [...lines.slice(0, at + 1), ...inserted, ...lines.slice(at + 1)].join('\n');
    assert.deepEqual(placeholders(text), [
      `error ${at + 2} （请在此说明本年度政府信息公开工作存在的主要问题及改进情况。）`,
      `error ${at + 3} XXX`,
      `error ${at + 3} 待补充`,
      `error ${at + 4} ×××`,
      `error ${at + 4} （待填）`,
    ]);
  });

  test('not a placeholder: a product sign, XXL and XXXL (letters around them); a lone xxx is one', () => {
    const lines = base.split('\n');
    const at = lines.findIndex((l) => l.startsWith('五、'));
    const text = [...lines.slice(0, at + 1), '按 3×4 的格式排版，XXL 号字体，下载 xxx.zip 的 XXXL 版本不算。', ...lines.slice(at + 1)].join('\n');
    assert.deepEqual(placeholders(text), [`error ${at + 2} xxx`]);
  });
});
