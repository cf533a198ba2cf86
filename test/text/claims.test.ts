/**
 * text.table-mismatch and the claims behind it: the done-when of issue 5 on the samples, every claim
 * pattern on fixtures, the ambiguous readings, and numbers that are not claims.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { extractClaims, type Claim } from '../../server/src/core/narrative/claims';
import { CLAIM_PATTERNS } from '../../server/src/core/narrative/patterns';
import { pdfText, sample } from '../support/paths';
import { lineOf, textFindings, textFixture } from './support';

/** A claim as (pattern, 1-based line, value stated, cells, table value, status). */
function summary(claims: readonly Claim[], lines: (offset: number) => number) {
  return claims.map((c) => ({
    pattern: c.pattern.id,
    line: lines(c.numberSpan.start),
    value: c.value,
    cells: c.reading.refs.map((r) => `${c.reading.table}:${r.row}/${r.column}`).join(' + '),
    table: c.reading.value,
    status: c.status,
  }));
}

describe('issue 5 done-when on the samples', () => {
  it('004 line 9: 共收到各类政府信息公开申请1件 against table B 一、本年新收 总计 0 (line 91) is reported', () => {
    const analysis = analyze(sample('004').text);
    const found = analysis.findings.filter((f) => f.code === 'text.table-mismatch');
    assert.equal(found.length, 1);
    const f = found[0]!;
    assert.equal(lineOf(analysis, f.span.start), 9);
    assert.equal(analysis.model.text.slice(f.span.start, f.span.end), '1件');
    assert.equal(f.severity, 'warning');
    assert.equal(
      f.message,
      '文中「本单位共收到各类政府信息公开申请1件」为 1，而表二「一、本年新收政府信息公开申请数量」的「总计」为 0，二者不一致。按表内行合计，该格应为 1，与文中一致——更可能是表中这一格填错了',
    );
    assert.deepEqual(f.related.map((r) => [lineOf(analysis, r.span.start), analysis.model.text.slice(r.span.start, r.span.end)]), [[91, '0']]);
  });
  it('000 line 23 (共接到申请10件,均已按时办结) holds: two claims read, none reported', () => {
    const analysis = analyze(sample('000').text);
    assert.deepEqual(summary(extractClaims(analysis), (o) => lineOf(analysis, o)), [
      { pattern: 'B.new', line: 23, value: 10, cells: 'B:new/total', table: 10, status: 'holds' },
      { pattern: 'B.carryForward.none', line: 23, value: 0, cells: 'B:carryForward/total', table: 0, status: 'holds' },
    ]);
    assert.deepEqual(textFindings(analysis, ['text.table-mismatch']), []);
  });
  it('003 line 10 (共受理政府信息公开申请9件) holds; 35件建议提案…均已按期办结 is no claim about applications', () => {
    const analysis = analyze(sample('003').text);
    assert.deepEqual(summary(extractClaims(analysis), (o) => lineOf(analysis, o)), [
      { pattern: 'B.new', line: 10, value: 9, cells: 'B:new/total', table: 9, status: 'holds' },
    ]);
    assert.deepEqual(textFindings(analysis, ['text.table-mismatch']), []);
  });
  it('001 and 002 make no claim', () => {
    assert.deepEqual(extractClaims(analyze(sample('001').text)), []);
    assert.deepEqual(extractClaims(analyze(sample('002').text)), []);
  });
});

describe('claims in the PDF-text reports', () => {
  it('淮安市 2024: received, answered (含上年度结转), carried over, 行政复议 and 行政诉讼 with their outcomes all hold', () => {
    const analysis = analyze(pdfText('003').text);
    assert.deepEqual(summary(extractClaims(analysis), (o) => lineOf(analysis, o)), [
      { pattern: 'A.rules.issued', line: 18, value: 1, cells: 'A:rules/issued', table: 1, status: 'holds' },
      { pattern: 'B.new', line: 31, value: 3119, cells: 'B:new/total', table: 3119, status: 'holds' },
      { pattern: 'B.handled', line: 32, value: 3050, cells: 'B:total/total', table: 3050, status: 'holds' },
      { pattern: 'B.carried', line: 32, value: 34, cells: 'B:carried/total', table: 34, status: 'holds' },
      { pattern: 'B.carryForward.after', line: 32, value: 103, cells: 'B:carryForward/total', table: 103, status: 'holds' },
      { pattern: 'C.review', line: 33, value: 351, cells: 'C:counts/review.total', table: 351, status: 'holds' },
      { pattern: 'C.review', line: 34, value: 72, cells: 'C:counts/review.upheld', table: 72, status: 'holds' },
      { pattern: 'C.review', line: 34, value: 64, cells: 'C:counts/review.corrected', table: 64, status: 'holds' },
      { pattern: 'C.review', line: 34, value: 178, cells: 'C:counts/review.other', table: 178, status: 'holds' },
      { pattern: 'C.review', line: 35, value: 37, cells: 'C:counts/review.pending', table: 37, status: 'holds' },
      { pattern: 'C.suit', line: 35, value: 46, cells: 'C:counts/suitDirect.total + C:counts/suitAfterReview.total', table: 46, status: 'holds' },
      { pattern: 'C.suit', line: 35, value: 25, cells: 'C:counts/suitDirect.upheld + C:counts/suitAfterReview.upheld', table: 25, status: 'holds' },
      { pattern: 'C.suit', line: 36, value: 5, cells: 'C:counts/suitDirect.corrected + C:counts/suitAfterReview.corrected', table: 5, status: 'holds' },
      { pattern: 'C.suit', line: 36, value: 9, cells: 'C:counts/suitDirect.other + C:counts/suitAfterReview.other', table: 9, status: 'holds' },
      { pattern: 'C.suit', line: 36, value: 7, cells: 'C:counts/suitDirect.pending + C:counts/suitAfterReview.pending', table: 7, status: 'holds' },
    ]);
    assert.deepEqual(textFindings(analysis, ['text.table-mismatch']), []);
  });
  it('洪泽区 2024: 区政府办代表区政府受理…17件 against 95 is reported at information level, naming the subject', () => {
    const analysis = analyze(pdfText('002').text);
    const found = analysis.findings.filter((f) => f.code === 'text.table-mismatch');
    assert.equal(found.length, 1);
    assert.equal(lineOf(analysis, found[0]!.span.start), 25);
    assert.equal(found[0]!.severity, 'information');
    assert.match(found[0]!.message, /为 17，而表二「一、本年新收政府信息公开申请数量」的「总计」为 95.*此句的主体是「区政府办代表区政府」/u);
  });
});

describe('every claim pattern, on fixtures', () => {
  it('claims-mismatch.txt: each family reported with both numbers and both places', () => {
    const { analysis } = textFixture('claims-mismatch.txt');
    const mismatches = extractClaims(analysis).filter((c) => c.status !== 'holds');
    assert.deepEqual(summary(mismatches, (o) => lineOf(analysis, o)), [
      { pattern: 'A.normativeDocs.issued', line: 11, value: 2, cells: 'A:normativeDocs/repealed', table: 1, status: 'fails' },
      { pattern: 'A.penalty', line: 11, value: 8, cells: 'A:penalty/decisions', table: 7, status: 'fails' },
      { pattern: 'B.new', line: 15, value: 52, cells: 'B:new/total', table: 53, status: 'fails' },
      { pattern: 'B.carried', line: 15, value: 3, cells: 'B:carried/total', table: 4, status: 'fails' },
      { pattern: 'B.unavailable', line: 15, value: 8, cells: 'B:unavailable.1/total + B:unavailable.2/total + B:unavailable.3/total', table: 9, status: 'fails' },
      { pattern: 'B.carryForward', line: 15, value: 1, cells: 'B:carryForward/total', table: 2, status: 'fails' },
      { pattern: 'C.review', line: 19, value: 10, cells: 'C:counts/review.total', table: 11, status: 'fails' },
      { pattern: 'C.review', line: 19, value: 3, cells: 'C:counts/review.corrected', table: 2, status: 'fails' },
      { pattern: 'C.review', line: 19, value: 2, cells: 'C:counts/review.pending', table: 3, status: 'fails' },
    ]);
    assert.deepEqual(
      textFindings(analysis, ['text.table-mismatch']).map((f) => [f.line, f.severity, f.text]),
      [[11, 'warning', '2件'], [11, 'warning', '8件'], [15, 'warning', '52件'], [15, 'warning', '3件'], [15, 'warning', '8件'], [15, 'warning', '1件'], [19, 'warning', '10件'], [19, 'warning', '3件'], [19, 'warning', '2件']],
    );
    const unavailable = analysis.findings.find((f) => f.code === 'text.table-mismatch' && analysis.model.text.slice(f.span.start, f.span.end) === '8件' && lineOf(analysis, f.span.start) === 15)!;
    assert.equal(unavailable.message, '文中「无法提供8件」为 8，而表二「（四）无法提供」各项的「总计」之和为 9，二者不一致');
    assert.deepEqual(unavailable.related.map((r) => lineOf(analysis, r.span.start)), [58, 59, 60]);
  });
  it('claims-mismatch.txt: the claims that hold — columns (涉及自然人43件、商业企业5件), 予以公开及部分公开, 12.5万元 against 万元', () => {
    const { analysis } = textFixture('claims-mismatch.txt');
    const holding = extractClaims(analysis).filter((c) => c.status === 'holds');
    assert.deepEqual(
      holding.map((c) => [c.pattern.id, c.value, c.reading.refs.map((r) => `${r.row}/${r.column}`).join('+')]),
      [
        ['A.normativeDocs.issued', 2, 'normativeDocs/issued'],
        ['A.normativeDocs.inForce', 9, 'normativeDocs/inForce'],
        ['A.licensing', 236, 'licensing/decisions'],
        ['A.fees', 125000, 'fees/feeAmount'],
        ['B.new', 43, 'new/natural'],
        ['B.new', 5, 'new/commercial'],
        ['B.handled', 55, 'total/total'],
        ['B.grantedAndPartial', 33, 'granted/total+partial/total'],
        ['B.denied', 9, 'denied.1/total+denied.2/total+denied.3/total+denied.4/total+denied.5/total+denied.6/total+denied.7/total+denied.8/total'],
        ['B.notHandled', 3, 'notHandled.1/total+notHandled.2/total+notHandled.3/total+notHandled.4/total+notHandled.5/total'],
        ['B.otherHandling', 1, 'other.1/total+other.2/total+other.3/total'],
        ['C.suit', 6, 'counts/suitDirect.total+counts/suitAfterReview.total'],
        ['C.review', 11, 'counts/review.total'],
        ['C.review', 5, 'counts/review.upheld'],
        ['C.review', 1, 'counts/review.other'],
      ],
    );
    // The parts name their parent claim.
    const natural = holding.find((c) => c.value === 43)!;
    assert.equal(natural.parent?.value, 52);
  });
  it('claims-ambiguous.txt: a count that seems to include the carry-over, a stated reading, a part of the body, 均已按时办结', () => {
    const { analysis } = textFixture('claims-ambiguous.txt');
    assert.deepEqual(summary(extractClaims(analysis), (o) => lineOf(analysis, o)), [
      { pattern: 'B.new', line: 11, value: 57, cells: 'B:new/total', table: 53, status: 'alternative' },
      { pattern: 'B.carryForward.none', line: 11, value: 0, cells: 'B:carryForward/total', table: 2, status: 'fails' },
      { pattern: 'B.new', line: 13, value: 57, cells: 'B:new/total + B:carried/total', table: 57, status: 'holds' },
      { pattern: 'B.carried', line: 13, value: 4, cells: 'B:carried/total', table: 4, status: 'holds' },
      { pattern: 'B.new', line: 15, value: 20, cells: 'B:new/total', table: 53, status: 'fails' },
      { pattern: 'B.new', line: 17, value: 50, cells: 'B:new/total + B:carried/total', table: 57, status: 'fails' },
      { pattern: 'B.carried', line: 17, value: 4, cells: 'B:carried/total', table: 4, status: 'holds' },
    ]);
    const found = analysis.findings.filter((f) => f.code === 'text.table-mismatch');
    assert.deepEqual(found.map((f) => [lineOf(analysis, f.span.start), f.severity]), [[11, 'information'], [11, 'warning'], [15, 'information'], [17, 'warning']]);
    assert.equal(
      found[0]!.message,
      '文中「全年共收到政府信息公开申请57件」为 57，而表二「一、本年新收政府信息公开申请数量」的「总计」为 53，二者不一致。按「本年新收 + 上年结转」理解则一致（= 57）：文中数字似乎包含了上年结转的申请，而表二「一、本年新收政府信息公开申请数量」只计本年新收；如属此意，建议在文中写明',
    );
    assert.equal(found[1]!.message, '文中「均已按时办结」意味着表二「四、结转下年度继续办理」的「总计」为 0，而表中为 2，二者不一致');
    assert.match(found[2]!.message, /此句的主体是「区司法局办公室代表区司法局」/u);
    assert.match(found[3]!.message, /文中写明含上年结转，已按「本年新收 \+ 上年结转」（= 57）核对$/u);
  });
  it('non-claims.txt: phone numbers, addresses, postcodes, document numbers, dates, 国令第 711 号, 1—12月份, URLs make no claim and no text.* finding', () => {
    const { analysis } = textFixture('non-claims.txt');
    assert.deepEqual(extractClaims(analysis), []);
    assert.deepEqual(textFindings(analysis), []);
  });
  it('the claim patterns are data: unique ids, each with a trigger, units (or an implied value) and cells of the schema', () => {
    const ids = CLAIM_PATTERNS.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const p of CLAIM_PATTERNS) {
      assert.ok((p.before?.length ?? 0) + (p.after?.length ?? 0) > 0, p.id);
      assert.ok(p.units.length > 0 || p.implies !== undefined, p.id);
      assert.ok(p.target.rows.length > 0 && p.target.columns.length > 0, p.id);
    }
  });
});

describe('claims for navigation', () => {
  it('each claim has its span, its number span, its value and its cells', () => {
    const analysis = analyze(sample('004').text);
    const [claim] = extractClaims(analysis);
    assert.ok(claim);
    const text = analysis.model.text;
    assert.equal(text.slice(claim.span.start, claim.span.end), '本单位共收到各类政府信息公开申请1件');
    assert.equal(text.slice(claim.numberSpan.start, claim.numberSpan.end), '1件');
    assert.equal(claim.value, 1);
    assert.equal(claim.reading.cells.length, 1);
    assert.equal(lineOf(analysis, claim.reading.cells[0]!.span.start), 91);
    // Computed once per document version: the same array for the same analysis.
    assert.equal(extractClaims(analysis), extractClaims(analysis.model));
  });
});
