/**
 * The C port's self-check (PROTOCOL.md "The self-check", ports/shared/check.c and
 * ports/c/dax-check.c): announced in the handshake, asked after every step step by step, silent
 * on a correct port, and it catches a defect planted in a test build (a freed device's
 * id never given back) at the step that made it, a step before any answer goes wrong.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { processFactory, type ProcessSutFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import type { AnySuite } from '../../properties/suiteSpec.ts';
import { treeSuite } from '../../properties/tree/treeSuite.ts';
import { MiB } from '../../sut/u64.ts';
import { buildCPort, C_PORT, ROOT } from './cport.ts';

/** Random runs of a suite as plain command lists (prefix + body), from a fixed seed. */
function runs(suite: AnySuite, n: number, seed: number): { op: string }[][] {
  const arb = fc.tuple(suite.prefix(), fc.array(suite.command(), { maxLength: 60, size: 'max' }));
  return fc.sample(arb, { numRuns: n, seed }).map(([prefix, body]) => [...prefix, ...body]);
}

/** Counts the selfCheck() calls on the instances port creates from now on. */
function countSelfChecks(port: ProcessSutFactory): { n: number } {
  const counter = { n: 0 };
  const wrap = <T extends { selfCheck?(): string[] }>(create: () => T) => () => {
    const sut = create();
    const own = sut.selfCheck!.bind(sut);
    sut.selfCheck = () => {
      counter.n += 1;
      return own();
    };
    return sut;
  };
  port.createTree = wrap(port.createTree.bind(port));
  port.createDax = wrap(port.createDax.bind(port));
  return counter;
}

let planted: { dir: string; binary: string } | null = null;

/** The C port built with -DDAXCHECK_PLANT_IDA_LEAK into a temporary BUILD directory (once). */
function plantedPort(): string {
  if (planted === null) {
    const dir = mkdtempSync(join(tmpdir(), 'cport-plant-'));
    execFileSync('make', ['-C', resolve(ROOT, 'ports/c'), `BUILD=${dir}`, 'CPPFLAGS=-DDAXCHECK_PLANT_IDA_LEAK'], { stdio: ['ignore', 'pipe', 'pipe'] });
    planted = { dir, binary: join(dir, 'daxcheck-port') };
  }
  return planted.binary;
}

const region: DaxCommand = { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' };
const leak: DaxCommand[] = [region, { op: 'createDevice', region: 0, sizeBytes: 0n }, { op: 'deleteDevice', region: 0, device: 1 }, { op: 'createDevice', region: 0, sizeBytes: 0n }];

test('the C port announces the check capability, and a fresh instance of each suite passes it', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  try {
    assert.ok(port.capabilities().has('check'));
    assert.equal(port.createTree().selfCheck?.(), []);
    assert.equal(port.createDax().selfCheck?.(), []);
    assert.equal(port.runBatch(['new dax', 'check', 'new tree', 'check']), ['ok', 'ok', 'ok', 'ok']);
  } finally {
    port.close();
  }
});

test('step by step, the C port passes its self-check after every successful step (and at the end of a run) of 60 DAX runs and 60 tree runs', () => {
  buildCPort();
  const port = processFactory([C_PORT]);
  const checks = countSelfChecks(port);
  let steps = 0;
  let expected = 0;
  try {
    for (const suite of [daxSuite, treeSuite]) {
      for (const commands of runs(suite, 60, 31)) {
        const out = replayCommands(suite, modelFactory, port, commands, true);
        assert.is(out.failure, null, out.failure?.message);
        steps += out.records.length;
        // A check after each success; steps that failed are checked at the next success, or once at the end.
        expected += out.records.filter((r) => r.sut.ok).length + (out.records.length > 0 && !out.records.at(-1)!.sut.ok ? 1 : 0);
      }
    }
  } finally {
    port.close();
  }
  assert.ok(steps > 1000, `${steps} steps`);
  assert.is(checks.n, expected, 'one self-check per successful step, and one at a run\'s end after failed steps');
});

test('a planted defect (a freed device id never given back) is a self-check at the deleteDevice that made it, in batch mode and step by step', () => {
  const port = processFactory([plantedPort()]);
  try {
    const batch = replayCommands(daxSuite, modelFactory, port, leak, false).failure;
    const stepwise = replayCommands(daxSuite, modelFactory, port, leak, true).failure;
    for (const f of [batch, stepwise]) {
      assert.is(f?.kind, 'self-check');
      assert.is(f!.step, 2);
      assert.is(f!.call, 'deleteDevice(dax0.1)');
      assert.is(f!.detail, 'region0: the ida has id 1 in use, but no device has it');
    }
    assert.is(batch!.message, stepwise!.message);
  } finally {
    port.close();
  }
});

test('without the self-check the same defect shows only a step later, as a wrong id from createDevice', () => {
  const port = processFactory([plantedPort()], { selfCheck: false });
  try {
    const f = replayCommands(daxSuite, modelFactory, port, leak, false).failure;
    assert.is(f?.kind, 'result-mismatch');
    assert.is(f!.step, 3);
    assert.is(f!.detail, 'model ok(id=1), sut ok(id=2)');
  } finally {
    port.close();
  }
});

test('a random search of the DAX suite against the planted port finds the defect as a self-check', () => {
  const port = processFactory([plantedPort()]);
  try {
    const o = runSuite({ suite: daxSuite, model: modelFactory, sut: port, seed: 9, numRuns: 200, maxCommands: 30, minimizeReplays: 200 });
    assert.ok(o.counterexample !== null, `no counterexample in ${o.runs} runs`);
    assert.is(o.counterexample!.failure.kind, 'self-check');
    assert.match(o.counterexample!.failure.detail, /^region0: the ida has id \d+ in use, but no device has it$/);
  } finally {
    port.close();
    if (planted !== null) rmSync(planted.dir, { recursive: true, force: true });
  }
});

test.run();
