/** runSuite's endsRun: in batch mode a run is planned no further than a call it names, so a run that meets a known trigger again costs only its steps so far. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createImplFactory } from '../../impl/index.ts';
import { modelFactory } from '../../model/index.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { sameData } from '../../properties/sameData.ts';
import { SUITES } from '../../properties/suites.ts';
import type { DaxSut, ResourceTreeSut, SutFactory } from '../../sut/interface.ts';
import type { PlannedStep, RunChecker, RunVerdict } from '../../sut/runCheck.ts';

const U64_MAX = (1n << 64n) - 1n;
const wholeSpace = (c: { op: string; start?: bigint; end?: bigint }) => c.op === 'mapping' && c.start === 0n && c.end === U64_MAX;

/** The implementation with K1 as a batch checker: every planned run's calls are kept. */
function k1Checker(): SutFactory & RunChecker & { planned: { op: string }[][] } {
  const impl = createImplFactory(['k1-whole-space-mapping']);
  const planned: { op: string }[][] = [];
  return {
    name: 'k1-batch', planned, createTree: () => impl.createTree(), createDax: () => impl.createDax(),
    checkRun(_suite: 'tree' | 'dax', steps: readonly PlannedStep[]): RunVerdict {
      planned.push(steps.map((s) => (s as PlannedStep & { call: { op: string } }).call));
      const sut = impl.createDax() as ResourceTreeSut & DaxSut;
      for (const [i, s] of steps.entries()) {
        const r = s.apply(sut);
        if (!sameData(r, s.result)) return { step: i, kind: 'result', sut: r };
      }
      return null;
    },
  };
}

test('with endsRun a planned run ends at the first call it names; without, runs go on past it', () => {
  const run = (endsRun?: (c: { op: string }) => boolean) => {
    const checker = k1Checker();
    const out = runSuite({ suite: SUITES['dax-contiguous'], model: modelFactory, sut: checker, seed: 5, numRuns: 300, maxCommands: 40, seenBefore: () => 'K1', ...(endsRun === undefined ? {} : { endsRun }) });
    const past = checker.planned.filter((calls) => calls.findIndex(wholeSpace) >= 0 && calls.findIndex(wholeSpace) < calls.length - 1).length;
    const reached = checker.planned.filter((calls) => calls.some(wholeSpace)).length;
    return { out, past, reached };
  };
  const plain = run();
  assert.ok(plain.past > 0, `some runs planned past a whole-space mapping (${plain.reached} reached one)`);
  const ended = run(wholeSpace);
  assert.ok(ended.reached > 0, 'runs reached the trigger');
  assert.is(ended.past, 0, 'no run planned past it');
  // every run that reached it failed there (K1) and was cut short, counting its steps up to the failure
  const cut = ended.out.cutShort.get('K1') ?? 0;
  assert.is(cut, ended.reached);
});

test.run();
