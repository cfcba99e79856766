/**
 * A port that stops answering in the middle of a run checked at once: the hang is placed
 * at the request that got no answer, not at the run's first step.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { replayCommands } from '../../properties/replay.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { treeCommands } from '../properties/counterexamples.ts';
import { HANG_ADJUST_PORT } from '../ports/cport.ts';

const hangingAdjust = { op: 'adjustResource', res: -2, at: 'self', deltaBytes: 0n, sizeDeltaBytes: 0n };

test('a batch whose fifth request gets no answer is a hang at step 5, naming that request', () => {
  const port = processFactory(HANG_ADJUST_PORT(), { commandTimeoutMs: 300 });
  try {
    const out = replayCommands(treeSuite, modelFactory, port, [...treeCommands(), hangingAdjust], false);
    assert.ok(out.failure !== null, 'it hangs');
    assert.is(out.failure.kind, 'hang');
    assert.is(out.failure.step, 4);
    assert.match(out.failure.call, /^adjustResource\(#\d+, 0x0, size=0x1\)$/);
    assert.match(out.failure.detail, /\(last request: adjustResource \d+ 0x0 0x1\)/);
    assert.is(out.executed.length, 5);
  } finally {
    port.close();
  }
});

test('step by step, the same hang is at the same step', () => {
  const port = processFactory(HANG_ADJUST_PORT(), { commandTimeoutMs: 300 });
  try {
    const out = replayCommands(treeSuite, modelFactory, port, [...treeCommands(), hangingAdjust], true);
    assert.is(out.failure?.kind, 'hang');
    assert.is(out.failure?.step, 4);
  } finally {
    port.close();
  }
});

test.run();
