/**
 * The id allocator in the implementation's self-check (impl/selfCheck.ts checkIda), and
 * deep allocator states (issue 25 item 4): a planted id-allocator defect that shows only
 * once 5 or more ids are free and one is freed out of order is caught by the self-check
 * at the delete that made it, and a fresh search with big runs (bursts of creates and
 * deletes in random order) finds it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ImplDax } from '../../impl/daxSut.ts';
import { Ida } from '../../impl/ida.ts';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { MiB } from '../../sut/u64.ts';

/** A region with devices 0..n-1 (size 0 but device 0, which is the region's seed). */
function withDevices(n: number): ImplDax {
  const d = implFactory.createDax() as ImplDax;
  assert.equal(d.createRegion({ kind: 'contiguous', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' }), { ok: true, id: 0 });
  for (let i = 1; i < n; i++) assert.equal(d.createDevice(0, 0n), { ok: true, id: i });
  return d;
}

type Heap = { free: number[]; next: number };
const heapOf = (d: ImplDax) => d.regions[0]!.ida as unknown as Heap;

test('the self-check is silent on an allocator whose ids were freed in any order, and reused lowest first', () => {
  const d = withDevices(12);
  for (const id of [9, 3, 11, 1, 7, 5, 2]) assert.equal(d.deleteDevice(0, id), { ok: true });
  assert.equal(d.selfCheck(), []);
  for (const id of [1, 2, 3, 5]) assert.equal(d.createDevice(0, 0n), { ok: true, id });
  assert.equal(d.selfCheck(), []);
});

test('each corruption of the id allocator is named: heap order, a free id out of range, twice or in use, an id never handed out, a lost id', () => {
  const cases: [(h: Heap) => void, RegExp][] = [
    [(h) => h.free.reverse(), /region0: ida: heap order broken, free id \d+ at \d+ below \d+ at \d+/],
    [(h) => void (h.free[0] = 99), /region0: ida: free id 99 outside 0\.\.11/],
    [(h) => void h.free.push(h.free[0]!), /region0: ida: id \d+ free twice/],
    [(h) => void h.free.push(4), /region0: ida: id 4 free but dax0\.4 has it/],
    [(h) => void (h.next = 10), /region0: ida: dax0\.10 has an id it never handed out \(next 10\)/],
    [(h) => void h.free.pop(), /region0: ida: 3 free and 8 used ids, but 12 handed out/],
  ];
  for (const [corrupt, expected] of cases) {
    const d = withDevices(12);
    for (const id of [9, 3, 7, 5]) assert.equal(d.deleteDevice(0, id), { ok: true });
    corrupt(heapOf(d));
    const found = d.selfCheck();
    assert.ok(found.some((line) => expected.test(line)), `${expected} not in ${JSON.stringify(found)}`);
  }
});

/**
 * The planted defect: once 4 or more ids are free, remove() appends a freed id without
 * sifting it up (as if ids were always freed in increasing order). Only a 5th or later
 * free id that is lower than its heap parent breaks the order: in creation order it never does.
 */
function plantIdaDefect(): () => void {
  const remove = Ida.prototype.remove;
  Ida.prototype.remove = function (this: Ida, id: number) {
    const heap = (this as unknown as Heap).free;
    if (heap.length >= 4) heap.push(id);
    else remove.call(this, id);
  };
  return () => {
    Ida.prototype.remove = remove;
  };
}

const region: DaxCommand = { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' };
const creates = (n: number): DaxCommand[] => Array.from({ length: n }, () => ({ op: 'createDevice', region: 0, sizeBytes: 0n }) as DaxCommand);
/** Device refs are indexes into the live devices (ids 0..): deleting index k of what is left. */
const deletes = (ids: number[]): DaxCommand[] => ids.map((device) => ({ op: 'deleteDevice', region: 0, device }) as DaxCommand);

test('the planted defect needs 5 free ids freed out of order: in creation order, or only 4 out of order, nothing is wrong', () => {
  const undo = plantIdaDefect();
  try {
    // Ids 1..8 freed in creation order (always index 1 of what is left), then reused.
    const inOrder = replayCommands(daxSuite, modelFactory, implFactory, [region, ...creates(8), ...deletes([1, 1, 1, 1, 1, 1, 1, 1]), ...creates(8)], false);
    assert.is(inOrder.failure, null, inOrder.failure?.message);
    // Four ids freed highest first (8, 7, 6, 5), then reused.
    const four = replayCommands(daxSuite, modelFactory, implFactory, [region, ...creates(8), ...deletes([8, 7, 6, 5]), ...creates(4)], false);
    assert.is(four.failure, null, four.failure?.message);
  } finally {
    undo();
  }
});

test('5 ids freed highest first break the planted allocator: the self-check names it at the 5th delete, before any answer differs', () => {
  const undo = plantIdaDefect();
  try {
    const out = replayCommands(daxSuite, modelFactory, implFactory, [region, ...creates(8), ...deletes([8, 7, 6, 5, 4]), ...creates(5)], false);
    assert.is(out.failure?.kind, 'self-check');
    assert.is(out.failure!.call, 'deleteDevice(dax0.4)');
    assert.match(out.failure!.detail, /region0: ida: heap order broken/);
  } finally {
    undo();
  }
});

test('a fresh search of the DAX suite with big runs (bursts of creates and deletes in random order) finds the planted defect', () => {
  const undo = plantIdaDefect();
  try {
    // Shrinking a 300-command big run is slow: the first failing run is minimized (ddmin) instead.
    const out = runSuite({ suite: daxSuite, model: modelFactory, sut: implFactory, seed: 25, numRuns: 200, maxCommands: 100, bigRunPercent: 50, shrink: false, minimizeReplays: 300 });
    const cx = out.counterexample;
    assert.ok(cx !== null, `not found in ${out.runs} runs`);
    assert.ok(out.runs < 200, `found after ${out.runs} passing runs`);
    assert.is(cx.failure.kind, 'self-check');
    assert.match(cx.failure.detail, /ida: heap order broken/);
    // The break needs a 5th free id pushed below its heap parent: the minimized run (13 commands) deletes 5 devices.
    assert.ok(cx.commands.filter((c) => c.op === 'deleteDevice').length >= 5, `the counterexample frees 5 or more ids: ${cx.commands.map((c) => c.op).join(', ')}`);
    assert.ok(cx.commands.length <= 20, `minimized to ${cx.commands.length} commands`);
  } finally {
    undo();
  }
});

test('without the planted defect the same search passes: what it finds is the defect', () => {
  const out = runSuite({ suite: daxSuite, model: modelFactory, sut: implFactory, seed: 25, numRuns: 30, maxCommands: 100, bigRunPercent: 50 });
  assert.is(out.counterexample, null, out.counterexample?.failure.message);
});

test.run();
