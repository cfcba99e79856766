/** Minimizing a counterexample without its generator: ddmin, value simplification, the whole. */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { ddmin } from '../../properties/ddmin.ts';
import { minimize } from '../../properties/minimize.ts';
import { replayCommands } from '../../properties/replay.ts';
import { createImplFactory, implFactory } from '../../impl/index.ts';
import { simplerBigints, simplerNumbers, simplerValues, simplestOf } from '../../properties/simplifyValues.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { modelFactory } from '../../model/index.ts';
import { MiB } from '../../sut/u64.ts';
import leakyReleasePort from '../cli/fixtures/leakyReleasePort.ts';
import { S1, s1Padded, s1Trigger, treeCommands } from './counterexamples.ts';

/** Shortest known S1 trigger (docs/SPECIFICATION.md §6.1): one extent, grow, shrink to half. */
const S1_SHORTEST = s1Trigger().length;

test('ddmin keeps exactly the two elements that make it fail, and asks few questions', () => {
  let asked = 0;
  const fails = (xs: number[]) => {
    asked++;
    return xs.includes(3) && xs.includes(17) ? xs : null;
  };
  const items = Array.from({ length: 32 }, (_, i) => i);
  assert.equal(ddmin(items, fails), [3, 17]);
  assert.ok(asked < 120, `asked ${asked} times`);
});

test('ddmin continues from the list the attempt hands back (the commands that ran)', () => {
  // Failing lists are cut after the 5: only what precedes it (and the 5) "ran".
  const fails = (xs: number[]) => (xs.includes(5) && xs.includes(1) ? xs.slice(0, xs.indexOf(5) + 1) : null);
  assert.equal(ddmin([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], fails), [1, 5]);
});

test('ddmin leaves a list of one, or one that cannot lose anything, as it is', () => {
  assert.equal(ddmin([4], () => null), [4]);
  assert.equal(ddmin([1, 2, 3], (xs) => (xs.length === 3 ? xs : null)), [1, 2, 3]);
});

test('simpler bigints: 0 first, then powers of two below the magnitude; a negative also tries its positive', () => {
  assert.equal(simplerBigints(0n), []);
  assert.equal(simplerBigints(5n), [0n, 1n, 2n, 4n]);
  assert.equal(simplerBigints(4n), [0n, 1n, 2n]);
  assert.equal(simplerBigints(-4n), [0n, 1n, -1n, 2n, -2n, 4n]);
});

test('simpler numbers: refs towards 0, a missing ref (-1) to 0, nth towards 1', () => {
  assert.equal(simplerNumbers(3, 'region'), [0, 1, 2]);
  assert.equal(simplerNumbers(-1, 'device'), [0]);
  assert.equal(simplerNumbers(0, 'device'), []);
  assert.equal(simplerNumbers(3, 'nth'), [1, 2]);
  assert.equal(simplerNumbers(1, 'nth'), []);
});

test('simpler enumerations: anchors towards abs, only values valid for that op; other strings stay', () => {
  const orders = simplestOf([...daxSuite.operations, ...treeSuite.operations]);
  assert.equal(simplerValues({ op: 'addExtent', at: 'top' }, 'at', orders), ['abs', 'afterLast', 'overLast']);
  assert.equal(simplerValues({ op: 'mapping', at: 'afterLast' }, 'at', orders), ['abs', 'firstGap']);
  assert.equal(simplerValues({ op: 'resize', to: 'abs' }, 'to', orders), []);
  assert.equal(simplerValues({ op: 'adjustResource', at: 'nextStart' }, 'at', orders), ['self', 'prevEnd']);
  assert.equal(simplerValues({ op: 'createRegion', kind: 'dynamic' }, 'kind', orders), []);
});

/** S1 has no implied fault: the model is its reference. */
const s1 = () => ({ model: modelFactory, sut: createImplFactory([S1]) });
const correct = () => ({ model: modelFactory, sut: implFactory });

test(`the S1 trigger padded with 10 irrelevant commands minimizes to at most ${S1_SHORTEST + 1} commands`, () => {
  const padded = s1Padded();
  const before = replayCommands(daxSuite, s1().model, s1().sut, padded, false);
  assert.is(before.executed.length, 14, 'every padding command applies');
  assert.is(before.failure?.kind, 'result-mismatch');
  const small = minimize({ suite: daxSuite, ...s1(), commands: padded, kind: 'result-mismatch' })!;
  assert.ok(small.commands.length <= S1_SHORTEST + 1, `${small.commands.length} commands`);
  assert.is(small.failure.kind, 'result-mismatch');
  assert.is(small.exhausted, false);
});

test('the minimized S1 counterexample still fails the same way with the fault on, and passes with it off', () => {
  const small = minimize({ suite: daxSuite, ...s1(), commands: s1Padded(), kind: 'result-mismatch' })!;
  const on = replayCommands(daxSuite, s1().model, s1().sut, small.commands, false);
  assert.is(on.failure?.kind, 'result-mismatch');
  assert.is(on.failure?.message, small.failure.message);
  const off = correct();
  assert.is(replayCommands(daxSuite, off.model, off.sut, small.commands, false).failure, null);
});

test('values are simplified: the region and extent shrink below the padded sizes, the extent anchor is abs', () => {
  const big: DaxCommand[] = s1Trigger().map((c) => (c.op === 'addExtent' ? { ...c, at: 'afterLast' as const, lengthBytes: 16n * MiB } : c));
  const small = minimize<DaxCommand>({ suite: daxSuite, ...s1(), commands: big, kind: 'result-mismatch' })!;
  const region = small.commands.find((c) => c.op === 'createRegion')!;
  const extent = small.commands.find((c) => c.op === 'addExtent')!;
  assert.ok(region.op === 'createRegion' && region.sizeBytes < 64n * MiB, 'region smaller');
  assert.ok(extent.op === 'addExtent' && extent.lengthBytes < 16n * MiB && extent.at === 'abs', 'extent smaller, at abs');
});

test('minimize is deterministic: the same input gives the same commands and the same number of replays', () => {
  const a = minimize({ suite: daxSuite, ...s1(), commands: s1Padded(), kind: 'result-mismatch' })!;
  const b = minimize({ suite: daxSuite, ...s1(), commands: s1Padded(), kind: 'result-mismatch' })!;
  assert.equal(a.commands, b.commands);
  assert.is(a.replays, b.replays);
});

test('minimize returns null when the commands do not fail that way (fault off, or another kind)', () => {
  assert.is(minimize({ suite: daxSuite, ...correct(), commands: s1Padded(), kind: 'result-mismatch' }), null);
  assert.is(minimize({ suite: daxSuite, ...s1(), commands: s1Padded(), kind: 'invariant' }), null);
});

test('a replay budget stops minimize early with a list that still fails', () => {
  const small = minimize({ suite: daxSuite, ...s1(), commands: s1Padded(), kind: 'result-mismatch', maxReplays: 4 })!;
  assert.is(small.exhausted, true);
  assert.is(small.replays, 4);
  assert.is(replayCommands(daxSuite, s1().model, s1().sut, small.commands, false).failure?.kind, 'result-mismatch');
});

test('tree suite: a port whose releaseRegion leaks minimizes to root, region, release', () => {
  const padded = [...treeCommands().slice(0, 3), ...treeCommands().slice(1, 3), treeCommands()[3]!];
  const systems = { model: modelFactory, sut: leakyReleasePort };
  const small = minimize({ suite: treeSuite, ...systems, commands: padded, kind: 'snapshot-mismatch' })!;
  assert.equal(small.commands.map((c) => c.op), ['addRoot', 'requestRegion', 'releaseRegion']);
  assert.is(small.failure.kind, 'snapshot-mismatch');
});

/** Indexes of single commands that can go with the failure kind kept (empty: 1-minimal). */
function removableSingles(commands: readonly { op: string }[], kind: string): number[] {
  const { model, sut } = s1();
  return commands.map((_, i) => i).filter((i) => replayCommands(daxSuite, model, sut, commands.filter((_, j) => j !== i), false).failure?.kind === kind);
}

test('minimize is 1-minimal on S1 triggers padded with generated irrelevant commands: no single command of the result can be removed and still fail the same way', () => {
  const samples = fc.sample(daxSuite.command(), { seed: 7, numRuns: 200 }) as { op: string }[];
  let checked = 0;
  for (let k = 0; checked < 12 && k + 12 <= samples.length; k += 12) {
    const padded: { op: string }[] = [];
    s1Trigger().forEach((c, i) => padded.push(...samples.slice(k + 3 * i, k + 3 * i + 3), c));
    const before = replayCommands(daxSuite, s1().model, s1().sut, padded, false).failure;
    if (before === null) continue;
    const small = minimize({ suite: daxSuite, ...s1(), commands: padded, kind: before.kind })!;
    assert.equal(removableSingles(small.commands, before.kind), [], `padding ${k}: ${small.commands.length} commands`);
    checked++;
  }
  assert.ok(checked >= 6, `${checked} padded files checked`);
});

test.run();
