/**
 * The guided-generation benchmarks run and report well-formed figures (not judged here:
 * what guidance buys is measured by `npm run bench:guided` and `npm run mutants -- --guided`).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { labelGrowth } from '../../bench/guided/labelGrowth.ts';
import { guidedSummary } from '../../bench/mutants/report.ts';
import type { MutantRow } from '../../bench/mutants/runMutant.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';

test('labelGrowth counts the runs it was asked for and the labels they reached, guided or not', () => {
  for (const guided of [false, true]) {
    const g = labelGrowth(treeSuite, guided, 1, 60);
    assert.is(g.runs, 60);
    assert.ok(g.labelsReached > 0 && g.labelsReached <= g.labels && g.distinctLabelSets > 0 && g.features > 0);
    assert.ok(g.runsToAllLabels === null || g.runsToAllLabels <= 60);
  }
});

test('the guided summary compares only mutants both hunts killed within the budget, and counts faster, slower and same', () => {
  const row = (seconds: number, guided: number | null): MutantRow => ({
    name: 'm', file: 'impl/x.ts', summary: '', killed: true, seconds, secondsWithShrink: null, suite: 'dax', seed: 1, runs: 1, commands: 1,
    caughtBy: 'invariant', kind: 'invariant', shrunkLength: 1, call: null, selfCheck: false, error: null,
    ...(guided === null ? {} : { guided: { killed: true, seconds: guided, caughtBy: 'invariant', shrunkLength: 1, suite: 'dax', runs: 1, error: null } }),
  });
  const s = guidedSummary([row(1, 0.5), row(1, 2), row(1, 1.05), row(1, 30), row(1, null)], 20)!;
  assert.equal({ killed: s.killed, faster: s.faster, slower: s.slower, same: s.same }, { killed: 3, faster: 1, slower: 1, same: 1 });
  assert.equal(s.medianSeconds, { unguided: 1, guided: 1.05 });
  assert.is(guidedSummary([row(1, null)], 20), undefined);
});

test.run();
