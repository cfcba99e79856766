/**
 * The port protocol's self-check (PROTOCOL.md "The self-check"): a port that announces
 * `check` is asked after every step, in batch mode (a `check` line after each step's
 * `observe`) and step by step (the instances' selfCheck()); `bad TEXT` is a self-check
 * counterexample at that step, the same step and text both ways; a port without the
 * capability is never asked.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planBatch } from '../../protocol/checkRun.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import type { AddRootCmd } from '../../properties/tree/ops/addRoot.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { ok } from '../../sut/interface.ts';
import type { PlannedStep } from '../../sut/runCheck.ts';
import { FAKE_PORT, PYTHON_PORT } from '../ports/cport.ts';

const roots: AddRootCmd[] = [0, 1, 2, 3, 4, 5].map((i) => ({ op: 'addRoot', start: BigInt(i) << 20n, end: (BigInt(i) << 20n) + 0xfffffn, name: `r${i}` }));

test('the handshake answer\'s capabilities are read, unknown ones kept but ignored; a port without any has none', () => {
  const fake = processFactory([...FAKE_PORT('badcheck'), '3']);
  const plain = processFactory(PYTHON_PORT);
  try {
    assert.equal([...fake.capabilities()].sort(), ['check', 'x-unknown-capability']);
    assert.is(fake.portName(), 'fake-badcheck');
    assert.equal([...plain.capabilities()], []);
    assert.is(plain.portName(), 'python-tree');
  } finally {
    fake.close();
    plain.close();
  }
});

test('a port that announces check answers "bad TEXT" after step 3: self-check at step 3 with its text, in batch mode and step by step alike', () => {
  const port = processFactory([...FAKE_PORT('badcheck'), '3']);
  try {
    const batch = replayCommands(treeSuite, modelFactory, port, roots, false);
    const stepwise = replayCommands(treeSuite, modelFactory, port, roots, true);
    for (const [mode, out] of [['batch', batch], ['step by step', stepwise]] as const) {
      assert.is(out.failure?.kind, 'self-check', mode);
      assert.is(out.failure!.step, 3, mode);
      assert.is(out.failure!.detail, 'index corrupt at step 3', mode);
      assert.is(out.executed.length, 4, mode);
    }
    assert.is(batch.failure!.message, stepwise.failure!.message);
    assert.is(stepwise.records.length, 4, 'step by step, the steps before the failing check ran and were recorded');
  } finally {
    port.close();
  }
});

test('runSuite against such a port reports the self-check and shrinks it to the 4 steps it needs', () => {
  const port = processFactory([...FAKE_PORT('badcheck'), '3']);
  try {
    const o = runSuite({ suite: treeSuite, model: modelFactory, sut: port, seed: 5, numRuns: 50, maxCommands: 20, minimizeReplays: 200 });
    const cx = o.counterexample;
    assert.ok(cx !== null, 'no counterexample');
    assert.is(cx!.failure.kind, 'self-check');
    assert.is(cx!.failure.step, 3);
    assert.is(cx!.commands.length, 4);
    assert.is(cx!.failure.detail, 'index corrupt at step 3');
  } finally {
    port.close();
  }
});

test('with selfCheck: false the runner never asks: the instances have no selfCheck and the same run passes', () => {
  const port = processFactory([...FAKE_PORT('badcheck'), '3'], { selfCheck: false });
  try {
    assert.is(port.createTree().selfCheck, undefined);
    assert.is(replayCommands(treeSuite, modelFactory, port, roots, false).failure, null);
    assert.is(replayCommands(treeSuite, modelFactory, port, roots, true).failure, null);
  } finally {
    port.close();
  }
});

test('a port without the capability gets no selfCheck on its instances and no check line in a batch', () => {
  const port = processFactory(PYTHON_PORT);
  try {
    assert.is(port.createTree().selfCheck, undefined);
    const step: PlannedStep = { apply: (sut) => sut.addRoot(0n, 0xffn, 'r'), result: ok(0), snapshot: { roots: [] } };
    assert.equal(planBatch('tree', [step], []).lines, ['new tree', 'addRoot 0x0 0xff r', 'observe']);
    assert.equal(planBatch('tree', [step], [], { selfCheck: true }).lines, ['new tree', 'addRoot 0x0 0xff r', 'observe', 'check']);
    assert.equal(planBatch('tree', [step], [], { selfCheck: true }).expected.slice(-1), ['ok']);
  } finally {
    port.close();
  }
});

test('an answer to check that is neither ok nor bad TEXT is sut-malformed at its step, in batch mode and step by step', () => {
  const port = processFactory(FAKE_PORT('checkgarbage'));
  try {
    for (const keepRecords of [false, true]) {
      const out = replayCommands(treeSuite, modelFactory, port, roots, keepRecords);
      assert.is(out.failure?.kind, 'sut-malformed', `keepRecords ${keepRecords}`);
      assert.is(out.failure!.step, 0);
      assert.match(out.failure!.detail, /expected "ok" or "bad TEXT" in answer to check, got "fine, thanks"/);
    }
  } finally {
    port.close();
  }
});

test.run();
