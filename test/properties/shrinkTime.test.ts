/** runSuite's shrinkTimeMs: past it fast-check's shrink tries are not run, so the first failure is kept as far as it was shrunk. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { SUITES } from '../../properties/suites.ts';

test('with no shrink time the first failing run is kept whole; with time it is shrunk; the failure is the same kind either way', () => {
  const sut = createImplFactory(['s4-sized-create-dynamic']);
  let firstLength = 0;
  const run = (shrinkTimeMs: number) => runSuite({
    suite: SUITES.dax, model: modelFactory, sut, seed: 4, numRuns: 200, maxCommands: 60, minimizeReplays: 0,
    shrinkTimeMs: (f) => ((firstLength = f.commands.length), shrinkTimeMs),
  }).counterexample;
  const kept = run(0);
  assert.ok(kept !== null, 'S4 found');
  assert.is(kept.commands.length, kept.failure.step + 1);
  assert.ok(firstLength >= kept.commands.length, 'the first failing run, up to its failure');
  const shrunk = run(60_000);
  assert.ok(shrunk !== null);
  assert.is(shrunk.failure.kind, kept.failure.kind);
  assert.ok(shrunk.commands.length < kept.commands.length, `${shrunk.commands.length} < ${kept.commands.length}`);
});

test.run();
