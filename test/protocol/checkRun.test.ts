/**
 * Whole runs checked at once (protocol/checkRun.ts through the runner's batch
 * mode): the same verdicts as step by step, at the same step, for agreement, a wrong
 * answer, a wrong snapshot, a crash and garbage.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { checkBatch, planBatch } from '../../protocol/checkRun.ts';
import { processFactory, type ProcessSutFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import type { AnySuite } from '../../properties/suiteSpec.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import type { SutFactory } from '../../sut/interface.ts';
import { SHORTEST_TRIGGERS } from '../../bench/shortestTriggers.ts';
import { buildCPort, C_PORT } from '../ports/cport.ts';

/** Random runs of a suite as plain command lists (prefix + body), from a fixed seed. */
function runs(suite: AnySuite, n: number, seed: number): { op: string }[][] {
  const arb = fc.tuple(suite.prefix(), fc.array(suite.command(), { maxLength: 100, size: 'max' }));
  return fc.sample(arb, { numRuns: n, seed }).map(([prefix, body]) => [...prefix, ...body]);
}

/** The port with its batch answers passed through tamper first. */
function tampered(port: ProcessSutFactory, tamper: (answers: string[]) => string[]): SutFactory {
  return { ...port, name: port.name, createTree: () => port.createTree(), createDax: () => port.createDax(),
    checkRun: (suite: 'tree' | 'dax', steps: Parameters<ProcessSutFactory['checkRun']>[1]) =>
      checkBatch(planBatch(suite, steps, []), (lines) => tamper(port.runBatch(lines)), [C_PORT]) } as SutFactory;
}

test('batch mode: the C port agrees with the model on 100 whole DAX runs and 100 tree runs, each sent as one batch', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    for (const suite of [daxSuite, treeSuite]) {
      for (const commands of runs(suite, 100, 21)) {
        const out = replayCommands(suite, modelFactory, port, commands, false);
        assert.is(out.failure, null, out.failure?.message);
      }
    }
  } finally {
    port.close();
  }
});

test('batch mode finds each fault at the same step, of the same kind, as step-by-step mode', () => {
  buildCPort();
  for (const fault of ['s1-shrink-adjusts-extent', 's4-sized-create-dynamic', 'k1-whole-space-mapping'] as const) {
    const port = processFactory([C_PORT], { faults: [fault] });
    try {
      const { commands } = SHORTEST_TRIGGERS[fault];
      const batch = replayCommands(daxSuite, modelFactory, port, commands, false).failure;
      const stepwise = replayCommands(daxSuite, modelFactory, port, commands, true).failure;
      assert.ok(batch !== null && stepwise !== null, fault);
      assert.is(batch!.kind, stepwise!.kind, fault);
      assert.is(batch!.step, stepwise!.step, fault);
      assert.is(batch!.message, stepwise!.message, fault);
    } finally {
      port.close();
    }
  }
});

test('batch mode: a snapshot that differs is parsed and reported as its first differing field', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const { commands } = SHORTEST_TRIGGERS['s1-shrink-adjusts-extent']; // an extent from the second command on
    const last = (answers: string[]) => answers.map((a, i) => (i === answers.length - 1 ? a.replace('"label":"', '"label":"z') : a));
    const out = replayCommands(daxSuite, modelFactory, tampered(port, last), commands, false);
    assert.is(out.failure?.kind, 'snapshot-mismatch');
    assert.match(out.failure!.detail, /label: model "[a-c]", sut "z[a-c]"/);
    assert.is(out.failure!.step, out.executed.length - 1);
  } finally {
    port.close();
  }
});

test('batch mode: an answer that is not an answer is sut-malformed at its step', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    const commands = runs(treeSuite, 1, 5)[0]!;
    const garbage = (answers: string[]) => answers.map((a, i) => (i === 2 ? 'hello' : a));
    const out = replayCommands(treeSuite, modelFactory, tampered(port, garbage), commands, false);
    assert.is(out.failure?.kind, 'sut-malformed');
    assert.is(out.failure!.step, 0, 'line 2 is the first step\'s observe (after "new tree" and its request)');
  } finally {
    port.close();
  }
});

test('batch mode: a crash mid-batch (S3 under ASan) is sut-crashed at the step it died in, with the sanitizer summary', () => {
  buildCPort();
  const port = processFactory([C_PORT], { faults: ['s3-double-release'] });
  try {
    const { commands } = SHORTEST_TRIGGERS['s3-double-release'];
    const out = replayCommands(daxSuite, modelFactory, port, commands, false);
    assert.is(out.failure?.kind, 'sut-crashed');
    assert.is(out.failure!.call.startsWith('addExtent('), true, out.failure!.call);
    assert.match(out.failure!.message, /SUMMARY: AddressSanitizer: heap-use-after-free/);
    assert.is(replayCommands(daxSuite, modelFactory, port, commands, true).failure?.step, out.failure!.step, 'the same step step by step');
  } finally {
    port.close();
  }
});

test.run();
