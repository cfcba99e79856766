import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { runWithCoverage } from '../../properties/checkCoverage.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { perturbedDax } from './perturbed.ts';

test('runSuite on agreeing systems reports runs, commands and labels and no counterexample', () => {
  const out = runSuite({ suite: daxSuite, model: modelFactory, sut: implFactory, seed: 3, numRuns: 50, maxCommands: 30 });
  assert.is(out.counterexample, null);
  assert.is(out.runs, 50);
  assert.ok(out.commands > 50, `${out.commands} commands`);
  assert.ok(out.labelRuns.size > 0, 'some label reached');
});

test('runSuite returns a shrunk counterexample that fails again when replayed', () => {
  // Wrong only for grows of 4 MiB or more: the shrinker must keep such a grow.
  const sut = perturbedDax('no-big-grow', (inner) => ({
    resize: (r, d, size) => (size >= 4n << 20n && inner.observe().regions[r]?.devices.find((x) => x.id === d)?.sizeBytes === 0n ? { ok: false, errno: 'ENOSPC' } : inner.resize(r, d, size)),
  }));
  const out = runSuite({ suite: daxSuite, model: modelFactory, sut, seed: 11, numRuns: 300, maxCommands: 40 });
  const cx = out.counterexample;
  assert.ok(cx, 'found');
  assert.ok(cx.commands.length <= 4, `shrunk to ${cx.commands.length} commands`);
  assert.is(cx.failure.kind, 'result-mismatch');
  const again = replayCommands(daxSuite, modelFactory, sut, cx.commands);
  assert.is(again.failure?.message, cx.failure.message);
  assert.is(again.executed.length, cx.commands.length);
});

test('runSuite is deterministic: the same seed gives the same runs and commands', () => {
  const a = runSuite({ suite: treeSuite, model: modelFactory, sut: implFactory, seed: 5, numRuns: 30, maxCommands: 30 });
  const b = runSuite({ suite: treeSuite, model: modelFactory, sut: implFactory, seed: 5, numRuns: 30, maxCommands: 30 });
  assert.is(a.commands, b.commands);
  assert.equal([...a.opCounts].sort(), [...b.opCounts].sort());
});

test('coverage that the generators cannot reach is judged insufficient, not passed', () => {
  const impossible = { ...daxSuite, coverage: { 'a label no step ever gives': 0.05 } };
  const out = runWithCoverage({ suite: impossible, model: modelFactory, sut: implFactory, seed: 1, maxCommands: 10, batchRuns: 200, maxRuns: 2000 });
  assert.is(out.verdict, 'insufficient');
  assert.ok(out.runs <= 2000);
});

test('coverage that is reached often is judged covered after the first batches', () => {
  const easy = { ...daxSuite, coverage: { 'region at the top of the address space': 0.05 }, domains: undefined };
  const out = runWithCoverage({ suite: easy, model: modelFactory, sut: implFactory, seed: 1, maxCommands: 60, batchRuns: 200, maxRuns: 2000 });
  assert.is(out.verdict, 'covered');
});

test('an argument bucket no run hits keeps the coverage run going and fails it undecided, naming the bucket; one hit suffices', () => {
  const domains = daxSuite.domains!;
  const never = { ...daxSuite, coverage: {}, domains: { all: ['resize.size 2^21', 'resize.never hit'], buckets: domains.buckets } };
  const out = runWithCoverage({ suite: never, model: modelFactory, sut: implFactory, seed: 1, maxCommands: 30, batchRuns: 100, maxRuns: 300 });
  assert.is(out.verdict, 'undecided');
  assert.is(out.runs, 300);
  assert.equal(out.buckets.missing, ['resize.never hit']);
  assert.ok(out.buckets.runs['resize.size 2^21']! > 0);
  const reachable = { ...never, domains: { all: ['resize.size 2^21'], buckets: domains.buckets } };
  const ok = runWithCoverage({ suite: reachable, model: modelFactory, sut: implFactory, seed: 1, maxCommands: 30, batchRuns: 100, maxRuns: 300 });
  assert.is(ok.verdict, 'covered');
  assert.is(ok.runs, 100);
});

test.run();
