import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { compareBatch, planBatch, runAsBatch } from '../../../campaign/process/batchRun.ts';
import { processFactory } from '../../../campaign/process/processSut.ts';
import { modelFactory } from '../../../model/index.ts';
import { daxSuite } from '../../../properties/dax/daxSuite.ts';
import { treeSuite } from '../../../properties/tree/treeSuite.ts';
import type { AnySuite } from '../../../properties/suiteSpec.ts';
import { SHORTEST_TRIGGERS } from '../../../bench/shortestTriggers.ts';
import { buildCPort, C_PORT } from '../../ports/cport.ts';

/** Random runs of a suite as plain command lists (prefix + body), from a fixed seed. */
function runs(suite: AnySuite, n: number, seed: number): { op: string }[][] {
  const arb = fc.tuple(suite.prefix(), fc.array(suite.command(), { maxLength: 100, size: 'max' }));
  return fc.sample(arb, { numRuns: n, seed }).map(([prefix, body]) => [...prefix, ...body]);
}

test('runBatch: the C port answers 100 whole DAX runs and 100 tree runs, sent as one batch each, with the model\'s exact text', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    for (const suite of [daxSuite, treeSuite]) {
      for (const commands of runs(suite, 100, 21)) {
        const plan = planBatch(suite, modelFactory, commands);
        assert.is(plan.modelBroken, null);
        const answers = port.runBatch(plan.lines);
        assert.is(answers.length, plan.lines.length);
        assert.equal(compareBatch(plan, answers), null);
      }
    }
  } finally {
    port.close();
  }
});

test('runBatch: a batch gives the same answers as the same requests one call at a time', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const plan = planBatch(daxSuite, modelFactory, runs(daxSuite, 1, 4)[0]!);
    const batch = port.runBatch(plan.lines);
    const single = plan.lines.map((l) => port.runBatch([l])[0]!);
    assert.equal(single, batch);
  } finally {
    port.close();
  }
});

test('runBatch: a fault shows as the first differing line, its step and call, parsed into a snapshot difference', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const { commands } = SHORTEST_TRIGGERS['s1-shrink-adjusts-extent'];
    const ok = runAsBatch(daxSuite, modelFactory, port, commands);
    assert.is(ok, null);
    const m = runAsBatch(daxSuite, modelFactory, port, commands, ['s1-shrink-adjusts-extent']);
    assert.ok(m !== null);
    assert.is(m!.step, 4);
    assert.match(m!.call ?? '', /^resize\(dax0\.0, 512MiB\)$/);
    assert.is(m!.detail, 'model ok, sut err EBUSY');
    // A snapshot difference is reported as the first differing field.
    const plan = planBatch(daxSuite, modelFactory, commands);
    const answers = port.runBatch(plan.lines);
    answers[answers.length - 1] = answers[answers.length - 1]!.replace('"refs":2', '"refs":3');
    assert.match(compareBatch(plan, answers)!.detail, /refs: model 2, sut 3/);
  } finally {
    port.close();
  }
});

test('runBatch: when the port crashes mid-batch, the error names the request it died on and how many answers came', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const plan = planBatch(daxSuite, modelFactory, SHORTEST_TRIGGERS['s3-double-release'].commands, ['s3-double-release']);
    let error: { kind?: string; lastRequest?: string | null; answered?: number } = {};
    try {
      port.runBatch(plan.lines);
    } catch (e) {
      error = e as typeof error;
    }
    assert.is(error.kind, 'sut-crashed');
    assert.match(error.lastRequest ?? '', /^addExtent 0 0x0 0x200000 a$/);
    assert.is(error.answered, plan.lines.indexOf(error.lastRequest!));
  } finally {
    port.close();
  }
});

test.run();
