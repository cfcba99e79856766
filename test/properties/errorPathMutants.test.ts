/**
 * Every failure-injection point is shown to be caught: with its error path done wrong
 * (impl/faults.ts ERROR_PATH_MUTANTS), a fresh DAX-suite search must fail.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory, ERROR_PATH_MUTANTS } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { FAIL_POINTS } from '../../sut/interface.ts';

for (const point of FAIL_POINTS) {
  test(`a broken error path at ${point} (${ERROR_PATH_MUTANTS[point]}) is found by a fresh search`, () => {
    const sut = createImplFactory([], point);
    const out = runSuite({ suite: daxSuite, model: modelFactory, sut, seed: 99, numRuns: 1000, maxCommands: 40 });
    const cx = out.counterexample;
    assert.ok(cx, `no counterexample in ${out.runs} runs: the generators do not reach a failure at ${point}`);
    assert.ok(cx.commands.some((c) => c.op === 'failAllocation'), 'the counterexample injects a failure');
    assert.ok(cx.commands.length <= 5, `shrunk to ${cx.commands.length} commands`);
  });
}

test('with no mutant the same searches pass: what they find is the mutant', () => {
  const out = runSuite({ suite: daxSuite, model: modelFactory, sut: createImplFactory(), seed: 99, numRuns: 200, maxCommands: 40 });
  assert.is(out.counterexample, null);
});

test.run();
