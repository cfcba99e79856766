import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { StepFailure } from '../../properties/stepFailure.ts';
import { World } from '../../properties/world.ts';
import { GiB, MiB } from '../../sut/u64.ts';
import { perturbedDax } from './perturbed.ts';

const region: DaxCommand = { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: GiB, align: 2n * MiB, seed: 'empty' };
const grow: DaxCommand = { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 4n * MiB };

function failureOf(world: World, cmds: DaxCommand[]): StepFailure {
  try {
    for (const c of cmds) world.step(c);
  } catch (e) {
    if (e instanceof StepFailure) return e;
    throw e;
  }
  throw new Error('expected a StepFailure');
}

test('a step where both systems agree passes and counts the operation', () => {
  const world = new World(daxSuite, modelFactory, implFactory);
  world.step(region);
  world.step(grow);
  assert.is(world.steps, 2);
  assert.is(world.opCounts.get('resize'), 1);
});

test('a different result is a result-mismatch naming the step, the call and both results', () => {
  const sut = perturbedDax('busy-resize', () => ({ resize: () => ({ ok: false, errno: 'EBUSY' }) }));
  const f = failureOf(new World(daxSuite, modelFactory, sut), [region, grow]);
  assert.is(f.kind, 'result-mismatch');
  assert.is(f.step, 1);
  assert.is(f.message, 'step 2: resize(dax0.0, 4MiB): result-mismatch: model ok, sut EBUSY');
});

test('a sut that misreports its available size is caught as a broken I3 conservation invariant', () => {
  const sut = perturbedDax('lying-avail', (inner) => ({
    observe: () => {
      const s = inner.observe();
      for (const r of s.regions) r.availBytes += 2n * MiB;
      return s;
    },
  }));
  const f = failureOf(new World(daxSuite, modelFactory, sut), [region]);
  assert.is(f.kind, 'invariant', 'the lie breaks available-size conservation first');
  assert.match(f.detail, /I3/);
});

test('a pgoff off by a page in the sut is caught as an invariant with the range named', () => {
  const sut = perturbedDax('bad-pgoff', (inner) => ({
    observe: () => {
      const s = inner.observe();
      for (const d of s.regions[0]?.devices ?? []) for (const r of d.ranges) r.pgoff += 1n;
      return s;
    },
  }));
  const f = failureOf(new World(daxSuite, modelFactory, sut), [region, grow]);
  assert.is(f.kind, 'invariant');
  assert.match(f.detail, /I5 pgoff: dax0\.0/);
});

test('a snapshot difference that breaks no invariant is reported with its path and both values', () => {
  const sut = perturbedDax('renamed-label', (inner) => ({
    observe: () => {
      const s = inner.observe();
      for (const r of s.regions) for (const e of r.extents) e.label = 'zz';
      return s;
    },
  }));
  const dyn: DaxCommand = { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 8n * GiB, align: 2n * MiB, seed: 'empty' };
  const add: DaxCommand = { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: GiB, label: 'a' };
  const f = failureOf(new World(daxSuite, modelFactory, sut), [dyn, add]);
  assert.is(f.kind, 'snapshot-mismatch');
  assert.match(f.detail, /extents\[0\].*label/);
  assert.match(f.detail, /"?a"?.*"?zz"?/);
});

test('a sut that throws is a sut-threw failure carrying its error, not a crash of the runner', () => {
  const sut = perturbedDax('throwing', () => ({ resize: () => { throw new RangeError('boom'); } }));
  const f = failureOf(new World(daxSuite, modelFactory, sut), [region, grow]);
  assert.is(f.kind, 'sut-threw');
  assert.match(f.detail, /RangeError: boom/);
});

test('a command that names an object when there is none does not apply and is not a step', () => {
  const world = new World(daxSuite, modelFactory, implFactory);
  assert.not.ok(world.applies(grow));
  world.step(grow);
  assert.is(world.steps, 0);
});

test.run();
