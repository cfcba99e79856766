/**
 * Shrinking keeps the failure's signature: with two defects of one kind (K1 and a K2
 * stand-in, both result mismatches in mapping: test/cli/fixtures/twoDefectsSut.ts), a
 * shrinker that keeps only the kind walks from one to the other; both shrinkers keep the
 * first failure's signature and known defect instead.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { failureName, sameKnownFailure } from '../../campaign/knownDefects.ts';
import { modelFactory } from '../../model/index.ts';
import { minimize } from '../../properties/minimize.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import type { FailureSeen } from '../../properties/sameFailure.ts';
import { SUITES } from '../../properties/suites.ts';
import sut from '../cli/fixtures/twoDefectsSut.ts';

const suite = SUITES['dax-contiguous'];
const kindOnly = () => true;
const idOf = (f: FailureSeen) => failureName(f).slice(0, 3);

/** A K2 trigger as fast-check shrank it (seed 1): a 2 MiB mapping on a device whose alignment is 1 GiB. */
const K2_TRIGGER = [
  { op: 'createRegion', kind: 'contiguous', start: 18446744065119617024n, sizeBytes: 8589934592n, align: 2097152n, seed: 'whole' },
  { op: 'createRegion', kind: 'contiguous', start: 18446744065119617024n, sizeBytes: 8589934592n, align: 2097152n, seed: 'whole' },
  { op: 'setAlign', region: 0, device: 0, align: 1073741824n },
  { op: 'mapping', region: 0, device: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 2097152n },
];

test('the planted trigger fails as K2 (model ENXIO, sut ok in mapping)', () => {
  const out = replayCommands(suite, modelFactory, sut, K2_TRIGGER, false);
  assert.is(out.failure?.detail, 'model ENXIO, sut ok');
  assert.is(idOf({ failure: out.failure!, commands: out.executed }), 'K2:');
});

test('minimize keeping only the kind turns the K2 trigger into K1\'s whole-space mapping (the defect being fixed)', () => {
  const small = minimize({ suite, model: modelFactory, sut, commands: K2_TRIGGER, kind: 'result-mismatch', sameFailure: kindOnly })!;
  assert.is(idOf(small), 'K1:', small.failure.message);
});

test('minimize keeps the K2 signature, by default and with the known-defect classification, and still shrinks', () => {
  for (const sameFailure of [undefined, sameKnownFailure]) {
    const small = minimize({ suite, model: modelFactory, sut, commands: K2_TRIGGER, kind: 'result-mismatch', ...(sameFailure ? { sameFailure } : {}) })!;
    assert.is(idOf(small), 'K2:', small.failure.message);
    assert.is(small.failure.detail, 'model ENXIO, sut ok');
    assert.ok(small.commands.length < K2_TRIGGER.length, `${small.commands.length} commands`);
  }
});

/** Seed 28 first fails with K1; fast-check's shrink keeping only the kind ends in K2. */
function shrinkSeed28(sameFailure?: typeof kindOnly) {
  let first = '';
  const out = runSuite({ suite, model: modelFactory, sut, seed: 28, numRuns: 200, maxCommands: 30, minimizeReplays: 0, ...(sameFailure ? { sameFailure } : {}), hooks: { failed: (_w, e) => (first = (e as Error).message.split('\n')[0]!) } });
  return { first, cx: out.counterexample! };
}

test('fast-check\'s shrink keeping only the kind switches from K1 to K2; keeping the signature it stays K1', () => {
  const loose = shrinkSeed28(kindOnly);
  assert.match(loose.first, /0x0-0xffffffffffffffff\): result-mismatch: model ENOMEM/);
  assert.is(idOf(loose.cx), 'K2:');
  const kept = shrinkSeed28();
  assert.is(kept.first, loose.first);
  assert.is(idOf(kept.cx), 'K1:', kept.cx.failure.message);
});

test('sameKnownFailure: one signature but another known defect (or none) is another failure', () => {
  const resize = { kind: 'result-mismatch' as const, step: 1, call: 'resize(dax0.1, 0x400000)', detail: 'model ok, sut ENXIO' };
  const g1: FailureSeen = { failure: resize, commands: [{ op: 'createDevice', sizeBytes: '2097152' } as { op: string }, { op: 'resize' }] };
  const fresh: FailureSeen = { failure: resize, commands: [{ op: 'createDevice' }, { op: 'resize' }] };
  assert.ok(sameKnownFailure(g1, g1));
  assert.not.ok(sameKnownFailure(fresh, g1), 'a new finding is not shrunk into the known gap G1');
  assert.not.ok(sameKnownFailure(g1, fresh));
  const k1: FailureSeen = { failure: { kind: 'result-mismatch', step: 0, call: 'mapping(dax0.0, 0x0-0xffffffffffffffff)', detail: 'model ENOMEM, sut ok' }, commands: [] };
  const other: FailureSeen = { failure: { kind: 'result-mismatch', step: 0, call: 'mapping(dax0.0, 0x0-0xffffff)', detail: 'model ENOMEM, sut ok' }, commands: [] };
  assert.not.ok(sameKnownFailure(other, k1), 'same signature, but only one is K1');
});

test('a failure seenBefore names ends its run uncounted as a counterexample: counted in cutShort and in runs, and the batch goes on', () => {
  const seenBefore = (f: FailureSeen) => (idOf(f) === 'K1:' ? 'K1' : null);
  const out = runSuite({ suite, model: modelFactory, sut, seed: 28, numRuns: 200, maxCommands: 30, minimizeReplays: 0, seenBefore });
  assert.ok((out.cutShort.get('K1') ?? 0) >= 1, 'the K1 run of seed 28 is cut short');
  assert.ok(out.runs > 1 + (out.cutShort.get('K1') ?? 0), `${out.runs} runs: later runs went on`);
  assert.ok(out.counterexample === null || idOf(out.counterexample) !== 'K1:', 'K1 is not shrunk again');
});

test.run();
