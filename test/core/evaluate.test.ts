/**
 * evaluateIdentities reuses the text's evaluations and, with overrides, evaluates again only the
 * identities that may share a cell with them: it must agree with the definition (every identity
 * evaluated afresh) for any overrides — in present rows, in absent rows (which change how terms
 * resolve), values that repair an identity and values that break one.
 */
import { strict as assert } from 'assert';
import { describe, it } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { TABLES, TABLE_IDS } from '../../server/src/core/format/schema';
import { cellKey, evaluateIdentities, evaluateIdentitiesAfresh, type IdentityEvaluation } from '../../server/src/core/rules/evaluate';
import { allDocs } from '../structure/helpers';
import { Random } from '../robust/fuzzer';

/** Everything an evaluation says, with cells by position in the text (objects compared as what they are). */
function shape(list: readonly IdentityEvaluation[]): unknown[] {
  return list.map((e) => ({
    id: e.spec.id,
    status: e.status,
    computed: e.computed,
    stated: e.stated?.span.start ?? null,
    terms: e.terms.map((t) => [t.ref.row, t.ref.column, t.sign, t.cell?.span.start ?? null]),
  }));
}

/** A seeded generator (the fuzzer's mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  const generator = new Random(seed);
  return () => generator.next();
}

describe('identity evaluation with overrides', () => {
  it('agrees with evaluating every identity afresh, on every document', () => {
    let compared = 0;
    for (const [n, doc] of allDocs().entries()) {
      const { model, evaluations } = analyze(doc.text);
      assert.deepEqual(shape(evaluations), shape(evaluateIdentitiesAfresh(model)), doc.name);
      const next = random(n + 1);
      const cells = TABLE_IDS.flatMap((t) => TABLES[t].rows.flatMap((r) => r.columns.map((c) => ({ t, row: r.id, column: c, present: model.tables[t]?.rows.some((x) => x.spec.id === r.id) ?? false }))));
      const present = cells.filter((c) => c.present);
      const overrideSets: Map<string, number>[] = [];
      // The fixes' questions: each failing identity's computed value in its stated cell, and all of them at once.
      const failing = evaluations.filter((e) => e.status === 'fails' && e.computed !== null);
      for (const e of failing) overrideSets.push(new Map([[cellKey(e.spec.table, e.spec.stated.row, e.spec.stated.column), e.computed!]]));
      if (failing.length > 1) overrideSets.push(new Map(failing.map((e) => [cellKey(e.spec.table, e.spec.stated.row, e.spec.stated.column), e.computed!] as const)));
      // Random cells and values: mostly present rows (the reuse), sometimes any row (evaluated afresh).
      for (let k = 0; k < 12; k++) {
        const from = k % 4 === 3 || present.length === 0 ? cells : present;
        const size = 1 + Math.floor(next() * 4);
        const overrides = new Map<string, number>();
        for (let j = 0; j < size; j++) {
          const c = from[Math.floor(next() * from.length)]!;
          overrides.set(cellKey(c.t, c.row, c.column), next() < 0.3 ? 0 : Math.floor(next() * 50));
        }
        overrideSets.push(overrides);
      }
      for (const overrides of overrideSets) {
        assert.deepEqual(shape(evaluateIdentities(model, overrides)), shape(evaluateIdentitiesAfresh(model, overrides)), `${doc.name}: ${JSON.stringify([...overrides])}`);
        compared++;
      }
    }
    assert.ok(compared > 500, `only ${compared} comparisons`);
  });
});
