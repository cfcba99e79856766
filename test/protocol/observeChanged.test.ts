/**
 * `observe changed` (PROTOCOL.md): the C port answers `same` exactly when its snapshot
 * line equals its previous one, and batch mode judges `same` answers as the full
 * snapshots they stand for.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { checkBatch, planBatch } from '../../protocol/checkRun.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import type { SutFactory } from '../../sut/interface.ts';
import type { PlannedStep } from '../../sut/runCheck.ts';
import { SHORTEST_TRIGGERS } from '../../bench/shortestTriggers.ts';
import { buildCPort, C_PORT } from '../ports/cport.ts';

test('the C port answers "observe changed" with same when nothing changed, and in full after new and after a change', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const a = port.runBatch(['new dax', 'observe changed', 'observe changed', 'createRegion dynamic 0x0 0x40000000 0x200000 empty', 'observe changed', 'observe', 'observe changed', 'new dax', 'observe changed']);
    assert.equal(a.map((x) => (x.startsWith('snap ') ? 'snap' : x)), ['ok', 'snap', 'same', 'ok 0', 'snap', 'snap', 'same', 'ok', 'snap']);
  } finally {
    port.close();
  }
});

/** A checker over the C port whose answers pass through tamper, planned with `observe changed`. */
function tampered(tamper: (answers: string[]) => string[]): SutFactory & { close(): void } {
  const port = processFactory([C_PORT]);
  return { name: 'tampered', createTree: () => port.createTree(), createDax: () => port.createDax(), close: () => port.close(),
    checkRun: (suite: 'tree' | 'dax', steps: readonly PlannedStep[]) => checkBatch(planBatch(suite, steps, [], { changed: true }), (lines) => tamper(port.runBatch(lines)), [C_PORT]) } as SutFactory & { close(): void };
}

test('batch mode with observe changed: the C port agrees with the model on a trigger run when its fault is off', () => {
  buildCPort();
  const sut = tampered((a) => a);
  try {
    const out = replayCommands(daxSuite, modelFactory, sut, SHORTEST_TRIGGERS['s1-shrink-adjusts-extent'].commands, false);
    assert.is(out.failure, null, out.failure?.message);
  } finally {
    sut.close();
  }
});

test('a port that answers every "observe changed" in full is judged equal (same is optional for a port)', () => {
  buildCPort();
  let full = '';
  const sut = tampered((a) => a.map((x) => (x.startsWith('snap ') ? (full = x) : x === 'same' ? full : x)));
  try {
    const out = replayCommands(daxSuite, modelFactory, sut, [...SHORTEST_TRIGGERS['s1-shrink-adjusts-extent'].commands, { op: 'destroyRegion', region: 5 }], false);
    assert.is(out.failure, null, out.failure?.message);
  } finally {
    sut.close();
  }
});

test('"same" where the model\'s snapshot changed is a snapshot mismatch against the port\'s previous snapshot', () => {
  buildCPort();
  const sut = tampered((a) => a.map((x, i) => (i === a.length - 1 && x.startsWith('snap ') ? 'same' : x)));
  try {
    const { commands } = SHORTEST_TRIGGERS['s1-shrink-adjusts-extent']; // every step changes the snapshot
    const out = replayCommands(daxSuite, modelFactory, sut, commands, false);
    assert.is(out.failure?.kind, 'snapshot-mismatch');
    assert.is(out.failure!.step, commands.length - 1);
  } finally {
    sut.close();
  }
});

test.run();
