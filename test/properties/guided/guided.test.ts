/** Guided generation (properties/guided/): replayable from the seed, a corpus of runs that added something, mutants that stay in the suites' domain. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory, implFactory } from '../../../impl/index.ts';
import { modelFactory } from '../../../model/index.ts';
import { Corpus } from '../../../properties/guided/corpus.ts';
import { bucket } from '../../../properties/guided/features.ts';
import { isMutantRun } from '../../../properties/guided/guidance.ts';
import { runSuite } from '../../../properties/runSuite.ts';
import { SUITES } from '../../../properties/suites.ts';

/** The command lists of every passing run of a guided runSuite call, and its corpus. */
function guidedRuns(suite: 'tree' | 'dax', seed: number, numRuns: number): { runs: string[]; corpus: Corpus } {
  const corpus = new Corpus();
  const runs: string[] = [];
  const hooks = { passed: (w: unknown) => runs.push(JSON.stringify((w as { commands: unknown[] }).commands, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))) };
  const out = runSuite({ suite: SUITES[suite], model: modelFactory, sut: implFactory, seed, numRuns, maxCommands: 60, bigRunPercent: 10, guided: { corpus }, hooks });
  assert.is(out.counterexample, null);
  return { runs, corpus };
}

test('the same seed gives the same guided runs and the same corpus, in both suites', () => {
  for (const suite of ['tree', 'dax'] as const) {
    const a = guidedRuns(suite, 11, 150);
    const b = guidedRuns(suite, 11, 150);
    assert.equal(a.runs, b.runs);
    assert.equal(a.corpus.entries, b.corpus.entries);
    assert.ok(a.corpus.entries.length > 0, 'the corpus grew');
    assert.not.equal(guidedRuns(suite, 12, 150).runs, a.runs, 'another seed, other runs');
  }
});

test('guided runs are not the unguided runs: about half of them are corpus mutants', () => {
  const mutants = Array.from({ length: 1000 }, (_, i) => isMutantRun(5, i, 50)).filter(Boolean).length;
  assert.ok(mutants > 430 && mutants < 570, `${mutants} of 1000`);
  assert.ok(Array.from({ length: 100 }, (_, i) => isMutantRun(5, i, 0)).every((m) => !m), '0% makes no mutant');
});

test('the corpus keeps a run only when it reaches a new feature or one in fewer commands, cut after its last new feature', () => {
  const c = new Corpus();
  const cmds = (n: number) => Array.from({ length: n }, (_, i) => ({ op: `c${i}` }));
  assert.ok(c.offer(cmds(10), new Map([['a', 2], ['b', 5]])));
  assert.equal(c.entries.map((e) => e.commands.length), [6], 'cut after step 5');
  assert.not.ok(c.offer(cmds(10), new Map([['a', 5], ['b', 7]])), 'nothing new, nothing shorter');
  assert.ok(c.offer(cmds(10), new Map([['a', 0]])), 'a in 1 command');
  assert.equal(c.entries.map((e) => e.features), [['a', 'b'], ['a']]);
  assert.ok(c.offer(cmds(4), new Map([['a', 0], ['b', 1]])), 'b in 2 commands');
  assert.equal(c.entries.map((e) => e.commands.length), [1, 2], 'the first entry covers nothing best any more: dropped');
  assert.is(c.features, 2);
  assert.is(c.offered, 4);
  assert.is(c.added, 3);
});


test('label hit counts are bucketed as AFL does: 1, 2, 3, 4, 8, 16, 32', () => {
  assert.equal([1, 2, 3, 4, 5, 7, 8, 15, 16, 31, 32, 1000].map(bucket), [1, 2, 3, 4, 4, 4, 8, 8, 16, 16, 32, 32]);
});

test('a guided search finds a named fault (the model is its reference: s4 is a defect of the implementation only)', () => {
  const sut = createImplFactory(['s4-sized-create-dynamic']);
  let found = false;
  for (let seed = 1; seed <= 5 && !found; seed++) {
    const out = runSuite({ suite: SUITES.dax, model: modelFactory, sut, seed, numRuns: 200, maxCommands: 60, guided: true });
    found = out.counterexample !== null;
  }
  assert.ok(found);
});

test.run();
