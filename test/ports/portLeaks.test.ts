/**
 * A port's leaks are findings (PROTOCOL.md "Leaks", docs/port-power.md): the C port's
 * allocation ledger answers the `check` after `new` with what the dropped instance left
 * behind, and the exit status after `quit` (LeakSanitizer's report) is part of the
 * verdict. Both are shown on a planted leak (the C-port mutant c-leak-on-delete) in
 * batch mode and step by step, shrunk by a hunt through --sut-exec and replayed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { chooseDelivery } from '../../protocol/delivery.ts';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import type { DaxCommand } from '../../properties/dax/daxCommand.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { runSuite } from '../../properties/runSuite.ts';
import { MiB } from '../../sut/u64.ts';
import { buildCPort, C_PORT, ROOT } from './cport.ts';
import { mutantPort } from './cportMutant.ts';

const region: DaxCommand = { op: 'createRegion', kind: 'contiguous', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' };
const leaky: DaxCommand[] = [region, { op: 'createDevice', region: 0, sizeBytes: 0n }, { op: 'deleteDevice', region: 0, device: 1 }];
const clean: DaxCommand[] = [region, { op: 'createDevice', region: 0, sizeBytes: 0n }];
const NO_VARIATION = { splitPercent: 0, stepPercent: 0, quitPercent: 0 };

test('the C port announces leaks; its check after new is ok for a correct instance and names the allocations a leaky one left', () => {
  buildCPort();
  const good = processFactory([C_PORT]);
  const bad = processFactory([mutantPort('c-leak-on-delete')]);
  const lines = ['new dax', 'createRegion contiguous 0x0 0x4000000 0x200000 empty', 'createDevice 0 0x0', 'deleteDevice 0 1', 'check', 'new dax', 'check', 'observe', 'check'];
  try {
    assert.ok(good.capabilities().has('leaks'));
    const snap = 'snap {"regions":[]}';
    assert.equal(good.runBatch(lines), ['ok', 'ok 0', 'ok 1', 'ok', 'ok', 'ok', 'ok', snap, 'ok']);
    // The instance's own check still holds; the ledger shows the leak once the instance is dropped, to the check right after new only.
    assert.equal(bad.runBatch(lines), ['ok', 'ok 0', 'ok 1', 'ok', 'ok', 'ok', 'bad leak: the dropped dax instance left 1 allocation(s) behind', snap, 'ok']);
    assert.equal(bad.runBatch(['new dax', 'createRegion contiguous 0x0 0x4000000 0x200000 empty', 'createDevice 0 0x0', 'deleteDevice 0 1', 'new dax', 'observe', 'check']), ['ok', 'ok 0', 'ok 1', 'ok', 'ok', snap, 'ok']);
  } finally {
    good.close();
    bad.close();
  }
});

test('the ledger makes a planted leak a sut-leaked failure at the run\'s last step, in batch mode and step by step; a run that frees everything passes', () => {
  const port = processFactory([mutantPort('c-leak-on-delete')], { shares: NO_VARIATION });
  try {
    for (const keepRecords of [false, true]) {
      const f = replayCommands(daxSuite, modelFactory, port, leaky, keepRecords).failure;
      assert.is(f?.kind, 'sut-leaked', `records ${keepRecords}: ${f?.message}`);
      assert.is(f!.step, 2);
      assert.is(f!.detail, 'leak: the dropped dax instance left 1 allocation(s) behind');
      assert.is(replayCommands(daxSuite, modelFactory, port, clean, keepRecords).failure, null);
    }
  } finally {
    port.close();
  }
});

test('without the ledger, the exit status after quit catches the same leak: LeakSanitizer\'s SUMMARY line is the failure', () => {
  const port = processFactory([mutantPort('c-leak-on-delete')], { leakCheck: false, shares: { ...NO_VARIATION, quitPercent: 100 } });
  const silent = processFactory([mutantPort('c-leak-on-delete')], { leakCheck: false, shares: NO_VARIATION });
  try {
    const f = replayCommands(daxSuite, modelFactory, port, leaky, false).failure;
    assert.is(f?.kind, 'sut-leaked', f?.message);
    assert.is(f!.step, 2);
    assert.match(f!.detail, /after quit \(last request: quit\): SUMMARY: AddressSanitizer: \d+ byte\(s\) leaked in 1 allocation\(s\)\.$/);
    assert.is(replayCommands(daxSuite, modelFactory, port, clean, false).failure, null, 'a clean run exits with 0');
    // Step by step (replay) under a pinned delivery with quit: the run's end quits and judges the exit.
    port.pinDelivery({ mode: 'step', seed: 0, quit: true });
    const stepwise = replayCommands(daxSuite, modelFactory, port, leaky, true);
    assert.is(stepwise.failure?.kind, 'sut-leaked', stepwise.failure?.message);
    assert.is(stepwise.failure!.step, 2);
    assert.is(stepwise.records.length, 3);
    assert.is(replayCommands(daxSuite, modelFactory, port, clean, true).failure, null);
    // Neither ledger nor quit: the leak is invisible (what issue 25 found).
    assert.is(replayCommands(daxSuite, modelFactory, silent, leaky, false).failure, null);
  } finally {
    port.close();
    silent.close();
  }
});

test('a leak seen at the exit of a process that served earlier runs is pinned on the run that leaks: the clean run that quit passes, the next leaky run fails on a process of its own', () => {
  // A seed whose first run does not quit and whose second does.
  const shares = { ...NO_VARIATION, quitPercent: 50 };
  let seed = 0;
  while (chooseDelivery(seed, 0, shares).quit || !chooseDelivery(seed, 1, shares).quit) seed++;
  const port = processFactory([mutantPort('c-leak-on-delete')], { leakCheck: false, shares, deliverySeed: seed });
  try {
    assert.is(replayCommands(daxSuite, modelFactory, port, leaky, false).failure, null, 'run 1 leaks, but its process lives on');
    assert.is(replayCommands(daxSuite, modelFactory, port, clean, false).failure, null, 'run 2 quits: the leak at exit is run 1\'s, and run 2 alone passes');
    const f = replayCommands(daxSuite, modelFactory, port, leaky, false).failure;
    assert.is(f?.kind, 'sut-leaked', 'run 3 has a process of its own and quits');
    assert.equal(port.pinnedDelivery()?.quit, true, 'the failing run pinned its delivery');
  } finally {
    port.close();
  }
});

test('a random search finds the planted leak and shrinks it to a region and the deletion of one of its devices (by deleteDevice or destroyRegion)', () => {
  const port = processFactory([mutantPort('c-leak-on-delete')]);
  try {
    const o = runSuite({ suite: daxSuite, model: modelFactory, sut: port, seed: 3, numRuns: 100, maxCommands: 40, minimizeReplays: 300 });
    assert.ok(o.counterexample !== null, `no counterexample in ${o.runs} runs`);
    assert.is(o.counterexample!.failure.kind, 'sut-leaked');
    const ops = o.counterexample!.commands.map((c) => c.op).join(' ');
    assert.ok(['createRegion destroyRegion', 'createRegion createDevice deleteDevice'].includes(ops), ops);
  } finally {
    port.close();
  }
});

test('daxcheck hunt --sut-exec finds the planted leak, saves it shrunk, and daxcheck replay reproduces it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-leakhunt-'));
  try {
    const binary = mutantPort('c-leak-on-delete');
    const hunt = spawnSync(process.execPath, ['cli/bin.js', 'hunt', '--sut-exec', binary, '--suite', 'dax', '--seconds', '10', '--workers', '1', '--out', join(dir, 'found'), '--reports', join(dir, 'reports')], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.is(hunt.status, 1, `hunt exited with ${hunt.status}: ${hunt.stderr}`);
    type Cx = { broke: { kind: string }; commands: { op: string }[] };
    const files = readdirSync(join(dir, 'found')).filter((f) => f.endsWith('.json'));
    const found = files.map((f) => ({ f, cx: JSON.parse(readFileSync(join(dir, 'found', f), 'utf8')) as Cx }));
    assert.ok(found.length >= 1, 'a counterexample was saved');
    for (const { f, cx } of found) assert.is(cx.broke.kind, 'sut-leaked', f);
    const smallest = found.sort((a, b) => a.cx.commands.length - b.cx.commands.length)[0]!;
    assert.ok(smallest.cx.commands.length <= 3, `shrunk to ${smallest.cx.commands.length} commands`);
    const replay = spawnSync(process.execPath, ['cli/bin.js', 'replay', join(dir, 'found', smallest.f)], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.is(replay.status, 1, replay.stderr);
    assert.match(replay.stdout, /FAILS at step \d+: (deleteDevice|destroyRegion)\(.*\): sut-leaked/);
    assert.match(replay.stdout, /\(as recorded\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
