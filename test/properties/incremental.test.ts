import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ImplDax } from '../../impl/daxSut.ts';
import { modelFactory } from '../../model/index.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { StepFailure } from '../../properties/stepFailure.ts';
import { SAMPLE_EVERY } from '../../properties/stepSelfChecks.ts';
import { World } from '../../properties/world.ts';
import { GiB, MiB } from '../../sut/u64.ts';
import { perturbedDax } from './perturbed.ts';

const region = (start: bigint): DaxCommand => ({ op: 'createRegion', kind: 'contiguous', start, sizeBytes: GiB, align: 2n * MiB, seed: 'empty' });
const grow: DaxCommand = { op: 'resize', region: 0, device: 0, to: 'abs', deltaBytes: 4n * MiB };
const run = [region(0n), region(4n * GiB), grow];

/** A resize on region 0 that also counts a bad release in region 1: damage outside the region the step names. */
const damagesRegion1 = perturbedDax('damages-region1', (inner) => ({
  resize: (r, d, size) => {
    const result = inner.resize(r, d, size);
    const other = (inner as ImplDax).regions[1];
    if (r === 0 && other !== undefined) other.badReleases += 1;
    return result;
  },
}));

function failureOf(world: World, cmds: DaxCommand[]): StepFailure | null {
  try {
    for (const c of cmds) world.step(c);
    world.finish();
  } catch (e) {
    if (e instanceof StepFailure) return e;
    throw e;
  }
  return null;
}

test('an incremental World compares only the region a step names: damage to another region passes the step and is caught at the run\'s end', () => {
  const world = new World(daxSuite, modelFactory, damagesRegion1, false, false, true);
  assert.ok(world.incremental);
  for (const c of run) world.step(c); // no throw: region 1 is not observed after the resize
  const f = failureOf(world, []);
  assert.is(f?.kind, 'invariant', 'region 1 breaks an invariant the model keeps');
  assert.match(f!.detail, /region1/);
  const full = failureOf(new World(daxSuite, modelFactory, damagesRegion1), run);
  assert.is(full?.message, f?.message, 'a full World finds the same at the resize itself, the last step here');
});

test('runSuite reports the same counterexample in incremental mode as with every check after every step', () => {
  const o = { suite: daxSuite, model: modelFactory, sut: damagesRegion1, seed: 11, numRuns: 200, maxCommands: 30 };
  const fast = runSuite(o);
  const full = runSuite({ ...o, hooks: { world: (s, m, u) => new World(s, m, u) } });
  assert.ok(fast.counterexample !== null && full.counterexample !== null);
  assert.is(fast.counterexample!.failure.message, full.counterexample!.failure.message);
  assert.equal(fast.counterexample!.commands, full.counterexample!.commands);
  assert.is(fast.counterexample!.failure.kind, 'invariant');
  assert.is(fast.counterexample!.failure.call.slice(0, 7), 'resize(');
});

test('an incremental World self-checks the regions named since the last one after every SAMPLE_EVERY-th success, and everything at the run\'s end', () => {
  let damaged = false;
  const asked: number[] = [];
  const sut = perturbedDax('self-check-region1', (inner) => ({
    resize: (r, d, size) => ((damaged = true), inner.resize(r, d, size)),
    selfCheckRegion: (r) => (asked.push(r), r === 1 && damaged ? ['region1: damaged'] : []),
    selfCheck: () => (damaged ? ['region1: damaged'] : []),
  }));
  const steps = [region(0n), region(4n * GiB), grow, { ...grow, deltaBytes: 8n * MiB }, { ...grow, deltaBytes: 10n * MiB }];
  assert.is(SAMPLE_EVERY, 4, 'the steps below are written for a sample every 4 successes');
  const world = new World(daxSuite, modelFactory, sut, false, false, true);
  for (const c of steps.slice(0, 3)) world.step(c);
  assert.equal(asked, [], 'no self-check before the 4th success');
  const f = failureOf(world, steps.slice(3));
  assert.equal(asked, [0, 1], 'the 4th success checks the regions named since the run began, once each');
  assert.is(f?.kind, 'self-check');
  assert.is(f?.step, 3, 'at the 4th success, whose sample found region 1 damaged');
  assert.match(f!.detail, /not checked after steps 1–3/, 'the message names the steps not checked');
});

test('runSuite reports the same counterexample for a cache damaged between self-check samples as with a self-check after every success', () => {
  const sut = perturbedDax('self-check-late', (inner) => {
    let bad = false;
    let resizes = 0;
    return {
      resize: (r, d, size) => ((bad ||= ++resizes === 3), inner.resize(r, d, size)),
      selfCheckRegion: () => (bad ? ['cache damaged'] : []),
      selfCheck: () => (bad ? ['cache damaged'] : []),
    };
  });
  const o = { suite: daxSuite, model: modelFactory, sut, seed: 5, numRuns: 200, maxCommands: 30 };
  const fast = runSuite(o);
  const full = runSuite({ ...o, hooks: { world: (s, m, u) => new World(s, m, u) } });
  assert.ok(fast.counterexample !== null && full.counterexample !== null);
  assert.is(fast.counterexample!.failure.kind, 'self-check');
  assert.is(fast.counterexample!.failure.message, full.counterexample!.failure.message);
  assert.equal(fast.counterexample!.commands, full.counterexample!.commands);
});

test('a refused step is not observed: damage it does is caught at the next step naming its region or at the run\'s end, and the replay names it', () => {
  const badAlign: DaxCommand = { op: 'setAlign', region: 1, device: 0, align: 3n };
  const sut = perturbedDax('refusal-damages', (inner) => ({
    setAlign: (r, d, align) => {
      const result = inner.setAlign(r, d, align);
      const own = (inner as ImplDax).regions[r];
      if (!result.ok && own !== undefined) own.badReleases += 1;
      return result;
    },
  }));
  const steps = [region(0n), region(4n * GiB), badAlign];
  const world = new World(daxSuite, modelFactory, sut, false, false, true);
  for (const c of steps) world.step(c); // refused alike on both: region 1 is not observed
  const f = failureOf(world, []);
  assert.is(f?.kind, 'invariant', 'the run\'s end finds region 1 changed (a bad release)');
  assert.match(f!.detail, /region1/);
  const full = failureOf(new World(daxSuite, modelFactory, sut), steps);
  assert.is(full?.step, 2, 'checking everything finds it at the refused step itself');
  assert.is(full?.message, f?.message, 'the same failure, at the same (last) step');
});

test('the model\'s own invariants are checked at the run\'s end on every region a step changed', () => {
  const brokenModel = perturbedDax('model-breaks-I7', (inner) => ({
    observeRegion: (r) => { const p = inner.observeRegion!(r); return p === null ? null : { ...p, resource: { ...p.resource, busy: true } }; },
    observe: () => { const s = inner.observe(); return { regions: s.regions.map((p) => ({ ...p, resource: { ...p.resource, busy: true } })) }; },
  }));
  const world = new World(daxSuite, brokenModel, brokenModel, false, false, true); // the system agrees with the model
  world.step(region(0n)); // no throw: the model's invariants wait for the run's end
  const f = failureOf(world, []);
  assert.is(f?.kind, 'model-invariant');
  assert.match(f!.detail, /I7 names: region0 resource is busy/);
  const full = failureOf(new World(daxSuite, brokenModel, brokenModel), [region(0n)]);
  assert.is(full?.kind, 'model-invariant', 'checking everything finds it at the step');
});

test('a region observed alone that differs from the same region of the whole snapshot is sut-malformed', () => {
  const sut = perturbedDax('lying-part', (inner) => ({
    observeRegion: (r) => {
      const part = inner.observeRegion!(r);
      return part === null ? null : { ...part, badReleases: part.badReleases + 1 };
    },
  }));
  const f = failureOf(new World(daxSuite, modelFactory, sut, false, false, true), [region(0n)]);
  assert.is(f?.kind, 'sut-malformed');
  assert.match(f!.detail, /observed alone differs/);
});

test('a system without observeRegion is checked whole after every step, also when incremental mode is asked for', () => {
  const inner = perturbedDax('inner', () => ({}));
  const sut = { ...inner, name: 'no-parts', createDax: () => {
    const d = inner.createDax();
    return new Proxy(d, { get: (t, k) => (k === 'observeRegion' ? undefined : Reflect.get(t, k)) });
  } };
  assert.not.ok(new World(daxSuite, modelFactory, sut, false, false, true).incremental);
  const f = failureOf(new World(daxSuite, modelFactory, sut, false, false, true), run);
  assert.is(f, null);
});

test.run();
