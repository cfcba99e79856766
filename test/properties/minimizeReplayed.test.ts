/** minimize's `replayed`: a counterexample the caller replayed already is not replayed again (on a crashing port, each replay is a fresh process). */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { minimize } from '../../properties/minimize.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { SUITES } from '../../properties/suites.ts';
import type { SutFactory } from '../../sut/interface.ts';

/** The implementation with S4, counting the instances made (one per replay). */
function counted(): SutFactory & { made: number } {
  const impl = createImplFactory(['s4-sized-create-dynamic']);
  const f = { name: 's4', made: 0, createTree: () => impl.createTree(), createDax: () => ((f.made += 1), impl.createDax()) };
  return f;
}

test('given what the caller replayed, minimize replays nothing more when it has no replay left, and still returns the failing input', () => {
  const sut = counted();
  const out = runSuite({ suite: SUITES.dax, model: modelFactory, sut, seed: 2, numRuns: 200, maxCommands: 40, minimizeReplays: 0 });
  assert.ok(out.counterexample !== null, 'S4 found');
  const cx = out.counterexample;
  const before = sut.made;
  const small = minimize({ suite: SUITES.dax, model: modelFactory, sut, commands: cx.commands, kind: cx.failure.kind, maxReplays: 1, replayed: { executed: cx.commands, failure: cx.failure } });
  assert.is(sut.made, before, 'no replay');
  assert.equal(small?.commands, cx.commands);
  assert.ok(small?.exhausted);
  // without it, the input is replayed first
  minimize({ suite: SUITES.dax, model: modelFactory, sut, commands: cx.commands, kind: cx.failure.kind, maxReplays: 1 });
  assert.is(sut.made, before + 1);
  assert.is(replayCommands(SUITES.dax, modelFactory, sut, small!.commands, false).failure?.kind, cx.failure.kind);
});

test.run();
