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
import type { StepFailure } from '../../properties/stepFailure.ts';
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

/** Runs seed with fast-check's shrink only; the first failure's name and the shrunk one's. */
function shrinkSeed(seed: number, sameFailure?: typeof kindOnly) {
  let first: FailureSeen | null = null;
  const out = runSuite({ suite, model: modelFactory, sut, seed, numRuns: 200, maxCommands: 30, minimizeReplays: 0, ...(sameFailure ? { sameFailure } : {}), hooks: { failed: (_w, e) => (first = { failure: e as StepFailure, commands: [] }) } });
  return { first: first === null ? '' : failureName(first), shrunk: out.counterexample === null ? '' : failureName(out.counterexample) };
}

test('fast-check\'s shrink keeping only the kind switches defects for some seed; keeping the signature it never does', () => {
  let switched = 0;
  for (let seed = 1; seed <= 60; seed++) {
    const loose = shrinkSeed(seed, kindOnly);
    const kept = shrinkSeed(seed);
    assert.is(kept.first, loose.first, 'the same first failure');
    assert.is(kept.shrunk, kept.first, `seed ${seed}: shrunk as the first failure`);
    if (loose.shrunk !== loose.first) switched++;
  }
  assert.ok(switched > 0, 'the planted situation: a kind-only shrink moved from one defect to the other');
});

test('sameKnownFailure: one signature but another known defect (or none) is another failure', () => {
  const g2: FailureSeen = { failure: { kind: 'sut-malformed', step: 0, call: 'createRegion(0x0, 8 GiB)', detail: "align 0x100000000 does not fit bus.c's unsigned int" }, commands: [] };
  const fresh: FailureSeen = { failure: { kind: 'sut-malformed', step: 0, call: 'createRegion(0x0, 8 GiB)', detail: 'no id in the answer' }, commands: [] };
  assert.ok(sameKnownFailure(g2, g2));
  assert.not.ok(sameKnownFailure(fresh, g2), 'a new finding is not shrunk into the known gap G2');
  assert.not.ok(sameKnownFailure(g2, fresh));
  const k1: FailureSeen = { failure: { kind: 'result-mismatch', step: 0, call: 'mapping(dax0.0, 0x0-0xffffffffffffffff)', detail: 'model ENOMEM, sut ok' }, commands: [] };
  const other: FailureSeen = { failure: { kind: 'result-mismatch', step: 0, call: 'mapping(dax0.0, 0x0-0xffffff)', detail: 'model ENOMEM, sut ok' }, commands: [] };
  assert.not.ok(sameKnownFailure(other, k1), 'same signature, but only one is K1');
});

test('a failure seenBefore names ends its run: counted in cutShort and in runs, not shrunk, and the batch goes on', () => {
  const out = runSuite({ suite, model: modelFactory, sut, seed: 1, numRuns: 200, maxCommands: 30, seenBefore: failureName });
  const cut = [...out.cutShort.values()].reduce((a, b) => a + b, 0);
  assert.ok(cut > 0, 'runs were cut short');
  assert.ok([...out.cutShort.keys()].every((name) => /^K[12]: /.test(name)), [...out.cutShort.keys()].join(', '));
  assert.is(out.counterexample, null);
  assert.is(out.runs, 200, 'every run of the batch ran');
});

test.run();
