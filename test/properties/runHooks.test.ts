/**
 * runSuite's measurement hooks (properties/runHooks.ts): what bench/ measures with them
 * is what runSuite does without them.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { implFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import type { RunWorld } from '../../properties/runHooks.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { World } from '../../properties/world.ts';
import { perturbedDax } from './perturbed.ts';

const options = { suite: daxSuite, model: modelFactory, sut: implFactory, seed: 5, numRuns: 40, maxCommands: 30 };

test('hooks change nothing runSuite reports: same runs, commands and labels with a world hook making plain Worlds', () => {
  const plain = runSuite(options);
  let made = 0;
  let passed = 0;
  const hooked = runSuite({ ...options, hooks: { world: (s, m, u) => (made++, new World(s, m, u)), passed: () => void passed++ } });
  assert.is(hooked.runs, plain.runs);
  assert.is(hooked.commands, plain.commands);
  assert.equal([...hooked.labelRuns], [...plain.labelRuns]);
  assert.is(made, plain.runs);
  assert.is(passed, plain.runs);
});

test('the world hook replaces the World: runSuite counts what the hook\'s worlds report', () => {
  const stub: () => RunWorld = () => ({ steps: 2, labels: new Set(['x']), opCounts: new Map(), applies: () => false, step: () => undefined, finish: () => undefined });
  const out = runSuite({ ...options, hooks: { world: stub } });
  assert.is(out.commands, 2 * options.numRuns);
  assert.is(out.labelRuns.get('x'), options.numRuns);
});

test('failed is called once, at the first failing run, and shrunk with the replayed counterexample the minimizer then shortens', () => {
  const sut = perturbedDax('no-big-grow', (inner) => ({
    resize: (r, d, size) => (size >= 4n << 20n && inner.observe().regions[r]?.devices.find((x) => x.id === d)?.sizeBytes === 0n ? { ok: false, errno: 'ENOSPC' } : inner.resize(r, d, size)),
  }));
  const failed: number[] = [];
  let shrunk: number | null = null;
  const out = runSuite({ ...options, sut, seed: 11, numRuns: 300, maxCommands: 40, hooks: { failed: (w) => void failed.push(w.steps), shrunk: (c) => void (shrunk = c.length) } });
  assert.ok(out.counterexample, 'found');
  assert.is(failed.length, 1);
  assert.ok(failed[0]! >= 1, 'the failing step counts');
  assert.ok(shrunk !== null && shrunk >= out.counterexample.commands.length, `shrunk ${shrunk}, minimized ${out.counterexample.commands.length}`);
});

test.run();
