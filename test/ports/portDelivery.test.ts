/**
 * Delivery varies (sut/delivery.ts, docs/port-power.md): a defect that depends on how
 * requests arrive (the C-port mutant c-label-request-buffer keeps an extent's label as
 * a pointer into its request buffer) passes when a run arrives in one batch and fails
 * step by step or in split writes; a hunt through --sut-exec finds it, the file records
 * the delivery, and replay and minimize keep it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { processFactory } from '../../protocol/processSut.ts';
import { modelFactory } from '../../model/index.ts';
import { loadCounterexample } from '../../properties/counterexampleFile.ts';
import { daxSuite } from '../../properties/dax/daxSuite.ts';
import { replayCommands } from '../../properties/replay.ts';
import { MiB } from '../../sut/u64.ts';
import { buildCPort, C_PORT, ROOT } from './cport.ts';
import { mutantPort } from './cportMutant.ts';

const commands = [
  { op: 'createRegion', kind: 'dynamic', start: 0n, sizeBytes: 64n * MiB, align: 2n * MiB, seed: 'empty' },
  { op: 'addExtent', region: 0, at: 'abs', deltaBytes: 0n, lengthBytes: 8n * MiB, label: 'label-of-extent-0' },
  { op: 'createDevice', region: 0, sizeBytes: 0n },
  { op: 'createDevice', region: 0, sizeBytes: 0n },
];
const NO_VARIATION = { splitPercent: 0, stepPercent: 0, quitPercent: 0 };

test('the correct C port agrees under every delivery', () => {
  buildCPort();
  const port = processFactory([C_PORT], { shares: NO_VARIATION });
  try {
    for (const mode of ['batch', 'split', 'step'] as const) {
      for (let seed = 0; seed < 5; seed++) {
        port.pinDelivery({ mode, seed, quit: seed === 4 });
        assert.is(replayCommands(daxSuite, modelFactory, port, commands, false).failure, null, `${mode} ${seed}`);
      }
    }
  } finally {
    port.close();
  }
});

test('a label kept as a pointer into the request buffer passes in one batch, and fails step by step and in most split deliveries', () => {
  const port = processFactory([mutantPort('c-label-request-buffer')], { shares: NO_VARIATION });
  try {
    assert.is(replayCommands(daxSuite, modelFactory, port, commands, false).failure, null, 'one batch: the buffer holds the whole run');
    port.pinDelivery({ mode: 'step', seed: 0, quit: false });
    const f = replayCommands(daxSuite, modelFactory, port, commands, false).failure;
    assert.is(f?.kind, 'snapshot-mismatch', f?.message);
    assert.is(f!.step, 2, 'the next step\'s read overwrote the label');
    let split = 0;
    for (let seed = 0; seed < 10; seed++) {
      port.pinDelivery({ mode: 'split', seed, quit: false });
      if (replayCommands(daxSuite, modelFactory, port, commands, false).failure !== null) split++;
    }
    assert.ok(split >= 3, `${split} of 10 split deliveries catch it`);
  } finally {
    port.close();
  }
});

test('daxcheck hunt --sut-exec finds the request-buffer pointer; the file records a delivery other than one batch, and replay reproduces it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'daxcheck-delivery-'));
  try {
    const hunt = spawnSync(process.execPath, ['cli/bin.js', 'hunt', '--sut-exec', mutantPort('c-label-request-buffer'), '--suite', 'dax', '--seconds', '15', '--workers', '1', '--out', join(dir, 'found'), '--reports', join(dir, 'reports')], { cwd: ROOT, encoding: 'utf8', timeout: 150_000 });
    assert.is(hunt.status, 1, `hunt exited with ${hunt.status}: ${hunt.stdout.slice(-500)} ${hunt.stderr}`);
    const files = readdirSync(join(dir, 'found')).filter((f) => f.endsWith('.json')).map((f) => join(dir, 'found', f));
    const cxs = files.map((f) => ({ f, cx: loadCounterexample(f) }));
    const delivered = cxs.filter(({ cx }) => cx.delivery !== undefined && cx.delivery.mode !== 'batch');
    assert.ok(delivered.length >= 1, `a finding records its delivery: ${cxs.map(({ cx }) => `${cx.broke.kind} ${JSON.stringify(cx.delivery)}`).join('; ')}`);
    const { f, cx } = delivered.sort((a, b) => a.cx.commands.length - b.cx.commands.length)[0]!;
    assert.ok(cx.commands.some((c) => c.op === 'addExtent'), 'the run adds an extent with a label');
    const replay = spawnSync(process.execPath, ['cli/bin.js', 'replay', f], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.is(replay.status, 1, replay.stdout + replay.stderr);
    assert.match(replay.stdout, new RegExp(`delivery: ${cx.delivery!.mode}`));
    assert.match(replay.stdout, /\(as recorded\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
