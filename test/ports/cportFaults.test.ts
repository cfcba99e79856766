/**
 * Every named fault switched on in the C port is found by a fresh random search of the
 * DAX suite against the fault's reference (the model, or the implementation with the
 * faults it implies), and shrunk to the length of its shortest known trigger.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processFactory } from '../../protocol/processSut.ts';
import { FAULT_NAMES, type FaultName } from '../../impl/faults.ts';
import { SHORTEST_TRIGGERS } from '../../bench/shortestTriggers.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { faultReference } from '../../campaign/systems.ts';
import { runSuite, type RunOutcome } from '../../properties/runSuite.ts';
import { buildCPort, C_PORT } from './cport.ts';

const found = new Map<string, RunOutcome>();

function search(fault: FaultName): RunOutcome {
  buildCPort();
  const sut = processFactory([C_PORT], { faults: [fault] });
  try {
    const o = runSuite({ suite: daxSuite, model: faultReference(fault), sut, seed: 7, numRuns: 400, maxCommands: 30, minimizeReplays: 400 });
    found.set(fault, o);
    return o;
  } finally {
    sut.close();
  }
}

for (const fault of FAULT_NAMES) {
  const shortest = SHORTEST_TRIGGERS[fault].commands.length;
  test(`C port with ${fault}: a fresh search finds it and shrinks it to ${shortest} commands`, () => {
    const o = search(fault);
    assert.ok(o.counterexample !== null, `no counterexample in ${o.runs} runs`);
    assert.is(o.counterexample!.commands.length, shortest, o.counterexample!.failure.message);
  });
}

test('C port with s3-double-release: the search reports the AddressSanitizer use-after-free with its SUMMARY line', () => {
  const o = found.get('s3-double-release') ?? search('s3-double-release');
  const f = o.counterexample!.failure;
  assert.is(f.kind, 'sut-crashed');
  assert.match(f.message, /SUMMARY: AddressSanitizer: heap-use-after-free ports\/c\/extent\.c:\d+ in dax_extent_add/);
});

test.run();
